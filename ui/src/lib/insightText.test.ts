// The insights in words: segments and what they mean, rhythms, habits, shares, months, buckets.
import { describe, expect, it } from 'vitest';
import { insightsFixture } from '../test-fixtures';
import {
  bucketName,
  dayCount,
  everyDays,
  habitText,
  insightsSummary,
  liftText,
  monthName,
  monthOfYear,
  nextMonth,
  percent,
  rhythmText,
  segmentCounts,
  SEGMENTS,
  segmentLabel,
  segmentMeaning,
  sentence,
  shortDate,
} from './insightText';

const GB = 'en-GB';

describe('segments', () => {
  it('names every segment the core knows, best first, each with a plain meaning', () => {
    expect(SEGMENTS.map((s) => s.value)).toEqual(['champions', 'loyal', 'potential', 'new', 'at-risk', 'cant-lose', 'hibernating', 'lost']);
    expect(segmentLabel('champions')).toBe('Champion');
    expect(segmentLabel('at-risk')).toBe('At risk');
    expect(segmentMeaning('cant-lose')).toBe('Was among your best customers, but has not ordered lately.');
    expect(SEGMENTS.every((s) => s.meaning.endsWith('.'))).toBe(true);
  });
});

describe('rhythm and habits', () => {
  it('says how often they order and when they last did', () => {
    const rhythm = { usual_gap_days: 14, threshold_days: 28, last_order: '2025-11-03' };
    expect(rhythmText(rhythm, '2025-11-24', GB)).toBe('Usually orders every 14 days; last order 3 Nov');
    expect(rhythmText({ ...rhythm, last_order: '2024-12-20' }, '2025-11-24', GB)).toBe(
      'Usually orders every 14 days; last order 20 Dec 2024',
    );
    expect(everyDays(1)).toBe('every day');
  });

  it('writes a seasonal habit with the month, the usual day and the years', () => {
    expect(habitText({ month: 11, typical_day: 20, years: 3 }, GB)).toBe('Orders every November, around the 20th (3 years)');
    expect(habitText({ month: 2, typical_day: 1, years: 1 }, GB)).toBe('Orders every February, around the 1st (1 year)');
    expect(habitText({ month: 7, typical_day: 22, years: 2 }, GB)).toBe('Orders every July, around the 22nd (2 years)');
  });
});

describe('numbers and months', () => {
  it('writes shares as percentages and lifts as multiples', () => {
    expect(percent(0.25, GB)).toBe('25%');
    expect(percent(0.125, GB)).toBe('12.5%');
    expect(liftText(1.8, GB)).toBe('1.8×');
    expect(liftText(2, GB)).toBe('2.0×');
    expect(dayCount(1)).toBe('1 day');
    expect(dayCount(70)).toBe('70 days');
  });

  it('names months, and the one after the day analysed', () => {
    expect(monthName(11, GB)).toBe('November');
    expect(monthOfYear('2026-11', GB)).toBe('Nov 2026');
    expect(nextMonth('2025-11-24')).toBe(12);
    expect(nextMonth('2025-12-24')).toBe(1);
    expect(shortDate('2025-11-03', '2025-11-24', GB)).toBe('3 Nov');
  });
});

describe('sentence', () => {
  it("turns the core's clause into a sentence", () => {
    expect(sentence('usually every 14 days; 70 days since the last order')).toBe('Usually every 14 days; 70 days since the last order.');
    expect(sentence('Already one.')).toBe('Already one.');
  });
});

describe('breakdown buckets', () => {
  it('uses the stored name, the channel in words, or says what an empty bucket is', () => {
    expect(bucketName('by_city', 'Stockholm')).toBe('Stockholm');
    expect(bucketName('by_city', null)).toBe('No city');
    expect(bucketName('by_channel', 'whatsapp')).toBe('WhatsApp');
    expect(bucketName('by_tag', null)).toBe('No tags');
  });
});

describe('tallies of the core rows', () => {
  it('adds up the customers, their orders and spending, and who is drifting', () => {
    expect(insightsSummary(insightsFixture())).toEqual({ customers: 3, orders: 19, revenueMinor: 76_200, drifting: 1 });
  });

  it('counts customers per segment, every segment listed best first', () => {
    const counts = segmentCounts(insightsFixture());
    expect(counts.map((c) => [c.label, c.customers])).toEqual([
      ['Champion', 1],
      ['Loyal', 0],
      ['Promising', 0],
      ['New', 1],
      ['At risk', 1],
      ["Can't lose", 0],
      ['Hibernating', 0],
      ['Lost', 0],
    ]);
  });
});

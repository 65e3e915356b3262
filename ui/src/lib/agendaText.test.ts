// How a reminder reads: what it is, when it is due beside the agenda's own date, and whose it is.
import { describe, expect, it } from 'vitest';
import { agendaItem } from '../test-fixtures';
import { dayAfter, daysBetween, dueCount, itemDetail, itemsWhen, itemSubject, itemWhat, itemWhen, longDay, shortDay } from './agendaText';

const GB = 'en-GB';

describe('itemWhat', () => {
  it('gives a birthday the age it marks, when the birth year is known', () => {
    expect(itemWhat(agendaItem({ customer_name: 'Anna Berg', age: 41 }))).toBe('Birthday · turns 41');
    expect(itemWhat(agendaItem({ customer_name: 'Anna Berg', age: null }))).toBe('Birthday');
  });

  it('counts the years of another yearly date', () => {
    const wedding = { customer_name: 'Bo', kind: 'anniversary', label: 'Wedding' } as const;
    expect(itemWhat(agendaItem({ ...wedding, years: 6 }))).toBe('Wedding · 6 years');
    expect(itemWhat(agendaItem({ ...wedding, years: 1 }))).toBe('Wedding · 1 year');
    expect(itemWhat(agendaItem({ ...wedding, years: null }))).toBe('Wedding');
  });

  it('names a follow-up, with its time when it has one, and a keep-in-touch cadence', () => {
    const followUp = { customer_name: 'Bo', kind: 'follow-up', label: 'Call about the cake' } as const;
    expect(itemWhat(agendaItem(followUp))).toBe('Follow up: Call about the cake');
    expect(itemWhat(agendaItem({ ...followUp, time: '14:30' }))).toBe('Follow up: Call about the cake · 14:30');
    expect(itemWhat(agendaItem({ customer_name: 'Bo', kind: 'keep-in-touch', label: 'Every 30 days' }))).toBe(
      'Keep in touch · Every 30 days',
    );
  });
});

describe('order drops and seasons', () => {
  const drop = agendaItem({
    customer_name: 'Anna Berg',
    kind: 'order-drop',
    label: 'Ordering less than usual',
    detail: 'usually every 14 days; 70 days since the last order',
  });
  const season = agendaItem({
    customer_name: 'Bo Ek',
    kind: 'season',
    when: 'upcoming',
    date: '2025-11-06',
    label: 'Usually orders in November',
    detail: 'ordered in November in 3 years; the season starts around 2025-11-20',
  });

  it('says what the reminder is with its label alone', () => {
    expect(itemWhat(drop)).toBe('Ordering less than usual');
    expect(itemWhat(season)).toBe('Usually orders in November');
  });

  it("gives the core's reason as a sentence, its day in the list's words", () => {
    expect(itemDetail(drop, GB)).toBe('Usually every 14 days; 70 days since the last order.');
    expect(itemDetail(season, GB)).toBe('Ordered in November in 3 years; the season starts around Thu 20 Nov.');
  });

  it("leaves a follow-up's note as written, and has nothing when there is no detail", () => {
    const note = agendaItem({ customer_name: 'Bo', kind: 'follow-up', label: 'Call', detail: 'wants rye on 2025-12-01' });
    expect(itemDetail(note, GB)).toBe('wants rye on 2025-12-01');
    expect(itemDetail(agendaItem({ customer_name: 'Bo' }), GB)).toBeNull();
  });

  it('names whose reminder it is', () => {
    expect(itemSubject(drop)).toBe('Anna Berg’s drop in orders');
    expect(itemSubject(season)).toBe('Bo Ek’s season reminder');
  });
});

describe('itemWhen', () => {
  const today = '2025-11-24';

  it('says since when an overdue item is due', () => {
    expect(itemWhen(agendaItem({ customer_name: 'A', when: 'overdue', date: '2025-11-21' }), today, GB)).toBe(
      'since Fri 21 Nov',
    );
  });

  it('says nothing for today, and how far off an upcoming item is', () => {
    expect(itemWhen(agendaItem({ customer_name: 'A' }), today, GB)).toBe('');
    expect(itemWhen(agendaItem({ customer_name: 'A', when: 'upcoming', date: '2025-11-26' }), today, GB)).toBe(
      'in 2 days · Wed 26 Nov',
    );
    expect(itemWhen(agendaItem({ customer_name: 'A', when: 'upcoming', date: '2025-11-25' }), today, GB)).toBe(
      'tomorrow · Tue 25 Nov',
    );
  });
});

describe('days', () => {
  it('writes the page date in words and a short day', () => {
    expect(longDay('2025-11-24', GB)).toBe('Monday 24 November');
    expect(shortDay('2025-12-01', GB)).toBe('Mon 1 Dec');
    expect(longDay('not a day', GB)).toBe('not a day');
  });

  it('counts days across months and years from the given day, not the clock', () => {
    expect(dayAfter('2025-12-31', 1)).toBe('2026-01-01');
    expect(dayAfter('2025-11-24', 7)).toBe('2025-12-01');
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
    expect(daysBetween('2025-12-30', 'soon')).toBeNull();
  });
});

describe('the list', () => {
  it("names whose reminder it is", () => {
    expect(itemSubject(agendaItem({ customer_name: 'Anna Berg' }))).toBe('Anna Berg’s birthday');
    expect(itemSubject(agendaItem({ customer_name: 'Bo', kind: 'follow-up', label: 'Call' }))).toBe('Bo’s follow-up');
  });

  it('splits the items into sections in order, and counts those due now', () => {
    const late = agendaItem({ customer_name: 'A', when: 'overdue' });
    const now = agendaItem({ customer_name: 'B' });
    const soon = agendaItem({ customer_name: 'C', when: 'upcoming' });
    const agenda = { date: '2025-11-24', items: [late, now, soon] };
    expect(itemsWhen(agenda, 'upcoming')).toEqual([soon]);
    expect(dueCount(agenda)).toBe(2);
  });
});

describe('complaints and asking for feedback', () => {
  const complaint = agendaItem({
    customer_name: 'Anna Berg',
    kind: 'complaint-due',
    label: 'Acknowledge complaint: The cake was late',
    detail: 'complained 2025-11-16; the policy says acknowledge within 2 days',
  });
  const ask = agendaItem({
    customer_name: 'Bo Ek',
    kind: 'ask-feedback',
    label: 'Ask how the order went',
    detail: 'Order on 2025-11-21: 2 × Bread, 1 × Butter',
  });

  it("says what the complaint's deadline asks, and the policy's reason as a sentence", () => {
    expect(itemWhat(complaint)).toBe('Acknowledge complaint: The cake was late');
    expect(itemDetail(complaint, GB)).toBe('Complained Sun 16 Nov; the policy says acknowledge within 2 days.');
    expect(itemSubject(complaint)).toBe('Anna Berg’s complaint');
  });

  it('says what an ask for feedback follows, leaving its words as they are', () => {
    expect(itemWhat(ask)).toBe('Ask how the order went');
    expect(itemDetail(ask, GB)).toBe('Order on Fri 21 Nov: 2 × Bread, 1 × Butter');
    const meeting = agendaItem({ customer_name: 'Bo Ek', kind: 'ask-feedback', label: 'Ask how the meeting went', detail: 'Meeting on 2025-11-21: see 2025-12-01' });
    expect(itemDetail(meeting, GB)).toBe('Meeting on Fri 21 Nov: see 2025-12-01');
    expect(itemSubject(ask)).toBe('Bo Ek’s feedback request');
  });
});

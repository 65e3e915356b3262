// Birthdays, month names and counts read in the owner's locale.
import { describe, expect, it } from 'vitest';
import {
  customerCount,
  formatBirthday,
  formatCadence,
  formatFollowUp,
  formatMoment,
  formatRelativeDay,
  monthNames,
} from './format';

describe('formatBirthday', () => {
  it('shows a full date in the owner locale', () => {
    expect(formatBirthday('1985-11-23', 'en-GB')).toBe('23 November 1985');
    expect(formatBirthday('1985-11-23', 'en-US')).toBe('November 23, 1985');
    expect(formatBirthday('1985-11-23', 'de-DE')).toBe('23. November 1985');
  });

  it('shows day and month only when the year is unknown', () => {
    expect(formatBirthday('--11-23', 'en-GB')).toBe('23 November');
    expect(formatBirthday('--11-23', 'en-US')).toBe('November 23');
  });

  it('shows 29 February without a year', () => {
    expect(formatBirthday('--02-29', 'en-GB')).toBe('29 February');
  });

  it('does not shift the day whatever the time zone', () => {
    expect(formatBirthday('2000-01-01', 'en-GB')).toBe('1 January 2000');
    expect(formatBirthday('1999-12-31', 'en-GB')).toBe('31 December 1999');
  });

  it('keeps years before 100 as they are', () => {
    expect(formatBirthday('0042-06-01', 'en-GB')).toBe('1 June 42');
  });

  it('shows text in an unexpected shape unchanged', () => {
    expect(formatBirthday('sometime in May', 'en-GB')).toBe('sometime in May');
  });
});

describe('monthNames', () => {
  it('lists the twelve months with values 1 to 12', () => {
    const months = monthNames('en-GB');
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ value: 1, name: 'January' });
    expect(months[1]).toEqual({ value: 2, name: 'February' });
    expect(months[11]).toEqual({ value: 12, name: 'December' });
  });

  it('names the months in the owner language', () => {
    expect(monthNames('fr-FR')[1].name).toBe('février');
  });
});

describe('customerCount', () => {
  it('says "customer" for one and "customers" otherwise', () => {
    expect(customerCount(0, 'en-GB')).toBe('0 customers');
    expect(customerCount(1, 'en-GB')).toBe('1 customer');
    expect(customerCount(2, 'en-GB')).toBe('2 customers');
  });

  it('groups digits the owner way', () => {
    expect(customerCount(1204, 'en-GB')).toBe('1,204 customers');
  });
});

describe('formatFollowUp', () => {
  const today = { year: 2025, month: 11, day: 20 };

  it('shows a date this year as day and short month', () => {
    expect(formatFollowUp('2025-12-01', today, 'en-GB')).toBe('1 Dec');
    expect(formatFollowUp('2025-12-01', today, 'en-US')).toBe('Dec 1');
  });

  it('adds the year when it is not this year', () => {
    expect(formatFollowUp('2026-01-05', today, 'en-GB')).toBe('5 Jan 2026');
  });

  it('adds the time when there is one, unchanged by the time zone', () => {
    expect(formatFollowUp('2025-12-01T09:30', today, 'en-GB')).toBe('1 Dec, 09:30');
  });

  it('shows text in an unexpected shape unchanged', () => {
    expect(formatFollowUp('soon', today, 'en-GB')).toBe('soon');
  });
});

describe('formatMoment', () => {
  it('shows a moment as a local date and time', () => {
    expect(formatMoment('2025-12-01T14:30:00+01:00', 'en-GB', 'Europe/Stockholm')).toBe('1 Dec 2025, 14:30');
    expect(formatMoment('2025-12-01T14:30:00+01:00', 'en-GB', 'UTC')).toBe('1 Dec 2025, 13:30');
  });

  it('shows text that is not a moment unchanged', () => {
    expect(formatMoment('yesterday', 'en-GB')).toBe('yesterday');
  });
});

describe('formatRelativeDay', () => {
  const now = new Date(2025, 10, 20, 15, 0);
  const daysAgo = (n: number) => new Date(2025, 10, 20 - n, 9, 0).toISOString();

  it('says today, yesterday and days ago by calendar day', () => {
    expect(formatRelativeDay(daysAgo(0), now, 'en')).toBe('today');
    expect(formatRelativeDay(daysAgo(1), now, 'en')).toBe('yesterday');
    expect(formatRelativeDay(daysAgo(3), now, 'en')).toBe('3 days ago');
  });

  it('counts weeks, months and years for longer gaps', () => {
    expect(formatRelativeDay(daysAgo(15), now, 'en')).toBe('2 weeks ago');
    expect(formatRelativeDay(daysAgo(65), now, 'en')).toBe('2 months ago');
    expect(formatRelativeDay(daysAgo(800), now, 'en')).toBe('2 years ago');
  });
});

describe('formatCadence', () => {
  it('reads as "every N days"', () => {
    expect(formatCadence(1, 'en-GB')).toBe('every day');
    expect(formatCadence(14, 'en-GB')).toBe('every 14 days');
    expect(formatCadence(1000, 'en-GB')).toBe('every 1,000 days');
  });
});

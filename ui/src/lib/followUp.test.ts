// Follow-up quick picks count from the owner's calendar day; month ends and leap years included.
import { describe, expect, it } from 'vitest';
import { addMonths, calendarDate, followUpDate, isoDate, QUICK_PICKS, type CalendarDate } from './followUp';

const day = (text: string): CalendarDate => {
  const [year, month, d] = text.split('-').map(Number);
  return { year, month, day: d };
};

describe('followUpDate', () => {
  it('gives tomorrow, next week, in 2 weeks and in a month from an ordinary day', () => {
    const today = day('2025-06-10');
    expect(followUpDate('tomorrow', today)).toBe('2025-06-11');
    expect(followUpDate('next-week', today)).toBe('2025-06-17');
    expect(followUpDate('in-2-weeks', today)).toBe('2025-06-24');
    expect(followUpDate('in-a-month', today)).toBe('2025-07-10');
  });

  it('rolls over the end of a month', () => {
    expect(followUpDate('tomorrow', day('2025-04-30'))).toBe('2025-05-01');
    expect(followUpDate('next-week', day('2025-01-28'))).toBe('2025-02-04');
  });

  it('rolls over the end of the year', () => {
    expect(followUpDate('tomorrow', day('2025-12-31'))).toBe('2026-01-01');
    expect(followUpDate('in-2-weeks', day('2025-12-24'))).toBe('2026-01-07');
    expect(followUpDate('in-a-month', day('2025-12-15'))).toBe('2026-01-15');
  });

  it('gives 29 February in a leap year and 1 March otherwise', () => {
    expect(followUpDate('tomorrow', day('2028-02-28'))).toBe('2028-02-29');
    expect(followUpDate('tomorrow', day('2027-02-28'))).toBe('2027-03-01');
    expect(followUpDate('tomorrow', day('2100-02-28'))).toBe('2100-03-01');
    expect(followUpDate('tomorrow', day('2000-02-28'))).toBe('2000-02-29');
  });

  it('"In a month" from the 31st lands on the last day of a shorter month', () => {
    expect(followUpDate('in-a-month', day('2025-01-31'))).toBe('2025-02-28');
    expect(followUpDate('in-a-month', day('2028-01-31'))).toBe('2028-02-29');
    expect(followUpDate('in-a-month', day('2025-03-31'))).toBe('2025-04-30');
    expect(followUpDate('in-a-month', day('2025-08-31'))).toBe('2025-09-30');
  });

  it('"In a month" from 29 February lands on 29 March', () => {
    expect(followUpDate('in-a-month', day('2028-02-29'))).toBe('2028-03-29');
  });

  it('offers the picks in the agreed words and order', () => {
    expect(QUICK_PICKS.map((p) => p.label)).toEqual(['Tomorrow', 'Next week', 'In 2 weeks', 'In a month']);
  });
});

describe('addMonths', () => {
  it('counts across several years', () => {
    expect(addMonths(day('2025-11-30'), 15)).toEqual(day('2027-02-28'));
    expect(addMonths(day('2025-03-31'), -1)).toEqual(day('2025-02-28'));
  });
});

describe('calendarDate', () => {
  it('is the local calendar day of the given moment', () => {
    expect(calendarDate(new Date(2025, 11, 31, 23, 59))).toEqual({ year: 2025, month: 12, day: 31 });
    expect(calendarDate(new Date(2026, 0, 1, 0, 0))).toEqual({ year: 2026, month: 1, day: 1 });
  });
});

describe('isoDate', () => {
  it('zero-pads month and day', () => {
    expect(isoDate({ year: 2025, month: 3, day: 7 })).toBe('2025-03-07');
  });
});

// Birthdays, month names and counts read in the owner's locale.
import { describe, expect, it } from 'vitest';
import { customerCount, formatBirthday, monthNames } from './format';

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

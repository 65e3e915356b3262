// How Your data reads: counts and sizes in the owner's locale, what a backup holds as a sentence,
// and why an import could not be undone.
import { describe, expect, it } from 'vitest';
import { countsText, countText, EXPORTS, formatBytes, undoImportProblem } from './dataText';

const counts = { customers: 812, interactions: 2304, orders: 120, products: 0, feedback: 1, complaints: 0 };

describe('countsText', () => {
  it('names the customers and what else there is, with separators of the locale', () => {
    expect(countsText(counts, 'en-GB')).toBe('812 customers, 2,304 notes, 120 orders and 1 piece of feedback');
    expect(countsText(counts, 'de-DE')).toBe('812 customers, 2.304 notes, 120 orders and 1 piece of feedback');
  });

  it('always names the customers, even none', () => {
    expect(countsText({ customers: 0, interactions: 0, orders: 0, products: 0, feedback: 0, complaints: 0 }, 'en')).toBe('0 customers');
    expect(countsText({ customers: 1, interactions: 1, orders: 0, products: 0, feedback: 0, complaints: 2 }, 'en')).toBe(
      '1 customer, 1 note and 2 complaints',
    );
  });
});

describe('countText and formatBytes', () => {
  it('pluralise and format', () => {
    expect(countText(1, 'contact', 'contacts', 'en')).toBe('1 contact');
    expect(countText(1204, 'contact', 'contacts', 'en')).toBe('1,204 contacts');
  });

  it('give sizes in bytes, kB, MB and GB', () => {
    expect(formatBytes(840, 'en')).toBe('840 bytes');
    expect(formatBytes(12_300, 'en')).toBe('12 kB');
    expect(formatBytes(2_400_000, 'en')).toBe('2.4 MB');
    expect(formatBytes(3_000_000_000, 'en')).toBe('3 GB');
  });
});

describe('undoImportProblem', () => {
  it('explains a conflict in words, keeping what the core said', () => {
    const text = undoImportProblem({
      kind: 'conflict',
      field: null,
      message: 'the last action on the import (customer Anna Berg) can no longer be undone: that customer changed since',
    });
    expect(text).toMatch(/^This import can no longer be undone: a customer it added to has changed since/);
    expect(text).toMatch(/The last action on the import \(customer Anna Berg\) can no longer be undone: that customer changed since\.$/);
  });

  it("gives any other problem as the core's sentence", () => {
    expect(undoImportProblem({ kind: 'not-found', field: null, message: 'no import b1 to undo' })).toBe('No import b1 to undo.');
  });
});

it('offers every export the core writes, each once', () => {
  expect(EXPORTS.map((e) => e.kind)).toEqual(['vcard', 'vcard3', 'csv-customers', 'csv-orders', 'ics']);
});

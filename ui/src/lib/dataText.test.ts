// How Your data reads: counts and sizes in the owner's locale, what a backup holds as a sentence,
// a chosen file and how far its import has got, and why an import could not be undone.
import { describe, expect, it } from 'vitest';
import {
  chosenFileText,
  countsText,
  countText,
  EXPORTS,
  formatBytes,
  importMilestoneText,
  importProgressText,
  undoImportProblem,
} from './dataText';

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

describe('a chosen file and its progress', () => {
  it('names the file with its size', () => {
    expect(chosenFileText('contacts.vcf', 2_400_000, 'en')).toBe('contacts.vcf · 2.4 MB');
    expect(chosenFileText('orders.csv', 840, 'en')).toBe('orders.csv · 840 bytes');
  });

  it('says how much is read, in contacts and percent of the file, rounded down', () => {
    const reading = { stage: 'reading', done: 816_000, total: 2_400_000, contacts: 1200 } as const;
    expect(importProgressText('contacts.vcf', reading, 'en')).toBe('Reading contacts.vcf: 1,200 contacts, 34%');
    expect(importProgressText('contacts.vcf', reading, 'de')).toBe('Reading contacts.vcf: 1.200 contacts, 34\u00a0%');
    expect(importProgressText('a.vcf', { stage: 'reading', done: 29, total: 100, contacts: 1 }, 'en')).toBe('Reading a.vcf: 1 contact, 29%');
    expect(importProgressText('a.vcf', { stage: 'reading', done: 999, total: 1000, contacts: 5 }, 'en')).toBe('Reading a.vcf: 5 contacts, 99%');
    expect(importProgressText('a.vcf', { stage: 'reading', done: 1000, total: 1000, contacts: 5 }, 'en')).toBe('Reading a.vcf: 5 contacts, 100%');
  });

  it('leaves the percent out when the size is not known', () => {
    expect(importProgressText('a.vcf', { stage: 'reading', done: 5000, total: 0, contacts: 40 }, 'en')).toBe('Reading a.vcf: 40 contacts');
  });

  it('counts the customers saved', () => {
    expect(importProgressText('a.vcf', { stage: 'saving', done: 5000, total: 12_000, contacts: 12_000 }, 'en')).toBe(
      'Saving 5,000 of 12,000 customers',
    );
    expect(importProgressText('a.vcf', { stage: 'saving', done: 0, total: 1, contacts: 1 }, 'en')).toBe('Saving 0 of 1 customer');
  });

  it('gives a screen reader only what starts, each stage and each tenth of the way', () => {
    expect(importMilestoneText('a.vcf', 'checking', null, 'en')).toBe('Checking a.vcf…');
    expect(importMilestoneText('a.vcf', 'importing', null, 'en')).toBe('Importing a.vcf…');
    const read = (done: number) => importMilestoneText('a.vcf', 'checking', { stage: 'reading', done, total: 1000, contacts: done }, 'en');
    expect(read(0)).toBe('Reading a.vcf: 0% done');
    expect(read(299)).toBe('Reading a.vcf: 20% done');
    expect(read(300)).toBe('Reading a.vcf: 30% done');
    expect(read(399)).toBe(read(300));
    expect(read(1000)).toBe('Reading a.vcf: 100% done');
    expect(importMilestoneText('a.vcf', 'checking', { stage: 'reading', done: 50, total: 0, contacts: 1 }, 'en')).toBe('Reading a.vcf…');
    expect(importMilestoneText('a.vcf', 'importing', { stage: 'saving', done: 6000, total: 12_000, contacts: 12_000 }, 'en')).toBe(
      'Saving the customers: 50% done',
    );
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

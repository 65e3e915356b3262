// The palette's entries: everything before anything is typed, then places and actions that start
// with the text ahead of the customers the core found, weaker matches after them; matches found
// regardless of case and accents, and marked as parts of plain text.
import { describe, expect, it } from 'vitest';
import type { CustomerMatch } from './bindings/CustomerMatch';
import { fold, highlight, paletteEntries, recipientEntries, type PaletteContext, type PaletteEntry } from './palette';

const context: PaletteContext = {
  segments: [
    { id: 'seg-vip', name: 'VIPs in Malmö' },
    { id: 'seg-lapsed', name: 'Lapsed' },
  ],
  wishesDue: 3,
  pageCustomer: null,
  quickNoteKeys: 'Ctrl+Shift+N',
};
const anna: CustomerMatch = { id: 'c-anna', name: 'Anna Berg', company: null };
const tove: CustomerMatch = { id: 'c-tove', name: 'Tove Åström', company: 'Café Söder' };

const labels = (entries: PaletteEntry[]) => entries.map((e) => e.label);
const marked = (entry: PaletteEntry) => entry.parts.filter((p) => p.match).map((p) => p.text);

describe('with nothing typed', () => {
  it('lists the places, the saved segments and the actions, in that order', () => {
    const entries = paletteEntries('  ', context, []);
    expect(labels(entries)).toEqual([
      'Today',
      'Customers',
      'Complaints',
      'Insights',
      'Messages',
      'Settings',
      'Products',
      'Import orders',
      'Feedback',
      'Your data',
      'VIPs in Malmö',
      'Lapsed',
      'Add customer',
      'Quick note',
      "Send all of today's wishes",
      'Write message to…',
    ]);
    expect(entries.map((e) => e.detail)).toEqual([
      'Section',
      'Section',
      'Section',
      'Section',
      'Section',
      'Section',
      'In Insights',
      'In Insights',
      'In Insights',
      'In Settings',
      'Saved segment',
      'Saved segment',
      'Action',
      'Ctrl+Shift+N',
      '3 due',
      'Action',
    ]);
    expect(entries[2].choice).toEqual({ kind: 'go', route: { name: 'complaints' } });
    expect(entries[3].choice).toEqual({ kind: 'go', route: { name: 'insights', tab: 'overview' } });
    expect(entries[6].choice).toEqual({ kind: 'go', route: { name: 'insights', tab: 'products' } });
    expect(entries[8].choice).toEqual({ kind: 'go', route: { name: 'insights', tab: 'feedback' } });
    expect(entries[10].choice).toEqual({ kind: 'go', route: { name: 'segment', id: 'seg-vip' } });
    expect(entries.every((e) => e.parts.every((p) => !p.match))).toBe(true);
  });

  it('offers to write to the customer whose page is open, and says when no wishes are due', () => {
    const entries = paletteEntries('', { ...context, wishesDue: 0, pageCustomer: { id: 'c-anna', name: 'Anna Berg' } }, []);
    const write = entries.find((e) => e.label === 'Write message to Anna Berg');
    expect(write?.choice).toEqual({ kind: 'write', customer: { id: 'c-anna', name: 'Anna Berg' } });
    expect(entries.find((e) => e.id === 'action/send-wishes')?.detail).toBe('None due today');
  });
});

describe('ranking', () => {
  it('puts places and actions that start with the text before the customers', () => {
    const entries = paletteEntries('cu', context, [{ id: 'c-cu', name: 'Cuno Lind', company: null }]);
    expect(labels(entries)).toEqual(['Customers', 'Add customer', 'Cuno Lind']);
    expect(marked(entries[0])).toEqual(['Cu']);
    expect(marked(entries[1])).toEqual(['cu']);
    expect(entries[2].choice).toEqual({ kind: 'go', route: { name: 'customer', id: 'c-cu' } });
    expect(entries[2].alternate).toEqual({ label: 'Write message', command: { kind: 'write', customer: { id: 'c-cu', name: 'Cuno Lind' } } });
  });

  it('ranks an exact match first, then prefixes, then word prefixes', () => {
    const entries = paletteEntries('Today', context, []);
    expect(labels(entries)[0]).toBe('Today');
    expect(labels(entries)).toContain("Send all of today's wishes");
    expect(marked(entries[1])).toEqual(['today']);
  });

  it('matches the starts of several words, in the order typed', () => {
    const entries = paletteEntries('send wish', context, []);
    expect(labels(entries)).toEqual(["Send all of today's wishes"]);
    expect(marked(entries[0])).toEqual(['Send', 'wish']);
  });

  it('lists places that only contain the text, or match a synonym, after the customers', () => {
    const entries = paletteEntries('templ', context, [{ id: 'c-t', name: 'Templeton', company: null }]);
    expect(labels(entries)).toEqual(['Templeton', 'Messages']);
    expect(entries[1].detail).toBe('Section · templates');

    const inside = paletteEntries('sto', context, [anna]);
    expect(labels(inside)).toEqual(['Anna Berg', 'Customers', 'Add customer']);
    expect(marked(inside[1])).toEqual(['sto']);
  });

  it('needs a few letters before matching inside words or synonyms', () => {
    expect(labels(paletteEntries('e', context, []))).toEqual([]);
    expect(labels(paletteEntries('se', context, []))).toEqual(['Settings', "Send all of today's wishes"]);
    expect(labels(paletteEntries('sea', context, []))).toEqual(['Customers', 'Insights']);
  });

  it('ignores case and accents', () => {
    expect(labels(paletteEntries('malmo', context, []))).toEqual(['VIPs in Malmö']);
    expect(labels(paletteEntries('SETT', context, []))).toEqual(['Settings']);
    expect(fold('Åsa Ölund')).toBe('asa olund');
  });

  it('offers nothing but the customers for text that matches no place or action', () => {
    expect(labels(paletteEntries('anna', context, [anna]))).toEqual(['Anna Berg']);
    expect(paletteEntries('zzz', context, [])).toEqual([]);
  });
});

describe('choosing whom to write to', () => {
  it('lists only the customers, writing to them first and opening their page second', () => {
    const entries = recipientEntries('tov', [tove]);
    expect(labels(entries)).toEqual(['Tove Åström']);
    expect(entries[0].detail).toBe('Café Söder');
    expect(entries[0].choice).toEqual({ kind: 'write', customer: { id: 'c-tove', name: 'Tove Åström' } });
    expect(entries[0].alternate?.command).toEqual({ kind: 'go', route: { name: 'customer', id: 'c-tove' } });
  });
});

describe('highlight', () => {
  it('marks the matched text in the original spelling, accents included', () => {
    expect(highlight('Tove Åström', 'astr')).toEqual([
      { text: 'Tove ', match: false },
      { text: 'Åstr', match: true },
      { text: 'öm', match: false },
    ]);
  });

  it('marks terms typed in another order, and nothing when the name does not show the match', () => {
    expect(highlight('Anna Berg', 'berg an')).toEqual([
      { text: 'An', match: true },
      { text: 'na ', match: false },
      { text: 'Berg', match: true },
    ]);
    expect(highlight('Anna Berg', 'anna@example.com')).toEqual([{ text: 'Anna Berg', match: false }]);
  });

  it('keeps markup-like text as plain text parts', () => {
    const parts = highlight('<img src=x onerror=alert(1)>', 'img');
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)>');
    expect(parts.find((p) => p.match)?.text).toBe('img');
  });
});

describe('complaints and feedback', () => {
  it('reach the Complaints view and the Feedback insights by name or by what the owner may type', () => {
    expect(paletteEntries('compl', context, [])[0].choice).toEqual({ kind: 'go', route: { name: 'complaints' } });
    const policy = paletteEntries('policy', context, []);
    expect(labels(policy)).toEqual(['Complaints']);
    expect(policy[0].detail).toBe('Section · policy');
    const nps = paletteEntries('nps', context, []);
    expect(labels(nps)).toEqual(['Feedback']);
    expect(nps[0].choice).toEqual({ kind: 'go', route: { name: 'insights', tab: 'feedback' } });
    expect(nps[0].detail).toBe('In Insights · nps');
  });
});

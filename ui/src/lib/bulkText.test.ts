// What the owner is told after a bulk change, and the cadence field read as days.
import { describe, expect, it } from 'vitest';
import { bulkDoneText, cadenceDays } from './bulkText';

describe('bulkDoneText', () => {
  it('says what changed, for how many customers', () => {
    expect(bulkDoneText({ action: 'add-tag', tag: 'vip' }, 3, 3)).toBe('Added tag “vip” to 3 customers.');
    expect(bulkDoneText({ action: 'remove-tag', tag: ' vip ' }, 1, 1)).toBe('Removed tag “vip” from 1 customer.');
    expect(bulkDoneText({ action: 'set-cadence', days: 30 }, 2, 2)).toBe('Set keep in touch every 30 days for 2 customers.');
    expect(bulkDoneText({ action: 'set-cadence', days: null }, 2, 2)).toBe('Stopped keep-in-touch reminders for 2 customers.');
    expect(bulkDoneText({ action: 'archive' }, 3, 3)).toBe('Archived 3 customers.');
  });

  it('mentions the customers the change did not alter', () => {
    expect(bulkDoneText({ action: 'add-tag', tag: 'vip' }, 2, 5)).toBe('Added tag “vip” to 2 customers (3 already had it).');
    expect(bulkDoneText({ action: 'remove-tag', tag: 'vip' }, 0, 1)).toBe('Removed tag “vip” from 0 customers (1 did not have it).');
  });
});

describe('cadenceDays', () => {
  it('reads empty as clearing, and whole days as days', () => {
    expect(cadenceDays(null)).toEqual({ ok: true, days: null });
    expect(cadenceDays(undefined)).toEqual({ ok: true, days: null });
    expect(cadenceDays(30)).toEqual({ ok: true, days: 30 });
  });

  it('refuses what is not a whole number of days', () => {
    expect(cadenceDays(2.5).ok).toBe(false);
    expect(cadenceDays(-1).ok).toBe(false);
  });
});

// The words around a bulk change: what the owner is told once the core has applied it, and the
// cadence field's typed value turned into the days the core expects. Pure, so it is tested alone.
import type { BulkChange } from './bindings/BulkChange';
import { customerCount } from './format';

/**
 * "Added tag “vip” to 3 customers.", "Archived 1 customer.". `changed` is what the core counted;
 * customers the change did not alter (already tagged…) are mentioned so the numbers add up.
 */
export function bulkDoneText(change: BulkChange, changed: number, selected: number): string {
  const who = customerCount(changed);
  const unchanged = selected - changed;
  const rest = (already: string) => (unchanged > 0 ? ` (${unchanged} ${already})` : '');
  switch (change.action) {
    case 'add-tag':
      return `Added tag “${change.tag.trim()}” to ${who}${rest('already had it')}.`;
    case 'remove-tag':
      return `Removed tag “${change.tag.trim()}” from ${who}${rest('did not have it')}.`;
    case 'set-cadence':
      return change.days === null
        ? `Stopped keep-in-touch reminders for ${who}${rest('had none')}.`
        : `Set keep in touch every ${change.days} days for ${who}${rest('already had it')}.`;
    case 'archive':
      return `Archived ${who}${rest('already archived')}.`;
  }
}

/**
 * The cadence as typed into a number input (empty is null or undefined): null clears it, a
 * whole number of days is sent for the core to judge, and anything else is refused here,
 * because the core's command only takes whole days.
 */
export function cadenceDays(value: number | null | undefined): { ok: true; days: number | null } | { ok: false; message: string } {
  if (value === null || value === undefined) return { ok: true, days: null };
  if (!Number.isInteger(value) || value < 0) return { ok: false, message: 'Type a whole number of days, or leave it empty to clear.' };
  return { ok: true, days: value };
}

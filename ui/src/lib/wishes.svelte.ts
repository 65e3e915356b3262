// "Send all of today's wishes": the birthdays and anniversaries due today (and missed ones not
// yet done), walked through one at a time in the message composer, and how the round went
// ("2 sent, 1 skipped"). Which items are due and in what order is the core's (the agenda); this
// module only picks the occasions out, keeps the owner's place and counts. It never sends or
// marks anything itself: the composer logs each message, and a skipped one is left untouched.
// One instance lives as long as the window, so the palette can start a round as well as Today.
import type { Agenda } from './bindings/Agenda';
import type { AgendaItem } from './bindings/AgendaItem';

/** How a round went; `gone` were done or moved elsewhere before their turn, `left` never reached. */
export type RoundSummary = { sent: number; skipped: number; gone: number; left: number };

/** The occasions a round walks through: birthdays and anniversaries due now, in the core's order. */
export function wishesDue(agenda: Agenda): AgendaItem[] {
  return agenda.items.filter((item) => item.when !== 'upcoming' && (item.kind === 'birthday' || item.kind === 'anniversary'));
}

/** "Today's wishes: 2 sent, 1 skipped." — with what was no longer due or not reached, when any. */
export function summaryText(summary: RoundSummary): string {
  const parts = [`${summary.sent} sent`, `${summary.skipped} skipped`];
  if (summary.gone > 0) parts.push(`${summary.gone} no longer due`);
  if (summary.left > 0) parts.push(`${summary.left} not reached`);
  return `Today's wishes: ${parts.join(', ')}.`;
}

export class WishRound {
  /** The occasions as they were when the round began. */
  items: readonly AgendaItem[] = $state.raw([]);
  /** The one being written now; null when no round is under way. */
  current: AgendaItem | null = $state.raw(null);
  sent = $state(0);
  skipped = $state(0);
  gone = $state(0);
  #index = -1;

  /** "2 of 5 — Anna Berg": where the round is. Empty when none is under way. */
  get progress(): string {
    const item = this.current;
    return item === null ? '' : `${this.#index + 1} of ${this.items.length} — ${item.customer_name}`;
  }

  /** Begins a round over `due` (see `wishesDue`); false, and nothing begins, when there are none. */
  start(due: readonly AgendaItem[]): boolean {
    if (this.current !== null) return true;
    if (due.length === 0) return false;
    this.items = [...due];
    this.sent = 0;
    this.skipped = 0;
    this.gone = 0;
    this.#index = 0;
    this.current = this.items[0];
    return true;
  }

  /**
   * The current message was logged: counts it and moves on. `stillDue` is `wishesDue` of the
   * daily list as read since (null when it could not be read): occasions no longer due on it
   * (done, dismissed or snoozed elsewhere) are passed over. Returns the summary once there are
   * no more, else null.
   */
  sentOne(stillDue: readonly AgendaItem[] | null): RoundSummary | null {
    if (this.current === null) return null;
    this.sent += 1;
    return this.#advance(stillDue);
  }

  /** The owner skipped the current one (it stays on the list as it is) and moves on. */
  skipOne(stillDue: readonly AgendaItem[] | null): RoundSummary | null {
    if (this.current === null) return null;
    this.skipped += 1;
    return this.#advance(stillDue);
  }

  /** Ends the round where it is; returns the summary (null if none was under way). */
  stop(): RoundSummary | null {
    if (this.current === null) return null;
    const summary = this.#summary(this.items.length - this.#index);
    this.current = null;
    this.#index = -1;
    return summary;
  }

  #advance(stillDue: readonly AgendaItem[] | null): RoundSummary | null {
    const due = stillDue === null ? null : new Set(stillDue.map((item) => item.key));
    let next = this.#index + 1;
    while (next < this.items.length && due !== null && !due.has(this.items[next].key)) {
      this.gone += 1;
      next += 1;
    }
    if (next >= this.items.length) {
      const summary = this.#summary(0);
      this.current = null;
      this.#index = -1;
      return summary;
    }
    this.#index = next;
    this.current = this.items[next];
    return null;
  }

  #summary(left: number): RoundSummary {
    return { sent: this.sent, skipped: this.skipped, gone: this.gone, left };
  }
}

// The daily list's state: the agenda the core computed, or why it could not be read, and the
// owner's actions on it (done, dismiss, snooze, undo), each followed by a fresh read so the
// screen always shows the core's answer. One instance lives as long as the window, so the
// sidebar's due count and the Today view share it.
import {
  agenda,
  asApiError,
  reminderDismiss,
  reminderDone,
  reminderSnooze,
  reminderUndo,
} from './api';
import { dueCount } from './agendaText';
import type { Agenda } from './bindings/Agenda';
import type { ErrorReport } from './bindings/ErrorReport';
import type { UndoneReminder } from './bindings/UndoneReminder';

export type AgendaState =
  | { status: 'loading' }
  | { status: 'ready'; agenda: Agenda }
  | { status: 'failed'; report: ErrorReport };

export class TodayList {
  state: AgendaState = $state.raw({ status: 'loading' });
  #asked = 0;
  #reading: Promise<void> | null = null;

  /** Overdue and today's items, or null before the first answer. */
  due = $derived(this.state.status === 'ready' ? dueCount(this.state.agenda) : null);

  /**
   * Reads the agenda unless a read is already under way (the view mounting, the window
   * regaining focus and the minute timer may all ask at once).
   */
  refresh(): Promise<void> {
    return this.#reading ?? this.reload();
  }

  /**
   * Reads the agenda now, even if a read is under way (after an action, an older read may
   * predate it). Only the latest read's answer is shown; what is on screen stays meanwhile.
   */
  reload(): Promise<void> {
    const asked = ++this.#asked;
    const reading = agenda().then(
      (answer) => {
        if (asked === this.#asked) this.state = { status: 'ready', agenda: answer };
      },
      (e: unknown) => {
        if (asked === this.#asked) this.state = { status: 'failed', report: asApiError(e).report };
      },
    );
    const tracked = reading.finally(() => {
      if (this.#reading === tracked) this.#reading = null;
    });
    this.#reading = tracked;
    return tracked;
  }

  async done(key: string): Promise<void> {
    await reminderDone(key);
    await this.reload();
  }

  async dismiss(key: string): Promise<void> {
    await reminderDismiss(key);
    await this.reload();
  }

  async snooze(key: string, until: string): Promise<void> {
    await reminderSnooze(key, until);
    await this.reload();
  }

  /** Undoes the last action; resolves to what came back (null: nothing to undo). */
  async undo(): Promise<UndoneReminder | null> {
    const undone = await reminderUndo();
    if (undone !== null) await this.reload();
    return undone;
  }
}

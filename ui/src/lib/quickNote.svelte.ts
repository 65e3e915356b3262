// The Quick note's state, shared by the sidebar button, the shortcut, the customer page, the
// resume banner and the composer: whether the composer is open and with what, and the
// unsaved draft the core keeps for us (as JSON in an opaque string) so a crash loses nothing.
// It never talks to the core about the note itself: the composer logs it and reports back.
import { asApiError, quickNoteDraft, saveQuickNoteDraft } from './api';
import type { InteractionKind } from './bindings/InteractionKind';
import { DraftKeeper } from './draftKeeper';
import { INTERACTION_KINDS } from './labels';

export type NoteCustomer = { id: string; name: string };

/** Everything the composer holds; `followUp` is the Follow-up date as typed. */
export type Composition = {
  customer: NoteCustomer | null;
  kind: InteractionKind;
  text: string;
  followUp: string;
};

export const DRAFT_DELAY_MS = 400;

export function emptyComposition(customer: NoteCustomer | null = null): Composition {
  return { customer, kind: 'meeting', text: '', followUp: '' };
}

/** True when nothing worth keeping was typed (a chosen customer alone is not worth a draft). */
export function isBlank(composition: Composition): boolean {
  return composition.text.trim() === '' && composition.followUp.trim() === '';
}

/** The draft as stored by the core: JSON, or '' (which discards it) when there is nothing to keep. */
export function draftText(composition: Composition): string {
  if (isBlank(composition)) return '';
  return JSON.stringify({
    version: 1,
    customer: composition.customer,
    kind: composition.kind,
    text: composition.text,
    follow_up: composition.followUp,
  });
}

/**
 * Reads a stored draft back. Anything that is not the JSON `draftText` writes (an older format,
 * a damaged file, plain text) becomes the note's text, so the owner's words are never dropped.
 */
export function readDraft(stored: string): Composition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { ...emptyComposition(), text: stored };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ...emptyComposition(), text: stored };
  }
  const draft = parsed as Record<string, unknown>;
  if (typeof draft.text !== 'string') return { ...emptyComposition(), text: stored };
  return {
    customer: noteCustomer(draft.customer),
    kind: INTERACTION_KINDS.some((k) => k.value === draft.kind) ? (draft.kind as InteractionKind) : 'meeting',
    text: draft.text,
    followUp: typeof draft.follow_up === 'string' ? draft.follow_up : '',
  };
}

function noteCustomer(value: unknown): NoteCustomer | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' ? { id: v.id, name: v.name } : null;
}

export class QuickNoteDesk {
  /** While the composer is open: what it started with. Null when it is closed. */
  composing: Composition | null = $state.raw(null);
  /** An unsaved note the core keeps for us, offered by the banner while the composer is closed. */
  draft: Composition | null = $state.raw(null);
  /** The customer whose page is open, preselected when the composer opens. */
  pageCustomer: NoteCustomer | null = $state.raw(null);
  /** The last note saved, so an open timeline can show it. */
  lastSaved: { customerId: string; serial: number } | null = $state.raw(null);
  /** Why the draft could not be kept, if the last attempt failed. */
  draftProblem: string | null = $state(null);
  /** Bumped whenever the composer added a customer, so lists can refresh. */
  customersAdded = $state(0);

  readonly #keeper: DraftKeeper;
  /** True while the earlier session's draft is being read; opening waits for it. */
  #loading = false;
  /** An `open` asked for while loading: the customer to open for. */
  #openWhenLoaded: { customer: NoteCustomer | null } | null = null;

  constructor(delay = DRAFT_DELAY_MS) {
    this.#keeper = new DraftKeeper(
      async (text) => {
        await saveQuickNoteDraft(text);
        this.draftProblem = null;
      },
      delay,
      (error) => {
        this.draftProblem = asApiError(error).message;
      },
    );
  }

  /** Reads the draft left by an earlier session, if any. */
  async loadDraft(): Promise<void> {
    this.#loading = true;
    try {
      const stored = await quickNoteDraft();
      if (stored !== null && stored.trim() !== '') this.draft = readDraft(stored);
    } catch {
      // The banner is a courtesy; a store that cannot be read is reported by the views.
    } finally {
      this.#loading = false;
      const pending = this.#openWhenLoaded;
      this.#openWhenLoaded = null;
      if (pending) this.open(pending.customer);
    }
  }

  /**
   * Opens the composer for `customer` (by default the one whose page is open). An unsaved draft
   * is continued rather than replaced, so opening the composer can never lose it.
   */
  open(customer: NoteCustomer | null = this.pageCustomer): void {
    if (this.composing !== null) return;
    if (this.#loading) {
      // Typing into a fresh note now would overwrite a draft that is still being read.
      this.#openWhenLoaded = { customer };
      return;
    }
    const draft = this.draft;
    if (draft === null) this.composing = emptyComposition(customer);
    else this.composing = draft.customer === null && customer !== null ? { ...draft, customer } : draft;
  }

  /** The owner changed something: keep it, after a pause. */
  keep(composition: Composition): void {
    this.#keeper.keep(draftText(composition));
  }

  /** Closes the composer without saving; what was typed stays as a draft for the banner. */
  async putAside(composition: Composition): Promise<void> {
    this.composing = null;
    this.draft = isBlank(composition) ? null : composition;
    this.#keeper.keep(draftText(composition));
    await this.#keeper.flush();
  }

  /** Throws the draft away, at the owner's request. */
  async discard(): Promise<void> {
    this.composing = null;
    this.draft = null;
    await this.#keeper.clear();
  }

  /** The composer logged the note: close it, drop the draft, let the timeline know. */
  async saved(customer: NoteCustomer): Promise<void> {
    this.composing = null;
    this.draft = null;
    this.lastSaved = { customerId: customer.id, serial: (this.lastSaved?.serial ?? 0) + 1 };
    await this.#keeper.clear();
  }

  /** The composer added a customer. */
  customerAdded(): void {
    this.customersAdded += 1;
  }

  /** A customer was deleted: a draft about them keeps its text but no longer names them. */
  async customerDeleted(id: string): Promise<void> {
    if (this.pageCustomer?.id === id) this.pageCustomer = null;
    const draft = this.draft;
    if (draft?.customer?.id !== id) return;
    this.draft = { ...draft, customer: null };
    this.#keeper.keep(draftText(this.draft));
    await this.#keeper.flush();
  }
}

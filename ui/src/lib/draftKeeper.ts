// Keeps the Quick note's draft durable while the owner types: writes are debounced, and every
// write happens after the one before it, so a late "keep" can never land after a "clear".
// It knows nothing about what the text means; the Quick note desk decides that.

export class DraftKeeper {
  readonly #write: (text: string) => Promise<void>;
  readonly #delay: number;
  readonly #onerror: (error: unknown) => void;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: string | null = null;
  #chain: Promise<void> = Promise.resolve();

  /** `write` stores the text (blank discards it); `onerror` hears about a write that failed. */
  constructor(write: (text: string) => Promise<void>, delay: number, onerror: (error: unknown) => void) {
    this.#write = write;
    this.#delay = delay;
    this.#onerror = onerror;
  }

  /** Writes `text` once the owner has paused for the delay (only the last text is written). */
  keep(text: string): void {
    this.#pending = text;
    this.#stopTimer();
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
  }

  /** Writes the waiting text now; resolves when every write so far has finished. */
  flush(): Promise<void> {
    this.#stopTimer();
    if (this.#pending === null) return this.#chain;
    const text = this.#pending;
    this.#pending = null;
    return this.#enqueue(text);
  }

  /** Forgets any waiting text and discards the stored draft. */
  clear(): Promise<void> {
    this.#stopTimer();
    this.#pending = null;
    return this.#enqueue('');
  }

  #enqueue(text: string): Promise<void> {
    this.#chain = this.#chain.then(() => this.#write(text)).catch(this.#onerror);
    return this.#chain;
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

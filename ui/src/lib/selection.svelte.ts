// Which customers the owner ticked for a bulk change: a set of ids, kept apart from the list's
// rows because the list is windowed (a ticked row scrolled out of view stays ticked) and
// "Select all" reaches customers whose rows were never fetched.

export class Selection {
  /** Replaced, never mutated, so every change is seen by whatever reads it. */
  ids: ReadonlySet<string> = $state.raw(new Set());

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Ticks or unticks one customer. */
  set(id: string, selected: boolean): void {
    if (this.ids.has(id) === selected) return;
    const next = new Set(this.ids);
    if (selected) next.add(id);
    else next.delete(id);
    this.ids = next;
  }

  /** Ticks exactly `ids` (Select all). */
  replace(ids: Iterable<string>): void {
    this.ids = new Set(ids);
  }

  clear(): void {
    this.ids = new Set();
  }
}

// The saved segments listed in the sidebar, as the core last returned them (sorted by name).
// Read at start and again after every save, rename or delete; a segment just saved is kept
// at once, so the link to it works before the list has been read again.
import { asApiError, listSegments } from './api';
import type { Segment } from './bindings/Segment';

export type SegmentsState =
  | { status: 'loading' }
  | { status: 'ready'; segments: Segment[] }
  | { status: 'failed'; message: string };

export class SegmentShelf {
  state: SegmentsState = $state.raw({ status: 'loading' });
  #generation = 0;

  /** The segments, or none while loading or after a failure. */
  get segments(): readonly Segment[] {
    return this.state.status === 'ready' ? this.state.segments : [];
  }

  find(id: string): Segment | undefined {
    return this.segments.find((s) => s.id === id);
  }

  /** Reads the segments from the core; a slower, older answer never overwrites a newer one. */
  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    try {
      const segments = await listSegments();
      if (generation === this.#generation) this.state = { status: 'ready', segments };
    } catch (e) {
      if (generation === this.#generation) this.state = { status: 'failed', message: asApiError(e).message };
    }
  }

  /** Holds `segment` as the core just stored it (new, renamed or refiltered) until the next refresh. */
  keep(segment: Segment): void {
    const others = this.segments.filter((s) => s.id !== segment.id);
    const segments = [...others, segment].sort((a, b) => a.name.localeCompare(b.name));
    this.state = { status: 'ready', segments };
  }
}

// The Complaints view's data: the core's overview of every complaint against the policy as of
// today (pending ones oldest first, resolution times, repeat complainers, the policy's text), or
// why it could not be read. The overview on screen stays while it is read again after a step;
// an answer older than the latest read is dropped.
import { asApiError, complaintsOverview } from './api';
import type { ComplaintsOverview } from './bindings/ComplaintsOverview';
import type { ComplaintView } from './bindings/ComplaintView';
import type { ErrorReport } from './bindings/ErrorReport';

export type ComplaintsState =
  | { status: 'loading' }
  | { status: 'ready'; overview: ComplaintsOverview }
  | { status: 'failed'; report: ErrorReport };

export class ComplaintsBoard {
  state: ComplaintsState = $state.raw({ status: 'loading' });
  #asked = 0;

  async read(): Promise<void> {
    const asked = ++this.#asked;
    try {
      const overview = await complaintsOverview();
      if (asked === this.#asked) this.state = { status: 'ready', overview };
    } catch (e) {
      if (asked === this.#asked) this.state = { status: 'failed', report: asApiError(e).report };
    }
  }
}

/**
 * The pending complaints in two groups for the eye: those past the policy's deadline first, then
 * the rest, each group in the core's order (oldest first). Which are overdue is the core's call.
 */
export function overdueFirst(pending: readonly ComplaintView[]): { overdue: ComplaintView[]; onTime: ComplaintView[] } {
  return { overdue: pending.filter((c) => c.overdue), onTime: pending.filter((c) => !c.overdue) };
}

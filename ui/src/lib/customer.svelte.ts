// One customer's page: their profile and timeline as the core returned them, or why they could
// not be read. Changes go to the core, and the page shows the customer the core answers with.
import {
  archiveCustomer,
  asApiError,
  deleteCustomer,
  getCustomer,
  restoreCustomer,
  timeline,
} from './api';
import type { Customer } from './bindings/Customer';
import type { ErrorReport } from './bindings/ErrorReport';
import type { TimelineEntry } from './bindings/TimelineEntry';

export type ProfileState =
  | { status: 'loading' }
  | { status: 'ready'; customer: Customer }
  /** The core has no such customer (deleted, or a stale link). */
  | { status: 'missing'; report: ErrorReport }
  | { status: 'failed'; report: ErrorReport };

export type TimelineState =
  | { status: 'loading' }
  | { status: 'ready'; entries: TimelineEntry[] }
  | { status: 'failed'; report: ErrorReport };

export class CustomerRecord {
  readonly id: string;
  profile: ProfileState = $state.raw({ status: 'loading' });
  timeline: TimelineState = $state.raw({ status: 'loading' });

  constructor(id: string) {
    this.id = id;
  }

  /** Reads the profile and the timeline; what is on screen stays until the answers arrive. */
  async load(): Promise<void> {
    await Promise.all([this.#loadProfile(), this.refreshTimeline()]);
  }

  async refreshTimeline(): Promise<void> {
    try {
      this.timeline = { status: 'ready', entries: await timeline(this.id) };
    } catch (e) {
      this.timeline = { status: 'failed', report: asApiError(e).report };
    }
  }

  /** Shows the customer as the core returned it after a change made elsewhere (the Edit form). */
  show(customer: Customer): void {
    this.profile = { status: 'ready', customer };
  }

  async archive(): Promise<void> {
    this.profile = { status: 'ready', customer: await archiveCustomer(this.id) };
  }

  async restore(): Promise<void> {
    this.profile = { status: 'ready', customer: await restoreCustomer(this.id) };
  }

  async remove(): Promise<void> {
    await deleteCustomer(this.id);
  }

  async #loadProfile(): Promise<void> {
    try {
      this.profile = { status: 'ready', customer: await getCustomer(this.id) };
    } catch (e) {
      const report = asApiError(e).report;
      this.profile = report.kind === 'not-found' ? { status: 'missing', report } : { status: 'failed', report };
    }
  }
}

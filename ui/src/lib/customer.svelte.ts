// One customer's page: their profile, timeline, orders, feedback, complaints and what the
// insights say of them, as the core returned them, or why they could not be read. Changes go to the core, and the page
// shows the customer the core answers with; after an order is saved everything is read again
// (an order is contact, joins the timeline and moves the insights).
import {
  archiveCustomer,
  asApiError,
  customerInsight,
  deleteCustomer,
  getCustomer,
  getSettings,
  listComplaints,
  listFeedback,
  listOrders,
  restoreCustomer,
  timeline,
} from './api';
import type { ComplaintView } from './bindings/ComplaintView';
import type { Customer } from './bindings/Customer';
import type { CustomerInsight } from './bindings/CustomerInsight';
import type { ErrorReport } from './bindings/ErrorReport';
import type { Feedback } from './bindings/Feedback';
import type { OrderView } from './bindings/OrderView';
import type { TimelineEntry } from './bindings/TimelineEntry';
import { businessCurrency } from './money';

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

export type OrdersState =
  | { status: 'loading' }
  | { status: 'ready'; orders: OrderView[] }
  | { status: 'failed'; report: ErrorReport };

export type FeedbackState =
  | { status: 'loading' }
  | { status: 'ready'; feedback: Feedback[] }
  | { status: 'failed'; report: ErrorReport };

export type ComplaintsState =
  | { status: 'loading' }
  | { status: 'ready'; complaints: ComplaintView[] }
  | { status: 'failed'; report: ErrorReport };

export type InsightState =
  | { status: 'loading' }
  /** `currency`: the business currency, which every amount of the insight is in. */
  | { status: 'ready'; insight: CustomerInsight; currency: string }
  | { status: 'failed'; report: ErrorReport };

export class CustomerRecord {
  readonly id: string;
  profile: ProfileState = $state.raw({ status: 'loading' });
  timeline: TimelineState = $state.raw({ status: 'loading' });
  orders: OrdersState = $state.raw({ status: 'loading' });
  insight: InsightState = $state.raw({ status: 'loading' });
  feedback: FeedbackState = $state.raw({ status: 'loading' });
  complaints: ComplaintsState = $state.raw({ status: 'loading' });

  constructor(id: string) {
    this.id = id;
  }

  /** Reads everything on the page; what is on screen stays until the answers arrive. */
  async load(): Promise<void> {
    await Promise.all([
      this.#loadProfile(),
      this.refreshTimeline(),
      this.refreshOrders(),
      this.refreshInsight(),
      this.refreshFeedback(),
      this.refreshComplaints(),
    ]);
  }

  /** The business currency, once the insight has been read (new orders are in it unless they say otherwise). */
  get currency(): string | null {
    return this.insight.status === 'ready' ? this.insight.currency : null;
  }

  async refreshOrders(): Promise<void> {
    try {
      this.orders = { status: 'ready', orders: await listOrders(this.id) };
    } catch (e) {
      this.orders = { status: 'failed', report: asApiError(e).report };
    }
  }

  async refreshFeedback(): Promise<void> {
    try {
      this.feedback = { status: 'ready', feedback: await listFeedback(this.id) };
    } catch (e) {
      this.feedback = { status: 'failed', report: asApiError(e).report };
    }
  }

  /** Their complaints against the policy as of today (a step, or a day passing, moves them). */
  async refreshComplaints(): Promise<void> {
    try {
      this.complaints = { status: 'ready', complaints: await listComplaints(this.id) };
    } catch (e) {
      this.complaints = { status: 'failed', report: asApiError(e).report };
    }
  }

  async refreshInsight(): Promise<void> {
    try {
      const [insight, settings] = await Promise.all([customerInsight(this.id), getSettings()]);
      this.insight = { status: 'ready', insight, currency: businessCurrency(settings.business) };
    } catch (e) {
      this.insight = { status: 'failed', report: asApiError(e).report };
    }
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

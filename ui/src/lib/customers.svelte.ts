// The Customers view's state: the list as the core returned it, or why it could not be read.
// It renders what the core decided and never sorts or filters itself: after a change it asks
// the core again, so ordering rules live in one place (`Regulars::customers`).
import { asApiError, listCustomers } from './api';
import type { Customer } from './bindings/Customer';
import type { ErrorReport } from './bindings/ErrorReport';

export type CustomersState =
  | { status: 'loading' }
  | { status: 'ready'; customers: Customer[] }
  | { status: 'failed'; report: ErrorReport };

export class CustomerBook {
  state: CustomersState = $state.raw({ status: 'loading' });

  async load(): Promise<void> {
    this.state = { status: 'loading' };
    await this.refresh();
  }

  /** Reads the list again, keeping the current one on screen until the new one arrives. */
  async refresh(): Promise<void> {
    try {
      this.state = { status: 'ready', customers: await listCustomers() };
    } catch (e) {
      this.state = { status: 'failed', report: asApiError(e).report };
    }
  }
}

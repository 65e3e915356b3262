// The one door to the Rust core: typed wrappers around the Tauri commands.
// This is the only module that may import `@tauri-apps/api/core`; every failure
// leaves it as an `ApiError` carrying the core's `ErrorReport`.
import { invoke, isTauri } from '@tauri-apps/api/core';
import type { Customer } from './bindings/Customer';
import type { CustomerDraft } from './bindings/CustomerDraft';
import type { ErrorReport } from './bindings/ErrorReport';

/** A command failed; `report` says why, with a stable `kind` and a sentence for the owner. */
export class ApiError extends Error {
  readonly report: ErrorReport;

  constructor(report: ErrorReport) {
    super(report.message);
    this.name = 'ApiError';
    this.report = report;
  }
}

/** Every customer, already sorted by name by the core. */
export function listCustomers(): Promise<Customer[]> {
  return call<Customer[]>('list_customers');
}

/** Validates and stores a new customer; resolves to the customer as stored. */
export function addCustomer(draft: CustomerDraft): Promise<Customer> {
  return call<Customer>('add_customer', { draft });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!isTauri()) {
    throw new ApiError({
      kind: 'internal',
      field: null,
      message: 'This window is not running inside the Regulars app, so it cannot reach your customers.',
    });
  }
  try {
    return await invoke<T>(command, args);
  } catch (rejection) {
    throw asApiError(rejection);
  }
}

/** Turns whatever a command rejected with into an `ApiError`. */
export function asApiError(rejection: unknown): ApiError {
  if (rejection instanceof ApiError) return rejection;
  if (isErrorReport(rejection)) {
    return new ApiError({
      kind: rejection.kind,
      field: rejection.field ?? null,
      message: rejection.message,
    });
  }
  const message =
    typeof rejection === 'string'
      ? rejection
      : rejection instanceof Error
        ? rejection.message
        : String(rejection);
  return new ApiError({ kind: 'internal', field: null, message });
}

function isErrorReport(value: unknown): value is ErrorReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.kind === 'string' &&
    typeof v.message === 'string' &&
    (v.field === undefined || v.field === null || typeof v.field === 'string')
  );
}

// Test fixtures: customers as the core would return them. Used only by tests.
import type { Customer } from './lib/bindings/Customer';
import type { CustomerSummary } from './lib/bindings/CustomerSummary';

let counter = 0;

/** A stored customer with sensible defaults; ids increase with each call, like UUID v7. */
export function storedCustomer(fields: Partial<Customer> & { name: string }): Customer {
  counter += 1;
  return {
    id: `01900000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    kind: 'person',
    given_name: null,
    family_name: null,
    nickname: null,
    company: null,
    role: null,
    emails: [],
    phones: [],
    addresses: [],
    birthday: null,
    dates: [],
    tags: [],
    status: 'active',
    channel: null,
    source: null,
    cadence_days: null,
    custom_fields: [],
    relationships: [],
    archived_at: null,
    last_contacted: null,
    created_at: '2025-01-01T10:00:00Z',
    updated_at: '2025-01-01T10:00:00Z',
    ...fields,
  };
}

/** A row of the customer list as `query_customers` returns it; ids increase with each call. */
export function customerSummary(fields: Partial<CustomerSummary> & { name: string }): CustomerSummary {
  counter += 1;
  return {
    id: `01900000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    kind: 'person',
    company: null,
    email: null,
    phone: null,
    birthday: null,
    tags: [],
    status: 'active',
    channel: null,
    source: null,
    city: null,
    country: null,
    last_contacted: null,
    created_at: '2025-01-01T10:00:00Z',
    ...fields,
  };
}

/** A customer as a list row, with the same id. */
export function summaryOf(customer: Customer): CustomerSummary {
  return {
    id: customer.id,
    name: customer.name,
    kind: customer.kind,
    company: customer.company,
    email: customer.emails[0] ?? null,
    phone: customer.phones[0] ?? null,
    birthday: customer.birthday,
    tags: customer.tags,
    status: customer.status,
    channel: customer.channel,
    source: customer.source,
    city: null,
    country: null,
    last_contacted: customer.last_contacted,
    created_at: customer.created_at,
  };
}

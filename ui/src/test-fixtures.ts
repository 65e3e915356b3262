// Test fixtures: customers, reminders and settings as the core would return them. Used only by tests.
import type { AgendaItem } from './lib/bindings/AgendaItem';
import type { Customer } from './lib/bindings/Customer';
import type { CustomerSummary } from './lib/bindings/CustomerSummary';
import type { RenderedMessage } from './lib/bindings/RenderedMessage';
import type { Settings } from './lib/bindings/Settings';

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

/**
 * One reminder of the daily list as `agenda` returns it: a birthday due today (2025-11-24) by
 * default; keys and customer ids increase with each call.
 */
export function agendaItem(fields: Partial<AgendaItem> & { customer_name: string }): AgendaItem {
  counter += 1;
  const customerId = `01900000-0000-7000-8000-${String(counter).padStart(12, '0')}`;
  return {
    key: `birthday/${customerId}/2025`,
    kind: 'birthday',
    customer_id: customerId,
    date: '2025-11-24',
    when: 'today',
    age: null,
    years: null,
    label: 'Birthday',
    time: null,
    occurs_on: fields.date ?? '2025-11-24',
    snoozed: false,
    detail: null,
    ...fields,
  };
}

/** Settings as a fresh store has them. */
export function defaultSettings(): Settings {
  return {
    reminders: {
      leap_day: 'feb28',
      birthday_notice_days: 7,
      anniversary_notice_days: 7,
      follow_up_notice_days: 3,
      keep_in_touch_notice_days: 3,
      missed_days: 3,
    },
    notifications: { digest: true, digest_time: '08:30', timed_follow_ups: true },
    business: { business_name: null, owner_name: null, country_calling_code: null, currency: null },
    start_at_login: false,
  };
}

/**
 * A message as `render_message` returns it: a birthday wish to Anna by email, with links for
 * email, SMS and WhatsApp and a phone number to call.
 */
export function renderedMessage(fields: Partial<RenderedMessage> = {}): RenderedMessage {
  return {
    subject: 'Happy birthday, Anna!',
    body: 'Dear Anna,\n\nHappy 41st birthday! All the best from all of us.\n\nMaria',
    channel: 'email',
    links: {
      mailto: 'mailto:anna@example.com?subject=Happy%20birthday%2C%20Anna%21&body=Dear%20Anna',
      sms: 'sms:+46701234567?body=Dear%20Anna',
      whatsapp: 'https://wa.me/46701234567?text=Dear%20Anna',
      tel: 'tel:+46701234567',
    },
    unavailable: [],
    ...fields,
  };
}

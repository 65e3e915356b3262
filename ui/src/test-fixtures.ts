// Test fixtures: customers, reminders, settings, orders, products and insights as the core would
// return them, and what Your data reads (a chosen file, a contacts CSV's preview, an import's report, backups).
// Used only by tests.
import type { AgendaItem } from './lib/bindings/AgendaItem';
import type { ComplaintsOverview } from './lib/bindings/ComplaintsOverview';
import type { ComplaintView } from './lib/bindings/ComplaintView';
import type { BackupInfo } from './lib/bindings/BackupInfo';
import type { ChosenFile } from './lib/bindings/ChosenFile';
import type { Customer } from './lib/bindings/Customer';
import type { CustomerInsight } from './lib/bindings/CustomerInsight';
import type { CustomerSummary } from './lib/bindings/CustomerSummary';
import type { Feedback } from './lib/bindings/Feedback';
import type { FeedbackSummary } from './lib/bindings/FeedbackSummary';
import type { Insights } from './lib/bindings/Insights';
import type { OrderView } from './lib/bindings/OrderView';
import type { Preview } from './lib/bindings/Preview';
import type { Product } from './lib/bindings/Product';
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

/**
 * `count` reminders of the daily list, for `${prefix} 1` to `${prefix} ${count}` in that order,
 * each an `agendaItem` with `fields` (a long section: `agendaItems(120, 'Late', { when: 'overdue' })`).
 */
export function agendaItems(count: number, prefix: string, fields: Partial<AgendaItem> = {}): AgendaItem[] {
  return Array.from({ length: count }, (_, i) => agendaItem({ ...fields, customer_name: `${prefix} ${i + 1}` }));
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
      complaint_notice_days: 1,
    },
    notifications: { digest: true, digest_time: '08:30', timed_follow_ups: true },
    business: { business_name: null, owner_name: null, country_calling_code: null, currency: null },
    complaints: { acknowledge_days: 2, resolve_days: 7, text: 'We answer every complaint within 2 days.' },
    feedback: { ask_after_days: null, after_orders: true, after_meetings: true },
    backups: { automatic: true, folder: null, keep: 14 },
    calendar_file: null,
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

/** An order as `list_orders` returns it: 2 × Bread at 4.50 EUR on 3 Nov 2025 by default; ids increase with each call. */
export function orderView(fields: Partial<OrderView> = {}): OrderView {
  counter += 1;
  const lines = fields.lines ?? [{ product_id: 'p-bread', product: 'Bread', quantity: 2, unit_price_minor: 450 }];
  const currency = fields.currency ?? 'EUR';
  return {
    id: `01900000-0000-7000-9000-${String(counter).padStart(12, '0')}`,
    customer_id: 'c-anna',
    date: '2025-11-03',
    currency,
    lines,
    note: null,
    created_at: '2025-11-03T11:00:00Z',
    updated_at: '2025-11-03T11:00:00Z',
    total: { minor: lines.reduce((sum, l) => sum + l.quantity * l.unit_price_minor, 0), currency },
    ...fields,
  };
}

/** A catalogue product as `list_products` returns it. */
export function product(fields: Partial<Product> & { name: string }): Product {
  counter += 1;
  return {
    id: `01900000-0000-7000-a000-${String(counter).padStart(12, '0')}`,
    category: null,
    unit_price: { minor: 450, currency: 'EUR' },
    active: true,
    created_at: '2025-01-01T10:00:00Z',
    updated_at: '2025-01-01T10:00:00Z',
    ...fields,
  };
}

/** What `customer_insight` says of Anna, a Champion who orders every 14 days and is drifting. */
export function customerInsightFixture(fields: Partial<CustomerInsight> = {}): CustomerInsight {
  return {
    customer_id: 'c-anna',
    rfm: {
      customer_id: 'c-anna',
      customer_name: 'Anna Berg',
      r: 5,
      f: 5,
      m: 5,
      segment: 'champions',
      recency_days: 21,
      frequency: 12,
      monetary_minor: 54_000,
    },
    lifetime: {
      customer_id: 'c-anna',
      customer_name: 'Anna Berg',
      total_minor: 54_000,
      orders: 12,
      first_order: '2024-03-02',
      last_order: '2025-11-03',
      average_order_minor: 4500,
      customer_since: '2024-03-02',
    },
    rhythm: { usual_gap_days: 14, threshold_days: 28, last_order: '2025-11-03' },
    order_drop: null,
    suggestions: [
      {
        customer_id: 'c-anna',
        product: 'Butter',
        because: 'bought Bread; 80% of customers who buy Bread also buy Butter',
        lift: 1.6,
        customer_name: 'Anna Berg',
        because_of: 'Bread',
        confidence: 0.8,
      },
    ],
    habits: [{ month: 11, typical_day: 20, years: 3 }],
    ...fields,
  };
}

/** What `customer_insight` says of a customer with no orders. */
export function noInsight(customerId = 'c-anna'): CustomerInsight {
  return { customer_id: customerId, rfm: null, lifetime: null, rhythm: null, order_drop: null, suggestions: [], habits: [] };
}

const months = (values: number[]) => values;

/**
 * Insights as of 2025-11-24 over three customers: Anna (Champion, Stockholm), Bo (at risk and
 * ordering less than usual, Malmö) and Cleo (new, city unknown); Bread peaks in November and
 * Stollen in December.
 */
export function insightsFixture(fields: Partial<Insights> = {}): Insights {
  const bread = months([4, 4, 5, 5, 6, 6, 5, 5, 6, 8, 12, 10]);
  const stollen = months([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 20]);
  const lifetime = [
    { customer_id: 'c-anna', customer_name: 'Anna Berg', total_minor: 54_000, orders: 12, first_order: '2024-03-02', last_order: '2025-11-03', average_order_minor: 4500, customer_since: '2024-03-02' },
    { customer_id: 'c-bo', customer_name: 'Bo Ek', total_minor: 21_000, orders: 6, first_order: '2024-06-10', last_order: '2025-09-15', average_order_minor: 3500, customer_since: null },
    { customer_id: 'c-cleo', customer_name: 'Cleo Park', total_minor: 1200, orders: 1, first_order: '2025-11-20', last_order: '2025-11-20', average_order_minor: 1200, customer_since: '2025-11-20' },
  ];
  return {
    as_of: '2025-11-24',
    order_drops: [
      {
        customer_id: 'c-bo',
        customer_name: 'Bo Ek',
        usual_gap_days: 14,
        days_since_last: 70,
        explanation: 'usually every 14 days; 70 days since the last order',
        reason: 'rhythm',
        reasons: ['rhythm'],
        threshold_days: 28,
        last_order: '2025-09-15',
        overdue_from: '2025-10-13',
        recent_minor: 0,
        usual_minor: 7000,
      },
    ],
    cross_sell: [
      {
        customer_id: 'c-cleo',
        product: 'Butter',
        because: 'bought Bread; 80% of customers who buy Bread also buy Butter',
        lift: 1.6,
        customer_name: 'Cleo Park',
        because_of: 'Bread',
        confidence: 0.8,
      },
    ],
    seasonality: [
      { product: 'Bread', peak_month: 11, by_month: bread, revenue_by_month: bread.map((q) => q * 450), category: 'Bakery', quantity: 76, revenue_minor: 34_200 },
      { product: 'Stollen', peak_month: 12, by_month: stollen, revenue_by_month: stollen.map((q) => q * 1500), category: 'Christmas', quantity: 26, revenue_minor: 39_000 },
    ],
    rfm: [
      { customer_id: 'c-anna', customer_name: 'Anna Berg', r: 5, f: 5, m: 5, segment: 'champions', recency_days: 21, frequency: 12, monetary_minor: 54_000 },
      { customer_id: 'c-bo', customer_name: 'Bo Ek', r: 2, f: 4, m: 4, segment: 'at-risk', recency_days: 70, frequency: 6, monetary_minor: 21_000 },
      { customer_id: 'c-cleo', customer_name: 'Cleo Park', r: 5, f: 1, m: 1, segment: 'new', recency_days: 4, frequency: 1, monetary_minor: 1200 },
    ],
    feedback: noFeedback(),
    currency: 'EUR',
    pairs: [{ antecedent: 'Bread', consequent: 'Butter', customers: 2, support: 0.667, confidence: 0.8, lift: 1.6 }],
    category_seasonality: [
      { category: 'Bakery', peak_month: 11, by_month: bread, revenue_by_month: bread.map((q) => q * 450), quantity: 76, revenue_minor: 34_200 },
    ],
    coming_up: ['Stollen'],
    rhythms: [{ customer_id: 'c-anna', customer_name: 'Anna Berg', rhythm: { usual_gap_days: 14, threshold_days: 28, last_order: '2025-11-03' } }],
    habits: [{ customer_id: 'c-anna', customer_name: 'Anna Berg', habit: { month: 11, typical_day: 20, years: 3 } }],
    breakdowns: {
      by_city: [
        { key: 'Stockholm', customers: 2, buyers: 1, revenue_minor: 54_000 },
        { key: 'Malmö', customers: 1, buyers: 1, revenue_minor: 21_000 },
        { key: null, customers: 1, buyers: 1, revenue_minor: 1200 },
      ],
      by_country: [{ key: 'Sweden', customers: 3, buyers: 2, revenue_minor: 75_000 }],
      by_tag: [{ key: 'vip', customers: 1, buyers: 1, revenue_minor: 54_000 }],
      by_source: [{ key: 'Farmers market', customers: 2, buyers: 2, revenue_minor: 55_200 }],
      by_channel: [
        { key: 'whatsapp', customers: 1, buyers: 1, revenue_minor: 54_000 },
        { key: null, customers: 3, buyers: 2, revenue_minor: 22_200 },
      ],
    },
    top_customers: lifetime,
    new_vs_returning: [
      { month: '2025-10', new_customers: 0, returning_customers: 2, revenue_minor: 9000 },
      { month: '2025-11', new_customers: 1, returning_customers: 1, revenue_minor: 5700 },
    ],
    lifetime,
    ...fields,
  };
}

/**
 * A file the owner chose in the system's file dialog, as `choose_file` answers: a Google
 * Contacts CSV of 2.4 MB by default (the token is the shell's name for it, never a path).
 */
export function chosenFile(fields: Partial<ChosenFile> = {}): ChosenFile {
  return { token: 'file-1', name: 'google.csv', bytes: 2_400_000, format: 'csv', ...fields };
}

/**
 * What `preview_contacts_file` says of a Google Contacts export: its header, the mapping proposed
 * (the event's type labels the date to its right) and its first two contacts.
 */
export function contactsPreview(fields: Partial<Preview> = {}): Preview {
  return {
    detected: 'google',
    headers: ['Name', 'Given Name', 'E-mail 1 - Value', 'Phone 1 - Value', 'Birthday', 'Event 1 - Type', 'Event 1 - Value', 'Notes', 'Group Membership'],
    mapping: {
      columns: ['name', 'given-name', 'email', 'phone', 'birthday', 'date-label', { date: 'Event' }, 'note', 'tags'],
      date_order: 'ymd',
    },
    rows: [
      ['Anna Berg', 'Anna', 'anna@example.com', '+46 70 123 45 67', '1985-11-23', 'Anniversary', '2010-06-14', 'Loves rye', '* myContacts ::: VIP'],
      ['Bo Ek', 'Bo', 'bo@example.com', '', '', '', '', '<b>not bold</b>', '* myContacts'],
    ],
    ...fields,
  };
}

/**
 * What `import_contacts_file` reports (IPC carries the counts as numbers): 2 new customers, line 3
 * already here as Anna Berg (same email), line 5 with a bad birthday; `batch` set when not a dry run.
 */
export function contactsReport(dryRun: boolean, duplicates: 'merge' | 'skip' = 'merge') {
  const merged = duplicates === 'merge' ? 1 : 0;
  return {
    imported: 2 + merged,
    skipped: 2 - merged,
    errors: [{ line: 5, message: 'birthday: “31/02/1980” is not a date' }],
    unmatched: [],
    orders: 0,
    new_products: [],
    dry_run: dryRun,
    new_customers: 2,
    merged,
    duplicates: [{ line: 3, name: 'Anna Berg', customer_id: 'c-anna', customer_name: 'Anna Berg', matched_by: 'email' }],
    batch: dryRun ? null : 'batch-1',
  };
}

/** A backup as `list_backups` lists it: an automatic one of 1 December 2026 by default. */
export function backupInfo(fields: Partial<BackupInfo> = {}): BackupInfo {
  return {
    path: '/home/anna/.local/share/org.regulars.desktop/backups/regulars-2026-12-01-031500.json',
    made_at: '2026-12-01T03:15:00+01:00',
    automatic: true,
    bytes: 2_400_000,
    ...fields,
  };
}

// Feedback and complaints.

/** Feedback as `list_feedback` returns it: 4 stars and a 9 from Anna on 20 Nov 2025 by default; ids increase with each call. */
export function feedbackEntry(fields: Partial<Feedback> = {}): Feedback {
  counter += 1;
  return {
    id: `01900000-0000-7000-b000-${String(counter).padStart(12, '0')}`,
    customer_id: 'c-anna',
    date: '2025-11-20',
    channel: null,
    rating: 4,
    nps: 9,
    text: 'Lovely bread',
    order_id: null,
    created_at: '2025-11-20T15:00:00Z',
    ...fields,
  };
}

/**
 * A complaint as `list_complaints` and `complaints_overview` show it, under a policy of 2 days to
 * acknowledge and 7 to resolve: by default Anna's open one of 16 Nov 2025, to acknowledge by 18 Nov
 * (not yet overdue on 17 Nov); ids increase with each call.
 */
export function complaintView(fields: Partial<ComplaintView> = {}): ComplaintView {
  counter += 1;
  return {
    id: `01900000-0000-7000-c000-${String(counter).padStart(12, '0')}`,
    customer_id: 'c-anna',
    customer_name: 'Anna Berg',
    opened_on: '2025-11-16',
    channel: 'phone',
    summary: 'The cake was late',
    severity: 'medium',
    status: 'open',
    opened_at: '2025-11-16T10:00:00Z',
    acknowledged_at: null,
    resolved_at: null,
    resolution: null,
    closed_at: null,
    age_days: 1,
    acknowledge_by: '2025-11-18',
    resolve_by: '2025-11-23',
    next: 'acknowledge',
    overdue: false,
    resolution_days: null,
    within_policy: null,
    ...fields,
  };
}

/** No feedback at all (and no customers to say how they heard about you). */
export function noFeedback(): FeedbackSummary {
  return {
    count: 0,
    average_rating: null,
    nps: null,
    ratings: 0,
    scores: 0,
    promoters: 0,
    passives: 0,
    detractors: 0,
    by_month: [],
    listen_to: [],
    heard_about_us: [],
  };
}

/**
 * The feedback summary over six pieces of feedback in October and November 2025: an average of
 * 3.8 stars, an NPS of 16.67 (3 promoters, 1 passive, 2 detractors), Bo's low rating to listen to,
 * and customers from the farmers market, Instagram and unknown sources.
 */
export function feedbackSummaryFixture(fields: Partial<FeedbackSummary> = {}): FeedbackSummary {
  return {
    count: 6,
    average_rating: 3.8,
    nps: 16.666666666666664,
    ratings: 5,
    scores: 6,
    promoters: 3,
    passives: 1,
    detractors: 2,
    by_month: [
      { month: '2025-10', count: 2, average_rating: 4.5, nps: 50 },
      { month: '2025-11', count: 4, average_rating: 3.3333333333333335, nps: 0 },
    ],
    listen_to: [{ customer_id: 'c-bo', customer_name: 'Bo Ek', date: '2025-11-18', rating: 2, nps: 3, text: 'The <b>cake</b> was late' }],
    heard_about_us: [
      { source: 'Farmers market', customers: 5 },
      { source: 'Instagram', customers: 2 },
      { source: null, customers: 1 },
    ],
    ...fields,
  };
}

/**
 * The complaints overview on 2025-11-24 under a 2/7-day policy: Anna's acknowledged complaint of
 * 18 Nov still within the policy, Bo's open one of 19 Nov overdue for acknowledging, and two
 * resolved (Bo's in time, Cleo's late); Bo complained twice.
 */
export function complaintsOverviewFixture(fields: Partial<ComplaintsOverview> = {}): ComplaintsOverview {
  const annaWaiting = complaintView({
    summary: 'Wrong cake flavour',
    opened_on: '2025-11-18',
    status: 'acknowledged',
    acknowledged_at: '2025-11-19T09:30:00Z',
    age_days: 6,
    acknowledge_by: '2025-11-20',
    resolve_by: '2025-11-25',
    next: 'resolve',
  });
  const boOverdue = complaintView({
    customer_id: 'c-bo',
    customer_name: 'Bo Ek',
    summary: 'Bread was stale',
    severity: 'high',
    opened_on: '2025-11-19',
    age_days: 5,
    acknowledge_by: '2025-11-21',
    resolve_by: '2025-11-26',
    overdue: true,
  });
  const boResolved = complaintView({
    customer_id: 'c-bo',
    customer_name: 'Bo Ek',
    summary: 'Missing butter',
    opened_on: '2025-10-01',
    status: 'closed',
    acknowledged_at: '2025-10-02T09:00:00Z',
    resolved_at: '2025-10-04T09:00:00Z',
    resolution: 'Delivered the butter with an apology',
    closed_at: '2025-10-05T09:00:00Z',
    age_days: 3,
    acknowledge_by: '2025-10-03',
    resolve_by: '2025-10-08',
    next: null,
    resolution_days: 3,
    within_policy: true,
  });
  const cleoLate = complaintView({
    customer_id: 'c-cleo',
    customer_name: 'Cleo Park',
    summary: 'Order mixed up',
    opened_on: '2025-09-01',
    status: 'resolved',
    acknowledged_at: '2025-09-02T09:00:00Z',
    resolved_at: '2025-09-11T09:00:00Z',
    resolution: 'Refunded',
    age_days: 10,
    acknowledge_by: '2025-09-03',
    resolve_by: '2025-09-08',
    next: null,
    resolution_days: 10,
    within_policy: false,
  });
  return {
    today: '2025-11-24',
    // Oldest first, as the core lists them (the view puts the overdue one first).
    pending: [annaWaiting, boOverdue],
    all: [boOverdue, annaWaiting, boResolved, cleoLate],
    resolved: 2,
    average_resolution_days: 6.5,
    median_resolution_days: 6.5,
    within_policy: 0.5,
    repeat_complainers: [{ customer_id: 'c-bo', customer_name: 'Bo Ek', complaints: 2, pending: 1 }],
    policy: { acknowledge_days: 2, resolve_days: 7, text: 'We acknowledge within {acknowledge} days and resolve within {resolve}.' },
    policy_text: 'We acknowledge within 2 days and resolve within 7.',
    ...fields,
  };
}

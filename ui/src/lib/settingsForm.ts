// The Settings form's fields: their labels, the core's names for them ("reminders.missed_days",
// "complaints.resolve_days", what an ErrorReport's `field` says), asking for feedback as the form
// edits it (on or off, and after how many days), and the one check the form makes itself — that a
// box holds something the core can receive at all (a blank number or time cannot be sent).
// Every rule about the values (ranges, limits) is the core's, shown beside the field it names.
import type { BusinessSettings } from './bindings/BusinessSettings';
import type { FeedbackSettings } from './bindings/FeedbackSettings';
import type { ReminderSettings } from './bindings/ReminderSettings';
import type { Settings } from './bindings/Settings';

export type DayKey = Exclude<keyof ReminderSettings, 'leap_day'>;

/** The day counts in the order the form shows them. */
export const DAY_FIELDS: readonly { key: DayKey; label: string }[] = [
  { key: 'birthday_notice_days', label: 'Birthdays shown ahead (days)' },
  { key: 'anniversary_notice_days', label: 'Anniversaries shown ahead (days)' },
  { key: 'follow_up_notice_days', label: 'Follow-ups shown ahead (days)' },
  { key: 'keep_in_touch_notice_days', label: 'Keep-in-touch shown ahead (days)' },
  { key: 'missed_days', label: 'Missed birthdays stay for (days)' },
];

export const LEAP_DAY_CHOICES = [
  { value: 'feb28', label: 'Feb 28' },
  { value: 'mar1', label: 'Mar 1' },
] as const;

/**
 * The complaints policy's counts of days, in the order the form shows them, by the core's names:
 * its two deadlines, and how far ahead of one Today shows it.
 */
export const POLICY_DAY_FIELDS = [
  { field: 'complaints.acknowledge_days', label: 'Acknowledge within (days)', hint: 'Tell the customer their complaint is heard.' },
  { field: 'complaints.resolve_days', label: 'Resolve within (days)', hint: 'Counted, like acknowledging, from the day they complained.' },
  { field: 'reminders.complaint_notice_days', label: 'Remind me ahead of a deadline (days)', hint: 'How early Today shows the next step.' },
] as const;

export type PolicyDayField = (typeof POLICY_DAY_FIELDS)[number]['field'];

/** The value of one of the policy's counts of days in `settings`. */
export function policyDays(settings: Settings, field: PolicyDayField): number {
  switch (field) {
    case 'complaints.acknowledge_days':
      return settings.complaints.acknowledge_days;
    case 'complaints.resolve_days':
      return settings.complaints.resolve_days;
    case 'reminders.complaint_notice_days':
      return settings.reminders.complaint_notice_days;
  }
}

/**
 * Asking for feedback as the form edits it: on or off, and after how many days. The days stay
 * while it is off, so turning it back on brings them back; only "on" sends them.
 */
export type FeedbackAsk = { asking: boolean; days: number | null };

/** The days offered when asking is first turned on. */
export const DEFAULT_ASK_DAYS = 3;

export function feedbackAsk(feedback: FeedbackSettings): FeedbackAsk {
  return { asking: feedback.ask_after_days !== null, days: feedback.ask_after_days ?? DEFAULT_ASK_DAYS };
}

/** `settings` with asking for feedback as the form has it: off is `ask_after_days` null. */
export function withFeedbackAsk(settings: Settings, ask: FeedbackAsk): Settings {
  return { ...settings, feedback: { ...settings.feedback, ask_after_days: ask.asking ? ask.days : null } };
}

export type BusinessKey = keyof BusinessSettings;

/** Who is writing, in the order the form shows it; the hint says what a field is for. */
export const BUSINESS_FIELDS: readonly { key: BusinessKey; label: string; hint?: string }[] = [
  { key: 'business_name', label: 'Business name' },
  { key: 'owner_name', label: 'Your name (signs messages)' },
  {
    key: 'country_calling_code',
    label: 'Country calling code',
    hint: 'For phone numbers written without +, e.g. 46 for Sweden',
  },
  {
    key: 'currency',
    label: 'Currency',
    hint: 'Orders and insights use it unless an order says otherwise (ISO code, e.g. EUR, SEK, USD)',
  },
];

/** The business fields as the form's text boxes hold them (nothing stored: empty). */
export type BusinessText = Record<BusinessKey, string>;

export function businessText(business: BusinessSettings | undefined): BusinessText {
  return {
    business_name: business?.business_name ?? '',
    owner_name: business?.owner_name ?? '',
    country_calling_code: business?.country_calling_code ?? '',
    currency: business?.currency ?? '',
  };
}

/** The business settings to send: a box left empty (or only spaces) is sent as null. */
export function businessSettings(text: BusinessText): BusinessSettings {
  const value = (typed: string) => (typed.trim() === '' ? null : typed);
  return {
    business_name: value(text.business_name),
    owner_name: value(text.owner_name),
    country_calling_code: value(text.country_calling_code),
    currency: value(text.currency),
  };
}

/** Every field the form shows, by the name the core gives it in an ErrorReport. */
export const SETTINGS_FIELDS: ReadonlySet<string> = new Set([
  ...DAY_FIELDS.map((f) => `reminders.${f.key}`),
  'reminders.leap_day',
  'notifications.digest',
  'notifications.digest_time',
  'notifications.timed_follow_ups',
  ...BUSINESS_FIELDS.map((f) => `business.${f.key}`),
  ...POLICY_DAY_FIELDS.map((f) => f.field),
  'complaints.text',
  'feedback.ask_after_days',
  'feedback.after_orders',
  'feedback.after_meetings',
  'start_at_login',
]);

export type FieldProblem = { field: string; message: string };

/** A number input reads as null when blank; fractions and negatives cannot be a count of days. */
function isDayCount(days: unknown): boolean {
  return typeof days === 'number' && Number.isInteger(days) && days >= 0;
}

/**
 * The first box that holds nothing the core could receive, or null when all can be sent. `ask`
 * is asking for feedback as the form holds it (its days are only sent, and checked, when on).
 */
export function unsendable(settings: Settings, ask: FeedbackAsk = feedbackAsk(settings.feedback)): FieldProblem | null {
  for (const { key } of DAY_FIELDS) {
    if (!isDayCount(settings.reminders[key])) {
      return { field: `reminders.${key}`, message: 'Enter a whole number of days.' };
    }
  }
  for (const { field } of POLICY_DAY_FIELDS) {
    if (!isDayCount(policyDays(settings, field))) return { field, message: 'Enter a whole number of days.' };
  }
  if (ask.asking && !isDayCount(ask.days)) {
    return { field: 'feedback.ask_after_days', message: 'Enter a whole number of days, or turn asking off.' };
  }
  if (!/^\d{2}:\d{2}$/.test(settings.notifications.digest_time)) {
    return { field: 'notifications.digest_time', message: 'Enter a time, like 08:30.' };
  }
  return null;
}

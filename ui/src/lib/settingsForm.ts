// The Settings form's fields: their labels, the core's names for them ("reminders.missed_days",
// what an ErrorReport's `field` says), and the one check the form makes itself — that a
// box holds something the core can receive at all (a blank number or time cannot be sent).
// Every rule about the values (ranges, limits) is the core's, shown beside the field it names.
import type { BusinessSettings } from './bindings/BusinessSettings';
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
  'start_at_login',
]);

export type FieldProblem = { field: string; message: string };

/** The first box that holds nothing the core could receive, or null when all can be sent. */
export function unsendable(settings: Settings): FieldProblem | null {
  for (const { key } of DAY_FIELDS) {
    const days: unknown = settings.reminders[key];
    // A number input reads as null when blank; fractions and negatives cannot be a count of days.
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
      return { field: `reminders.${key}`, message: 'Enter a whole number of days.' };
    }
  }
  if (!/^\d{2}:\d{2}$/.test(settings.notifications.digest_time)) {
    return { field: 'notifications.digest_time', message: 'Enter a time, like 08:30.' };
  }
  return null;
}

// The Settings form sends only what the core can receive; every other rule is the core's.
import { expect, it } from 'vitest';
import { defaultSettings } from '../test-fixtures';
import { businessSettings, businessText, DEFAULT_ASK_DAYS, feedbackAsk, SETTINGS_FIELDS, unsendable, withFeedbackAsk } from './settingsForm';

it('lets any whole numbers and a time through, leaving limits to the core', () => {
  const settings = defaultSettings();
  settings.reminders.missed_days = 10_000;
  expect(unsendable(settings)).toBeNull();
});

it('stops a blank or fractional count of days, and a blank time, naming the field', () => {
  const blank = defaultSettings();
  (blank.reminders as Record<string, unknown>).missed_days = null;
  expect(unsendable(blank)).toEqual({ field: 'reminders.missed_days', message: 'Enter a whole number of days.' });
  const fraction = defaultSettings();
  fraction.reminders.birthday_notice_days = 1.5;
  expect(unsendable(fraction)?.field).toBe('reminders.birthday_notice_days');
  const noTime = defaultSettings();
  noTime.notifications.digest_time = '';
  expect(unsendable(noTime)?.field).toBe('notifications.digest_time');
});

it('knows every field by the name the core uses', () => {
  expect(SETTINGS_FIELDS.has('reminders.missed_days')).toBe(true);
  expect(SETTINGS_FIELDS.has('notifications.digest_time')).toBe(true);
  expect(SETTINGS_FIELDS.has('start_at_login')).toBe(true);
  expect(SETTINGS_FIELDS.has('business.business_name')).toBe(true);
  expect(SETTINGS_FIELDS.has('business.owner_name')).toBe(true);
  expect(SETTINGS_FIELDS.has('business.country_calling_code')).toBe(true);
});

it('shows an unset business field as an empty box and sends an empty box as null', () => {
  expect(businessText(undefined)).toEqual({ business_name: '', owner_name: '', country_calling_code: '', currency: '' });
  expect(businessText({ business_name: 'Bakery Nord', owner_name: null })).toEqual({
    business_name: 'Bakery Nord',
    owner_name: '',
    country_calling_code: '',
    currency: '',
  });
  expect(businessSettings({ business_name: 'Bakery Nord', owner_name: '  ', country_calling_code: '', currency: 'SEK' })).toEqual({
    business_name: 'Bakery Nord',
    owner_name: null,
    country_calling_code: null,
    currency: 'SEK',
  });
});

it('knows the complaints policy and asking for feedback by the names the core uses', () => {
  for (const field of [
    'complaints.acknowledge_days',
    'complaints.resolve_days',
    'complaints.text',
    'reminders.complaint_notice_days',
    'feedback.ask_after_days',
    'feedback.after_orders',
    'feedback.after_meetings',
  ]) {
    expect(SETTINGS_FIELDS.has(field)).toBe(true);
  }
});

it('stops a blank or fractional deadline and notice, naming the field', () => {
  const blank = defaultSettings();
  (blank.complaints as Record<string, unknown>).resolve_days = null;
  expect(unsendable(blank)).toEqual({ field: 'complaints.resolve_days', message: 'Enter a whole number of days.' });
  const notice = defaultSettings();
  notice.reminders.complaint_notice_days = 0.5;
  expect(unsendable(notice)?.field).toBe('reminders.complaint_notice_days');
  const limits = defaultSettings();
  limits.complaints.resolve_days = 1;
  expect(unsendable(limits)).toBeNull();
});

it('asks for feedback only when on, keeping the days while off', () => {
  const settings = defaultSettings();
  expect(feedbackAsk(settings.feedback)).toEqual({ asking: false, days: DEFAULT_ASK_DAYS });
  expect(feedbackAsk({ ...settings.feedback, ask_after_days: 5 })).toEqual({ asking: true, days: 5 });
  expect(withFeedbackAsk(settings, { asking: true, days: 5 }).feedback).toEqual({ ask_after_days: 5, after_orders: true, after_meetings: true });
  expect(withFeedbackAsk(settings, { asking: false, days: 5 }).feedback.ask_after_days).toBeNull();
  expect(unsendable(settings, { asking: true, days: null })).toEqual({
    field: 'feedback.ask_after_days',
    message: 'Enter a whole number of days, or turn asking off.',
  });
  expect(unsendable(settings, { asking: false, days: null })).toBeNull();
});

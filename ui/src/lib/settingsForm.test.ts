// The Settings form sends only what the core can receive; every other rule is the core's.
import { expect, it } from 'vitest';
import { defaultSettings } from '../test-fixtures';
import { businessSettings, businessText, SETTINGS_FIELDS, unsendable } from './settingsForm';

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

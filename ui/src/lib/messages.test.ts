// The composer's choices: occasions for reminders, the starting channel, the link and button per channel.
import { expect, it } from 'vitest';
import { renderedMessage } from '../test-fixtures';
import { actionFor, linkFor, occasionFor, OCCASIONS, SEND_CHANNELS, startingChannel, unavailableReason } from './messages';

it('offers every occasion the core knows, by its word', () => {
  expect(OCCASIONS.map((o) => o.value)).toEqual(['birthday', 'anniversary', 'follow-up', 'thank-you', 'feedback', 'seasonal']);
  expect(OCCASIONS.map((o) => o.label)).toEqual([
    'Birthday',
    'Anniversary',
    'Follow-up',
    'Thank you',
    'Ask for feedback',
    'Seasonal greeting',
  ]);
});

it('answers a reminder with its occasion; keep-in-touch is a follow-up', () => {
  expect(occasionFor('birthday')).toBe('birthday');
  expect(occasionFor('anniversary')).toBe('anniversary');
  expect(occasionFor('follow-up')).toBe('follow-up');
  expect(occasionFor('keep-in-touch')).toBe('follow-up');
});

it('follows up on a drop in orders, and greets a customer whose season is coming', () => {
  expect(occasionFor('order-drop')).toBe('follow-up');
  expect(occasionFor('season')).toBe('seasonal');
});

it('asks for feedback when the reminder is to ask, and follows up on a complaint', () => {
  expect(occasionFor('ask-feedback')).toBe('feedback');
  expect(occasionFor('complaint-due')).toBe('follow-up');
});

it("starts on the core's channel when it can be used, else on the first that can", () => {
  const noEmail = [{ channel: 'email' as const, reason: 'no email address' }];
  expect(startingChannel('sms', [])).toBe('sms');
  expect(startingChannel('email', noEmail)).toBe('sms');
  expect(startingChannel(null, noEmail)).toBe('sms');
  expect(startingChannel('in-person', [])).toBe('email');
  expect(
    startingChannel('email', [
      { channel: 'email', reason: 'no email address' },
      { channel: 'sms', reason: 'no phone number' },
      { channel: 'whatsapp', reason: 'no phone number' },
    ]),
  ).toBeNull();
  expect(unavailableReason(noEmail, 'email')).toBe('no email address');
  expect(unavailableReason(noEmail, 'whatsapp')).toBeNull();
});

it("picks the core's link and the button's words for each channel", () => {
  const { links } = renderedMessage();
  expect(SEND_CHANNELS.map((c) => linkFor(links, c.value))).toEqual([links.mailto, links.sms, links.whatsapp]);
  expect(linkFor({ ...links, sms: undefined }, 'sms')).toBeNull();
  expect(SEND_CHANNELS.map((c) => actionFor(c.value))).toEqual(['Open in email app', 'Open in messages', 'Open in WhatsApp']);
});

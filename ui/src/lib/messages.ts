// The message composer's words and choices: the occasions the owner can pick, the channels a
// message can be opened in (and the button that opens it), which occasion a reminder calls
// for, and which link belongs to a channel. The links themselves are the core's: this module
// only picks one, it never builds or encodes one.
import type { Channel } from './bindings/Channel';
import type { ItemKind } from './bindings/ItemKind';
import type { MessageLinks } from './bindings/MessageLinks';
import type { Occasion } from './bindings/Occasion';
import type { Unavailable } from './bindings/Unavailable';

export const OCCASIONS: readonly { value: Occasion; label: string }[] = [
  { value: 'birthday', label: 'Birthday' },
  { value: 'anniversary', label: 'Anniversary' },
  { value: 'follow-up', label: 'Follow-up' },
  { value: 'thank-you', label: 'Thank you' },
  { value: 'feedback', label: 'Ask for feedback' },
  { value: 'seasonal', label: 'Seasonal greeting' },
];

/** The channels a message can be opened in, in the order the composer offers them. */
export type SendChannel = 'email' | 'sms' | 'whatsapp';

export const SEND_CHANNELS: readonly { value: SendChannel; label: string; action: string; link: keyof MessageLinks }[] = [
  { value: 'email', label: 'Email', action: 'Open in email app', link: 'mailto' },
  { value: 'sms', label: 'SMS', action: 'Open in messages', link: 'sms' },
  { value: 'whatsapp', label: 'WhatsApp', action: 'Open in WhatsApp', link: 'whatsapp' },
];

/**
 * The occasion a daily-list reminder calls for: keep-in-touch, a drop in orders and a complaint
 * are a follow-up; a customer's season coming up is a seasonal greeting; asking how an order or
 * a meeting went is asking for feedback.
 */
export function occasionFor(kind: ItemKind): Occasion {
  switch (kind) {
    case 'birthday':
      return 'birthday';
    case 'anniversary':
      return 'anniversary';
    case 'season':
      return 'seasonal';
    case 'ask-feedback':
      return 'feedback';
    case 'follow-up':
    case 'keep-in-touch':
    case 'order-drop':
    case 'complaint-due':
      return 'follow-up';
  }
}

export function isSendChannel(channel: Channel | null | undefined): channel is SendChannel {
  return SEND_CHANNELS.some((c) => c.value === channel);
}

/** Why `channel` cannot be used for this customer ("no email address"), or null when it can. */
export function unavailableReason(unavailable: readonly Unavailable[], channel: SendChannel): string | null {
  return unavailable.find((u) => u.channel === channel)?.reason ?? null;
}

/**
 * The channel the composer starts on: the core's choice when it is one the composer opens
 * and not unavailable, else the first channel that is available; null when there is none.
 */
export function startingChannel(channel: Channel | null, unavailable: readonly Unavailable[]): SendChannel | null {
  if (isSendChannel(channel) && unavailableReason(unavailable, channel) === null) return channel;
  return SEND_CHANNELS.find((c) => unavailableReason(unavailable, c.value) === null)?.value ?? null;
}

/** The core's link that opens the message in `channel`'s app, or null when it made none. */
export function linkFor(links: MessageLinks, channel: SendChannel): string | null {
  const link = SEND_CHANNELS.find((c) => c.value === channel)!.link;
  return links[link] ?? null;
}

/** The primary button's text for `channel` ("Open in email app"). */
export function actionFor(channel: SendChannel): string {
  return SEND_CHANNELS.find((c) => c.value === channel)!.action;
}

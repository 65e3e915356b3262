// The words the owner reads for the core's codes (statuses, channels, kinds of interaction),
// in the order the pickers offer them. Display only: the codes themselves are the core's.
import type { Channel } from './bindings/Channel';
import type { CustomerKind } from './bindings/CustomerKind';
import type { CustomerStatus } from './bindings/CustomerStatus';
import type { InteractionKind } from './bindings/InteractionKind';

export const INTERACTION_KINDS: readonly { value: InteractionKind; label: string }[] = [
  { value: 'meeting', label: 'Meeting' },
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
  { value: 'message', label: 'Message' },
  { value: 'note', label: 'Note' },
];

export const STATUSES: readonly { value: CustomerStatus; label: string }[] = [
  { value: 'lead', label: 'Lead' },
  { value: 'active', label: 'Active' },
  { value: 'lapsed', label: 'Lapsed' },
  { value: 'former', label: 'Former' },
];

export const CHANNELS: readonly { value: Channel; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'sms', label: 'SMS' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'in-person', label: 'In person' },
  { value: 'web-chat', label: 'Web chat' },
  { value: 'other', label: 'Other' },
];

export const CUSTOMER_KINDS: readonly { value: CustomerKind; label: string }[] = [
  { value: 'person', label: 'Person' },
  { value: 'business', label: 'Business' },
];

/** The label for `value` in `choices`, or `value` itself for a code this UI does not know yet. */
export function labelFor<T extends string>(choices: readonly { value: T; label: string }[], value: string): string {
  return choices.find((c) => c.value === value)?.label ?? capitalise(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

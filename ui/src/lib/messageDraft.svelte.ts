// The message composer's state: the message the core wrote for an occasion, as the owner edits
// it, the channel chosen, and the core's links for the text as it stands. Links are asked for
// again a moment after the owner stops typing, and once more right before one is opened, so the
// app the message opens in always gets the words on screen. Only the latest answer is used.
// It never builds or encodes a link itself.
import { asApiError, messageLinks, renderMessage, sendMessage } from './api';
import type { MessageLinks } from './bindings/MessageLinks';
import type { Occasion } from './bindings/Occasion';
import type { Unavailable } from './bindings/Unavailable';
import { startingChannel, unavailableReason, type SendChannel } from './messages';

/** How long the owner pauses typing before the links are made again. */
export const LINKS_DELAY_MS = 300;

/** Who the message is to. */
export type Recipient = { id: string; name: string };

/** What the composer opens with: to whom, for what, and the daily-list item it answers. */
export type MessageRequest = { customer: Recipient; occasion: Occasion; reminderKey: string | null };

export type RenderState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string };

const NO_LINKS: MessageLinks = {};

export class MessageDraft {
  occasion: Occasion = $state('follow-up');
  subject = $state('');
  body = $state('');
  /** The channel the primary button opens; null when the customer has none of them. */
  channel: SendChannel | null = $state(null);
  links: MessageLinks = $state.raw(NO_LINKS);
  unavailable: Unavailable[] = $state.raw([]);
  rendering: RenderState = $state.raw({ status: 'loading' });
  /** The owner changed the subject or message since the core wrote it. */
  edited = $state(false);
  /** The occasion changed after the owner edited the text, so the text was kept as it is. */
  kept = $state(false);

  readonly customerId: string;
  readonly reminderKey: string | null;
  readonly #delay: number;
  #renders = 0;
  #linkRequests = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The text the current links were made for. */
  #linkedText: string | null = null;
  #channelChosen = false;

  constructor(request: MessageRequest, delay = LINKS_DELAY_MS) {
    this.customerId = request.customer.id;
    this.occasion = request.occasion;
    this.reminderKey = request.reminderKey;
    this.#delay = delay;
  }

  /** True when there is no message to send (the subject alone is not one). */
  get blank(): boolean {
    return this.body.trim() === '';
  }

  /**
   * Asks the core to write the message for the occasion; it replaces the text on screen unless
   * the owner starts typing while the core is writing.
   */
  async render(): Promise<void> {
    const asked = ++this.#renders;
    this.rendering = { status: 'loading' };
    this.edited = false;
    this.kept = false;
    try {
      const message = await renderMessage(this.customerId, this.occasion);
      if (asked !== this.#renders) return;
      this.unavailable = message.unavailable;
      if (!this.#channelChosen || (this.channel !== null && unavailableReason(message.unavailable, this.channel) !== null)) {
        this.channel = startingChannel(message.channel, message.unavailable);
      }
      this.links = message.links;
      if (this.edited) {
        // Typed over while the core was writing: the owner's words stay; links follow them.
        this.#scheduleLinks();
      } else {
        this.subject = message.subject;
        this.body = message.body;
        this.#linkedText = this.#text();
      }
      this.rendering = { status: 'ready' };
    } catch (e) {
      if (asked === this.#renders) this.rendering = { status: 'failed', message: asApiError(e).message };
    }
  }

  /** The owner picked another occasion: the core writes anew, unless the owner edited the text. */
  changeOccasion(occasion: Occasion): Promise<void> {
    this.occasion = occasion;
    if (this.edited) {
      this.kept = true;
      return Promise.resolve();
    }
    return this.render();
  }

  /** The owner picked a channel. */
  choose(channel: SendChannel): void {
    this.channel = channel;
    this.#channelChosen = true;
  }

  /** The owner changed the subject or message: the links are made again after a pause. */
  edit(): void {
    this.edited = true;
    this.#scheduleLinks();
  }

  /** The links for the text as it is now, asking the core first if they may be out of date. */
  async currentLinks(): Promise<MessageLinks> {
    if (this.#timer !== null || this.#linkedText !== this.#text()) return this.#refreshLinks();
    return this.links;
  }

  /** Logs the message (copied when `channel` is null) and marks its reminder done. */
  send(channel: SendChannel | null): Promise<string> {
    return sendMessage(this.customerId, {
      channel,
      subject: this.subject,
      body: this.body,
      reminder_key: this.reminderKey,
    });
  }

  /** The composer closed: nothing waiting may still run. */
  dispose(): void {
    this.#stopTimer();
    this.#renders += 1;
    this.#linkRequests += 1;
  }

  #text(): string {
    return JSON.stringify([this.subject, this.body]);
  }

  #scheduleLinks(): void {
    this.#stopTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // A failure here is not the owner's concern yet: the links are asked for again on opening.
      this.#refreshLinks().catch(() => {});
    }, this.#delay);
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Asks for the links for the text as it is now; resolves to them (shown unless a newer ask began). */
  async #refreshLinks(): Promise<MessageLinks> {
    this.#stopTimer();
    const asked = ++this.#linkRequests;
    const text = this.#text();
    const links = await messageLinks(this.customerId, this.subject, this.body);
    if (asked === this.#linkRequests) {
      this.links = links;
      this.#linkedText = text;
    }
    return links;
  }
}

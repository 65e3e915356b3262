// The message composer: the core's message for an occasion, edited by the owner, opened in the
// channel's app (through the core's links) or copied, then logged; failures keep it open.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageLinks } from '../lib/bindings/MessageLinks';
import type { Occasion } from '../lib/bindings/Occasion';
import type { RenderedMessage } from '../lib/bindings/RenderedMessage';
import { renderedMessage } from '../test-fixtures';
import MessageComposer from './MessageComposer.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const ANNA = { id: 'c1', name: 'Anna Berg' };
const KEY = 'birthday/c1/2025';
const EDITED_LINKS: MessageLinks = {
  mailto: 'mailto:anna@example.com?subject=Hi&body=Edited',
  sms: 'sms:+46701234567?body=Edited',
  whatsapp: 'https://wa.me/46701234567?text=Edited',
  tel: 'tel:+46701234567',
};

type Answers = Partial<Record<string, unknown | ((args: Record<string, unknown>) => unknown)>>;

/** The core: a birthday wish for each occasion (its subject names it), fixed edited links. */
function core(message: RenderedMessage = renderedMessage(), extra: Answers = {}): void {
  invokeMock.mockImplementation(async (command, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    if (command in extra) {
      const value = extra[command];
      return typeof value === 'function' ? value(a) : value;
    }
    switch (command) {
      case 'render_message':
        return a.occasion === 'birthday' ? message : { ...message, subject: `About ${String(a.occasion)}`, body: `Text for ${String(a.occasion)}` };
      case 'message_links':
        return EDITED_LINKS;
      case 'send_message':
        return 'i1';
      default:
        return null;
    }
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const commands = () => invokeMock.mock.calls.map(([c]) => c);

async function setup(occasion: Occasion = 'birthday', reminderKey: string | null = KEY, linksDelay = 20) {
  const user = userEvent.setup();
  const announce = vi.fn();
  const onsent = vi.fn();
  const oncancel = vi.fn();
  render(MessageComposer, { customer: ANNA, occasion, reminderKey, announce, onsent, oncancel, linksDelay });
  const dialog = screen.getByRole('dialog', { name: 'Write message' });
  const message = within(dialog).getByLabelText('Message') as HTMLTextAreaElement;
  const subject = within(dialog).getByLabelText('Subject') as HTMLInputElement;
  const button = (name: string | RegExp) => within(dialog).getByRole('button', { name });
  const radio = (name: string) => within(dialog).getByRole('radio', { name }) as HTMLInputElement;
  return { user, announce, onsent, oncancel, dialog, message, subject, button, radio };
}

/** Waits until the core's message is on screen. */
async function rendered(message: HTMLTextAreaElement, body = renderedMessage().body): Promise<void> {
  await waitFor(() => expect(message).toHaveValue(body));
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  core();
});

describe('opening', () => {
  it('shows the message the core wrote, in a modal dialog with its fields and buttons', async () => {
    const { dialog, message, subject, button, radio } = await setup();
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByRole('heading', { level: 2, name: 'Message to Anna Berg' })).toBeInTheDocument();
    expect(message).toHaveFocus();

    await rendered(message);
    expect(calls('render_message')).toEqual([{ customerId: 'c1', occasion: 'birthday' }]);
    expect(subject).toHaveValue('Happy birthday, Anna!');
    const occasion = within(dialog).getByLabelText('Occasion');
    expect(occasion).toHaveValue('birthday');
    expect(within(occasion).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Birthday',
      'Anniversary',
      'Follow-up',
      'Thank you',
      'Ask for feedback',
      'Seasonal greeting',
    ]);
    expect(within(dialog).getByRole('group', { name: 'Send by' })).toBeInTheDocument();
    expect(radio('Email')).toBeChecked();
    expect(radio('SMS')).not.toBeChecked();
    expect(radio('WhatsApp')).toBeEnabled();
    expect(radio('Email').value).toBe('email');
    expect(button('Open in email app')).toBeEnabled();
    expect(button('Copy message')).toBeEnabled();
    expect(button('Call Anna Berg')).toHaveTextContent('Call');
    expect(button('Cancel')).toBeInTheDocument();
  });

  it('shows the text as plain text, never as markup', async () => {
    core(renderedMessage({ body: 'Dear <b>Anna</b>' }));
    const { dialog, message } = await setup();
    await rendered(message, 'Dear <b>Anna</b>');
    expect(dialog.querySelector('b')).toBeNull();
  });

  it('disables the channels the customer cannot be reached on, saying why', async () => {
    core(
      renderedMessage({
        channel: 'whatsapp',
        links: { sms: 'sms:+46701234567', whatsapp: 'https://wa.me/46701234567', tel: 'tel:+46701234567' },
        unavailable: [{ channel: 'email', reason: 'no email address' }],
      }),
    );
    const { message, radio, button, user, dialog } = await setup();
    await rendered(message);

    expect(radio('Email')).toBeDisabled();
    expect(radio('Email')).toHaveAccessibleDescription('no email address');
    expect(radio('Email').parentElement).toHaveTextContent('no email address');
    expect(radio('WhatsApp')).toBeChecked();
    expect(button('Open in WhatsApp')).toBeEnabled();
    expect(within(dialog).getByLabelText('Subject')).toHaveAccessibleDescription('Only email uses the subject.');

    await user.click(radio('SMS'));
    expect(button('Open in messages')).toBeEnabled();
    expect(within(dialog).queryByRole('button', { name: 'Open in WhatsApp' })).toBeNull();
  });

  it('starts on the first channel there is when the core chose none it opens, and offers only Copy when there is none', async () => {
    core(
      renderedMessage({
        channel: null,
        links: {},
        unavailable: [
          { channel: 'email', reason: 'no email address' },
          { channel: 'sms', reason: 'no phone number' },
          { channel: 'whatsapp', reason: 'no phone number' },
        ],
      }),
    );
    const { message, radio, dialog, button } = await setup();
    await rendered(message);
    for (const name of ['Email', 'SMS', 'WhatsApp']) {
      expect(radio(name)).toBeDisabled();
      expect(radio(name)).not.toBeChecked();
    }
    expect(within(dialog).queryByRole('button', { name: /^Open in/ })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: /^Call/ })).toBeNull();
    expect(button('Copy message')).toBeEnabled();
  });

  it('says why the message could not be written, and tries again', async () => {
    let fail = true;
    core(renderedMessage(), {
      render_message: () => (fail ? Promise.reject({ kind: 'not-found', field: null, message: 'No such customer.' }) : renderedMessage()),
    });
    const { dialog, message, button, user } = await setup();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("Regulars couldn't write the message: No such customer.");
    fail = false;
    await user.click(button('Try again'));
    await rendered(message);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(message).toHaveFocus();
  });
});

describe('editing', () => {
  it('asks the core for links to the edited text once the owner pauses', async () => {
    // A pause as long as a person's, so a busy machine's slow keystrokes do not count as pauses.
    const { message, subject, user } = await setup('birthday', KEY, 300);
    await rendered(message);
    await user.clear(subject);
    await user.type(subject, 'Hi');
    await user.type(message, '!');
    await waitFor(() => expect(calls('message_links')).toHaveLength(1));
    expect(calls('message_links')).toEqual([{ customerId: 'c1', subject: 'Hi', body: `${renderedMessage().body}!` }]);
  });

  it('disables sending and copying while the message is empty', async () => {
    const { message, button, user } = await setup();
    await rendered(message);
    await user.clear(message);
    expect(button('Open in email app')).toBeDisabled();
    expect(button('Copy message')).toBeDisabled();
    await user.type(message, '   ');
    expect(button('Copy message')).toBeDisabled();
    await user.type(message, 'Hi');
    expect(button('Copy message')).toBeEnabled();
  });

  it('writes the message anew for another occasion while the text is untouched', async () => {
    const { dialog, message, subject, user } = await setup();
    await rendered(message);
    await user.selectOptions(within(dialog).getByLabelText('Occasion'), 'Thank you');
    await rendered(message, 'Text for thank-you');
    expect(subject).toHaveValue('About thank-you');
    expect(calls('render_message')).toEqual([
      { customerId: 'c1', occasion: 'birthday' },
      { customerId: 'c1', occasion: 'thank-you' },
    ]);
  });

  it('keeps edited text when the occasion changes, and replaces it only when asked', async () => {
    const { dialog, message, user, button } = await setup();
    await rendered(message);
    await user.type(message, ' See you soon.');
    await user.selectOptions(within(dialog).getByLabelText('Occasion'), 'Seasonal greeting');

    expect(message).toHaveValue(`${renderedMessage().body} See you soon.`);
    expect(calls('render_message')).toHaveLength(1);
    expect(dialog).toHaveTextContent('Your changes to the text are kept.');

    await user.click(button('Replace with the Seasonal greeting message'));
    await rendered(message, 'Text for seasonal');
    expect(calls('render_message')[1]).toEqual({ customerId: 'c1', occasion: 'seasonal' });
    expect(dialog).not.toHaveTextContent('Your changes to the text are kept.');
  });
});

describe('sending', () => {
  it('Copy puts the message on the clipboard, then logs it with no channel and the reminder', async () => {
    const { message, button, user, announce, onsent, oncancel } = await setup();
    await rendered(message);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');

    await user.click(button('Copy message'));

    await waitFor(() => expect(onsent).toHaveBeenCalledTimes(1));
    expect(writeText).toHaveBeenCalledWith(renderedMessage().body);
    expect(await navigator.clipboard.readText()).toBe(renderedMessage().body);
    expect(calls('send_message')).toEqual([
      {
        customerId: 'c1',
        message: { channel: null, subject: 'Happy birthday, Anna!', body: renderedMessage().body, reminder_key: KEY },
      },
    ]);
    expect(announce).toHaveBeenCalledWith('Copied the message and logged it to Anna Berg.');
    expect(oncancel).not.toHaveBeenCalled();
  });

  it('copies the selected text the older way when the clipboard is refused', async () => {
    const { message, button, user, onsent } = await setup();
    await rendered(message);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Not allowed'));
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      await user.click(button('Copy message'));
      await waitFor(() => expect(onsent).toHaveBeenCalledTimes(1));
      expect(execCommand).toHaveBeenCalledWith('copy');
      expect(message.selectionStart).toBe(0);
      expect(message.selectionEnd).toBe(message.value.length);
    } finally {
      delete (document as unknown as Record<string, unknown>).execCommand;
    }
  });

  it('does not log a message it could not copy', async () => {
    const { dialog, message, button, user, onsent } = await setup();
    await rendered(message);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Not allowed'));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    try {
      await user.click(button('Copy message'));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent("Couldn't copy the message.");
      expect(calls('send_message')).toEqual([]);
      expect(onsent).not.toHaveBeenCalled();
    } finally {
      delete (document as unknown as Record<string, unknown>).execCommand;
    }
  });

  it('Open in email app opens the core’s mailto link, then logs the message as email', async () => {
    const { message, button, user, announce, onsent } = await setup();
    await rendered(message);

    await user.click(button('Open in email app'));

    await waitFor(() => expect(onsent).toHaveBeenCalledTimes(1));
    expect(calls('plugin:opener|open_url')).toEqual([{ url: renderedMessage().links.mailto }]);
    expect(calls('message_links')).toEqual([]);
    expect(calls('send_message')).toEqual([
      {
        customerId: 'c1',
        message: { channel: 'email', subject: 'Happy birthday, Anna!', body: renderedMessage().body, reminder_key: KEY },
      },
    ]);
    expect(commands().indexOf('plugin:opener|open_url')).toBeLessThan(commands().indexOf('send_message'));
    expect(announce).toHaveBeenCalledWith('Logged the message to Anna Berg.');
  });

  it('asks for fresh links right before opening edited text', async () => {
    const { message, button, radio, user, onsent } = await setup('follow-up', null);
    await rendered(message, 'Text for follow-up');
    await user.click(radio('WhatsApp'));
    await user.type(message, ' Edited');
    await user.click(button('Open in WhatsApp'));

    await waitFor(() => expect(onsent).toHaveBeenCalledTimes(1));
    expect(calls('message_links').at(-1)).toEqual({ customerId: 'c1', subject: 'About follow-up', body: 'Text for follow-up Edited' });
    expect(calls('plugin:opener|open_url')).toEqual([{ url: EDITED_LINKS.whatsapp }]);
    expect(calls('send_message')).toEqual([
      { customerId: 'c1', message: { channel: 'whatsapp', subject: 'About follow-up', body: 'Text for follow-up Edited', reminder_key: null } },
    ]);
  });

  it('keeps the dialog open and says why when the message could not be logged', async () => {
    core(renderedMessage(), { send_message: () => Promise.reject({ kind: 'write-failed', field: null, message: 'The disk is full.' }) });
    const { dialog, message, button, user, onsent, announce } = await setup();
    await rendered(message);

    await user.click(button('Open in email app'));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The message was opened but could not be logged: The disk is full.');
    expect(dialog).toHaveAttribute('open');
    expect(onsent).not.toHaveBeenCalled();
    expect(announce).not.toHaveBeenCalled();
    expect(button('Open in email app')).toBeEnabled();
  });

  it('does not log a message it could not open', async () => {
    core(renderedMessage(), {
      'plugin:opener|open_url': () => Promise.reject({ kind: 'internal', field: null, message: 'No mail app.' }),
    });
    const { dialog, message, button, user, onsent } = await setup();
    await rendered(message);
    await user.click(button('Open in email app'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("Couldn't open the message: No mail app.");
    expect(calls('send_message')).toEqual([]);
    expect(onsent).not.toHaveBeenCalled();
  });

  it('Call opens the core’s tel link without logging anything', async () => {
    const { message, button, user, onsent } = await setup();
    await rendered(message);
    await user.click(button('Call Anna Berg'));
    await waitFor(() => expect(calls('plugin:opener|open_url')).toEqual([{ url: 'tel:+46701234567' }]));
    expect(calls('send_message')).toEqual([]);
    expect(onsent).not.toHaveBeenCalled();
  });
});

describe('closing', () => {
  it('Cancel closes without logging', async () => {
    const { message, button, user, oncancel, onsent } = await setup();
    await rendered(message);
    await user.click(button('Cancel'));
    expect(oncancel).toHaveBeenCalledTimes(1);
    expect(onsent).not.toHaveBeenCalled();
    expect(calls('send_message')).toEqual([]);
  });

  it('Escape (the dialog closing) cancels', async () => {
    const { dialog, message, oncancel } = await setup();
    await rendered(message);
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    (dialog as HTMLDialogElement).close();
    expect(oncancel).toHaveBeenCalledTimes(1);
  });
});

describe('in a round of wishes', () => {
  async function inRound() {
    const user = userEvent.setup();
    const onskip = vi.fn();
    const oncancel = vi.fn();
    const onsent = vi.fn();
    render(MessageComposer, {
      customer: ANNA,
      occasion: 'birthday',
      reminderKey: KEY,
      announce: vi.fn(),
      onsent,
      oncancel,
      onskip,
      progress: '2 of 5 — Anna Berg',
      linksDelay: 20,
    });
    const dialog = screen.getByRole('dialog', { name: 'Write message' });
    await rendered(within(dialog).getByLabelText('Message') as HTMLTextAreaElement);
    const button = (name: string) => within(dialog).getByRole('button', { name });
    return { user, onskip, oncancel, onsent, dialog, button };
  }

  it('says where the round is, and offers Skip and Stop instead of Cancel', async () => {
    const { dialog, button } = await inRound();
    expect(dialog).toHaveAccessibleDescription('2 of 5 — Anna Berg');
    expect(within(dialog).getByText('2 of 5 — Anna Berg')).toBeInTheDocument();
    const texts = within(dialog).getAllByRole('button').map((b) => b.textContent?.trim());
    expect(texts).toEqual(['Open in email app', 'Copy message', 'Call', 'Skip', 'Stop']);
    expect(button('Skip')).toBeEnabled();
  });

  it('Skip moves on without logging anything; Stop is a cancel', async () => {
    const { user, onskip, oncancel, button } = await inRound();
    await user.click(button('Skip'));
    expect(onskip).toHaveBeenCalledTimes(1);
    expect(oncancel).not.toHaveBeenCalled();
    expect(calls('send_message')).toEqual([]);
    // Closing after a skip (the round moving on) is not a Stop.
    await user.click(button('Stop'));
    expect(oncancel).not.toHaveBeenCalled();
  });

  it('Stop cancels the round', async () => {
    const { user, onskip, oncancel, button } = await inRound();
    await user.click(button('Stop'));
    expect(oncancel).toHaveBeenCalledTimes(1);
    expect(onskip).not.toHaveBeenCalled();
  });

  it('keeps its buttons disabled once the message is logged, so it is logged once', async () => {
    const { user, onsent, button } = await inRound();
    vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await user.click(button('Copy message'));
    await waitFor(() => expect(onsent).toHaveBeenCalledTimes(1));
    expect(button('Copy message')).toBeDisabled();
    expect(button('Open in email app')).toBeDisabled();
    expect(button('Skip')).toBeDisabled();
    expect(button('Stop')).toBeDisabled();
    await user.click(button('Copy message'));
    expect(calls('send_message')).toHaveLength(1);
  });
});

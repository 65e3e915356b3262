// The Quick note as the owner uses it: choosing a customer, typing, the draft being kept,
// saving, and the core's refusals shown beside the right field.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerDraft } from '../lib/bindings/CustomerDraft';
import { QuickNoteDesk, type NoteCustomer } from '../lib/quickNote.svelte';
import { storedCustomer } from '../test-fixtures';
import QuickNote from './QuickNote.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna: NoteCustomer = { id: 'c-anna', name: 'Anna Berg' };
const today = { year: 2025, month: 12, day: 31 };

type Answers = Partial<Record<string, (args: Record<string, unknown>) => unknown>>;

function answer(answers: Answers = {}): void {
  invokeMock.mockImplementation(async (command, args) => {
    const handler = answers[command];
    if (handler) return handler((args ?? {}) as Record<string, unknown>);
    switch (command) {
      case 'find_customers':
        return [
          { id: 'c-anna', name: 'Anna Berg', company: 'Bakery Nord' },
          { id: 'c-annika', name: 'Annika Lund', company: null },
        ];
      case 'log_interaction':
        return 'i-1';
      default:
        return null;
    }
  });
}

function setup(customer: NoteCustomer | null = null) {
  const desk = new QuickNoteDesk(50);
  desk.open(customer);
  const announce = vi.fn();
  render(QuickNote, { desk, start: desk.composing!, announce, today });
  const user = userEvent.setup();
  const dialog = screen.getByRole('dialog', { name: 'Quick note' });
  const field = (label: string) => within(dialog).getByLabelText(label);
  const button = (name: string) => within(dialog).getByRole('button', { name });
  return { desk, announce, user, dialog, field, button };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  answer();
});

describe('opening', () => {
  it('is a modal dialog with the fields, the quick picks and the buttons', () => {
    const { dialog, field, button } = setup();
    expect(dialog).toHaveAttribute('open');
    expect(field('Customer')).toHaveAttribute('role', 'combobox');
    expect(field('Kind')).toHaveValue('meeting');
    expect(within(field('Kind') as HTMLElement).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Meeting',
      'Call',
      'Email',
      'Message',
      'Note',
    ]);
    expect(field('Note').tagName).toBe('TEXTAREA');
    expect(field('Note')).toHaveAccessibleDescription(/Markdown/);
    expect(field('Follow-up date')).toHaveValue('');
    for (const name of ['Tomorrow', 'Next week', 'In 2 weeks', 'In a month', 'No follow-up', 'Save note', 'Cancel']) {
      expect(button(name)).toBeInTheDocument();
    }
  });

  it('puts focus on Customer when nobody is chosen yet', () => {
    const { field } = setup();
    expect(field('Customer')).toHaveFocus();
  });

  it('preselects the customer and puts focus on Note', () => {
    const { field } = setup(anna);
    expect(field('Customer')).toHaveValue('Anna Berg');
    expect(field('Note')).toHaveFocus();
  });
});

describe('choosing a customer', () => {
  it('searches as the owner types and chooses with the arrow keys and Enter', async () => {
    const { user, field } = setup();
    await user.type(field('Customer'), 'ann');

    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByRole('option', { name: /Anna Berg/ });
    expect(field('Customer')).toHaveAttribute('aria-expanded', 'true');
    expect(field('Customer')).toHaveAttribute('aria-controls', listbox.id);
    expect(calls('find_customers').at(-1)).toEqual({ query: 'ann', limit: 8 });
    const options = within(listbox).getAllByRole('option');
    expect(options.map((o) => o.textContent?.trim())).toEqual([
      'Anna Berg Bakery Nord',
      'Annika Lund',
      'Add “ann” as a new customer',
    ]);

    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(field('Customer')).toHaveAttribute('aria-activedescendant', options[1].id);
    await user.keyboard('{Enter}');

    expect(field('Customer')).toHaveValue('Annika Lund');
    expect(field('Customer')).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('✓ Note for Annika Lund')).toBeInTheDocument();
  });

  it('offers "Add" only once the search for what is typed has answered', async () => {
    let finish: (value: unknown) => void = () => {};
    answer({ find_customers: () => new Promise((resolve) => (finish = resolve)) });
    const { user, field } = setup();
    await user.type(field('Customer'), 'Maja');
    await waitFor(() => expect(calls('find_customers')).toHaveLength(1));
    expect(screen.queryByRole('option', { name: /Add “Maja”/ })).toBeNull();

    finish([{ id: 'c-maja', name: 'Maja Lindqvist', company: null }]);
    const options = await within(await screen.findByRole('listbox')).findAllByRole('option');
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Maja Lindqvist', 'Add “Maja” as a new customer']);
  });

  it('Enter typed before the search answers chooses from the answer', async () => {
    answer({ find_customers: () => [{ id: 'c-maja', name: 'Maja Lindqvist', company: null }] });
    const { user, field } = setup();
    await user.type(field('Customer'), 'Maja{Enter}');

    await waitFor(() => expect(field('Customer')).toHaveValue('Maja Lindqvist'));
    expect(calls('add_customer')).toEqual([]);
  });

  it('adds a new customer with just the typed name and chooses them', async () => {
    answer({
      find_customers: () => [],
      add_customer: (args) => storedCustomer({ id: 'c-zed', name: (args.draft as CustomerDraft).name }),
    });
    const { desk, user, field } = setup();
    await user.type(field('Customer'), 'Zed Olsen');
    await user.click(await screen.findByRole('option', { name: 'Add “Zed Olsen” as a new customer' }));

    await waitFor(() => expect(field('Customer')).toHaveValue('Zed Olsen'));
    expect(calls('add_customer')).toEqual([
      { draft: expect.objectContaining({ name: 'Zed Olsen', kind: 'person', emails: [], phones: [] }) },
    ]);
    expect(screen.getByText('✓ Note for Zed Olsen')).toBeInTheDocument();
    expect(desk.customersAdded).toBe(1);
  });

  it('asks for a customer before saving, and logs nothing', async () => {
    const { user, field, button } = setup();
    await user.type(field('Note'), 'Hello');
    await user.click(button('Save note'));

    expect(field('Customer')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Customer')).toHaveAccessibleDescription(/Choose who the note is about/);
    expect(field('Customer')).toHaveFocus();
    expect(calls('log_interaction')).toEqual([]);
  });
});

describe('the draft', () => {
  it('is kept as JSON while the owner types', async () => {
    const { user, field, button } = setup(anna);
    await user.type(field('Note'), 'Wants rye');
    await user.click(button('Next week'));

    await waitFor(() => {
      const kept = calls('save_quick_note_draft').at(-1) as { text: string } | undefined;
      expect(kept && JSON.parse(kept.text)).toMatchObject({
        customer: anna,
        kind: 'meeting',
        text: 'Wants rye',
        follow_up: '2026-01-07',
      });
    });
  });

  it('stays when the composer is cancelled, for the banner to offer', async () => {
    const { desk, user, field, button } = setup(anna);
    await user.type(field('Note'), 'Half a thought');
    await user.click(button('Cancel'));

    expect(desk.composing).toBeNull();
    expect(desk.draft).toMatchObject({ customer: anna, text: 'Half a thought' });
    await waitFor(() => {
      const kept = calls('save_quick_note_draft').at(-1) as { text: string };
      expect(JSON.parse(kept.text).text).toBe('Half a thought');
    });
  });
});

describe('saving', () => {
  it('logs the note with its kind and follow-up, clears the draft and announces it', async () => {
    const { desk, announce, user, field, button } = setup(anna);
    await user.selectOptions(field('Kind'), 'call');
    await user.type(field('Note'), 'Called about **the cake**');
    await user.click(button('Tomorrow'));
    expect(field('Follow-up date')).toHaveValue('2026-01-01');
    expect(button('Tomorrow')).toHaveAttribute('aria-pressed', 'true');
    await user.click(button('Save note'));

    await waitFor(() => expect(announce).toHaveBeenCalledWith('Note saved for Anna Berg.'));
    expect(calls('log_interaction')).toEqual([
      {
        customerId: 'c-anna',
        draft: { kind: 'call', text: 'Called about **the cake**', follow_up: '2026-01-01' },
      },
    ]);
    await waitFor(() => expect(calls('save_quick_note_draft').at(-1)).toEqual({ text: '' }));
    expect(desk.composing).toBeNull();
    expect(desk.draft).toBeNull();
    expect(desk.lastSaved).toEqual({ customerId: 'c-anna', serial: 1 });
  });

  it('sends no follow-up when "No follow-up" cleared it', async () => {
    const { user, field, button } = setup(anna);
    await user.type(field('Note'), 'Quick hello');
    await user.click(button('In a month'));
    expect(field('Follow-up date')).toHaveValue('2026-01-31');
    await user.click(button('No follow-up'));
    expect(field('Follow-up date')).toHaveValue('');
    await user.click(button('Save note'));

    await waitFor(() => expect(calls('log_interaction')).toHaveLength(1));
    expect(calls('log_interaction')[0]).toEqual({
      customerId: 'c-anna',
      draft: { kind: 'meeting', text: 'Quick hello', follow_up: null },
    });
  });

  it('saves with Ctrl+Enter in the note', async () => {
    const { user, field } = setup(anna);
    await user.type(field('Note'), 'Fast');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(calls('log_interaction')).toHaveLength(1));
  });

  it('shows an invalid follow-up beside Follow-up date and keeps everything typed', async () => {
    const message = 'February 2026 has no day 30 (it has 28 days)';
    answer({
      log_interaction: () => Promise.reject({ kind: 'invalid', field: 'follow_up', message }),
    });
    const { desk, announce, user, field, button } = setup(anna);
    await user.type(field('Note'), 'See you');
    await user.type(field('Follow-up date'), '2026-02-30');
    await user.click(button('Save note'));

    await waitFor(() => expect(field('Follow-up date')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('Follow-up date')).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(field('Follow-up date')).toHaveFocus();
    expect(field('Note')).not.toHaveAttribute('aria-invalid');
    expect(field('Note')).toHaveValue('See you');
    expect(desk.composing).not.toBeNull();
    expect(announce).not.toHaveBeenCalled();
  });

  it('shows an invalid text beside Note', async () => {
    answer({
      log_interaction: () => Promise.reject({ kind: 'invalid', field: 'text', message: 'A note needs some text.' }),
    });
    const { user, field, button } = setup(anna);
    await user.click(button('Save note'));

    await waitFor(() => expect(field('Note')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('Note')).toHaveAccessibleDescription(expect.stringContaining('A note needs some text.'));
    expect(field('Note')).toHaveFocus();
  });

  it('shows a problem with the time, or the store, for the whole form', async () => {
    answer({
      log_interaction: () => Promise.reject({ kind: 'invalid', field: 'at', message: 'That time is in the future.' }),
    });
    const { dialog, user, field, button } = setup(anna);
    await user.type(field('Note'), 'x');
    await user.click(button('Save note'));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveClass('form-error');
    expect(alert).toHaveTextContent('That time is in the future.');
  });
});

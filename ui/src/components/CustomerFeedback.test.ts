// Feedback on a customer's page: the list (stars read out as "4 out of 5", "would recommend
// 9/10", the channel, their words as plain text), Record feedback (the draft as typed, the stars
// by keyboard, the core's message beside the field it names) and the page read again after it.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Feedback } from '../lib/bindings/Feedback';
import { calendarDate, isoDate } from '../lib/followUp';
import { longDate } from '../lib/insightText';
import { QuickNoteDesk } from '../lib/quickNote.svelte';
import { defaultSettings, feedbackEntry, noInsight, storedCustomer } from '../test-fixtures';
import CustomerPage from './CustomerPage.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna = storedCustomer({ name: 'Anna Berg' });
const today = isoDate(calendarDate(new Date()));

/** A core holding `feedback` for Anna; `extra` answers (or rejects) other commands. */
function core(feedback: Feedback[], extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const state = { feedback: [...feedback] };
  invokeMock.mockImplementation(async (command, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    if (command in extra) return extra[command](a);
    switch (command) {
      case 'get_customer':
        return anna;
      case 'list_feedback':
        return state.feedback;
      case 'timeline':
      case 'list_orders':
      case 'list_complaints':
        return [];
      case 'customer_insight':
        return noInsight(anna.id);
      case 'get_settings':
        return defaultSettings();
      default:
        return null;
    }
  });
  return state;
}

function setup() {
  const announce = vi.fn();
  render(CustomerPage, { id: anna.id, desk: new QuickNoteDesk(50), announce, ondeleted: vi.fn() });
  return { announce, user: userEvent.setup() };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const section = () => screen.getByRole('region', { name: 'Feedback' });
const form = () => screen.getByRole('form', { name: 'Record feedback' });
const stars = () => within(form()).getByRole('radiogroup', { name: 'Rating' });

async function openForm(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(await within(await screen.findByRole('region', { name: 'Feedback' })).findByRole('button', { name: 'Record feedback' }));
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('the list', () => {
  it('shows each piece of feedback newest first: the day, the stars in words, the score, the channel and their words', async () => {
    core([
      feedbackEntry({ customer_id: anna.id, date: '2025-11-20', channel: 'in-person', text: 'Lovely <b>bread</b>' }),
      feedbackEntry({ customer_id: anna.id, date: '2025-10-02', rating: null, nps: 6, text: null }),
    ]);
    setup();
    const list = await within(await screen.findByRole('region', { name: 'Feedback' })).findByRole('list', {
      name: 'Feedback from Anna Berg, newest first',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(longDate('2025-11-20'));
    expect(within(items[0]).getByRole('img', { name: '4 out of 5' })).toHaveTextContent('★★★★☆');
    expect(items[0]).toHaveTextContent('would recommend 9/10');
    expect(items[0]).toHaveTextContent('In person');
    expect(within(items[0]).getByText('Lovely <b>bread</b>')).toBeInTheDocument();
    expect(items[0].querySelector('b')).toBeNull();
    expect(within(items[1]).queryByRole('img')).toBeNull();
    expect(items[1]).toHaveTextContent('would recommend 6/10');
    expect(calls('list_feedback')).toEqual([{ customerId: anna.id }]);
  });

  it('invites feedback when there is none', async () => {
    core([]);
    setup();
    expect(
      await within(await screen.findByRole('region', { name: 'Feedback' })).findByText(
        'No feedback yet — ask after their next order, then record what they said here.',
      ),
    ).toBeInTheDocument();
  });

  it('says why the feedback could not be read, and tries again', async () => {
    let fail = true;
    core([feedbackEntry({ customer_id: anna.id })], {
      list_feedback: () => (fail ? Promise.reject({ kind: 'io', field: null, message: 'The disk is busy.' }) : [feedbackEntry({ customer_id: anna.id })]),
    });
    const { user } = setup();
    const region = await screen.findByRole('region', { name: 'Feedback' });
    expect(await within(region).findByRole('alert')).toHaveTextContent('The feedback could not be read: The disk is busy.');
    fail = false;
    await user.click(within(region).getByRole('button', { name: 'Try again' }));
    expect(await within(region).findByRole('img', { name: '4 out of 5' })).toBeInTheDocument();
  });
});

describe('recording feedback', () => {
  it('sends the draft as given — stars picked with the keyboard — then shows it and reads the timeline again', async () => {
    const recorded = feedbackEntry({ customer_id: anna.id, date: '2025-11-21', rating: 4, nps: 9, channel: 'phone', text: 'Best rye in town' });
    const state = core([], {
      add_feedback: () => {
        state.feedback = [recorded];
        return recorded;
      },
    });
    const { announce, user } = setup();
    await openForm(user);

    expect(within(form()).getByRole('heading', { name: 'Feedback from Anna Berg' })).toBeInTheDocument();
    expect(within(form()).getByLabelText('Date')).toHaveValue(today);
    // Focus starts on the stars, with no rating; the arrow keys choose.
    const none = within(stars()).getByRole('radio', { name: 'No rating' });
    await waitFor(() => expect(none).toHaveFocus());
    expect(none).toBeChecked();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(within(stars()).getByRole('radio', { name: '4 out of 5' })).toBeChecked();
    expect(stars()).toHaveTextContent('4 out of 5 · Very good');

    await user.clear(within(form()).getByLabelText('Date'));
    await user.type(within(form()).getByLabelText('Date'), '2025-11-21');
    await user.type(within(form()).getByLabelText('How likely to recommend us (0–10)'), '9');
    await user.selectOptions(within(form()).getByLabelText('How they told you'), 'Phone');
    await user.type(within(form()).getByLabelText('What they said'), '  Best rye in town ');
    const reads = calls('timeline').length;
    await user.click(within(form()).getByRole('button', { name: 'Save feedback' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Record feedback' })).toBeNull());
    expect(calls('add_feedback')).toEqual([
      { customerId: anna.id, draft: { date: '2025-11-21', rating: 4, nps: 9, channel: 'phone', text: 'Best rye in town', order_id: null } },
    ]);
    expect(within(section()).getByRole('img', { name: '4 out of 5' })).toBeInTheDocument();
    expect(within(section()).getByText('Best rye in town')).toBeInTheDocument();
    expect(calls('timeline').length).toBeGreaterThan(reads);
    expect(announce).toHaveBeenCalledWith('Recorded feedback from Anna Berg: 4 out of 5.');
    expect(within(section()).getByRole('button', { name: 'Record feedback' })).toHaveFocus();
  });

  it('sends no rating and no score when they are left empty', async () => {
    core([], { add_feedback: () => feedbackEntry({ customer_id: anna.id, rating: null, nps: null }) });
    const { user } = setup();
    await openForm(user);
    await user.type(within(form()).getByLabelText('What they said'), 'Friendly as always');
    await user.click(within(form()).getByRole('button', { name: 'Save feedback' }));
    await waitFor(() => expect(calls('add_feedback')).toHaveLength(1));
    expect(calls('add_feedback')[0]).toEqual({
      customerId: anna.id,
      draft: { date: today, rating: null, nps: null, channel: null, text: 'Friendly as always', order_id: null },
    });
  });

  it("puts the core's message about the rating beside the stars, and focus on them", async () => {
    core([], {
      add_feedback: () => Promise.reject({ kind: 'invalid', field: 'rating', message: 'give a rating, a recommendation score or what they said' }),
    });
    const { user } = setup();
    await openForm(user);
    await user.click(within(form()).getByRole('button', { name: 'Save feedback' }));

    await waitFor(() => expect(stars()).toHaveAttribute('aria-invalid', 'true'));
    expect(stars()).toHaveAccessibleDescription('give a rating, a recommendation score or what they said');
    expect(within(stars()).getByRole('alert')).toHaveTextContent('give a rating, a recommendation score or what they said');
    expect(within(stars()).getByRole('radio', { name: 'No rating' })).toHaveFocus();
    expect(within(form()).getByLabelText('How likely to recommend us (0–10)')).not.toHaveAttribute('aria-invalid');

    // Choosing a rating clears the message.
    await user.click(within(stars()).getByText('5 out of 5'));
    expect(stars()).not.toHaveAttribute('aria-invalid');
  });

  it("shows the core's refusal of a score beside its box, and asks for a whole number before sending one", async () => {
    core([], { add_feedback: () => Promise.reject({ kind: 'invalid', field: 'nps', message: '11 is not a recommendation score (use 0 to 10)' }) });
    const { user } = setup();
    await openForm(user);
    const score = within(form()).getByLabelText('How likely to recommend us (0–10)');

    await user.type(score, '7.5');
    await user.click(within(form()).getByRole('button', { name: 'Save feedback' }));
    expect(score).toHaveAccessibleDescription(/Enter a whole number from 0 to 10, or leave it empty\./);
    expect(calls('add_feedback')).toEqual([]);

    await user.clear(score);
    await user.type(score, '11');
    await user.click(within(form()).getByRole('button', { name: 'Save feedback' }));
    await waitFor(() => expect(score).toHaveAttribute('aria-invalid', 'true'));
    expect(score).toHaveAccessibleDescription(/11 is not a recommendation score \(use 0 to 10\)/);
    expect(score).toHaveFocus();
    expect(calls('add_feedback')[0]).toMatchObject({ draft: { nps: 11 } });
  });

  it('Cancel sends nothing and gives focus back to Record feedback', async () => {
    core([]);
    const { user } = setup();
    await openForm(user);
    await user.click(within(form()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Record feedback' })).toBeNull();
    expect(calls('add_feedback')).toEqual([]);
    expect(within(section()).getByRole('button', { name: 'Record feedback' })).toHaveFocus();
  });
});

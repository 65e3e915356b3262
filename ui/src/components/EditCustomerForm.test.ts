// The Edit form: it starts from the stored customer, sends the whole profile, and shows the
// core's refusal beside the exact row it names.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { draftFromCustomer } from '../lib/draft';
import { storedCustomer } from '../test-fixtures';
import EditCustomerForm from './EditCustomerForm.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const anna = storedCustomer({
  name: 'Anna Berg',
  emails: ['anna@example.com', 'a@work.example'],
  phones: ['+46 70 123 45 67'],
  birthday: '--11-23',
  dates: [{ label: 'Customer since', date: '2019-05-01' }],
  tags: ['vip'],
  cadence_days: 30,
  custom_fields: [{ label: "Dog's name", value: 'Biscuit' }],
  addresses: [{ label: 'Shop', city: 'Stockholm' }],
});

function setup() {
  const onsaved = vi.fn();
  const oncancel = vi.fn();
  render(EditCustomerForm, { customer: anna, onsaved, oncancel });
  const form = screen.getByRole('form', { name: 'Edit customer' });
  const field = (label: string, within_: HTMLElement = form) => within(within_).getByLabelText(label);
  const group = (name: string) => within(form).getByRole('group', { name });
  const save = () => user.click(within(form).getByRole('button', { name: 'Save' }));
  const user = userEvent.setup();
  return { onsaved, oncancel, form, field, group, save, user };
}

const sent = () => invokeMock.mock.calls.filter(([c]) => c === 'update_customer').map(([, args]) => args);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  invokeMock.mockResolvedValue(anna);
});

describe('starting values', () => {
  it('fills every field from the customer', () => {
    const { field, group } = setup();
    expect(field('Name')).toHaveValue('Anna Berg');
    expect(field('Person')).toBeChecked();
    expect(field('Email 1')).toHaveValue('anna@example.com');
    expect(field('Email 2')).toHaveValue('a@work.example');
    expect(field('Phone 1')).toHaveValue('+46 70 123 45 67');
    expect(field('Day')).toHaveValue('23');
    expect(field('Month')).toHaveValue('11');
    expect(field('Year unknown')).toBeChecked();
    expect(field('Tags')).toHaveValue('vip');
    expect(field('Status')).toHaveValue('active');
    expect(field('Preferred channel')).toHaveValue('');
    expect(field('Keep in touch every (days)')).toHaveValue('30');
    expect(field('Label', group('Important date 1'))).toHaveValue('Customer since');
    expect(field('Date', group('Important date 1'))).toHaveValue('2019-05-01');
    expect(field('Value', group('Custom field 1'))).toHaveValue('Biscuit');
    expect(field('City', group('Address 1'))).toHaveValue('Stockholm');
  });

  it('gives repeated rows stable hooks: data-row and input names', () => {
    const { form } = setup();
    const date = form.querySelector('[data-row="date"]')!;
    expect(date.querySelector('input[name="date-label"]')).toHaveValue('Customer since');
    expect(date.querySelector('input[name="date-value"]')).toHaveValue('2019-05-01');
    expect(form.querySelectorAll('[data-row="email"] input[name="email"]')).toHaveLength(2);
    expect(form.querySelector('[data-row="address"] input[name="address-postal-code"]')).toHaveValue('');
  });

  it('offers the statuses and channels in the owner words', () => {
    const { field } = setup();
    const names = (label: string) => within(field(label)).getAllByRole('option').map((o) => o.textContent);
    expect(names('Status')).toEqual(['Lead', 'Active', 'Lapsed', 'Former']);
    expect(names('Preferred channel')).toEqual(['None', 'Email', 'Phone', 'SMS', 'WhatsApp', 'In person', 'Web chat', 'Other']);
  });
});

describe('saving', () => {
  it('sends the unchanged profile exactly as stored', async () => {
    const { onsaved, save } = setup();
    await save();
    await waitFor(() => expect(onsaved).toHaveBeenCalledWith(anna));
    expect(sent()).toEqual([{ id: anna.id, draft: draftFromCustomer(anna) }]);
  });

  it('sends what was changed, with rows added and removed', async () => {
    const { user, field, group, form, save } = setup();
    await user.click(within(form).getByRole('button', { name: 'Remove email 1' }));
    await user.click(within(form).getByRole('button', { name: 'Add a phone' }));
    expect(field('Phone 2')).toHaveFocus();
    await user.type(field('Phone 2'), '040-12 34 56');
    await user.clear(field('Tags'));
    await user.type(field('Tags'), 'vip, wholesale');
    await user.selectOptions(field('Status'), 'lapsed');
    await user.selectOptions(field('Preferred channel'), 'email');
    await user.click(within(form).getByRole('button', { name: 'Add a date' }));
    await user.type(field('Label', group('Important date 2')), 'Wedding');
    await user.type(field('Date', group('Important date 2')), '--06-14');
    await save();

    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toEqual({
      id: anna.id,
      draft: expect.objectContaining({
        emails: ['a@work.example'],
        phones: ['+46 70 123 45 67', '040-12 34 56'],
        tags: ['vip', 'wholesale'],
        status: 'lapsed',
        channel: 'email',
        dates: [
          { label: 'Customer since', date: '2019-05-01' },
          { label: 'Wedding', date: '--06-14' },
        ],
      }),
    });
  });

  it('shows a problem with the second email beside "Email 2"', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'emails[1]', message: 'is not an email address' });
    const { field, save } = setup();
    await save();

    await waitFor(() => expect(field('Email 2')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('Email 2')).toHaveAccessibleDescription('is not an email address');
    expect(field('Email 1')).not.toHaveAttribute('aria-invalid');
    expect(field('Email 2')).toHaveFocus();
  });

  it('maps the row correctly when a blank row was left out', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'emails[1]', message: 'is not an email address' });
    const { user, field, form, save } = setup();
    await user.clear(field('Email 1'));
    await user.click(within(form).getByRole('button', { name: 'Add an email' }));
    await user.type(field('Email 3'), 'third@example.com');
    await save();

    // Sent: [a@work.example, third@example.com]; the core's emails[1] is the third row.
    await waitFor(() => expect(field('Email 3')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('Email 2')).not.toHaveAttribute('aria-invalid');
  });

  it('shows a problem with an important date, a custom field or an address beside that input', async () => {
    const { field, group, save } = setup();
    const cases = [
      { path: 'dates[0].date', group: 'Important date 1', label: 'Date' },
      { path: 'custom_fields[0].label', group: 'Custom field 1', label: 'Label' },
      { path: 'addresses[0].city', group: 'Address 1', label: 'City' },
    ];
    for (const c of cases) {
      invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: c.path, message: `bad ${c.path}` });
      await save();
      await waitFor(() => expect(field(c.label, group(c.group))).toHaveAccessibleDescription(`bad ${c.path}`));
    }
  });

  it('asks for a whole number of days before sending anything', async () => {
    const { user, field, save } = setup();
    await user.clear(field('Keep in touch every (days)'));
    await user.type(field('Keep in touch every (days)'), 'monthly');
    await save();

    expect(field('Keep in touch every (days)')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Keep in touch every (days)')).toHaveAccessibleDescription(
      expect.stringContaining('Enter a whole number of days'),
    );
    expect(sent()).toEqual([]);
  });

  it('shows a store problem for the whole form and keeps the edits', async () => {
    invokeMock.mockRejectedValue({ kind: 'write-failed', field: null, message: 'The disk is full.' });
    const { user, form, field, save } = setup();
    await user.type(field('Nickname'), 'Annie');
    await save();

    expect(await within(form).findByRole('alert')).toHaveTextContent('The disk is full.');
    expect(field('Nickname')).toHaveValue('Annie');
  });

  it('Cancel sends nothing', async () => {
    const { oncancel, user, form } = setup();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(oncancel).toHaveBeenCalledOnce();
    expect(sent()).toEqual([]);
  });
});

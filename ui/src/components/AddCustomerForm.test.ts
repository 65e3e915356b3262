// The Add customer form as the owner uses it: typing, submitting, and reading the core's answer.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storedCustomer } from '../test-fixtures';
import AddCustomerForm from './AddCustomerForm.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

function setup() {
  const onadded = vi.fn();
  render(AddCustomerForm, { onadded });
  const user = userEvent.setup();
  const form = screen.getByRole('form', { name: 'Add customer' });
  const field = (label: string) => within(form).getByLabelText(label);
  const submit = () => user.click(within(form).getByRole('button', { name: 'Add customer' }));
  return { onadded, user, form, field, submit };
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('when the core refuses the birthday', () => {
  const message = 'February 2025 has no day 30 (it has 28 days)';

  it('shows its message beside the Birthday group and marks the inputs invalid', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'birthday', message });
    const { onadded, user, field, submit } = setup();

    await user.type(field('Name'), 'Bad Date');
    await user.type(field('Day'), '30');
    await user.selectOptions(field('Month'), '2');
    await user.type(field('Year'), '2025');
    await submit();

    const birthday = screen.getByRole('group', { name: 'Birthday' });
    const alert = await within(birthday).findByRole('alert');
    expect(alert).toHaveTextContent(message);
    for (const label of ['Day', 'Month', 'Year']) {
      expect(field(label)).toHaveAttribute('aria-invalid', 'true');
      expect(field(label)).toHaveAccessibleDescription(message);
    }
    expect(invokeMock).toHaveBeenCalledWith('add_customer', {
      draft: expect.objectContaining({ name: 'Bad Date', birthday: '2025-02-30' }),
    });
    // What was typed is kept, nothing was added, and only the birthday is flagged.
    expect(field('Name')).toHaveValue('Bad Date');
    expect(field('Name')).not.toHaveAttribute('aria-invalid');
    expect(onadded).not.toHaveBeenCalled();
    expect(field('Day')).toHaveFocus();
  });

  it('clears the message once the owner edits the date', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'birthday', message });
    const { user, field, submit } = setup();
    await user.type(field('Name'), 'Bad Date');
    await user.type(field('Day'), '30');
    await user.selectOptions(field('Month'), '2');
    await submit();
    await screen.findByRole('alert');

    await user.type(field('Day'), '{Backspace}');

    expect(screen.queryByRole('alert')).toBeNull();
    expect(field('Day')).not.toHaveAttribute('aria-invalid');
  });
});

describe('adding a customer', () => {
  it('sends what was typed, clears the form, focuses Name and announces it', async () => {
    const stored = storedCustomer({
      name: 'Anna Berg',
      kind: 'business',
      emails: ['anna@example.com'],
      phones: ['+46 70 123 45 67'],
      birthday: '1985-11-23',
    });
    invokeMock.mockResolvedValue(stored);
    const { onadded, user, field, submit } = setup();

    await user.type(field('Name'), '  Anna Berg ');
    await user.click(field('Business'));
    await user.type(field('Email'), 'anna@example.com');
    await user.type(field('Phone'), '+46 70 123 45 67');
    await user.type(field('Day'), '23');
    await user.selectOptions(field('Month'), '11');
    await user.type(field('Year'), '1985');
    await submit();

    await waitFor(() => expect(onadded).toHaveBeenCalledWith(stored));
    expect(invokeMock).toHaveBeenCalledWith('add_customer', {
      draft: {
        name: 'Anna Berg',
        kind: 'business',
        emails: ['anna@example.com'],
        phones: ['+46 70 123 45 67'],
        birthday: '1985-11-23',
        addresses: [],
        dates: [],
        tags: [],
        status: 'active',
        custom_fields: [],
      },
    });
    for (const label of ['Name', 'Email', 'Phone', 'Day', 'Month', 'Year']) {
      expect(field(label)).toHaveValue('');
    }
    expect(field('Person')).toBeChecked();
    expect(field('Year unknown')).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Added Anna Berg.');
    await waitFor(() => expect(field('Name')).toHaveFocus());
  });

  it('sends --MM-DD when the year is unknown, and empty lists for no email or phone', async () => {
    invokeMock.mockResolvedValue(storedCustomer({ name: 'Finn Holm', birthday: '--02-29' }));
    const { onadded, user, field, submit } = setup();

    await user.type(field('Name'), 'Finn Holm');
    await user.type(field('Day'), '29');
    await user.selectOptions(field('Month'), '2');
    await submit();

    await waitFor(() => expect(onadded).toHaveBeenCalledOnce());
    expect(invokeMock).toHaveBeenCalledWith('add_customer', {
      draft: expect.objectContaining({ kind: 'person', emails: [], phones: [], birthday: '--02-29' }),
    });
  });

  it('disables the button while the core is working, so one click adds one customer', async () => {
    let finish: (value: unknown) => void = () => {};
    invokeMock.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { onadded, user, field, submit } = setup();
    const button = screen.getByRole('button', { name: 'Add customer' });

    await user.type(field('Name'), 'Slow Sam');
    await submit();
    expect(button).toBeDisabled();
    await user.click(button);
    expect(invokeMock).toHaveBeenCalledTimes(1);

    finish(storedCustomer({ name: 'Slow Sam' }));
    await waitFor(() => expect(button).toBeEnabled());
    expect(onadded).toHaveBeenCalledTimes(1);
  });
});

describe('the Birthday group', () => {
  it('"Year unknown" clears and disables Year', async () => {
    const { user, field } = setup();
    await user.type(field('Year'), '1984');
    await user.click(field('Year unknown'));
    expect(field('Year')).toHaveValue('');
    expect(field('Year')).toBeDisabled();
    await user.click(field('Year unknown'));
    expect(field('Year')).toBeEnabled();
  });

  it('asks for both a day and a month before sending anything', async () => {
    const { user, field, submit } = setup();
    await user.type(field('Name'), 'Half Date');
    await user.type(field('Day'), '12');
    await submit();

    const birthday = screen.getByRole('group', { name: 'Birthday' });
    expect(within(birthday).getByRole('alert')).toHaveTextContent('Choose both a day and a month.');
    expect(field('Month')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Month')).toHaveFocus();
    expect(invokeMock).not.toHaveBeenCalled();
  });

  it('lists twelve named months with values 1 to 12 after an empty choice', () => {
    const { field } = setup();
    const options = within(field('Month')).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((o) => o.value)).toEqual(['', ...Array.from({ length: 12 }, (_, i) => String(i + 1))]);
    expect(options[1].textContent).not.toBe('');
  });
});

describe('other refusals', () => {
  it('shows an email problem beside Email', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'emails[0]', message: 'is not an email address' });
    const { user, field, submit } = setup();
    await user.type(field('Name'), 'Anna');
    await user.type(field('Email'), 'anna-at-home');
    await submit();

    await waitFor(() => expect(field('Email')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('Email')).toHaveAccessibleDescription('is not an email address');
    expect(field('Email')).toHaveFocus();
  });

  it('shows a name problem beside Name and clears it when the owner types', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'name', message: 'A customer needs a name.' });
    const { user, field, submit } = setup();
    await submit();

    await waitFor(() => expect(field('Name')).toHaveAccessibleDescription('A customer needs a name.'));
    await user.type(field('Name'), 'A');
    expect(field('Name')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a store problem as a message for the whole form', async () => {
    invokeMock.mockRejectedValue({ kind: 'write-failed', field: null, message: 'The disk is full.' });
    const { form, user, field, submit } = setup();
    await user.type(field('Name'), 'Anna');
    await submit();

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The disk is full.');
    expect(alert).toHaveClass('form-error');
    expect(field('Name')).toHaveValue('Anna');
  });

  it('shows an invalid field the form does not have as a message for the whole form', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'tags[0]', message: 'is too long' });
    const { form, user, field, submit } = setup();
    await user.type(field('Name'), 'Anna');
    await submit();

    expect(await within(form).findByRole('alert')).toHaveClass('form-error');
  });
});

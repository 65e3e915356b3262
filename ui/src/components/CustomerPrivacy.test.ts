// A customer's privacy requests on their page: everything about them exported to one file (the
// page says where), and erasing them — asked first, in words that say what happens, with its
// progress — after which the backups that still hold them are listed before leaving the page.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErasureReport } from '../lib/bindings/ErasureReport';
import { formatMoment } from '../lib/format';
import { QuickNoteDesk } from '../lib/quickNote.svelte';
import { backupInfo, defaultSettings, noInsight, storedCustomer } from '../test-fixtures';
import CustomerPage from './CustomerPage.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna = storedCustomer({ name: 'Anna Berg', emails: ['anna@example.com'] });
const older = [
  backupInfo(),
  backupInfo({ path: '/home/anna/Backups/regulars-2026-11-28-170000.json', made_at: '2026-11-28T17:00:00+01:00', automatic: false }),
];

function core(extra: Record<string, () => unknown> = {}): void {
  invokeMock.mockImplementation(async (command) => {
    if (command in extra) return extra[command]();
    switch (command) {
      case 'get_customer':
        return anna;
      case 'timeline':
      case 'list_orders':
      case 'list_products':
      case 'list_feedback':
      case 'list_complaints':
        return [];
      case 'customer_insight':
        return noInsight(anna.id);
      case 'get_settings':
        return defaultSettings();
      case 'export_customer':
        return '/home/anna/Downloads/regulars-customer-Anna-Berg.json';
      case 'erase_customer':
        return { customer_name: 'Anna Berg', backups_with_customer: older } satisfies ErasureReport;
      default:
        return null;
    }
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

function setup() {
  const desk = new QuickNoteDesk(50);
  const ondeleted = vi.fn();
  const onerased = vi.fn();
  render(CustomerPage, { id: anna.id, desk, announce: vi.fn(), ondeleted, onerased });
  return { desk, ondeleted, onerased, user: userEvent.setup() };
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  core();
});

describe('exporting everything about them', () => {
  it('writes the file and says where it was saved', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Export everything about them' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved to /home/anna/Downloads/regulars-customer-Anna-Berg.json');
    expect(calls('export_customer')).toEqual([{ id: anna.id }]);
  });
});

describe('erasing them', () => {
  it('asks first, saying what happens; Cancel erases nothing', async () => {
    const { onerased, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Erase (privacy request)' }));

    const dialog = screen.getByRole('dialog', { name: 'Erase customer' });
    expect(dialog).toHaveTextContent('Erase Anna Berg?');
    expect(dialog).toHaveTextContent('removes Anna Berg and everything that is theirs');
    expect(dialog).toHaveTextContent('rewrites Regulars’ data files so nothing of them stays readable');
    expect(dialog).toHaveTextContent("It can't be undone.");
    expect(dialog).toHaveTextContent('Backups made before still hold them');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls('erase_customer')).toEqual([]);
    expect(onerased).not.toHaveBeenCalled();
  });

  it('erases once confirmed, shows its progress, lists the backups that still hold them, then leaves', async () => {
    let finish: () => void = () => {};
    core({
      erase_customer: () =>
        new Promise((resolve) => (finish = () => resolve({ customer_name: 'Anna Berg', backups_with_customer: older }))),
    });
    const { onerased, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Erase (privacy request)' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase customer' });
    await user.click(within(dialog).getByRole('button', { name: 'Erase Anna Berg' }));

    expect(calls('erase_customer')).toEqual([{ id: anna.id }]);
    expect(dialog).toHaveAttribute('aria-busy', 'true');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Erasing Anna Berg and rewriting the data files…');
    expect(within(dialog).getByRole('button', { name: 'Erase Anna Berg' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();

    finish();
    const erased = await screen.findByRole('dialog', { name: 'Anna Berg is erased' });
    expect(screen.queryByRole('dialog', { name: 'Erase customer' })).toBeNull();
    expect(erased).toHaveTextContent('Nothing of Anna Berg is left in Regulars’ data files.');
    expect(erased).toHaveTextContent('2 backups made before still hold Anna Berg.');
    const items = within(within(erased).getByRole('list', { name: 'Backups that still hold Anna Berg' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(`${formatMoment(older[0].made_at)} · Automatic`);
    expect(items[0]).toHaveTextContent(older[0].path);
    expect(items[1]).toHaveTextContent(`${formatMoment(older[1].made_at)} · Made by you`);
    expect(items[1]).toHaveTextContent(older[1].path);
    expect(onerased).not.toHaveBeenCalled();

    const back = within(erased).getByRole('button', { name: 'Back to customers' });
    expect(back).toHaveFocus();
    await user.click(back);
    expect(onerased).toHaveBeenCalledTimes(1);
    expect(onerased).toHaveBeenCalledWith('Anna Berg');
  });

  it('says so when no backup holds them', async () => {
    core({ erase_customer: () => ({ customer_name: 'Anna Berg', backups_with_customer: [] }) });
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Erase (privacy request)' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Erase customer' })).getByRole('button', { name: 'Erase Anna Berg' }));
    const erased = await screen.findByRole('dialog', { name: 'Anna Berg is erased' });
    expect(erased).toHaveTextContent('No backup holds them.');
  });

  it('keeps the question open and says why when erasing fails', async () => {
    core({ erase_customer: () => Promise.reject({ kind: 'io', field: null, message: 'the disk is full' }) });
    const { onerased, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Erase (privacy request)' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase customer' });
    await user.click(within(dialog).getByRole('button', { name: 'Erase Anna Berg' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The disk is full.');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled());
    expect(onerased).not.toHaveBeenCalled();
  });
});

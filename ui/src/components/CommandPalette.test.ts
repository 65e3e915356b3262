// The command palette on its own: a combobox over places, actions and the customers the core
// finds (after a pause), filtered and marked as the owner types, moved through with the arrows,
// run with Enter (Ctrl+Enter: write to a customer), closed with Escape; problems said quietly.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerMatch } from '../lib/bindings/CustomerMatch';
import type { PaletteContext } from '../lib/palette';
import CommandPalette from './CommandPalette.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna: CustomerMatch = { id: 'c-anna', name: 'Anna Berg', company: null };
const cuno: CustomerMatch = { id: 'c-cuno', name: 'Cuno Lind', company: 'Lind & Co' };
const context: PaletteContext = {
  segments: [{ id: 'seg-vip', name: 'VIPs in Malmö' }],
  wishesDue: 2,
  pageCustomer: null,
  quickNoteKeys: 'Ctrl+Shift+N',
};

/** The core's search: `found` for every text (or what it returns for the text). */
function core(found: CustomerMatch[] | ((query: string) => CustomerMatch[] | Promise<never>) = []): void {
  invokeMock.mockImplementation(async (command, args) => {
    if (command !== 'find_customers') return null;
    const query = (args as { query: string }).query;
    return typeof found === 'function' ? found(query) : found;
  });
}

const searches = () => invokeMock.mock.calls.filter(([c]) => c === 'find_customers').map(([, args]) => args);

function setup(palette: PaletteContext = context) {
  const user = userEvent.setup();
  const onrun = vi.fn();
  const onclose = vi.fn();
  render(CommandPalette, { props: { context: palette, mac: false, onrun, onclose, searchDelay: 60 } });
  const dialog = screen.getByRole('dialog', { name: 'Search and commands' });
  const box = within(dialog).getByRole('combobox');
  const options = () => within(dialog).queryAllByRole('option');
  const names = () => options().map((o) => o.querySelector('.label')?.textContent);
  const active = () => document.getElementById(box.getAttribute('aria-activedescendant') ?? '');
  return { user, onrun, onclose, dialog, box, options, names, active };
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  core();
});

describe('opening', () => {
  it('is a modal dialog with the search box focused, listing the places and the actions', () => {
    const { dialog, box, options, names, active } = setup();
    expect(dialog).toHaveAttribute('open');
    expect(box).toHaveFocus();
    expect(box).toHaveAccessibleName('Search customers, places and actions');
    expect(box).toHaveAttribute('aria-autocomplete', 'list');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const listbox = within(dialog).getByRole('listbox', { name: 'Results' });
    expect(box).toHaveAttribute('aria-controls', listbox.id);
    expect(box).toHaveAccessibleDescription(/Up and down arrows move, Enter opens, Ctrl\+Enter writes a message to a customer, Escape closes\./);

    expect(names()).toEqual([
      'Today',
      'Customers',
      'Complaints',
      'Insights',
      'Messages',
      'Settings',
      'Products',
      'Import orders',
      'Feedback',
      'Your data',
      'VIPs in Malmö',
      'Add customer',
      'Quick note',
      "Send all of today's wishes",
      'Write message to…',
    ]);
    expect(options()[12]).toHaveTextContent('Ctrl+Shift+N');
    expect(options()[13]).toHaveTextContent('2 due');
    expect(active()).toBe(options()[0]);
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    expect(options()[1]).toHaveAttribute('aria-selected', 'false');
    expect(searches()).toEqual([]);
  });
});

describe('typing', () => {
  it('filters the places and actions and marks what matched', async () => {
    const { user, box, names, options } = setup();
    await user.type(box, 'sett');
    expect(names()).toEqual(['Settings']);
    expect(options()[0].querySelector('mark')?.textContent).toBe('Sett');

    await user.clear(box);
    await user.type(box, 'malmo');
    expect(names()).toEqual(['VIPs in Malmö']);
    expect(options()[0].querySelector('mark')?.textContent).toBe('Malmö');
  });

  it('asks the core for customers once typing pauses, and lists them after the places that start with the text', async () => {
    core([cuno]);
    const { user, box, names, options } = setup();
    await user.type(box, 'cu');
    // Places and actions answer at once; the core is asked only after the pause.
    expect(names()).toEqual(['Customers', 'Add customer']);
    expect(searches()).toEqual([]);

    await waitFor(() => expect(names()).toEqual(['Customers', 'Add customer', 'Cuno Lind']));
    expect(searches()).toEqual([{ query: 'cu', limit: 8 }]);
    expect(options()[2]).toHaveTextContent('Lind & Co');
    expect(options()[2].querySelector('mark')?.textContent).toBe('Cu');
    expect(screen.getByText('3 results')).toHaveAttribute('role', 'status');
  });

  it('shows a customer’s name as text, never as markup', async () => {
    core([{ id: 'c-x', name: '<img src=x onerror=alert(1)>', company: '<b>Bold</b>' }]);
    const { user, box, dialog, options } = setup();
    await user.type(box, 'img');
    await waitFor(() => expect(options()).toHaveLength(1));
    expect(options()[0]).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(options()[0]).toHaveTextContent('<b>Bold</b>');
    expect(dialog.querySelector('img')).toBeNull();
    expect(dialog.querySelector('b')).toBeNull();
  });

  it('says so, quietly, when the customers cannot be searched, and still offers the places', async () => {
    core(() => Promise.reject({ kind: 'already-open', field: null, message: 'Another Regulars has the store open.' }));
    const { user, box, dialog, names } = setup();
    await user.type(box, 'se');
    const problem = await within(dialog).findByText("Couldn't search your customers: Another Regulars has the store open.");
    expect(problem).toHaveAttribute('role', 'status');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(names()).toEqual(['Settings', "Send all of today's wishes"]);
  });

  it('says when nothing matches', async () => {
    const { user, box, dialog, options } = setup();
    await user.type(box, 'zzz');
    expect(await within(dialog).findByText('Nothing matches “zzz”.')).toBeInTheDocument();
    expect(options()).toHaveLength(0);
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('aria-activedescendant');
  });
});

describe('choosing', () => {
  it('moves the active option with the arrows, wrapping around, and Enter runs it', async () => {
    const { user, onrun, options, active } = setup();
    await user.keyboard('{ArrowUp}');
    expect(active()).toHaveTextContent('Write message to…');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(active()).toBe(options()[2]);
    expect(options()[2]).toHaveAttribute('aria-selected', 'true');
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);

    await user.keyboard('{Enter}');
    expect(onrun).toHaveBeenCalledExactlyOnceWith({ kind: 'go', route: { name: 'complaints' } });
  });

  it('opens a customer with Enter, and writes to them with Ctrl+Enter', async () => {
    core([anna, cuno]);
    const first = setup();
    await first.user.type(first.box, 'an');
    await waitFor(() => expect(first.names()).toContain('Anna Berg'));
    expect(first.active()).toHaveTextContent('Anna Berg');
    await first.user.keyboard('{Enter}');
    expect(first.onrun).toHaveBeenCalledExactlyOnceWith({ kind: 'go', route: { name: 'customer', id: 'c-anna' } });
    first.dialog.remove();

    const second = setup();
    await second.user.type(second.box, 'an');
    await waitFor(() => expect(second.names()).toContain('Cuno Lind'));
    await second.user.keyboard('{ArrowDown}{Control>}{Enter}{/Control}');
    expect(second.onrun).toHaveBeenCalledExactlyOnceWith({ kind: 'write', customer: { id: 'c-cuno', name: 'Cuno Lind' } });
  });

  it('waits for the core’s answer when Enter comes before it, then opens the customer it found', async () => {
    core((query) => (query === 'anna' ? [anna] : []));
    const { user, box, onrun } = setup();
    await user.type(box, 'anna{Enter}');
    await waitFor(() => expect(onrun).toHaveBeenCalledExactlyOnceWith({ kind: 'go', route: { name: 'customer', id: 'c-anna' } }));
    expect(searches()).toEqual([{ query: 'anna', limit: 8 }]);
  });

  it('runs a place or action at once with Enter, without waiting for customers', async () => {
    const { user, box, onrun } = setup();
    await user.type(box, 'quick{Enter}');
    expect(onrun).toHaveBeenCalledExactlyOnceWith({ kind: 'quick-note' });
  });

  it('runs an option that is clicked', async () => {
    const { user, onrun, options } = setup();
    await user.click(options()[5]);
    expect(onrun).toHaveBeenCalledExactlyOnceWith({ kind: 'go', route: { name: 'settings' } });
  });

  it('"Write message to…" asks whom to write to, then writes to the customer chosen', async () => {
    core([anna]);
    const { user, box, dialog, onrun, names } = setup();
    await user.type(box, 'write');
    expect(names()).toEqual(['Write message to…']);
    await user.keyboard('{Enter}');

    expect(onrun).not.toHaveBeenCalled();
    expect(box).toHaveAccessibleName('Write message to');
    expect(box).toHaveValue('');
    expect(box).toHaveFocus();
    expect(within(dialog).getByText('Type a few letters of their name.')).toBeInTheDocument();
    expect(names()).toEqual([]);

    await user.type(box, 'an');
    await waitFor(() => expect(names()).toEqual(['Anna Berg']));
    expect(within(dialog).getByRole('listbox', { name: 'Customers' })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(onrun).toHaveBeenCalledExactlyOnceWith({ kind: 'write', customer: { id: 'c-anna', name: 'Anna Berg' } });
  });

  it('Backspace in the empty box goes back from choosing whom to write to', async () => {
    const { user, box, names } = setup();
    await user.type(box, 'write{Enter}');
    expect(box).toHaveAccessibleName('Write message to');
    await user.keyboard('{Backspace}');
    expect(box).toHaveAccessibleName('Search customers, places and actions');
    expect(names()).toContain('Today');
  });
});

describe('closing', () => {
  it('Escape closes without running anything', async () => {
    const { user, onclose, onrun } = setup();
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(onrun).not.toHaveBeenCalled();
  });

  it('the shortcut again closes it', async () => {
    const { user, onclose } = setup();
    await user.keyboard('{Control>}k{/Control}');
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});

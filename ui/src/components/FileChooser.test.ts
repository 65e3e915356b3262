// The file chooser: its button asks the app for the system's file dialog for a kind of file and
// hands on the file chosen (a token, a name and a size); closing the dialog changes nothing, a
// second click while it is open opens no second one, and the file chosen and why it could not be
// used are shown beside the button and read out with it.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { asApiError } from '../lib/api';
import type { ChosenFile } from '../lib/bindings/ChosenFile';
import { chosenFile } from '../test-fixtures';
import FileChooser from './FileChooser.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const BACKUP = chosenFile({ token: 'file-9', name: 'regulars-2026-11-28.json', bytes: 840 });

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

function setup(props: Partial<{ chosen: ChosenFile | null; disabled: boolean; describedby: string; error: string | null }> = {}) {
  const onchosen = vi.fn();
  const onfailed = vi.fn();
  const view = render(FileChooser, { kind: 'backup', label: 'Restore from a backup file…', onchosen, onfailed, ...props });
  const button = screen.getByRole('button', { name: 'Restore from a backup file…' });
  return { ...view, onchosen, onfailed, button, user: userEvent.setup() };
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

afterEach(() => {
  document.getElementById('help')?.remove();
});

it('opens the system file dialog for its kind of file and hands on the file chosen', async () => {
  invokeMock.mockResolvedValue(BACKUP);
  const { button, onchosen, onfailed, user, rerender } = setup();
  expect(button).toHaveTextContent('Restore from a backup file…');
  expect(button).not.toHaveAttribute('aria-describedby');
  await user.click(button);
  expect(calls('choose_file')).toEqual([{ kind: 'backup' }]);
  await waitFor(() => expect(onchosen).toHaveBeenCalledWith(BACKUP));
  expect(onfailed).not.toHaveBeenCalled();

  // The parent shows it: its name and size, read out with the button, whose name stays its text.
  await rerender({ chosen: BACKUP });
  expect(screen.getByText('regulars-2026-11-28.json · 840 bytes')).toBeInTheDocument();
  expect(button).toHaveAccessibleName('Restore from a backup file…');
  expect(button).toHaveAccessibleDescription('regulars-2026-11-28.json · 840 bytes');
});

it('does nothing when the dialog is closed without a file', async () => {
  invokeMock.mockResolvedValue(null);
  const { button, onchosen, onfailed, user } = setup();
  await user.click(button);
  await waitFor(() => expect(calls('choose_file')).toHaveLength(1));
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(onchosen).not.toHaveBeenCalled();
  expect(onfailed).not.toHaveBeenCalled();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(button).toBeEnabled();
});

it('opens no second dialog while one is open', async () => {
  let answer: (file: ChosenFile | null) => void = () => {};
  invokeMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
  const { button, onchosen, user } = setup();
  await user.click(button);
  await user.click(button);
  expect(calls('choose_file')).toHaveLength(1);

  answer(BACKUP);
  await waitFor(() => expect(onchosen).toHaveBeenCalledTimes(1));
  await user.click(button);
  expect(calls('choose_file')).toHaveLength(2);
  answer(null);
});

it('hands on why the dialog failed, and shows an error beside the button, read out after the help and the file', async () => {
  invokeMock.mockRejectedValue({ kind: 'internal', field: null, message: 'the file dialog could not be opened' });
  const help = document.createElement('p');
  help.id = 'help';
  help.textContent = 'A backup made on another computer, or kept elsewhere.';
  document.body.append(help);
  const { button, onchosen, onfailed, user, rerender } = setup({ describedby: 'help' });
  expect(button).toHaveAccessibleDescription('A backup made on another computer, or kept elsewhere.');
  await user.click(button);
  await waitFor(() => expect(onfailed).toHaveBeenCalledTimes(1));
  expect(asApiError(onfailed.mock.calls[0][0]).report).toEqual({ kind: 'internal', field: null, message: 'the file dialog could not be opened' });
  expect(onchosen).not.toHaveBeenCalled();

  await rerender({ chosen: BACKUP, error: 'regulars-2026-11-28.json is not a Regulars backup.' });
  expect(screen.getByRole('alert')).toHaveTextContent('regulars-2026-11-28.json is not a Regulars backup.');
  expect(button).toHaveAccessibleDescription(
    'A backup made on another computer, or kept elsewhere. regulars-2026-11-28.json · 840 bytes regulars-2026-11-28.json is not a Regulars backup.',
  );
  expect(button).toHaveAccessibleName('Restore from a backup file…');

  await rerender({ error: null });
  expect(screen.queryByRole('alert')).toBeNull();
  expect(button).toHaveAccessibleDescription('A backup made on another computer, or kept elsewhere. regulars-2026-11-28.json · 840 bytes');
});

it('opens no dialog while disabled, and takes focus when asked', async () => {
  const { button, component, user, rerender } = setup({ disabled: true });
  expect(button).toBeDisabled();
  await user.click(button);
  expect(invokeMock).not.toHaveBeenCalled();

  await rerender({ disabled: false });
  expect(button).toBeEnabled();
  component.focus();
  expect(button).toHaveFocus();
});

// Copying: the clipboard when allowed, else the text where it is shown, selected and copied.
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

afterEach(() => {
  delete (document as unknown as Record<string, unknown>).execCommand;
  document.body.innerHTML = '';
});

it('puts the text on the clipboard', async () => {
  userEvent.setup();
  expect(await copyText('We acknowledge within 2 days.')).toBe(true);
  expect(await navigator.clipboard.readText()).toBe('We acknowledge within 2 days.');
});

it('selects the element showing the text and copies it when the clipboard is refused', async () => {
  userEvent.setup();
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Not allowed'));
  const execCommand = vi.fn(() => true);
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  const shown = document.createElement('blockquote');
  shown.textContent = 'We acknowledge within 2 days.';
  document.body.append(shown);

  expect(await copyText('We acknowledge within 2 days.', shown)).toBe(true);
  expect(execCommand).toHaveBeenCalledWith('copy');
  expect(window.getSelection()?.toString()).toBe('We acknowledge within 2 days.');
});

it('says it could not copy when neither way works', async () => {
  userEvent.setup();
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Not allowed'));
  Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
  expect(await copyText('text', document.body)).toBe(false);
  expect(await copyText('text')).toBe(false);
});

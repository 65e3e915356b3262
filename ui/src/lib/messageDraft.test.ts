// The composer's state: the core's message, the owner's edits kept, and links only from the core.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import { renderedMessage } from '../test-fixtures';
import { MessageDraft } from './messageDraft.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const request = { customer: { id: 'c1', name: 'Anna Berg' }, occasion: 'birthday' as const, reminderKey: 'birthday/c1/2025' };
const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('keeps what the owner typed while the core was still writing', async () => {
  let answer!: (value: unknown) => void;
  invokeMock.mockImplementation((command) =>
    command === 'render_message' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve(renderedMessage().links),
  );
  const draft = new MessageDraft(request, 5);
  const rendering = draft.render();
  draft.body = 'My own words';
  draft.edit();
  answer(renderedMessage());
  await rendering;
  expect(draft.body).toBe('My own words');
  expect(draft.channel).toBe('email');
  expect(draft.rendering).toEqual({ status: 'ready' });
  await vi.waitFor(() => expect(calls('message_links')).toEqual([{ customerId: 'c1', subject: '', body: 'My own words' }]));
  draft.dispose();
});

it('shows only the latest message when the occasion changes quickly', async () => {
  const answers: ((value: unknown) => void)[] = [];
  invokeMock.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
  const draft = new MessageDraft(request, 5);
  const first = draft.render();
  const second = draft.changeOccasion('thank-you');
  answers[1](renderedMessage({ body: 'Thank you!' }));
  answers[0](renderedMessage({ body: 'Happy birthday!' }));
  await Promise.all([first, second]);
  expect(draft.body).toBe('Thank you!');
});

it('keeps the channel the owner chose when the message is written anew', async () => {
  invokeMock.mockResolvedValue(renderedMessage());
  const draft = new MessageDraft(request, 5);
  await draft.render();
  draft.choose('whatsapp');
  await draft.changeOccasion('seasonal');
  expect(draft.channel).toBe('whatsapp');
});

it('asks for links only when the text changed since the last ones were made', async () => {
  const edited = { ...renderedMessage().links, mailto: 'mailto:anna@example.com?body=New' };
  invokeMock.mockImplementation(async (command) => (command === 'render_message' ? renderedMessage() : edited));
  const draft = new MessageDraft(request, 10_000);
  await draft.render();
  expect(await draft.currentLinks()).toEqual(renderedMessage().links);
  expect(calls('message_links')).toEqual([]);
  draft.body = 'New';
  draft.edit();
  expect(await draft.currentLinks()).toEqual(edited);
  expect(calls('message_links')).toHaveLength(1);
  expect(await draft.currentLinks()).toEqual(edited);
  expect(calls('message_links')).toHaveLength(1);
});

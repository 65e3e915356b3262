// The daily list's state: reads that overlap are shared, an older answer never replaces a newer
// one, and actions read the list again.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import type { Agenda } from './bindings/Agenda';
import { agendaItem } from '../test-fixtures';
import { TodayList } from './today.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const agendaOf = (...names: string[]): Agenda => ({
  date: '2025-11-24',
  items: names.map((customer_name) => agendaItem({ customer_name })),
});

/** Answers `agenda` calls one by one, each when its `resolve` is called. */
function pendingAgendas(): ((agenda: Agenda) => void)[] {
  const pending: ((agenda: Agenda) => void)[] = [];
  invokeMock.mockImplementation((command) =>
    command === 'agenda' ? new Promise((resolve) => pending.push(resolve)) : Promise.resolve(null),
  );
  return pending;
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('shares a read already under way', async () => {
  const pending = pendingAgendas();
  const list = new TodayList();
  const first = list.refresh();
  const second = list.refresh();
  expect(pending).toHaveLength(1);
  pending[0](agendaOf('Anna Berg'));
  await Promise.all([first, second]);
  expect(list.state.status).toBe('ready');
  expect(list.due).toBe(1);
});

it('shows the latest read, even when an older one answers last', async () => {
  const pending = pendingAgendas();
  const list = new TodayList();
  const older = list.refresh();
  const newer = list.reload();
  expect(pending).toHaveLength(2);
  pending[1](agendaOf('Anna Berg', 'Bo Ek'));
  await newer;
  pending[0](agendaOf('Stale'));
  await older;
  expect(list.state.status === 'ready' && list.state.agenda.items.map((i) => i.customer_name)).toEqual(['Anna Berg', 'Bo Ek']);
});

it('reads the list again after an action, but not after an undo with nothing to undo', async () => {
  invokeMock.mockImplementation(async (command) => (command === 'agenda' ? agendaOf() : null));
  const list = new TodayList();
  await list.done('k');
  await list.snooze('k', '2025-11-25');
  await list.undo();
  const commands = invokeMock.mock.calls.map(([c]) => c);
  expect(commands).toEqual(['reminder_done', 'agenda', 'reminder_snooze', 'agenda', 'reminder_undo']);
});

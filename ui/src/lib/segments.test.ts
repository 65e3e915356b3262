// The sidebar's segments: read from the core, kept at once after a save, and a failure held.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import type { Segment } from './bindings/Segment';
import { SegmentShelf } from './segments.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const segment = (id: string, name: string): Segment => ({ id, name, query: { sort: 'name' }, created_at: '2025-01-01T10:00:00Z' });

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('reads the segments from the core and finds one by id', async () => {
  invokeMock.mockResolvedValue([segment('1', 'Lapsed'), segment('2', 'VIPs')]);
  const shelf = new SegmentShelf();
  expect(shelf.state).toEqual({ status: 'loading' });
  await shelf.refresh();
  expect(invokeMock).toHaveBeenCalledWith('list_segments', undefined);
  expect(shelf.segments.map((s) => s.name)).toEqual(['Lapsed', 'VIPs']);
  expect(shelf.find('2')?.name).toBe('VIPs');
});

it('keeps a saved or renamed segment at once, in name order', async () => {
  invokeMock.mockResolvedValue([segment('1', 'Lapsed'), segment('2', 'VIPs')]);
  const shelf = new SegmentShelf();
  await shelf.refresh();
  shelf.keep(segment('3', 'Malmö'));
  shelf.keep(segment('1', 'Zzz'));
  expect(shelf.segments.map((s) => s.name)).toEqual(['Malmö', 'VIPs', 'Zzz']);
});

it('holds why the segments could not be read', async () => {
  invokeMock.mockRejectedValue({ kind: 'io', field: null, message: 'Disk gone.' });
  const shelf = new SegmentShelf();
  await shelf.refresh();
  expect(shelf.state).toEqual({ status: 'failed', message: 'Disk gone.' });
  expect(shelf.segments).toEqual([]);
});

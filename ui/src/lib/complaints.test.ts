// The Complaints view's data: the core's overview, the latest answer kept, overdue ones first.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import { complaintsOverviewFixture, complaintView } from '../test-fixtures';
import { ComplaintsBoard, overdueFirst } from './complaints.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('puts the overdue complaints first, keeping the core’s order within each group', () => {
  const a = complaintView({ summary: 'a' });
  const b = complaintView({ summary: 'b', overdue: true });
  const c = complaintView({ summary: 'c' });
  const d = complaintView({ summary: 'd', overdue: true });
  const groups = overdueFirst([a, b, c, d]);
  expect(groups.overdue.map((x) => x.summary)).toEqual(['b', 'd']);
  expect(groups.onTime.map((x) => x.summary)).toEqual(['a', 'c']);
});

it('reads the overview, and keeps only the latest answer', async () => {
  const first = complaintsOverviewFixture({ resolved: 1 });
  const second = complaintsOverviewFixture({ resolved: 2 });
  let release: (value: unknown) => void = () => {};
  invokeMock.mockImplementationOnce(() => new Promise((resolve) => (release = resolve))).mockResolvedValueOnce(second);
  const board = new ComplaintsBoard();
  const slow = board.read();
  await board.read();
  release(first);
  await slow;
  expect(board.state).toEqual({ status: 'ready', overview: second });
  expect(invokeMock).toHaveBeenCalledWith('complaints_overview', undefined);
});

it('says why it could not read them', async () => {
  invokeMock.mockRejectedValueOnce({ kind: 'io', field: null, message: 'The disk is busy.' });
  const board = new ComplaintsBoard();
  await board.read();
  expect(board.state).toEqual({ status: 'failed', report: { kind: 'io', field: null, message: 'The disk is busy.' } });
});

// The Insights view's data: read as of a day, kept while another is read, stale answers dropped.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { InsightsReport } from './insights.svelte';
import { insightsFixture } from '../test-fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('InsightsReport', () => {
  it('reads today, then another day, asking the core with asOf', async () => {
    invokeMock.mockImplementation(async (_, args) => insightsFixture({ as_of: (args as { asOf: string | null }).asOf ?? '2025-11-24' }));
    const report = new InsightsReport();
    await report.read();
    expect(invokeMock).toHaveBeenLastCalledWith('insights', { asOf: null });
    expect(report.state.status === 'ready' && report.state.insights.as_of).toBe('2025-11-24');

    await report.read('2024-12-31');
    expect(invokeMock).toHaveBeenLastCalledWith('insights', { asOf: '2024-12-31' });
    expect(report.asOf).toBe('2024-12-31');
    expect(report.state.status === 'ready' && report.state.insights.as_of).toBe('2024-12-31');
    expect(report.reading).toBe(false);
  });

  it('drops an answer for a day no longer asked about', async () => {
    let release: (value: unknown) => void = () => {};
    invokeMock.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    invokeMock.mockImplementationOnce(async () => insightsFixture({ as_of: '2025-01-31' }));
    const report = new InsightsReport();
    const slow = report.read('2024-01-31');
    await report.read('2025-01-31');
    release(insightsFixture({ as_of: '2024-01-31' }));
    await slow;
    expect(report.state.status === 'ready' && report.state.insights.as_of).toBe('2025-01-31');
  });

  it('keeps the last answer when a day is refused, and says why', async () => {
    invokeMock.mockResolvedValueOnce(insightsFixture());
    invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'as_of', message: 'is not a date' });
    const report = new InsightsReport();
    await report.read();
    await report.read('2025-02-30');
    expect(report.state.status).toBe('ready');
    expect(report.asOfError).toBe('is not a date');
  });

  it('says why the insights could not be read', async () => {
    invokeMock.mockRejectedValue({ kind: 'store-unreadable', field: null, message: 'The store is damaged.' });
    const report = new InsightsReport();
    await report.read();
    expect(report.state).toEqual({ status: 'failed', report: { kind: 'store-unreadable', field: null, message: 'The store is damaged.' } });
  });
});

// The daily list is asked for again when the window comes back and every minute, until stopped.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { keepFresh, REFRESH_EVERY_MS } from './keepFresh';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

it('refreshes every minute, on focus and when the window becomes visible, and stops cleanly', () => {
  const refresh = vi.fn();
  const stop = keepFresh(refresh);
  expect(refresh).not.toHaveBeenCalled();

  vi.advanceTimersByTime(REFRESH_EVERY_MS);
  expect(refresh).toHaveBeenCalledTimes(1);
  window.dispatchEvent(new Event('focus'));
  expect(refresh).toHaveBeenCalledTimes(2);
  document.dispatchEvent(new Event('visibilitychange'));
  expect(refresh).toHaveBeenCalledTimes(document.visibilityState === 'visible' ? 3 : 2);

  stop();
  const before = refresh.mock.calls.length;
  vi.advanceTimersByTime(REFRESH_EVERY_MS * 3);
  window.dispatchEvent(new Event('focus'));
  document.dispatchEvent(new Event('visibilitychange'));
  expect(refresh).toHaveBeenCalledTimes(before);
});

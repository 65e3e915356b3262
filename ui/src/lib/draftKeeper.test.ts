// The draft is written after a pause, only the latest text, and writes never overtake each other.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftKeeper } from './draftKeeper';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function keeper(write = vi.fn(async (_text: string) => {})) {
  const onerror = vi.fn();
  return { keeper: new DraftKeeper(write, 400, onerror), write, onerror };
}

describe('DraftKeeper', () => {
  it('writes only the last text, once the owner pauses', async () => {
    const { keeper: k, write } = keeper();
    k.keep('H');
    k.keep('He');
    await vi.advanceTimersByTimeAsync(399);
    expect(write).not.toHaveBeenCalled();
    k.keep('Hello');
    await vi.advanceTimersByTimeAsync(400);
    expect(write.mock.calls).toEqual([['Hello']]);
  });

  it('writes at once on flush, and nothing more afterwards', async () => {
    const { keeper: k, write } = keeper();
    k.keep('Hello');
    await k.flush();
    expect(write.mock.calls).toEqual([['Hello']]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('clears by writing blank text and drops a waiting write', async () => {
    const { keeper: k, write } = keeper();
    k.keep('Hello');
    await k.clear();
    await vi.advanceTimersByTimeAsync(1000);
    expect(write.mock.calls).toEqual([['']]);
  });

  it('does not let a slow write land after a later clear', async () => {
    const order: string[] = [];
    let finishFirst: () => void = () => {};
    const write = vi.fn((text: string) =>
      text === 'Hello'
        ? new Promise<void>((resolve) => (finishFirst = () => (order.push(text), resolve())))
        : (order.push(text), Promise.resolve()),
    );
    const { keeper: k } = keeper(write);
    k.keep('Hello');
    const flushing = k.flush();
    const clearing = k.clear();
    await vi.advanceTimersByTimeAsync(0);
    // The clear waits for the slow write to finish.
    expect(write.mock.calls).toEqual([['Hello']]);
    finishFirst();
    await Promise.all([flushing, clearing]);
    expect(order).toEqual(['Hello', '']);
  });

  it('reports a failed write and keeps working', async () => {
    const write = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const { keeper: k, onerror } = keeper(write);
    k.keep('one');
    await k.flush();
    expect(onerror).toHaveBeenCalledWith(new Error('disk full'));
    k.keep('two');
    await k.flush();
    expect(write).toHaveBeenLastCalledWith('two');
  });
});

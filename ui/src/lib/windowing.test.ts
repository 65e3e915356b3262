// The windowed list's arithmetic: rows in view, the space standing in for the others, and when
// to fetch the next page.
import { describe, expect, it } from 'vitest';
import { needsNextPage, rowWindow, type Viewport } from './windowing';

const view = (fields: Partial<Viewport>): Viewport => ({
  scrollTop: 0,
  height: 400,
  rowHeight: 100,
  total: 100_000,
  overscan: 0,
  ...fields,
});

describe('rowWindow', () => {
  it('renders the rows in view at the top', () => {
    expect(rowWindow(view({}), 200)).toEqual({
      first: 0,
      end: 4,
      wantedEnd: 4,
      topSpace: 0,
      bottomSpace: (100_000 - 4) * 100,
    });
  });

  it('counts a partly visible row at either edge', () => {
    const w = rowWindow(view({ scrollTop: 250 }), 200);
    expect(w.first).toBe(2);
    expect(w.end).toBe(7);
    expect(w.topSpace).toBe(200);
    expect(w.bottomSpace).toBe((100_000 - 7) * 100);
  });

  it('adds the overscan on both sides, never beyond the list', () => {
    expect(rowWindow(view({ scrollTop: 1000, overscan: 3 }), 200)).toMatchObject({ first: 7, end: 17 });
    expect(rowWindow(view({ scrollTop: 0, overscan: 3 }), 200)).toMatchObject({ first: 0, end: 7 });
    const atEnd = rowWindow(view({ total: 10, scrollTop: 600, overscan: 3 }), 10);
    expect(atEnd).toMatchObject({ first: 3, end: 10, wantedEnd: 10, bottomSpace: 0 });
  });

  it('keeps the whole height equal to every row, rendered or not', () => {
    for (const scrollTop of [0, 123, 5_000, 9_999_600]) {
      const w = rowWindow(view({ scrollTop, overscan: 5 }), 100_000);
      expect(w.topSpace + (w.end - w.first) * 100 + w.bottomSpace).toBe(100_000 * 100);
    }
  });

  it('renders only fetched rows, while still saying which rows it wants', () => {
    const w = rowWindow(view({ scrollTop: 19_800 }), 200);
    expect(w.first).toBe(198);
    expect(w.end).toBe(200);
    expect(w.wantedEnd).toBe(202);
    expect(w.bottomSpace).toBe((100_000 - 200) * 100);
  });

  it('renders nothing when the view is past the fetched rows', () => {
    const w = rowWindow(view({ scrollTop: 50_000 }), 200);
    expect(w).toMatchObject({ first: 500, end: 500, wantedEnd: 504, topSpace: 50_000 });
    expect(w.topSpace + w.bottomSpace).toBe(100_000 * 100);
  });

  it('clamps a scroll position beyond the end (the list shrank) and before the start', () => {
    expect(rowWindow(view({ total: 3, scrollTop: 9_000 }), 3)).toMatchObject({ first: 0, end: 3, bottomSpace: 0 });
    expect(rowWindow(view({ total: 10, scrollTop: -50 }), 10)).toMatchObject({ first: 0, end: 4 });
  });

  it('handles an empty list', () => {
    expect(rowWindow(view({ total: 0 }), 0)).toEqual({ first: 0, end: 0, wantedEnd: 0, topSpace: 0, bottomSpace: 0 });
  });
});

describe('needsNextPage', () => {
  it('fetches when the wanted rows come within 20 of the fetched end', () => {
    expect(needsNextPage(179, 200, 1_000)).toBe(false);
    expect(needsNextPage(180, 200, 1_000)).toBe(true);
    expect(needsNextPage(450, 200, 1_000)).toBe(true);
  });

  it('never fetches when every row is fetched', () => {
    expect(needsNextPage(200, 200, 200)).toBe(false);
    expect(needsNextPage(0, 0, 0)).toBe(false);
  });

  it('takes another threshold', () => {
    expect(needsNextPage(194, 200, 1_000, 5)).toBe(false);
    expect(needsNextPage(195, 200, 1_000, 5)).toBe(true);
  });
});

// The arithmetic of a windowed list: which rows of a fixed-height list are in view, how tall
// the empty space above and below them must be so the scrollbar reflects every row, and when
// to ask the core for the next page. Pure: no DOM, no state.

export interface Viewport {
  /** How far the scroll container is scrolled, in pixels. */
  scrollTop: number;
  /** The scroll container's visible height, in pixels. */
  height: number;
  /** The height of every row, gaps included, in pixels (more than 0). */
  rowHeight: number;
  /** How many rows the whole list has (all pages, fetched or not). */
  total: number;
  /** Extra rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
  overscan: number;
}

export interface RowWindow {
  /** The index of the first row to render. */
  first: number;
  /** One past the index of the last row to render (never more than `loaded`). */
  end: number;
  /** One past the index of the last row that would be rendered if every row were fetched. */
  wantedEnd: number;
  /** Height of the space above the rendered rows. */
  topSpace: number;
  /** Height of the space below the rendered rows. */
  bottomSpace: number;
}

/** The rows to render out of `loaded` fetched ones (rows 0..loaded-1) for `view`. */
export function rowWindow(view: Viewport, loaded: number): RowWindow {
  const total = Math.max(0, Math.floor(view.total));
  const rowHeight = view.rowHeight > 0 ? view.rowHeight : 1;
  const overscan = Math.max(0, Math.floor(view.overscan));
  const maxScroll = Math.max(0, total * rowHeight - Math.max(0, view.height));
  const scrollTop = Math.min(Math.max(0, view.scrollTop), maxScroll);
  const height = Math.max(0, view.height);

  const firstVisible = Math.min(total, Math.floor(scrollTop / rowHeight));
  const endVisible = Math.min(total, Math.ceil((scrollTop + height) / rowHeight));
  const first = Math.max(0, firstVisible - overscan);
  const wantedEnd = Math.min(total, endVisible + overscan);
  const fetched = Math.min(Math.max(0, Math.floor(loaded)), total);
  const end = Math.max(first, Math.min(wantedEnd, fetched));

  return {
    first,
    end,
    wantedEnd,
    topSpace: first * rowHeight,
    bottomSpace: (total - end) * rowHeight,
  };
}

/**
 * Whether to fetch the next page: more rows exist than were fetched, and the last row the
 * window wants (`wantedEnd`, exclusive) is within `threshold` rows of the fetched end.
 */
export function needsNextPage(wantedEnd: number, loaded: number, total: number, threshold = 20): boolean {
  return loaded < total && wantedEnd >= loaded - threshold;
}

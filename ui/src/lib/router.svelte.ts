// Which screen the window shows, read from the location hash so that links, the browser's
// Back and a reload all work without a dependency: `#/today` (the default, also what a clicked
// desktop notification opens), `#/customers`, `#/customers/<id>`, `#/segments/<id>` (the customer
// list narrowed by a saved segment), `#/complaints` (every complaint against the policy), `#/insights` and its tabs (`#/insights/segments`,
// `#/insights/products`…), `#/messages` (the message templates), `#/settings` and `#/data` (Your
// data: import, export, backups, reached from Settings).
// It never loads data; the screens do.

/** The tabs of Insights, in the order they are shown; `overview` is `#/insights` itself. */
export const INSIGHTS_TABS = ['overview', 'segments', 'seasons', 'cross-sell', 'breakdowns', 'feedback', 'products', 'import'] as const;

export type InsightsTab = (typeof INSIGHTS_TABS)[number];

export type Route =
  | { name: 'today' }
  | { name: 'customers' }
  | { name: 'customer'; id: string }
  | { name: 'segment'; id: string }
  | { name: 'complaints' }
  | { name: 'insights'; tab: InsightsTab }
  | { name: 'messages' }
  | { name: 'settings' }
  | { name: 'data' };

/**
 * The screen a hash names. No hash, or a section it does not know, opens Today (the owner's
 * daily start); a malformed customer or segment link opens the customer list, the section it
 * was aiming at.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [section, id, ...rest] = path.split('/');
  if (section === 'settings' && id === undefined) return { name: 'settings' };
  if (section === 'messages' && id === undefined) return { name: 'messages' };
  if (section === 'complaints' && id === undefined) return { name: 'complaints' };
  if (section === 'data' && id === undefined) return { name: 'data' };
  if (section === 'insights') {
    const tab = INSIGHTS_TABS.find((t) => t === id && rest.length === 0 && t !== 'overview');
    return { name: 'insights', tab: tab ?? 'overview' };
  }
  if (section === 'segments') {
    const segment = rest.length === 0 ? itemId(id) : null;
    return segment === null ? { name: 'customers' } : { name: 'segment', id: segment };
  }
  if (section !== 'customers') return { name: 'today' };
  const customer = rest.length === 0 ? itemId(id) : null;
  return customer === null ? { name: 'customers' } : { name: 'customer', id: customer };
}

/** The decoded id of one item's link, or null when it is missing, blank or badly encoded. */
function itemId(segment: string | undefined): string | null {
  if (segment === undefined || segment === '') return null;
  const decoded = decode(segment);
  return decoded !== null && decoded.trim() !== '' ? decoded : null;
}

/** The `href` that opens `route`. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'today':
      return '#/today';
    case 'customers':
      return '#/customers';
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'segment':
      return `#/segments/${encodeURIComponent(route.id)}`;
    case 'complaints':
      return '#/complaints';
    case 'insights':
      return route.tab === 'overview' ? '#/insights' : `#/insights/${route.tab}`;
    case 'messages':
      return '#/messages';
    case 'settings':
      return '#/settings';
    case 'data':
      return '#/data';
  }
}

/** The current route, kept in step with the location hash. */
export class Router {
  route: Route = $state.raw(parseRoute(location.hash));

  /** Starts following the hash; returns the function that stops it. */
  start(): () => void {
    const follow = () => {
      this.route = parseRoute(location.hash);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }

  /** Opens `route` as a new history entry, so Back returns here. */
  go(route: Route): void {
    location.hash = routeHref(route);
  }
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

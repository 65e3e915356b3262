// Which screen the window shows, read from the location hash so that links, the browser's
// Back and a reload all work without a dependency: `#/today` (the default, also what a clicked
// desktop notification opens), `#/customers`, `#/customers/<id>` and `#/settings`.
// It never loads data; the screens do.

export type Route = { name: 'today' } | { name: 'customers' } | { name: 'customer'; id: string } | { name: 'settings' };

/**
 * The screen a hash names. No hash, or a section it does not know, opens Today (the owner's
 * daily start); a malformed customer link opens the customer list, the section it was aiming at.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [section, id, ...rest] = path.split('/');
  if (section === 'settings' && id === undefined) return { name: 'settings' };
  if (section !== 'customers') return { name: 'today' };
  if (id !== undefined && id !== '' && rest.length === 0) {
    const decoded = decode(id);
    if (decoded !== null && decoded.trim() !== '') return { name: 'customer', id: decoded };
  }
  return { name: 'customers' };
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
    case 'settings':
      return '#/settings';
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

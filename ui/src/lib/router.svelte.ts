// Which screen the window shows, read from the location hash so that links, the browser's
// Back and a reload all work without a dependency: `#/customers` (the default) and
// `#/customers/<id>`. It never loads data; the screens do.

export type Route = { name: 'customers' } | { name: 'customer'; id: string };

/** The screen a hash names; anything unknown falls back to the customer list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [section, id, ...rest] = path.split('/');
  if (section === 'customers' && id !== undefined && id !== '' && rest.length === 0) {
    const decoded = decode(id);
    if (decoded !== null && decoded.trim() !== '') return { name: 'customer', id: decoded };
  }
  return { name: 'customers' };
}

/** The `href` that opens `route`. */
export function routeHref(route: Route): string {
  return route.name === 'customer' ? `#/customers/${encodeURIComponent(route.id)}` : '#/customers';
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

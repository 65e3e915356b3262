// The location hash names the screen: the customer list by default, or one customer's page.
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './router.svelte';

describe('parseRoute', () => {
  it('opens the customer list when there is no hash', () => {
    expect(parseRoute('')).toEqual({ name: 'customers' });
    expect(parseRoute('#')).toEqual({ name: 'customers' });
    expect(parseRoute('#/')).toEqual({ name: 'customers' });
  });

  it('reads the customer list, with or without slashes', () => {
    expect(parseRoute('#/customers')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/')).toEqual({ name: 'customers' });
    expect(parseRoute('#customers')).toEqual({ name: 'customers' });
  });

  it("reads a customer's page", () => {
    expect(parseRoute('#/customers/01900000-0000-7000-8000-000000000001')).toEqual({
      name: 'customer',
      id: '01900000-0000-7000-8000-000000000001',
    });
  });

  it('decodes an encoded id', () => {
    expect(parseRoute('#/customers/a%2Fb')).toEqual({ name: 'customer', id: 'a/b' });
  });

  it('falls back to the list for anything it does not know', () => {
    expect(parseRoute('#/insights')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/1/notes')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/%E0%A4%A')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/%20')).toEqual({ name: 'customers' });
  });
});

describe('routeHref', () => {
  it('writes the hash for each screen', () => {
    expect(routeHref({ name: 'customers' })).toBe('#/customers');
    expect(routeHref({ name: 'customer', id: 'abc' })).toBe('#/customers/abc');
  });

  it('round-trips through parseRoute, even for an id with a slash', () => {
    const route = { name: 'customer', id: 'a/b c' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
  });
});

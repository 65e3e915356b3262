// The location hash names the screen: Today by default, the customer list, one customer's page,
// a saved segment of the list, Insights and its tabs, Messages, or Settings.
import { describe, expect, it } from 'vitest';
import { INSIGHTS_TABS, parseRoute, routeHref } from './router.svelte';

describe('parseRoute', () => {
  it('opens Today when there is no hash', () => {
    expect(parseRoute('')).toEqual({ name: 'today' });
    expect(parseRoute('#')).toEqual({ name: 'today' });
    expect(parseRoute('#/')).toEqual({ name: 'today' });
  });

  it('reads Today, as a clicked notification sets it', () => {
    expect(parseRoute('#/today')).toEqual({ name: 'today' });
    expect(parseRoute('#/today/')).toEqual({ name: 'today' });
  });

  it('reads Messages', () => {
    expect(parseRoute('#/messages')).toEqual({ name: 'messages' });
    expect(parseRoute('#messages/')).toEqual({ name: 'messages' });
    expect(parseRoute('#/messages/extra')).toEqual({ name: 'today' });
  });

  it('reads Insights and its tabs; a tab it does not know opens the overview', () => {
    expect(parseRoute('#/insights')).toEqual({ name: 'insights', tab: 'overview' });
    expect(parseRoute('#insights/')).toEqual({ name: 'insights', tab: 'overview' });
    expect(parseRoute('#/insights/products')).toEqual({ name: 'insights', tab: 'products' });
    expect(parseRoute('#/insights/cross-sell/')).toEqual({ name: 'insights', tab: 'cross-sell' });
    expect(parseRoute('#/insights/overview')).toEqual({ name: 'insights', tab: 'overview' });
    expect(parseRoute('#/insights/charts')).toEqual({ name: 'insights', tab: 'overview' });
    expect(parseRoute('#/insights/products/extra')).toEqual({ name: 'insights', tab: 'overview' });
  });

  it('reads Settings', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#settings/')).toEqual({ name: 'settings' });
  });

  it('reads Your data', () => {
    expect(parseRoute('#/data')).toEqual({ name: 'data' });
    expect(parseRoute('#data/')).toEqual({ name: 'data' });
    expect(parseRoute('#/data/extra')).toEqual({ name: 'today' });
    expect(routeHref({ name: 'data' })).toBe('#/data');
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

  it('reads a saved segment, decoding its id', () => {
    expect(parseRoute('#/segments/01900000-0000-7000-8000-00000000000a')).toEqual({
      name: 'segment',
      id: '01900000-0000-7000-8000-00000000000a',
    });
    expect(parseRoute('#/segments/a%2Fb/')).toEqual({ name: 'segment', id: 'a/b' });
  });

  it('falls back to the list for a segment link it cannot read', () => {
    expect(parseRoute('#/segments')).toEqual({ name: 'customers' });
    expect(parseRoute('#/segments/%20')).toEqual({ name: 'customers' });
    expect(parseRoute('#/segments/1/extra')).toEqual({ name: 'customers' });
    expect(parseRoute('#/segments/%E0%A4%A')).toEqual({ name: 'customers' });
  });

  it('opens Today for a section it does not know', () => {
    expect(parseRoute('#/reports')).toEqual({ name: 'today' });
    expect(parseRoute('#/settings/extra')).toEqual({ name: 'today' });
  });

  it('falls back to the list for a customer link it cannot read', () => {
    expect(parseRoute('#/customers/1/notes')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/%E0%A4%A')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/%20')).toEqual({ name: 'customers' });
  });
});

describe('routeHref', () => {
  it('writes the hash for each screen', () => {
    expect(routeHref({ name: 'today' })).toBe('#/today');
    expect(routeHref({ name: 'customers' })).toBe('#/customers');
    expect(routeHref({ name: 'customer', id: 'abc' })).toBe('#/customers/abc');
    expect(routeHref({ name: 'segment', id: 's1' })).toBe('#/segments/s1');
    expect(routeHref({ name: 'messages' })).toBe('#/messages');
    expect(routeHref({ name: 'settings' })).toBe('#/settings');
    expect(routeHref({ name: 'insights', tab: 'overview' })).toBe('#/insights');
    expect(routeHref({ name: 'insights', tab: 'products' })).toBe('#/insights/products');
  });

  it('round-trips through parseRoute, even for an id with a slash', () => {
    const route = { name: 'customer', id: 'a/b c' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
    const segment = { name: 'segment', id: 'a/b c' } as const;
    expect(parseRoute(routeHref(segment))).toEqual(segment);
    for (const tab of INSIGHTS_TABS) expect(parseRoute(routeHref({ name: 'insights', tab }))).toEqual({ name: 'insights', tab });
  });
});

describe('complaints and feedback', () => {
  it('opens the Complaints view and the Feedback tab of Insights', () => {
    expect(parseRoute('#/complaints')).toEqual({ name: 'complaints' });
    expect(parseRoute('#/complaints/')).toEqual({ name: 'complaints' });
    expect(parseRoute('#/complaints/extra')).toEqual({ name: 'today' });
    expect(routeHref({ name: 'complaints' })).toBe('#/complaints');
    expect(parseRoute('#/insights/feedback')).toEqual({ name: 'insights', tab: 'feedback' });
    expect(INSIGHTS_TABS.indexOf('feedback')).toBe(INSIGHTS_TABS.indexOf('breakdowns') + 1);
  });
});

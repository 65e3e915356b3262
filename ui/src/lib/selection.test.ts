// The ticked customers: added and removed one at a time, replaced by Select all, cleared.
import { expect, it } from 'vitest';
import { Selection } from './selection.svelte';

it('ticks and unticks one customer at a time, each id once', () => {
  const selection = new Selection();
  selection.set('a', true);
  selection.set('b', true);
  selection.set('a', true);
  expect([...selection.ids]).toEqual(['a', 'b']);
  selection.set('a', false);
  expect(selection.has('a')).toBe(false);
  expect(selection.size).toBe(1);
});

it('is replaced by Select all and emptied by clear, as a new set each time', () => {
  const selection = new Selection();
  const before = selection.ids;
  selection.replace(['a', 'b', 'c']);
  expect(selection.size).toBe(3);
  expect(selection.ids).not.toBe(before);
  selection.clear();
  expect(selection.size).toBe(0);
});

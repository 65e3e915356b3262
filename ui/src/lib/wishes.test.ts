// A round of today's wishes: which occasions it walks through, its place and counts, passing over
// what is no longer due, and the summary it ends with.
import { describe, expect, it } from 'vitest';
import { agendaItem } from '../test-fixtures';
import { summaryText, WishRound, wishesDue } from './wishes.svelte';

const anna = agendaItem({ customer_name: 'Anna Berg' });
const bo = agendaItem({ customer_name: 'Bo Ek', kind: 'anniversary', label: 'Wedding' });
const cleo = agendaItem({ customer_name: 'Cleo Park', when: 'overdue', date: '2025-11-22' });
const dag = agendaItem({ customer_name: 'Dag Lund' });

describe('wishesDue', () => {
  it('keeps birthdays and anniversaries due today or missed, in the core’s order', () => {
    const followUp = agendaItem({ customer_name: 'Lena Holm', kind: 'follow-up', label: 'Send the quote' });
    const keepInTouch = agendaItem({ customer_name: 'Eva Sund', kind: 'keep-in-touch', label: 'Every 30 days' });
    const upcoming = agendaItem({ customer_name: 'Finn Ås', when: 'upcoming', date: '2025-11-26' });
    const agenda = { date: '2025-11-24', items: [cleo, followUp, anna, bo, keepInTouch, upcoming] };
    expect(wishesDue(agenda)).toEqual([cleo, anna, bo]);
  });
});

describe('summaryText', () => {
  it('says how many were sent and skipped, and only mentions the rest when there is any', () => {
    expect(summaryText({ sent: 3, skipped: 1, gone: 0, left: 0 })).toBe("Today's wishes: 3 sent, 1 skipped.");
    expect(summaryText({ sent: 0, skipped: 0, gone: 1, left: 2 })).toBe("Today's wishes: 0 sent, 0 skipped, 1 no longer due, 2 not reached.");
  });
});

describe('WishRound', () => {
  it('walks the occasions in order, counting what was sent and skipped', () => {
    const round = new WishRound();
    expect(round.start([anna, bo, cleo])).toBe(true);
    expect(round.current).toBe(anna);
    expect(round.progress).toBe('1 of 3 — Anna Berg');

    expect(round.sentOne([bo, cleo])).toBeNull();
    expect(round.progress).toBe('2 of 3 — Bo Ek');
    expect(round.skipOne([bo, cleo])).toBeNull();
    expect(round.progress).toBe('3 of 3 — Cleo Park');
    expect(round.sentOne([bo])).toEqual({ sent: 2, skipped: 1, gone: 0, left: 0 });
    expect(round.current).toBeNull();
    expect(round.progress).toBe('');
  });

  it('passes over occasions done elsewhere meanwhile', () => {
    const round = new WishRound();
    round.start([anna, bo, cleo, dag]);
    // Bo's and Cleo's were taken care of while Anna's was being written.
    expect(round.sentOne([dag])).toBeNull();
    expect(round.current).toBe(dag);
    expect(round.progress).toBe('4 of 4 — Dag Lund');
    expect(round.sentOne([])).toEqual({ sent: 2, skipped: 0, gone: 2, left: 0 });
  });

  it('goes on through every occasion when the list could not be read again', () => {
    const round = new WishRound();
    round.start([anna, bo]);
    round.sentOne(null);
    expect(round.current).toBe(bo);
  });

  it('stops where it is, counting the current and later ones as not reached', () => {
    const round = new WishRound();
    round.start([anna, bo, cleo]);
    round.sentOne([bo, cleo]);
    expect(round.stop()).toEqual({ sent: 1, skipped: 0, gone: 0, left: 2 });
    expect(round.current).toBeNull();
    expect(round.stop()).toBeNull();
  });

  it('does not begin without occasions, and a new round starts its counts afresh', () => {
    const round = new WishRound();
    expect(round.start([])).toBe(false);
    expect(round.current).toBeNull();

    round.start([anna]);
    round.skipOne([anna]);
    round.start([bo]);
    expect(round.progress).toBe('1 of 1 — Bo Ek');
    expect(round.sentOne([])).toEqual({ sent: 1, skipped: 0, gone: 0, left: 0 });
  });
});

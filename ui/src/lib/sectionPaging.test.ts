// How much of each section of the daily list is shown: a page at first, a page more on request,
// kept while the list is read again, started over on another day; and the button's words.
import { describe, expect, it } from 'vitest';
import { formatNumber } from './money';
import { FIRST_PAGES, moreButton, PAGE, reveal, shownCount, showMore, type Paging } from './sectionPaging';

const DAY = '2025-11-24';
const NEXT_DAY = '2025-11-25';
const GB = 'en-GB';

describe('shownCount', () => {
  it('shows one page of 50 at first, or all of a shorter section', () => {
    expect(PAGE).toBe(50);
    expect(shownCount(FIRST_PAGES, DAY, 'overdue', 7_883)).toBe(50);
    expect(shownCount(FIRST_PAGES, DAY, 'overdue', 51)).toBe(50);
    expect(shownCount(FIRST_PAGES, DAY, 'overdue', 50)).toBe(50);
    expect(shownCount(FIRST_PAGES, DAY, 'today', 3)).toBe(3);
    expect(shownCount(FIRST_PAGES, DAY, 'upcoming', 0)).toBe(0);
  });

  it('shows what was asked for that section on that day, and one page of the others', () => {
    const paging: Paging = { date: DAY, asked: { overdue: 150 } };
    expect(shownCount(paging, DAY, 'overdue', 7_883)).toBe(150);
    expect(shownCount(paging, DAY, 'today', 7_883)).toBe(50);
    expect(shownCount(paging, DAY, 'upcoming', 20)).toBe(20);
  });

  it('starts over at one page on another day', () => {
    const paging: Paging = { date: DAY, asked: { overdue: 150, today: 100 } };
    expect(shownCount(paging, NEXT_DAY, 'overdue', 7_883)).toBe(50);
    expect(shownCount(paging, NEXT_DAY, 'today', 7_883)).toBe(50);
  });

  it('shows all a shrunken section has left, and what was asked again once it grows back', () => {
    const paging: Paging = { date: DAY, asked: { overdue: 100 } };
    expect(shownCount(paging, DAY, 'overdue', 120)).toBe(100);
    expect(shownCount(paging, DAY, 'overdue', 99)).toBe(99);
    expect(shownCount(paging, DAY, 'overdue', 10)).toBe(10);
    expect(shownCount(paging, DAY, 'overdue', 0)).toBe(0);
    expect(shownCount(paging, DAY, 'overdue', 120)).toBe(100);
  });

  it('never shows less than a page, whatever was asked', () => {
    expect(shownCount({ date: DAY, asked: { today: 3 } }, DAY, 'today', 80)).toBe(50);
    expect(shownCount({ date: DAY, asked: { today: -5 } }, DAY, 'today', 80)).toBe(50);
    expect(shownCount({ date: DAY, asked: { today: Number.NaN } }, DAY, 'today', 80)).toBe(50);
  });

  it('takes another page size, and whole numbers only', () => {
    expect(shownCount(FIRST_PAGES, DAY, 'today', 100, 10)).toBe(10);
    expect(shownCount(FIRST_PAGES, DAY, 'today', 100, 0)).toBe(1);
    expect(shownCount(FIRST_PAGES, DAY, 'today', 7.9)).toBe(7);
    expect(shownCount(FIRST_PAGES, DAY, 'today', -3)).toBe(0);
  });
});

describe('showMore', () => {
  it('adds a page at a time, then the rest: 50, 100, 120 of 120', () => {
    let paging = FIRST_PAGES;
    expect(shownCount(paging, DAY, 'overdue', 120)).toBe(50);
    paging = showMore(paging, DAY, 'overdue', 120);
    expect(paging).toEqual({ date: DAY, asked: { overdue: 100 } });
    expect(shownCount(paging, DAY, 'overdue', 120)).toBe(100);
    paging = showMore(paging, DAY, 'overdue', 120);
    expect(shownCount(paging, DAY, 'overdue', 120)).toBe(120);
    expect(paging.asked.overdue).toBe(120);
    // Nothing more to show: asking again changes nothing.
    expect(shownCount(showMore(paging, DAY, 'overdue', 120), DAY, 'overdue', 120)).toBe(120);
  });

  it('keeps the other sections as they are on the same day', () => {
    const paging = showMore({ date: DAY, asked: { today: 100 } }, DAY, 'overdue', 7_883);
    expect(paging).toEqual({ date: DAY, asked: { today: 100, overdue: 100 } });
  });

  it('on another day, starts every section over and adds the page to the first', () => {
    const paging = showMore({ date: DAY, asked: { today: 300, overdue: 400 } }, NEXT_DAY, 'overdue', 7_883);
    expect(paging).toEqual({ date: NEXT_DAY, asked: { overdue: 100 } });
    expect(shownCount(paging, NEXT_DAY, 'today', 7_883)).toBe(50);
  });

  it('adds a page to what a shrunken section shows now, not to what was asked', () => {
    const paging = showMore({ date: DAY, asked: { overdue: 200 } }, DAY, 'overdue', 120);
    expect(shownCount(paging, DAY, 'overdue', 120)).toBe(120);
    expect(shownCount(paging, DAY, 'overdue', 500)).toBe(120);
  });

  it('does not change the paging it is given', () => {
    const paging: Paging = { date: DAY, asked: { overdue: 100 } };
    showMore(paging, DAY, 'overdue', 7_883);
    showMore(paging, NEXT_DAY, 'today', 7_883);
    expect(paging).toEqual({ date: DAY, asked: { overdue: 100 } });
  });

  it('takes another page size', () => {
    const paging = showMore(FIRST_PAGES, DAY, 'today', 100, 10);
    expect(shownCount(paging, DAY, 'today', 100, 10)).toBe(20);
  });
});

describe('when items leave or come back', () => {
  it('keeps the number shown as items are done, so the next hidden one moves up into view', () => {
    const paging = showMore(FIRST_PAGES, DAY, 'overdue', 120);
    // The list read again after each Done: one fewer each time, the same number shown.
    for (const total of [119, 118, 101, 100]) expect(shownCount(paging, DAY, 'overdue', total)).toBe(100);
    expect(shownCount(paging, DAY, 'overdue', 99)).toBe(99);
    expect(shownCount(FIRST_PAGES, DAY, 'overdue', 119)).toBe(50);
  });

  it('shows a whole section again once Undo puts back an item done from it', () => {
    const all = showMore(showMore(FIRST_PAGES, DAY, 'overdue', 120), DAY, 'overdue', 120);
    expect(shownCount(all, DAY, 'overdue', 119)).toBe(119);
    expect(shownCount(all, DAY, 'overdue', 120)).toBe(120);
    expect(moreButton('overdue', shownCount(all, DAY, 'overdue', 120), 120)).toBeNull();
  });
});

describe('reveal', () => {
  it('shows enough of the section that the item at the index is on screen', () => {
    const paging = reveal(FIRST_PAGES, DAY, 'overdue', 72, 120);
    expect(paging).toEqual({ date: DAY, asked: { overdue: 73 } });
    expect(shownCount(paging, DAY, 'overdue', 120)).toBe(73);
  });

  it('leaves the paging as it is when the item is already shown, or not in the section', () => {
    const paging: Paging = { date: DAY, asked: { overdue: 100 } };
    expect(reveal(paging, DAY, 'overdue', 0, 120)).toBe(paging);
    expect(reveal(paging, DAY, 'overdue', 99, 120)).toBe(paging);
    expect(reveal(paging, DAY, 'overdue', 120, 120)).toBe(paging);
    expect(reveal(FIRST_PAGES, DAY, 'today', 10, 30)).toBe(FIRST_PAGES);
  });

  it('keeps what it revealed while the section shrinks and grows again', () => {
    const paging = reveal(FIRST_PAGES, DAY, 'today', 60, 61);
    expect(shownCount(paging, DAY, 'today', 61)).toBe(61);
    expect(shownCount(reveal(paging, DAY, 'today', 2, 3), DAY, 'today', 80)).toBe(61);
  });

  it('counts from one page on another day', () => {
    const paging = reveal({ date: DAY, asked: { overdue: 400 } }, NEXT_DAY, 'overdue', 120, 200);
    expect(paging).toEqual({ date: NEXT_DAY, asked: { overdue: 121 } });
  });
});

describe('moreButton', () => {
  it('offers 50 more while at least 50 remain, naming the section and how many are not shown', () => {
    const button = moreButton('overdue', 50, 7_884, PAGE, GB)!;
    expect(button.visible).toBe('Show 50 more');
    expect(button.name).toBe('Show 50 more overdue reminders (7,834 not shown yet)');
    expect(moreButton('today', 50, 120, PAGE, GB)?.name).toBe('Show 50 more reminders for today (70 not shown yet)');
    expect(moreButton('upcoming', 100, 150, PAGE, GB)?.name).toBe('Show 50 more upcoming reminders (50 not shown yet)');
  });

  it('offers the last ones when fewer than 50 remain', () => {
    expect(moreButton('overdue', 100, 120, PAGE, GB)).toEqual({ visible: 'Show the last 20', name: 'Show the last 20 overdue reminders' });
    expect(moreButton('today', 50, 99, PAGE, GB)?.name).toBe('Show the last 49 reminders for today');
    expect(moreButton('upcoming', 50, 52, PAGE, GB)?.name).toBe('Show the last 2 upcoming reminders');
  });

  it('says "the last one" for a single one', () => {
    expect(moreButton('overdue', 50, 51, PAGE, GB)).toEqual({ visible: 'Show the last one', name: 'Show the last one, an overdue reminder' });
    expect(moreButton('today', 50, 51)?.name).toBe('Show the last one, a reminder for today');
    expect(moreButton('upcoming', 50, 51)?.name).toBe('Show the last one, an upcoming reminder');
  });

  it('starts every name with the words on the button', () => {
    for (const section of ['overdue', 'today', 'upcoming'] as const) {
      for (const total of [51, 52, 99, 100, 101, 7_883]) {
        const button = moreButton(section, 50, total)!;
        expect(button.name.startsWith(`${button.visible} `) || button.name.startsWith(`${button.visible},`)).toBe(true);
      }
    }
  });

  it('offers nothing when the whole section is shown', () => {
    expect(moreButton('overdue', 50, 50)).toBeNull();
    expect(moreButton('overdue', 3, 3)).toBeNull();
    expect(moreButton('overdue', 0, 0)).toBeNull();
    expect(moreButton('overdue', 120, 100)).toBeNull();
  });

  it('writes the numbers the way the app does', () => {
    expect(moreButton('overdue', 50, 12_050)?.name).toBe(
      `Show ${formatNumber(50)} more overdue reminders (${formatNumber(12_000)} not shown yet)`,
    );
    expect(moreButton('overdue', 0, 2_000, 1_000, 'de-DE')).toEqual({
      visible: 'Show 1.000 more',
      name: 'Show 1.000 more overdue reminders (2.000 not shown yet)',
    });
  });

  it('takes another page size', () => {
    expect(moreButton('today', 10, 25, 10, GB)?.visible).toBe('Show 10 more');
    expect(moreButton('today', 20, 25, 10, GB)?.visible).toBe('Show the last 5');
  });
});

// The command palette's words and order: the places (one per sidebar section, and the saved
// segments), the actions, and the customers the core found, ranked against what is typed —
// exact and prefix matches of places and actions first, then customers (in the core's order),
// then places and actions that only contain the text or match a synonym. Matching ignores case
// and accents, like the core's search. Pure: the palette component asks the core for customers
// and runs the chosen command; this module never calls the backend and never produces markup —
// a match is returned as parts of the plain text, for the component to mark.
import type { CustomerMatch } from './bindings/CustomerMatch';
import type { Recipient } from './messageDraft.svelte';
import type { Route } from './router.svelte';

/** What the window does for a chosen entry. */
export type PaletteCommand =
  | { kind: 'go'; route: Route }
  | { kind: 'add-customer' }
  | { kind: 'quick-note' }
  | { kind: 'send-wishes' }
  | { kind: 'write'; customer: Recipient };

/** A command, or (inside the palette) asking whom to write to. */
export type PaletteChoice = PaletteCommand | { kind: 'choose-recipient' };

/** A run of the label's text; `match` runs are what the typed text matched. */
export type Part = { text: string; match: boolean };

export type PaletteEntry = {
  /** Stable across typing: `place/today`, `place/insights/products`, `segment/<id>`, `action/quick-note`, `customer/<id>`. */
  id: string;
  label: string;
  parts: Part[];
  /** What it is, said after the label: "Section", "Saved segment", the company, a shortcut. */
  detail: string;
  choice: PaletteChoice;
  /** A customer's second action (Ctrl/Cmd+Enter): writing to them, or opening their page. */
  alternate: { label: string; command: PaletteCommand } | null;
};

export type PaletteContext = {
  segments: readonly { id: string; name: string }[];
  /** How many of today's wishes are due; null while the daily list is being read. */
  wishesDue: number | null;
  /** The customer whose page is open, offered first for a message. */
  pageCustomer: Recipient | null;
  /** The Quick note's shortcut as this platform writes it. */
  quickNoteKeys: string;
};

/** The sections of the window, in the sidebar's order. A new section gets a line here too. */
export const PLACES: readonly { label: string; route: Route; keywords: readonly string[] }[] = [
  { label: 'Today', route: { name: 'today' }, keywords: ['agenda', 'reminders', 'due', 'birthdays'] },
  { label: 'Customers', route: { name: 'customers' }, keywords: ['people', 'clients', 'list', 'search'] },
  { label: 'Complaints', route: { name: 'complaints' }, keywords: ['policy', 'problems', 'issues', 'acknowledge', 'resolve'] },
  {
    label: 'Insights',
    route: { name: 'insights', tab: 'overview' },
    keywords: ['reports', 'rfm', 'seasons', 'cross-sell', 'revenue', 'drops', 'breakdowns', 'analytics'],
  },
  { label: 'Messages', route: { name: 'messages' }, keywords: ['templates', 'wishes'] },
  { label: 'Settings', route: { name: 'settings' }, keywords: ['preferences', 'notifications', 'business', 'signature'] },
];

/** Parts of a section reached directly: the catalogue and the CSV import in Insights, Your data in Settings. */
export const INNER_PLACES: readonly { label: string; route: Route; detail: string; keywords: readonly string[] }[] = [
  { label: 'Products', route: { name: 'insights', tab: 'products' }, detail: 'In Insights', keywords: ['catalogue', 'catalog', 'prices'] },
  { label: 'Import orders', route: { name: 'insights', tab: 'import' }, detail: 'In Insights', keywords: ['csv', 'purchases', 'upload'] },
  { label: 'Feedback', route: { name: 'insights', tab: 'feedback' }, detail: 'In Insights', keywords: ['nps', 'ratings', 'stars', 'reviews'] },
  {
    label: 'Your data',
    route: { name: 'data' },
    detail: 'In Settings',
    keywords: ['import', 'contacts', 'vcard', 'export', 'backup', 'restore', 'calendar', 'ics', 'privacy'],
  },
];

const MESSAGE_WORDS = ['message', 'email', 'sms', 'whatsapp', 'send', 'congratulate'];

type Candidate = { id: string; label: string; detail: string; keywords: readonly string[]; choice: PaletteChoice };

/** Every place and action, in the order shown before anything is typed. */
function candidates(context: PaletteContext): Candidate[] {
  const places: Candidate[] = PLACES.map((place) => ({
    id: `place/${place.route.name}`,
    label: place.label,
    detail: 'Section',
    keywords: place.keywords,
    choice: { kind: 'go', route: place.route },
  }));
  const inner: Candidate[] = INNER_PLACES.map((place) => ({
    id: `place/${place.route.name === 'insights' ? `insights/${place.route.tab}` : place.route.name}`,
    label: place.label,
    detail: place.detail,
    keywords: place.keywords,
    choice: { kind: 'go', route: place.route },
  }));
  const segments: Candidate[] = context.segments.map((segment) => ({
    id: `segment/${segment.id}`,
    label: segment.name,
    detail: 'Saved segment',
    keywords: ['segment'],
    choice: { kind: 'go', route: { name: 'segment', id: segment.id } },
  }));
  const page = context.pageCustomer;
  const actions: Candidate[] = [
    { id: 'action/add-customer', label: 'Add customer', detail: 'Action', keywords: ['new', 'create'], choice: { kind: 'add-customer' } },
    {
      id: 'action/quick-note',
      label: 'Quick note',
      detail: context.quickNoteKeys,
      keywords: ['log', 'meeting', 'call', 'note'],
      choice: { kind: 'quick-note' },
    },
    {
      id: 'action/send-wishes',
      label: "Send all of today's wishes",
      detail: wishesDetail(context.wishesDue),
      keywords: ['birthdays', 'anniversaries', 'congratulations', 'greetings'],
      choice: { kind: 'send-wishes' },
    },
    ...(page
      ? [
          {
            id: 'action/write-page',
            label: `Write message to ${page.name}`,
            detail: 'Action',
            keywords: MESSAGE_WORDS,
            choice: { kind: 'write', customer: page },
          } satisfies Candidate,
        ]
      : []),
    { id: 'action/write', label: 'Write message to…', detail: 'Action', keywords: MESSAGE_WORDS, choice: { kind: 'choose-recipient' } },
  ];
  return [...places, ...inner, ...segments, ...actions];
}

function wishesDetail(due: number | null): string {
  if (due === null) return 'Action';
  return due === 0 ? 'None due today' : `${due} due`;
}

/**
 * The palette's entries for `query`: with nothing typed, every place and action; else the
 * places and actions whose label starts with it (or whose words start with its words), then
 * `customers` (the core's answer for it), then the weaker matches.
 */
export function paletteEntries(query: string, context: PaletteContext, customers: readonly CustomerMatch[]): PaletteEntry[] {
  const all = candidates(context);
  const typed = normalQuery(query);
  if (typed === '') return all.map((c) => entryOf(c, [{ text: c.label, match: false }], c.detail));
  const ranked = all
    .map((candidate, order) => ({ candidate, order, match: candidateMatch(candidate, typed) }))
    .filter((r) => r.match !== null)
    .sort((a, b) => a.match!.score - b.match!.score || a.order - b.order);
  const entries = ranked.map(({ candidate, match }) => ({ score: match!.score, entry: entryOf(candidate, match!.parts, match!.detail) }));
  return [
    ...entries.filter((e) => e.score <= STRONG).map((e) => e.entry),
    ...customers.map((customer) => customerEntry(customer, typed)),
    ...entries.filter((e) => e.score > STRONG).map((e) => e.entry),
  ];
}

/** The entries while choosing whom to write to: the customers the core found for `query`. */
export function recipientEntries(query: string, customers: readonly CustomerMatch[]): PaletteEntry[] {
  const typed = normalQuery(query);
  return customers.map((customer) => ({
    id: `recipient/${customer.id}`,
    label: customer.name,
    parts: highlight(customer.name, typed),
    detail: customer.company ?? 'Customer',
    choice: { kind: 'write', customer: { id: customer.id, name: customer.name } },
    alternate: { label: 'Open page', command: { kind: 'go', route: { name: 'customer', id: customer.id } } },
  }));
}

function customerEntry(customer: CustomerMatch, typed: string): PaletteEntry {
  return {
    id: `customer/${customer.id}`,
    label: customer.name,
    parts: highlight(customer.name, typed),
    detail: customer.company ?? 'Customer',
    choice: { kind: 'go', route: { name: 'customer', id: customer.id } },
    alternate: { label: 'Write message', command: { kind: 'write', customer: { id: customer.id, name: customer.name } } },
  };
}

function entryOf(candidate: Candidate, parts: Part[], detail: string): PaletteEntry {
  return { id: candidate.id, label: candidate.label, parts, detail, choice: candidate.choice, alternate: null };
}

// Scores: the lower, the better. Up to STRONG, places and actions come before customers.
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIXES = 2;
const STRONG = WORD_PREFIXES;
const CONTAINS = 3;
const KEYWORD = 4;
/** How much must be typed before the text may match inside a word, or a synonym. */
const MIN_LOOSE = 3;

type Match = { score: number; parts: Part[]; detail: string };

function candidateMatch(candidate: Candidate, typed: string): Match | null {
  const label = labelMatch(candidate.label, typed);
  if (label !== null) return { score: label.score, parts: partsOf(candidate.label, label.ranges), detail: candidate.detail };
  // A synonym ("templates" for Messages) is named beside the detail, so the owner sees why it is
  // here. Like a match inside a word, it needs three letters: one or two would bring up half the palette.
  if (typed.length < MIN_LOOSE) return null;
  const terms = typed.split(' ');
  const keyword = candidate.keywords.find((k) => terms.every((t) => words(fold(`${candidate.label} ${k}`)).some((w) => w.startsWith(t))));
  if (keyword === undefined) return null;
  return { score: KEYWORD, parts: [{ text: candidate.label, match: false }], detail: `${candidate.detail} · ${keyword}` };
}

/** How `label` matches the folded query, with the folded ranges that matched. */
function labelMatch(label: string, typed: string): { score: number; ranges: [number, number][] } | null {
  const folded = fold(label);
  if (folded === typed) return { score: EXACT, ranges: [[0, folded.length]] };
  if (folded.startsWith(typed)) return { score: PREFIX, ranges: [[0, typed.length]] };
  const prefixes = wordPrefixRanges(folded, typed.split(' '));
  if (prefixes !== null) return { score: WORD_PREFIXES, ranges: prefixes };
  const at = typed.length >= MIN_LOOSE ? folded.indexOf(typed) : -1;
  if (at >= 0) return { score: CONTAINS, ranges: [[at, at + typed.length]] };
  return null;
}

/** Where each term starts a word of `folded`, or null when one of them starts none. */
function wordPrefixRanges(folded: string, terms: readonly string[]): [number, number][] | null {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const at = wordStarts(folded).find((start) => folded.startsWith(term, start));
    if (at === undefined) return null;
    ranges.push([at, at + term.length]);
  }
  return ranges;
}

/**
 * `text` as parts, with what `query` matched marked: the text's start, the starts of its words,
 * or else anywhere inside it. Unmarked when nothing matches (the core may have matched an email
 * or a nickname the name does not show).
 */
export function highlight(text: string, query: string): Part[] {
  const typed = normalQuery(query);
  if (typed === '') return [{ text, match: false }];
  const match = labelMatch(text, typed);
  if (match !== null) return partsOf(text, match.ranges);
  // Terms in any order, each found somewhere ("berg an" in "Anna Berg").
  const folded = fold(text);
  const ranges: [number, number][] = [];
  for (const term of typed.split(' ')) {
    const at = term.length >= MIN_LOOSE ? folded.indexOf(term) : -1;
    if (at >= 0) ranges.push([at, at + term.length]);
  }
  return partsOf(text, ranges);
}

/** Text in lower case without accents ("Åsa Ölund" → "asa olund"), as the palette compares it. */
export function fold(text: string): string {
  return folding(text).folded;
}

/** The folded text, and for each of its code units the span of `text` it came from. */
function folding(text: string): { folded: string; start: number[]; end: number[] } {
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const char of text) {
    const f = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < f.length; i++) {
      start.push(at);
      end.push(at + char.length);
    }
    folded += f;
    at += char.length;
  }
  return { folded, start, end };
}

/** `text` cut into parts, marking the folded `ranges` (mapped back onto the original text). */
function partsOf(text: string, ranges: readonly [number, number][]): Part[] {
  const { start, end } = folding(text);
  const spans = ranges
    .filter(([a, b]) => b > a && a < start.length)
    .map(([a, b]): [number, number] => [start[a], end[Math.min(b, end.length) - 1]])
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  const parts: Part[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) parts.push({ text: text.slice(at, a), match: false });
    parts.push({ text: text.slice(a, b), match: true });
    at = b;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), match: false });
  return parts;
}

function normalQuery(query: string): string {
  return fold(query).trim().split(/\s+/).filter(Boolean).join(' ');
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

function wordStarts(folded: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (isWordChar(folded[i]) && (i === 0 || !isWordChar(folded[i - 1]))) starts.push(i);
  }
  return starts;
}

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

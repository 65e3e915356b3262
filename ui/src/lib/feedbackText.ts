// How feedback and complaints read: stars and their words ("4 out of 5"), "would recommend 9/10",
// NPS and average ratings, a complaint's status, severity, what the policy asks of it next
// ("Acknowledge by Wed 18 Nov"), how its resolution went, the times of its steps, and the
// written policy with its day counts filled in. Display only: which step comes next, deadlines,
// overdue, resolution days and every figure are the core's; this module only puts them in words.
import type { Complaint } from './bindings/Complaint';
import type { ComplaintStatus } from './bindings/ComplaintStatus';
import type { ComplaintView } from './bindings/ComplaintView';
import type { Severity } from './bindings/Severity';
import type { Stage } from './bindings/Stage';
import { shortDay } from './agendaText';
import { formatMoment } from './format';
import { dayCount, longDate } from './insightText';
import { labelFor } from './labels';

type Locales = string | string[] | undefined;

/** The highest rating: ratings are 1 to 5 stars. */
export const MAX_RATING = 5;

/** What each number of stars means, in the owner's words (the core's scale: 1 poor to 5 excellent). */
export const RATING_WORDS: readonly string[] = ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

export const SEVERITIES: readonly { value: Severity; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];

export const COMPLAINT_STATUSES: readonly { value: ComplaintStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'closed', label: 'Closed' },
];

/** "4 out of 5": a rating as a screen reader and the owner read it. */
export function ratingText(rating: number, locales?: Locales): string {
  const number = new Intl.NumberFormat(locales);
  return `${number.format(rating)} out of ${number.format(MAX_RATING)}`;
}

/** "★★★★☆" for 4: what the eye sees (hidden from screen readers, which hear `ratingText`). */
export function stars(rating: number): string {
  const filled = Math.max(0, Math.min(MAX_RATING, Math.round(rating)));
  return '★'.repeat(filled) + '☆'.repeat(MAX_RATING - filled);
}

/** "Very good" for 4; empty for a number off the scale. */
export function ratingWord(rating: number): string {
  return RATING_WORDS[rating - 1] ?? '';
}

/** "would recommend 9/10": the answer to "How likely are you to recommend us?". */
export function recommendText(nps: number, locales?: Locales): string {
  return `would recommend ${new Intl.NumberFormat(locales).format(nps)}/10`;
}

/** An average rating from the core (4.333…) as "4.3 out of 5". */
export function averageRatingText(average: number, locales?: Locales): string {
  const one = new Intl.NumberFormat(locales, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${one.format(average)} out of ${new Intl.NumberFormat(locales).format(MAX_RATING)}`;
}

/** A Net Promoter Score from the core (−100 to 100) rounded, with its sign: "+42", "−10", "0". */
export function npsText(nps: number, locales?: Locales): string {
  return new Intl.NumberFormat(locales, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(Math.round(nps));
}

export function severityLabel(severity: Severity): string {
  return labelFor(SEVERITIES, severity);
}

export function statusLabel(status: ComplaintStatus): string {
  return labelFor(COMPLAINT_STATUSES, status);
}

/** The step's button: "Acknowledge", "Resolve". */
export function stageVerb(stage: Stage): string {
  return stage === 'acknowledge' ? 'Acknowledge' : 'Resolve';
}

/**
 * What the policy asks of a pending complaint next, by when: "Acknowledge by Wed 18 Nov",
 * "Resolve by Mon 23 Nov"; null once it is resolved or closed. Whether it is overdue is the
 * core's `overdue`, shown beside it.
 */
export function nextStepText(complaint: ComplaintView, locales?: Locales): string | null {
  if (complaint.next === null) return null;
  const by = complaint.next === 'acknowledge' ? complaint.acknowledge_by : complaint.resolve_by;
  return `${stageVerb(complaint.next)} by ${shortDay(by, locales)}`;
}

/**
 * How resolving went, once it is resolved: "Resolved in 3 days, within the policy" or
 * "Resolved in 9 days, later than the policy"; null while it is pending.
 */
export function resolutionText(complaint: ComplaintView, locales?: Locales): string | null {
  if (complaint.resolution_days === null) return null;
  const took = complaint.resolution_days === 0 ? 'Resolved the same day' : `Resolved in ${dayCount(complaint.resolution_days, locales)}`;
  if (complaint.within_policy === null) return took;
  return `${took}, ${complaint.within_policy ? 'within the policy' : 'later than the policy'}`;
}

/** How long ago the customer complained: "today", "yesterday", "5 days ago". */
export function ageText(days: number, locales?: Locales): string {
  return new Intl.RelativeTimeFormat(locales, { numeric: 'auto' }).format(-days, 'day');
}

/** A number of days from the core (2.5) as "2.5 days", "1 day". */
export function daysText(days: number, locales?: Locales): string {
  const number = new Intl.NumberFormat(locales, { maximumFractionDigits: 1 }).format(days);
  return `${number} ${days === 1 ? 'day' : 'days'}`;
}

export type ComplaintStep = {
  label: string;
  /** What `datetime` the step's <time> carries. */
  datetime: string;
  /** The day (complained) or the moment (every later step) in the owner's locale. */
  text: string;
};

/** The steps the complaint has been through, in order, each with its day or time. */
export function complaintSteps(complaint: Complaint, locales?: Locales, timeZone?: string): ComplaintStep[] {
  const steps: ComplaintStep[] = [{ label: 'Complained', datetime: complaint.opened_on, text: longDate(complaint.opened_on, locales) }];
  const moments: [string, string | null][] = [
    ['Acknowledged', complaint.acknowledged_at],
    ['Resolved', complaint.resolved_at],
    ['Closed', complaint.closed_at],
  ];
  for (const [label, at] of moments) {
    if (at !== null) steps.push({ label, datetime: at, text: formatMoment(at, locales, timeZone) });
  }
  return steps;
}

/**
 * The written policy as customers will read it, for a live preview while it is edited:
 * `{acknowledge}` and `{resolve}` filled in as the core fills them (`ComplaintPolicy::
 * text_for_customers`), or left as they are while their box holds no number. The core's
 * `policy_text` is what is shown and copied elsewhere.
 */
export function policyPreview(text: string, acknowledgeDays: number | null, resolveDays: number | null): string {
  const fill = (days: number | null, placeholder: string) => (typeof days === 'number' && Number.isFinite(days) ? String(days) : placeholder);
  return text
    .replaceAll('{acknowledge}', fill(acknowledgeDays, '{acknowledge}'))
    .replaceAll('{resolve}', fill(resolveDays, '{resolve}'));
}

/** How a customer heard about the business, as recorded; "Not recorded" when it was not. */
export function sourceName(source: string | null): string {
  return source === null || source.trim() === '' ? 'Not recorded' : source;
}

// The Record feedback and Open a complaint forms: what their boxes hold, the drafts they send
// (`FeedbackDraft`, `ComplaintDraft`), the fields the core names in its errors, and the one check
// a form makes itself — that the recommendation box holds a whole number the core can receive at
// all. Every rule about the values (a rating of 1–5, a score of 0–10, something given, a summary,
// no day in the future) is the core's, shown beside the field it names.
import type { Channel } from './bindings/Channel';
import type { ComplaintDraft } from './bindings/ComplaintDraft';
import type { FeedbackDraft } from './bindings/FeedbackDraft';
import type { Severity } from './bindings/Severity';

export type FieldProblem = { field: string; message: string };

export type FeedbackValues = {
  /** `YYYY-MM-DD`. */
  date: string;
  /** 1–5 stars, or null for no rating. */
  rating: number | null;
  /** "How likely to recommend us", as typed (0–10, or empty). */
  nps: string;
  /** Empty: not recorded. */
  channel: Channel | '';
  text: string;
};

export function newFeedbackValues(today: string): FeedbackValues {
  return { date: today, rating: null, nps: '', channel: '', text: '' };
}

/** The fields of the feedback form, by the names the core gives them. */
export const FEEDBACK_FIELDS: ReadonlySet<string> = new Set(['date', 'rating', 'nps', 'channel', 'text']);

/** A recommendation score typed as a whole number; null when the box is empty. */
function typedScore(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The problem with a box the core could not receive at all, or null when all can be sent. */
export function unsendableFeedback(values: FeedbackValues): FieldProblem | null {
  if (typedScore(values.nps) === undefined) return { field: 'nps', message: 'Enter a whole number from 0 to 10, or leave it empty.' };
  return null;
}

/** The draft to send: empty boxes as null; the range of each score is for the core to judge. */
export function feedbackDraft(values: FeedbackValues): FeedbackDraft {
  const text = values.text.trim();
  return {
    date: values.date.trim() === '' ? null : values.date.trim(),
    rating: values.rating,
    nps: typedScore(values.nps) ?? null,
    channel: values.channel === '' ? null : values.channel,
    text: text === '' ? null : text,
    order_id: null,
  };
}

export type ComplaintValues = {
  /** `YYYY-MM-DD`: the day they complained. */
  date: string;
  summary: string;
  severity: Severity;
  channel: Channel | '';
};

export function newComplaintValues(today: string): ComplaintValues {
  return { date: today, summary: '', severity: 'medium', channel: '' };
}

/** The fields of the complaint form, by the names the core gives them. */
export const COMPLAINT_FIELDS: ReadonlySet<string> = new Set(['date', 'summary', 'severity', 'channel']);

export function complaintDraft(values: ComplaintValues): ComplaintDraft {
  return {
    date: values.date.trim() === '' ? null : values.date.trim(),
    channel: values.channel === '' ? null : values.channel,
    summary: values.summary.trim(),
    severity: values.severity,
  };
}

// How feedback and complaints read: stars in words, scores, the policy's next step and how
// resolving went, each step's time, and the written policy's preview.
import { describe, expect, it } from 'vitest';
import { complaintView } from '../test-fixtures';
import {
  ageText,
  averageRatingText,
  complaintSteps,
  daysText,
  nextStepText,
  npsText,
  policyPreview,
  ratingText,
  ratingWord,
  recommendText,
  resolutionText,
  severityLabel,
  sourceName,
  stars,
  statusLabel,
} from './feedbackText';
import { formatMoment } from './format';

const GB = 'en-GB';

describe('ratings and scores', () => {
  it('says a rating in words for screen readers and shows it as stars for the eye', () => {
    expect(ratingText(4, GB)).toBe('4 out of 5');
    expect(stars(4)).toBe('★★★★☆');
    expect(stars(1)).toBe('★☆☆☆☆');
    expect(stars(5)).toBe('★★★★★');
    expect(ratingWord(4)).toBe('Very good');
    expect(ratingWord(1)).toBe('Poor');
    expect(ratingWord(9)).toBe('');
  });

  it('writes a recommendation score, an average and a rounded NPS with its sign', () => {
    expect(recommendText(9, GB)).toBe('would recommend 9/10');
    expect(averageRatingText(4.333, GB)).toBe('4.3 out of 5');
    expect(averageRatingText(4, GB)).toBe('4.0 out of 5');
    expect(npsText(16.67, GB)).toBe('+17');
    expect(npsText(-9.4, GB)).toBe('-9');
    expect(npsText(0, GB)).toBe('0');
    expect(npsText(100, GB)).toBe('+100');
  });

  it('names a customer whose source is unknown', () => {
    expect(sourceName('Instagram')).toBe('Instagram');
    expect(sourceName(null)).toBe('Not recorded');
    expect(sourceName('  ')).toBe('Not recorded');
  });
});

describe('complaints', () => {
  it('names statuses and severities in words', () => {
    expect(statusLabel('acknowledged')).toBe('Acknowledged');
    expect(severityLabel('high')).toBe('High');
  });

  it("says the policy's next step and its deadline, nothing once resolved", () => {
    expect(nextStepText(complaintView({ acknowledge_by: '2025-11-18' }), GB)).toBe('Acknowledge by Tue 18 Nov');
    expect(nextStepText(complaintView({ status: 'acknowledged', next: 'resolve', resolve_by: '2025-11-23' }), GB)).toBe('Resolve by Sun 23 Nov');
    expect(nextStepText(complaintView({ status: 'resolved', next: null }), GB)).toBeNull();
  });

  it('says how resolving went against the policy', () => {
    const resolved = { status: 'resolved', next: null } as const;
    expect(resolutionText(complaintView({ ...resolved, resolution_days: 3, within_policy: true }), GB)).toBe('Resolved in 3 days, within the policy');
    expect(resolutionText(complaintView({ ...resolved, resolution_days: 1, within_policy: true }), GB)).toBe('Resolved in 1 day, within the policy');
    expect(resolutionText(complaintView({ ...resolved, resolution_days: 0, within_policy: true }), GB)).toBe('Resolved the same day, within the policy');
    expect(resolutionText(complaintView({ ...resolved, resolution_days: 9, within_policy: false }), GB)).toBe('Resolved in 9 days, later than the policy');
    expect(resolutionText(complaintView(), GB)).toBeNull();
  });

  it('lists the steps taken, the day they complained and the moment of each later step', () => {
    const complaint = complaintView({
      opened_on: '2025-11-16',
      acknowledged_at: '2025-11-17T09:30:00Z',
      resolved_at: '2025-11-18T14:00:00Z',
    });
    expect(complaintSteps(complaint, GB, 'UTC')).toEqual([
      { label: 'Complained', datetime: '2025-11-16', text: '16 November 2025' },
      { label: 'Acknowledged', datetime: '2025-11-17T09:30:00Z', text: formatMoment('2025-11-17T09:30:00Z', GB, 'UTC') },
      { label: 'Resolved', datetime: '2025-11-18T14:00:00Z', text: formatMoment('2025-11-18T14:00:00Z', GB, 'UTC') },
    ]);
  });

  it('says how long ago and how many days', () => {
    expect(ageText(0, GB)).toBe('today');
    expect(ageText(1, GB)).toBe('yesterday');
    expect(ageText(5, GB)).toBe('5 days ago');
    expect(daysText(6.5, GB)).toBe('6.5 days');
    expect(daysText(1, GB)).toBe('1 day');
    expect(daysText(2.25, GB)).toBe('2.3 days');
  });
});

describe('the policy preview', () => {
  it('fills in the days wherever the placeholders are, as the core does', () => {
    expect(policyPreview('Within {acknowledge} days, resolved within {resolve}; {acknowledge} again.', 2, 7)).toBe(
      'Within 2 days, resolved within 7; 2 again.',
    );
  });

  it('leaves a placeholder as it is while its box holds no number', () => {
    expect(policyPreview('{acknowledge} and {resolve}', null, 7)).toBe('{acknowledge} and 7');
  });
});

// The feedback and complaint forms send what the owner typed; every rule is the core's.
import { expect, it } from 'vitest';
import { complaintDraft, feedbackDraft, FEEDBACK_FIELDS, newComplaintValues, newFeedbackValues, unsendableFeedback } from './feedbackForm';

it('starts feedback on today with nothing rated', () => {
  expect(newFeedbackValues('2025-11-24')).toEqual({ date: '2025-11-24', rating: null, nps: '', channel: '', text: '' });
});

it('sends empty boxes as null and a typed score as a number, leaving its range to the core', () => {
  expect(feedbackDraft({ date: '2025-11-20', rating: 4, nps: ' 9 ', channel: 'phone', text: '  Lovely bread ' })).toEqual({
    date: '2025-11-20',
    rating: 4,
    nps: 9,
    channel: 'phone',
    text: 'Lovely bread',
    order_id: null,
  });
  expect(feedbackDraft({ date: '', rating: null, nps: '', channel: '', text: '   ' })).toEqual({
    date: null,
    rating: null,
    nps: null,
    channel: null,
    text: null,
    order_id: null,
  });
  expect(feedbackDraft({ ...newFeedbackValues('2025-11-24'), nps: '11' }).nps).toBe(11);
  expect(unsendableFeedback({ ...newFeedbackValues('2025-11-24'), nps: '11' })).toBeNull();
});

it('stops a score that is not a whole number before sending it', () => {
  expect(unsendableFeedback({ ...newFeedbackValues('2025-11-24'), nps: '7.5' })).toEqual({
    field: 'nps',
    message: 'Enter a whole number from 0 to 10, or leave it empty.',
  });
  expect(unsendableFeedback({ ...newFeedbackValues('2025-11-24'), nps: 'nine' })?.field).toBe('nps');
  expect(unsendableFeedback(newFeedbackValues('2025-11-24'))).toBeNull();
});

it('knows the fields the core names', () => {
  expect([...FEEDBACK_FIELDS]).toEqual(['date', 'rating', 'nps', 'channel', 'text']);
});

it('opens a complaint of medium severity on today, sending the summary trimmed', () => {
  const values = newComplaintValues('2025-11-24');
  expect(values).toEqual({ date: '2025-11-24', summary: '', severity: 'medium', channel: '' });
  expect(complaintDraft({ ...values, summary: '  The cake was late ', severity: 'high', channel: 'email' })).toEqual({
    date: '2025-11-24',
    channel: 'email',
    summary: 'The cake was late',
    severity: 'high',
  });
  expect(complaintDraft({ ...values, date: '' })).toEqual({ date: null, channel: null, summary: '', severity: 'medium' });
});

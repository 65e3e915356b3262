// The Quick note's draft: what is kept, how it reads back, and what the desk does with it.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { draftText, emptyComposition, QuickNoteDesk, readDraft, type Composition } from './quickNote.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna = { id: 'c-anna', name: 'Anna Berg' };
const note: Composition = { customer: anna, kind: 'call', text: 'Wants **rye**', followUp: '2025-12-01' };

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockResolvedValue(null);
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('draftText and readDraft', () => {
  it('round-trips everything the composer holds', () => {
    expect(readDraft(draftText(note))).toEqual(note);
  });

  it('keeps nothing when no text or follow-up was typed', () => {
    expect(draftText(emptyComposition(anna))).toBe('');
    expect(draftText({ ...emptyComposition(anna), text: '   ' })).toBe('');
  });

  it('keeps a follow-up even without text', () => {
    expect(readDraft(draftText({ ...emptyComposition(), followUp: '2025-12-01' })).followUp).toBe('2025-12-01');
  });

  it('reads text that is not JSON as the note text', () => {
    expect(readDraft('Met Anna {at the market')).toEqual({ ...emptyComposition(), text: 'Met Anna {at the market' });
  });

  it('reads JSON of another shape as the note text, never losing it', () => {
    expect(readDraft('"just a string"').text).toBe('"just a string"');
    expect(readDraft('[1, 2]').text).toBe('[1, 2]');
    expect(readDraft('{"note": "old format"}').text).toBe('{"note": "old format"}');
    expect(readDraft('null').text).toBe('null');
  });

  it('repairs damaged parts instead of failing', () => {
    const read = readDraft(JSON.stringify({ text: 'Hi', kind: 'telegram', customer: { id: 3 }, follow_up: 7 }));
    expect(read).toEqual({ customer: null, kind: 'meeting', text: 'Hi', followUp: '' });
  });
});

describe('QuickNoteDesk', () => {
  it('reads a stored draft at start', async () => {
    invokeMock.mockResolvedValue(draftText(note));
    const desk = new QuickNoteDesk();
    await desk.loadDraft();
    expect(invokeMock).toHaveBeenCalledWith('quick_note_draft', undefined);
    expect(desk.draft).toEqual(note);
  });

  it('has no draft when the core has none, or cannot say', async () => {
    const desk = new QuickNoteDesk();
    await desk.loadDraft();
    expect(desk.draft).toBeNull();
    invokeMock.mockRejectedValue({ kind: 'already-open', field: null, message: 'Locked.' });
    await desk.loadDraft();
    expect(desk.draft).toBeNull();
  });

  it('waits for the earlier draft before opening, so it can never be overwritten', async () => {
    let finish: (value: string) => void = () => {};
    invokeMock.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    const desk = new QuickNoteDesk();
    const loading = desk.loadDraft();
    desk.open(anna);
    expect(desk.composing).toBeNull();
    finish(draftText(note));
    await loading;
    expect(desk.composing).toEqual(note);
  });

  it('opens empty, with the customer whose page is open', () => {
    const desk = new QuickNoteDesk();
    desk.pageCustomer = anna;
    desk.open();
    expect(desk.composing).toEqual(emptyComposition(anna));
  });

  it('continues an unsaved draft instead of replacing it', () => {
    const desk = new QuickNoteDesk();
    desk.draft = note;
    desk.open({ id: 'c-bo', name: 'Bo' });
    expect(desk.composing).toEqual(note);
  });

  it('gives a draft without a customer the preselected one', () => {
    const desk = new QuickNoteDesk();
    desk.draft = { ...note, customer: null };
    desk.open(anna);
    expect(desk.composing).toEqual(note);
  });

  it('keeps what was typed as a draft when put aside', async () => {
    const desk = new QuickNoteDesk();
    desk.open(anna);
    await desk.putAside(note);
    expect(desk.composing).toBeNull();
    expect(desk.draft).toEqual(note);
    expect(invokeMock).toHaveBeenCalledWith('save_quick_note_draft', { text: draftText(note) });
  });

  it('clears the draft after saving and tells the timeline', async () => {
    const desk = new QuickNoteDesk();
    desk.draft = note;
    desk.open();
    await desk.saved(anna);
    expect(desk.composing).toBeNull();
    expect(desk.draft).toBeNull();
    expect(desk.lastSaved).toEqual({ customerId: 'c-anna', serial: 1 });
    expect(invokeMock).toHaveBeenLastCalledWith('save_quick_note_draft', { text: '' });
  });

  it('says why a draft could not be kept', async () => {
    invokeMock.mockRejectedValue({ kind: 'write-failed', field: null, message: 'The disk is full.' });
    const desk = new QuickNoteDesk();
    await desk.putAside(note);
    expect(desk.draftProblem).toBe('The disk is full.');
  });

  it('forgets a deleted customer in the draft but keeps the text', async () => {
    const desk = new QuickNoteDesk();
    desk.draft = note;
    await desk.customerDeleted('c-anna');
    expect(desk.draft).toEqual({ ...note, customer: null });
  });
});

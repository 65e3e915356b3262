// Ctrl+Shift+N (⌘⇧N on macOS) opens the Quick note; nothing else does. Ctrl/Cmd+Z undoes on the
// daily list, except where text is typed.
import { describe, expect, it } from 'vitest';
import { isMac, isQuickNoteShortcut, isTextEntry, isUndoShortcut, quickNoteShortcutLabel, undoKeyShortcuts } from './shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('isQuickNoteShortcut', () => {
  it('accepts Ctrl+Shift+N and Cmd+Shift+N', () => {
    expect(isQuickNoteShortcut(key('N', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isQuickNoteShortcut(key('n', { metaKey: true, shiftKey: true }))).toBe(true);
  });

  it('ignores N without Shift, without Ctrl/Cmd, or with Alt', () => {
    expect(isQuickNoteShortcut(key('n', { ctrlKey: true }))).toBe(false);
    expect(isQuickNoteShortcut(key('N', { shiftKey: true }))).toBe(false);
    expect(isQuickNoteShortcut(key('N', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(isQuickNoteShortcut(key('M', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
});

describe('labels', () => {
  it('reads the platform', () => {
    expect(isMac('MacIntel')).toBe(true);
    expect(isMac('Linux x86_64')).toBe(false);
    expect(quickNoteShortcutLabel(true)).toBe('⌘⇧N');
    expect(quickNoteShortcutLabel(false)).toBe('Ctrl+Shift+N');
  });
});

describe('isUndoShortcut', () => {
  it('accepts Ctrl+Z and Cmd+Z only', () => {
    expect(isUndoShortcut(key('z', { ctrlKey: true }))).toBe(true);
    expect(isUndoShortcut(key('Z', { metaKey: true }))).toBe(true);
    expect(isUndoShortcut(key('z', {}))).toBe(false);
    expect(isUndoShortcut(key('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isUndoShortcut(key('y', { ctrlKey: true }))).toBe(false);
    expect(undoKeyShortcuts(false)).toBe('Control+Z');
    expect(undoKeyShortcuts(true)).toBe('Meta+Z');
  });
});

describe('isTextEntry', () => {
  it('is true for fields that take typing, false for buttons, checkboxes and the page', () => {
    const el = (tag: string, type?: string) => {
      const element = document.createElement(tag);
      if (type) element.setAttribute('type', type);
      return element;
    };
    expect(isTextEntry(el('input', 'text'))).toBe(true);
    expect(isTextEntry(el('input', 'date'))).toBe(true);
    expect(isTextEntry(el('textarea'))).toBe(true);
    expect(isTextEntry(el('select'))).toBe(true);
    expect(isTextEntry(el('input', 'checkbox'))).toBe(false);
    expect(isTextEntry(el('button'))).toBe(false);
    expect(isTextEntry(el('li'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

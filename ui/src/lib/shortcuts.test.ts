// Ctrl+Shift+N (⌘⇧N on macOS) opens the Quick note; nothing else does. Ctrl+K (⌘K on macOS)
// opens the command palette. Ctrl/Cmd+Z undoes on the daily list, except where text is typed.
import { describe, expect, it } from 'vitest';
import {
  alternateEnterLabel,
  isMac,
  isPaletteShortcut,
  isQuickNoteShortcut,
  isTextEntry,
  isUndoShortcut,
  paletteKeyShortcuts,
  paletteShortcutLabel,
  quickNoteShortcutLabel,
  undoKeyShortcuts,
} from './shortcuts';

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

describe('isPaletteShortcut', () => {
  it('accepts Ctrl+K on Windows and Linux, and ⌘K on macOS', () => {
    expect(isPaletteShortcut(key('k', { ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key('K', { ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key('k', { metaKey: true }), true)).toBe(true);
  });

  it('leaves Ctrl+K to macOS text fields, and ignores Shift, Alt and other keys', () => {
    expect(isPaletteShortcut(key('k', { ctrlKey: true }), true)).toBe(false);
    expect(isPaletteShortcut(key('k', { metaKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key('k', {}), false)).toBe(false);
    expect(isPaletteShortcut(key('j', { ctrlKey: true }), false)).toBe(false);
  });

  it('reads as the platform writes it', () => {
    expect(paletteShortcutLabel(false)).toBe('Ctrl+K');
    expect(paletteShortcutLabel(true)).toBe('⌘K');
    expect(paletteKeyShortcuts(false)).toBe('Control+K');
    expect(paletteKeyShortcuts(true)).toBe('Meta+K');
    expect(alternateEnterLabel(false)).toBe('Ctrl+Enter');
    expect(alternateEnterLabel(true)).toBe('⌘↩');
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

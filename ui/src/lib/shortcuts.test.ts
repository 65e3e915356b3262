// Ctrl+Shift+N (⌘⇧N on macOS) opens the Quick note; nothing else does.
import { describe, expect, it } from 'vitest';
import { isMac, isQuickNoteShortcut, quickNoteShortcutLabel } from './shortcuts';

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

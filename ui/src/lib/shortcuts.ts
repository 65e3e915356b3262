// The keyboard shortcuts and how to write them for this computer (Ctrl on Windows and Linux,
// ⌘ on macOS). Pure: the platform is a parameter.

/** Ctrl+Shift+N, or Cmd+Shift+N on macOS: open the Quick note. */
export function isQuickNoteShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'n';
}

/** True on macOS, judged from the browser's platform string. */
export function isMac(platform: string): boolean {
  return /mac/i.test(platform);
}

/** How the Quick note shortcut reads on this platform. */
export function quickNoteShortcutLabel(mac: boolean): string {
  return mac ? '⌘⇧N' : 'Ctrl+Shift+N';
}

/** The shortcut for `aria-keyshortcuts`. */
export function quickNoteKeyShortcuts(mac: boolean): string {
  return mac ? 'Meta+Shift+N' : 'Control+Shift+N';
}

/**
 * Ctrl+K, or ⌘K on macOS: open the command palette. Only the platform's own modifier counts,
 * so Ctrl+K keeps deleting to the end of the line in a macOS text field.
 */
export function isPaletteShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  mac: boolean,
): boolean {
  const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return modifier && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k';
}

/** How the command palette's shortcut reads on this platform. */
export function paletteShortcutLabel(mac: boolean): string {
  return mac ? '⌘K' : 'Ctrl+K';
}

/** The palette's shortcut for `aria-keyshortcuts`. */
export function paletteKeyShortcuts(mac: boolean): string {
  return mac ? 'Meta+K' : 'Control+K';
}

/** How "Ctrl+Enter" (⌘↩ on macOS), the palette's second action on a result, reads. */
export function alternateEnterLabel(mac: boolean): string {
  return mac ? '⌘↩' : 'Ctrl+Enter';
}

/** Ctrl+Z, or Cmd+Z on macOS: undo the last action on the daily list. */
export function isUndoShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
}

/** The undo shortcut for `aria-keyshortcuts`. */
export function undoKeyShortcuts(mac: boolean): string {
  return mac ? 'Meta+Z' : 'Control+Z';
}

/**
 * Whether `target` takes typed text, where Ctrl+Z and single-letter keys belong to the field
 * (undoing typing, entering a "d"), not to the page.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'reset', 'submit', 'image', 'range', 'color'].includes(target.type);
}

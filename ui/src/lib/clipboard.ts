// Putting text on the clipboard: the browser's clipboard where the window may use it, else the
// older way — selecting the text where it is shown (a text box, or any element) and copying the
// selection. Says whether it worked, so the caller can tell the owner to copy it themselves.

/** Copies `text`; when the clipboard is refused, selects `shownIn` and copies that instead. */
export async function copyText(text: string, shownIn?: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed here: try the older way below.
  }
  if (!shownIn) return false;
  if (shownIn instanceof HTMLTextAreaElement || shownIn instanceof HTMLInputElement) {
    shownIn.focus();
    shownIn.select();
  } else {
    const range = document.createRange();
    range.selectNodeContents(shownIn);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

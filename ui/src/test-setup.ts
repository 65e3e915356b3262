// Vitest setup: DOM matchers (toBeInTheDocument…), unmounting components after each test, and
// the parts jsdom lacks: <dialog>'s showModal, close and its "close" event; and a canvas that
// cannot draw, quietly (charts then show their tables).
import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';

if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.hasAttribute('open')) return;
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

if (typeof HTMLCanvasElement !== 'undefined') {
  // jsdom's own getContext logs "not implemented" and returns null; this returns null silently.
  (HTMLCanvasElement.prototype as unknown as { getContext: () => null }).getContext = () => null;
}

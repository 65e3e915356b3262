// Shows a <dialog> as a modal: the rest of the window becomes inert and Escape closes it.
// Call it from `onMount` and return its result, so the dialog closes and focus returns where
// it was when the component goes away. Focus the right control after calling it.

export function modal(dialog: HTMLDialogElement): () => void {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  if (!dialog.open) dialog.showModal();
  return () => {
    if (dialog.open) dialog.close();
    if (previous?.isConnected) previous.focus();
  };
}

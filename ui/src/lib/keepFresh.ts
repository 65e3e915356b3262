// Keeps something read from the core current while the window stays open for days: asks again
// when the window regains focus or becomes visible (the owner comes back, a notification was
// clicked) and every minute, so the daily list turns over soon after midnight.
// Returns the function that stops it; call it from `onMount` and return that.

/** How often to ask again while nothing else prompts it. */
export const REFRESH_EVERY_MS = 60_000;

export function keepFresh(refresh: () => void, everyMs = REFRESH_EVERY_MS): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  window.addEventListener('focus', refresh);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(refresh, everyMs);
  return () => {
    window.removeEventListener('focus', refresh);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}

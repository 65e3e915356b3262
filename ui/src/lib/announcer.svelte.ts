// One polite voice for the whole window: "Note saved for Anna Berg.", "Deleted Bo.". The App
// shows the current message in a role="status" region, so screen readers read it out too.

export class Announcer {
  message = $state('');
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly showFor = 6000) {}

  announce(message: string): void {
    this.message = message;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.message = '';
      this.#timer = null;
    }, this.showFor);
  }
}

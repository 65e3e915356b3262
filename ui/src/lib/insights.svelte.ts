// The Insights view's data: what the core's analysis of every order says as of a day (today, or
// one the owner picks to replay history), or why it could not be read. The insights on screen
// stay while another day is read; an answer for a day no longer asked about is dropped.
import { asApiError, insights } from './api';
import type { ErrorReport } from './bindings/ErrorReport';
import type { Insights } from './bindings/Insights';

export type InsightsState =
  | { status: 'loading' }
  | { status: 'ready'; insights: Insights }
  | { status: 'failed'; report: ErrorReport };

export class InsightsReport {
  state: InsightsState = $state.raw({ status: 'loading' });
  /** The day analysed, `YYYY-MM-DD`; null for today. */
  asOf: string | null = $state(null);
  /** A read is under way (the last answer is still shown). */
  reading = $state(false);
  /** Why the day asked for was refused (`field` `as_of`), while the last good answer stays. */
  asOfError: string | null = $state(null);
  #asked = 0;

  /** Reads the insights as of `asOf` (null: today); without an argument, the same day again. */
  async read(asOf: string | null = this.asOf): Promise<void> {
    const asked = ++this.#asked;
    this.asOf = asOf;
    this.reading = true;
    try {
      const answer = await insights(asOf);
      if (asked !== this.#asked) return;
      this.state = { status: 'ready', insights: answer };
      this.asOfError = null;
    } catch (e) {
      if (asked !== this.#asked) return;
      const report = asApiError(e).report;
      if (report.field === 'as_of' && this.state.status === 'ready') this.asOfError = report.message;
      else this.state = { status: 'failed', report };
    } finally {
      if (asked === this.#asked) this.reading = false;
    }
  }
}

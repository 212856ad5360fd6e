/**
 * A task attempt in flight, as the execution's driver tracks it: whether
 * the integration is still working, a callback that came before its answer,
 * the hold it keeps on a virtual clock, and its AbortSignal.
 */
import type { Activation } from "./activation.js";

export class TaskAttempt {
  /** True while the integration's promise is pending. */
  invoking: boolean;
  /** A callback that arrived before the integration answered is delivered after it. */
  pendingCallback: Activation | undefined = undefined;
  #controller: AbortController | undefined;
  #abortReason: Error | undefined;
  /** The attempt's hold on a virtual clock (its `TaskClock`), released once. */
  #hold: { done(): void } | undefined;

  constructor(invoking: boolean, hold?: { done(): void }) {
    this.invoking = invoking;
    this.#hold = hold;
  }

  /**
   * Made on first use: most integrations never look at it, and an
   * AbortController costs more than the rest of an attempt's bookkeeping.
   * Asked for after the attempt was aborted, it is already aborted.
   */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#abortReason) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  abort(reason: Error): void {
    if (this.#abortReason) return;
    this.#abortReason = reason;
    this.#controller?.abort(reason);
  }

  /** Lets a virtual clock move again (once). */
  releaseHold(): void {
    const hold = this.#hold;
    this.#hold = undefined;
    hold?.done();
  }
}

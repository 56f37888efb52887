// Self-throttling per key: Stripe answers a burst above its limit with a bare 429 that the SDK
// does not retry, so no key ever starts more than `perSecond` requests in any one-second window.
import { setTimeout as sleep } from 'node:timers/promises';

export class RateLimiter {
  readonly #limit: number;
  readonly #clock: () => number;
  readonly #sleep: (ms: number) => Promise<unknown>;
  /** Start times (ms) of the requests in the current one-second window, oldest first. */
  readonly #starts: number[] = [];
  /** Callers take their turn in order, so none is starved. */
  #turn: Promise<void> = Promise.resolve();

  constructor(perSecond: number, { clock = () => performance.now(), wait = sleep }: { clock?: () => number; wait?: (ms: number) => Promise<unknown> } = {}) {
    this.#limit = Math.max(1, Math.floor(perSecond));
    this.#clock = clock;
    this.#sleep = wait;
  }

  /** Resolves when a request may start; a burst up to the limit starts at once. */
  acquire(): Promise<void> {
    const turn = this.#turn.then(() => this.#waitForSlot());
    this.#turn = turn;
    return turn;
  }

  async #waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.#clock();
      while (this.#starts.length > 0 && this.#starts[0]! <= now - 1000) this.#starts.shift();
      if (this.#starts.length < this.#limit) {
        this.#starts.push(now);
        return;
      }
      await this.#sleep(this.#starts[0]! + 1000 - now + 1);
    }
  }
}

// Every awaited step of a run is named and bounded. A promise that never settles (a JS config
// exporting one, a socket nobody closes) must not let Node exit with its default code: bin/
// reports the step that never finished, and a step with a deadline ends in a UserError (exit 2).
import { UserError } from './user-error.js';

let current = 'starting';

/** The step the run is in, for the message when the process would end without a verdict. */
export function currentStep(): string {
  return current;
}

export interface StepDeadline {
  readonly ms: number;
  /** What went wrong and what to do, for the UserError. */
  readonly message: string;
  readonly hint: string;
}

/** Run `work` as the named step; past the deadline the step fails with the given message. */
export async function step<T>(name: string, work: () => Promise<T>, deadline?: StepDeadline): Promise<T> {
  const previous = current;
  current = name;
  let timer: NodeJS.Timeout | undefined;
  try {
    if (!deadline) return await work();
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new UserError(deadline.message, deadline.hint)), deadline.ms);
      // The deadline must not keep an otherwise finished process alive.
      timer.unref();
    });
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
    current = previous;
  }
}

/** The whole run's deadline, in ms: IDENTITY_GOLIVE_DEADLINE (seconds) or 10 minutes. */
export function runDeadlineMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.IDENTITY_GOLIVE_DEADLINE);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10 * 60 * 1000;
}

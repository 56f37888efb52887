// A Stripe API double per test, closed after each: `const start = stripeDoublePerTest();`.
// Not for describe.concurrent: afterEach would close the doubles of cases still running.
// (Kept apart from stripe-double.ts, which the bench and demo scripts load outside vitest.)
import { afterEach } from 'vitest';
import { startStripeDouble, type StripeDouble, type StripeDoubleOptions } from './stripe-double.js';

export function stripeDoublePerTest(): (options: StripeDoubleOptions) => Promise<StripeDouble> {
  const started: StripeDouble[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((double) => double.close()));
  });
  return async (options) => {
    const double = await startStripeDouble(options);
    started.push(double);
    return double;
  };
}

// Decide, per Stripe mode, whether to ask Stripe at all (offline, not demanded, no key), then ask
// with that mode's key; a StripeAccessError becomes the mode's failure, never a throw.
import { MODES, type Mode, type PerMode, type StripeArtifactId } from '../../engine/artifacts.js';
import { failed, gathered, type Gathered } from '../../engine/gathered.js';
import type { ArtifactDemand, GatherContext } from '../context.js';
import { stripeAccess, type StripeAccess } from './client.js';
import { StripeAccessError } from './errors.js';
import { keyHint } from './keys.js';

export async function perMode<T>(
  ctx: GatherContext,
  demand: ArtifactDemand,
  artifact: StripeArtifactId,
  gather: (access: StripeAccess, mode: Mode) => Promise<T>,
): Promise<PerMode<T>> {
  const [live, test] = await Promise.all(MODES.map((mode) => forMode(ctx, demand, artifact, mode, gather)));
  return { live: live!, test: test! };
}

async function forMode<T>(
  ctx: GatherContext,
  demand: ArtifactDemand,
  artifact: StripeArtifactId,
  mode: Mode,
  gather: (access: StripeAccess, mode: Mode) => Promise<T>,
): Promise<Gathered<T>> {
  if (ctx.offline) return failed('offline', `--offline: ${mode}-mode ${artifact} was not read from Stripe.`, 'Run without --offline to check it.');
  if (!demand.modes.has(mode)) {
    return failed('not_configured', `${mode}-mode ${artifact} was not requested: no selected rule reads it.`, `Select a rule that reads ${mode}-mode ${artifact} to gather it.`);
  }
  const key = ctx.keys[mode];
  if (!key) return failed('no_key', `No ${mode}-mode Stripe key: ${mode}-mode ${artifact} was not read.`, keyHint(mode));
  ctx.progress?.(`${artifact} (${mode})`);
  try {
    return gathered(await gather(await stripeAccess(ctx, key), mode));
  } catch (error) {
    if (error instanceof StripeAccessError) return { ok: false, failure: error.failure };
    throw error;
  }
}

// A GatherContext for gatherer tests against the local Stripe API double.
import { validateConfig } from '../../src/config/load.js';
import type { UserConfig } from '../../src/config/schema.js';
import type { Mode } from '../../src/engine/artifacts.js';
import type { ArtifactDemand, GatherContext } from '../../src/gather/context.js';
import { KEY_ENV, parseKey, type KeySet } from '../../src/gather/stripe/keys.js';

export interface StripeContextOptions {
  apiBase: string;
  keys: Partial<Record<Mode, string>>;
  config?: UserConfig;
  offline?: boolean;
  now?: number;
}

export function stripeContext({ apiBase, keys, config = {}, offline = false, now = Date.now() }: StripeContextOptions): GatherContext {
  const keySet: KeySet = {};
  for (const [mode, value] of Object.entries(keys) as [Mode, string][]) keySet[mode] = parseKey(value, KEY_ENV[mode]);
  return { cwd: process.cwd(), config: validateConfig(config, null), keys: keySet, apiBase: new URL(apiBase), offline, env: {}, now };
}

export function demandFor(...modes: Mode[]): ArtifactDemand {
  return { modes: new Set(modes), rules: [] };
}

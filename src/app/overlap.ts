// Overlap, don't queue: the Stripe requests wait on the network, the local evidence (config, code,
// attestations) on the CPU. Loading the SDK while the config loads, and letting the first requests
// reach the wire before the CPU-bound gatherers start, makes the critical path max(network, local)
// rather than their sum.
import type { CliIo } from '../cli/io.js';
import { selectedRuleIds, type TargetOptions } from '../cli/commands/shared-options.js';
import { isStripeArtifact, type ArtifactId } from '../engine/artifacts.js';
import type { GathererMap } from '../engine/runner.js';
import type { Gatherer } from '../gather/context.js';
import { KEY_ENV } from '../gather/stripe/keys.js';
import { RULES_BY_ID } from '../../rules/index.js';

/** Artifacts read from the network: their gatherers go first. */
const REMOTE: ReadonlySet<ArtifactId> = new Set<ArtifactId>(['Account', 'WebhookEndpoints', 'Events', 'VerificationSessions', 'Pages', 'Probe']);

const KEY_VARIABLES: readonly string[] = [...KEY_ENV.generic, KEY_ENV.live, KEY_ENV.test];

/**
 * Whether this run will call Stripe, as far as the command line and environment tell before the
 * config is read: online, no snapshot, a key set, and (if rules are named) a Stripe rule among them.
 */
export function willCallStripe(options: TargetOptions & { snapshot?: string }, env: NodeJS.ProcessEnv): boolean {
  if (options.offline || options.snapshot || !KEY_VARIABLES.some((name) => env[name])) return false;
  const ids = selectedRuleIds(options);
  return !ids || ids.some((id) => RULES_BY_ID.get(id)?.meta.requiredArtifacts.some(isStripeArtifact) ?? false);
}

/**
 * Start loading the SDK and the Stripe gatherers now, before the config is read, when the run
 * will call Stripe. A config that turns every Stripe rule off wastes the load, never a result:
 * the gatherers import these same modules themselves.
 */
export function preloadStripe(options: TargetOptions & { snapshot?: string }, io: CliIo): Promise<void> {
  if (!willCallStripe(options, io.env)) return Promise.resolve();
  // A failed preload is ignored: the gatherer's own import reports the same failure as data.
  return Promise.all([import('stripe'), import('../gather/stripe/per-mode.js')]).then(
    () => undefined,
    () => undefined,
  );
}

/** One turn of the event loop: sockets connect and requests are written. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The same gatherers, with the local ones starting once the SDK is loaded and two loop turns later. */
export function remoteFirst(gatherers: GathererMap, sdkLoaded: Promise<void>): GathererMap {
  const ordered: Record<string, Gatherer<ArtifactId>> = {};
  for (const [id, gather] of Object.entries(gatherers) as [ArtifactId, Gatherer<ArtifactId>][]) {
    ordered[id] = REMOTE.has(id)
      ? gather
      : async (ctx, demand) => {
          await sdkLoaded;
          await nextTurn();
          await nextTurn();
          return gather(ctx, demand);
        };
  }
  return ordered as unknown as GathererMap;
}

// Overlap, don't queue: the Stripe requests wait on the network, the local evidence (config, code,
// attestations) on the CPU. Loading the SDK while the config loads, and letting the first requests
// reach the wire before the CPU-bound gatherers start, makes the critical path max(network, local)
// rather than their sum.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
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

/** Node's own report of every HTTP(S) request the process starts. */
const REQUEST_START = 'http.client.request.start';

/** Longest a local gatherer waits for the remote ones to put their requests on the wire. */
const GATE_CAP_MS = 150;

/** Counts the HTTP requests started and those flushed to the socket (or failed) while it listens. */
class WireWatch {
  started = 0;
  flushed = 0;
  readonly #onStart = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    if (!request) return;
    this.started += 1;
    let counted = false;
    const count = (): void => {
      if (!counted) this.flushed += 1;
      counted = true;
    };
    request.once('finish', count).once('error', count).once('close', count);
  };
  constructor() {
    subscribe(REQUEST_START, this.#onStart);
  }
  get onTheWire(): boolean {
    return this.started > 0 && this.flushed === this.started;
  }
  dispose(): void {
    unsubscribe(REQUEST_START, this.#onStart);
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The same gatherers; the local ones start once the SDK has loaded and then either every request
 * the remote ones started is flushed to its socket, or they have all settled, or 150 ms passed. A
 * CPU-bound local gatherer blocks the loop, so a request not yet written would wait for it.
 */
export function remoteFirst(gatherers: GathererMap, sdkLoaded: Promise<void>): GathererMap {
  let remoteInFlight = 0;
  let gate: Promise<void> | null = null;
  const openGate = async (): Promise<void> => {
    const wire = new WireWatch();
    try {
      await sdkLoaded;
      const deadline = performance.now() + GATE_CAP_MS;
      for (;;) {
        await pause(1);
        if (remoteInFlight === 0 || performance.now() >= deadline) return;
        // Stable across a turn: no remote gatherer started a further request meanwhile.
        if (wire.onTheWire) {
          await pause(1);
          if (wire.onTheWire || remoteInFlight === 0) return;
        }
      }
    } finally {
      wire.dispose();
    }
  };
  const ordered: Record<string, Gatherer<ArtifactId>> = {};
  for (const [id, gather] of Object.entries(gatherers) as [ArtifactId, Gatherer<ArtifactId>][]) {
    ordered[id] = REMOTE.has(id)
      ? async (ctx, demand) => {
          remoteInFlight += 1;
          try {
            return await gather(ctx, demand);
          } finally {
            remoteInFlight -= 1;
          }
        }
      : async (ctx, demand) => {
          await (gate ??= openGate());
          return gather(ctx, demand);
        };
  }
  return ordered as unknown as GathererMap;
}

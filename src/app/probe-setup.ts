// Everything decided before the probe sends its first request, shared by `probe` and
// `check --probe`: which URL, which secret, which budget, and whether sending there is allowed.
import { createInterface } from 'node:readline/promises';
import type { CliIo } from '../cli/io.js';
import { isCi } from '../cli/io.js';
import type { PerMode, WebhookEndpointFacts, Mode } from '../engine/artifacts.js';
import { GATHERERS } from '../gather/index.js';
import { readWebhookSecret } from '../gather/probe/secret.js';
import { parseProbeUrl, resolveProbeTarget } from '../gather/probe/target.js';
import type { ProbeRequest, ProbeTarget } from '../gather/probe/types.js';
import type { Gathered } from '../engine/gathered.js';
import { PROBE_STEPS } from '../probe/plan.js';
import { liveEndpointsAt } from '../probe/live-endpoints.js';
import { formatBudget } from '../probe/judge.js';
import type { Notice } from '../report/types.js';
import { UserError } from '../util/user-error.js';
import { gatherContext, type PreparedRun } from './prepare.js';

export const DEFAULT_PROBE_TIMEOUT_MS = 5000;
const MAX_PROBE_TIMEOUT_MS = 30_000;

export interface ProbeSettings {
  /** --url / --probe-url; falls back to config webhook.url. */
  url?: string;
  urlFlag: '--url' | '--probe-url';
  /** Seconds, or with a unit: `5`, `2.5s`, `800ms`. */
  timeout?: string;
  timeoutFlag: '--timeout' | '--probe-timeout';
  allowRemote?: boolean;
}

export interface ProbeSetup {
  request: ProbeRequest;
  notices: Notice[];
  /** Read for the live-endpoint guard; handed to the runner so the artifact is gathered once. */
  webhookEndpoints: PerMode<WebhookEndpointFacts[]> | null;
}

export function parseProbeTimeout(raw: string | undefined, flag: string): number {
  if (raw === undefined) return DEFAULT_PROBE_TIMEOUT_MS;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(raw.trim());
  const ms = match ? Math.round(Number(match[1]) * (match[2] === 'ms' ? 1 : 1000)) : NaN;
  if (!(ms >= 100 && ms <= MAX_PROBE_TIMEOUT_MS)) {
    throw new UserError(`${flag} must be between 0.1 and 30 seconds, got "${raw}".`, `E.g. ${flag} 5 (seconds) or ${flag} 800ms. Stripe expects a 2xx within seconds.`);
  }
  return ms;
}

export async function prepareProbe(settings: ProbeSettings, run: PreparedRun, io: CliIo, now: number, endpointModes: ReadonlySet<Mode> = new Set()): Promise<ProbeSetup> {
  const raw = settings.url ?? run.config.webhook.url;
  if (!raw) {
    throw new UserError(
      'No webhook URL to probe.',
      // The route `init` found in the code makes the example the user's own.
      `Pass ${settings.urlFlag} http://127.0.0.1:4242${run.config.webhook.path ?? '/webhook'} (your handler running locally), or set webhook.url in ${run.config.filepath ?? 'your identity-golive config'}.`,
    );
  }
  const url = parseProbeUrl(raw, settings.url ? settings.urlFlag : `${run.config.filepath ?? 'config'}: webhook.url`);
  const timeoutMs = parseProbeTimeout(settings.timeout, settings.timeoutFlag);
  const secret = readWebhookSecret(io.env, run.config.webhook.secretEnv);
  const allowRemote = Boolean(settings.allowRemote);
  const target = await resolveProbeTarget(url, { allowRemote });
  const notices: Notice[] = [];

  let webhookEndpoints: PerMode<WebhookEndpointFacts[]> | null = null;
  if (run.keys.live) {
    const modes = new Set<Mode>([...endpointModes, 'live']);
    webhookEndpoints = await GATHERERS.WebhookEndpoints(gatherContext(run, io, {}, now), { modes, rules: [] });
  }
  notices.push(...(await guardLiveEndpoints(io, { url, target, allowRemote }, webhookEndpoints?.live ?? null)));

  notices.push({
    level: 'info',
    message: `Probe: ${PROBE_STEPS.length} requests to ${target.display} (${target.scope}: ${target.addresses.map((entry) => entry.address).join(', ')}), signed with the secret from ${secret.source} (${secret.masked}); budget ${formatBudget(timeoutMs)} each.`,
  });
  return { request: { target, secret, timeoutMs }, notices, webhookEndpoints };
}

/**
 * Never send to a live-mode endpoint without --allow-remote and a typed confirmation. `live` is
 * the live-mode endpoint list, or null without a live key (nothing to compare against).
 */
export async function guardLiveEndpoints(
  io: CliIo,
  { url, target, allowRemote }: { url: URL; target: ProbeTarget; allowRemote: boolean },
  live: Gathered<WebhookEndpointFacts[]> | null,
): Promise<Notice[]> {
  if (live === null) {
    if (target.scope !== 'public') return [];
    return [
      {
        level: 'warn',
        message: `${target.display} is a remote address (--allow-remote) and no live key was given, so it was not checked against your live-mode endpoints.`,
        fix: 'Set STRIPE_LIVE_API_KEY to a read-only key to have live endpoints refused.',
      },
    ];
  }
  if (!live.ok) {
    if (target.scope === 'public') {
      await requireConfirmation(io, allowRemote, `Could not read the live-mode webhook endpoints (${live.failure.message}), so ${target.display} may be one of them.`);
      return [{ level: 'warn', message: `Probed ${target.display} after confirmation, without knowing whether it is a live-mode endpoint.` }];
    }
    return [{ level: 'warn', message: `Could not check the live-mode webhook endpoints (${live.failure.message}); ${target.display} is a ${target.scope} address, which Stripe cannot deliver to.` }];
  }
  const registered = liveEndpointsAt(url, live.value);
  if (registered.length === 0) return [];
  const ids = registered.map((endpoint) => endpoint.id).join(', ');
  await requireConfirmation(io, allowRemote, `${target.display} is registered on live-mode webhook endpoint ${ids}: the probe would send it test and forged events.`);
  return [{ level: 'warn', message: `Probed live-mode endpoint ${ids} after confirmation.` }];
}

/** A live endpoint needs --allow-remote and a typed "yes"; CI or a missing terminal cannot give one. */
async function requireConfirmation(io: CliIo, allowRemote: boolean, reason: string): Promise<void> {
  if (!allowRemote) {
    throw new UserError(`Refusing to probe: ${reason}`, 'Probe a local run of your handler instead, or pass --allow-remote and confirm at the prompt.');
  }
  const interactive = Boolean(io.stdin.isTTY && io.stderr.isTTY) && !isCi(io.env);
  if (!interactive) {
    throw new UserError(`Refusing to probe: ${reason}`, 'Sending there needs a typed confirmation, which cannot be given without a terminal (CI, pipes). Probe a local run of your handler instead.');
  }
  const prompt = createInterface({ input: io.stdin, output: io.stderr });
  try {
    const answer = await prompt.question(`${reason}\nType "yes" to send ${PROBE_STEPS.length} probe requests there: `);
    if (answer.trim().toLowerCase() !== 'yes') throw new UserError('Probe cancelled: nothing was sent.', 'Probe a local run of your handler instead.');
  } finally {
    prompt.close();
  }
}

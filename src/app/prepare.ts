// What `check` and `gather` both do before touching the world: resolve the project, config,
// rules, keys and API base, turning every bad input into a UserError (exit 2).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import type { TargetOptions } from '../cli/commands/shared-options.js';
import { selectedRuleIds } from '../cli/commands/shared-options.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { AnyRule, Severity } from '../engine/rule.js';
import type { GatherContext } from '../gather/context.js';
import { keysFromEnv, type KeySet } from '../gather/stripe/keys.js';
import { parseApiBase } from '../gather/stripe/api-base.js';
import type { Notice, ReportKey } from '../report/types.js';
import { RULES, RULES_BY_ID } from '../../rules/index.js';
import { UserError } from '../util/user-error.js';
import { step } from '../util/watchdog.js';
import { isStripeArtifact } from '../engine/artifacts.js';
import type { ProbeRequest } from '../gather/probe/types.js';

/** A config file is read in milliseconds; one that takes this long is stuck. */
const CONFIG_DEADLINE_MS = 30_000;

export interface PreparedRun {
  cwd: string;
  config: ResolvedConfig;
  rules: AnyRule[];
  severities: Map<string, Exclude<Severity, 'off'>>;
  keys: KeySet;
  apiBase: URL | null;
  notices: Notice[];
  /** Set by `probe` and `check --probe` once the target is vetted. */
  probe?: ProbeRequest | null;
}

export function resolveCwd(io: CliIo, dir: string | undefined): string {
  const cwd = path.resolve(io.cwd, dir ?? '.');
  let isDirectory = false;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch {
    throw new UserError(`--cwd does not exist: ${cwd}`, 'Point --cwd at your project directory.');
  }
  if (!isDirectory) throw new UserError(`--cwd is not a directory: ${cwd}`, 'Point --cwd at your project directory.');
  return cwd;
}

/** Rules that judge the webhook-handler probe: by default they run only when probing is requested. */
export function readsProbe(rule: AnyRule): boolean {
  return rule.meta.requiredArtifacts.includes('Probe');
}

/**
 * Rules to run: the --rule/--only selection (validated), minus those configured `off`. Without a
 * selection, the probe rules join only when probing is requested (they need a running handler).
 */
export function selectRules(
  ids: readonly string[] | null,
  config: ResolvedConfig,
  { includeProbe = false, registry = RULES }: { includeProbe?: boolean; registry?: readonly AnyRule[] } = {},
): { rules: AnyRule[]; severities: Map<string, Exclude<Severity, 'off'>> } {
  const configured = config.rules ?? {};
  const byId = registry === RULES ? RULES_BY_ID : new Map(registry.map((rule) => [rule.meta.id, rule]));
  for (const id of [...(ids ?? []), ...Object.keys(configured)]) {
    if (!byId.has(id)) {
      const where = ids?.includes(id) ? '--rule' : `${config.filepath ?? 'config'}: rules`;
      throw new UserError(`Unknown rule "${id}" in ${where}.`, `Known rules: ${[...byId.keys()].join(', ')}. \`identity-golive rules\` lists them.`);
    }
  }
  const chosen = ids ? registry.filter((rule) => ids.includes(rule.meta.id)) : registry.filter((rule) => includeProbe || !readsProbe(rule));
  const severities = new Map<string, Exclude<Severity, 'off'>>();
  const rules = chosen.filter((rule) => {
    const severity = configured[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === 'off') return false;
    severities.set(rule.meta.id, severity);
    return true;
  });
  return { rules, severities };
}

export async function prepareRun(
  options: TargetOptions,
  io: CliIo,
  { needsKeys = true, includeProbe = false, registry = RULES as readonly AnyRule[] | undefined } = {},
): Promise<PreparedRun> {
  const cwd = resolveCwd(io, options.cwd);
  const config = await step('loading the config', () => loadConfig({ cwd, configPath: options.config }), {
    ms: CONFIG_DEADLINE_MS,
    message: `The config did not finish loading within ${CONFIG_DEADLINE_MS / 1000} s${options.config ? ` (${options.config})` : ''}.`,
    hint: 'A JS config must export an object, or a promise that settles; check what it awaits.',
  });
  const ids = selectedRuleIds(options);
  const { rules, severities } = selectRules(ids, config, { includeProbe, registry: registry ?? RULES });
  const keys = needsKeys ? keysFromEnv(io.env) : {};
  const apiBase = parseApiBase(options.apiBase ?? config.stripe.apiBase);
  const usesStripe = rules.some((rule) => rule.meta.requiredArtifacts.some(isStripeArtifact));
  const notices = needsKeys && usesStripe ? keyNotices(keys, Boolean(options.offline)) : [];
  if (!ids && !includeProbe && (registry ?? RULES).some(readsProbe)) notices.push(PROBE_NOT_RUN);
  return { cwd, config, rules, severities, keys, apiBase, notices };
}

const PROBE_NOT_RUN: Notice = {
  level: 'info',
  message: 'The webhook handler was not probed (its rules run with --probe).',
  fix: '`identity-golive check --probe --probe-url http://127.0.0.1:4242/webhook` (or `identity-golive probe`) sends it signed Identity events.',
};

export const RESTRICTED_KEY_PERMISSIONS =
  'Account: Read (connected_account_read) · Webhook Endpoints: Read · Event Destinations: Read · Events: Read · Identity Verification Sessions and Reports: Read (and nothing else: no write, no "sensitive verification results")';

function keyNotices(keys: KeySet, offline: boolean): Notice[] {
  const notices: Notice[] = [];
  if (offline) return [{ level: 'info', message: '--offline: Stripe API rules are skipped.' }];
  if (!keys.live && !keys.test) {
    notices.push({
      level: 'warn',
      message: 'No Stripe API key in the environment: Stripe API rules are skipped.',
      fix: `Set STRIPE_API_KEY (or STRIPE_LIVE_API_KEY and STRIPE_TEST_API_KEY) to restricted keys with: ${RESTRICTED_KEY_PERMISSIONS}.`,
    });
  }
  for (const key of [keys.live, keys.test]) {
    if (key?.kind === 'secret') {
      notices.push({
        level: 'warn',
        message: `${key.source} is an unrestricted secret key (${key.masked}); a read-only restricted key is safer for a linter.`,
        fix: `Create a restricted key at https://dashboard.stripe.com/apikeys with: ${RESTRICTED_KEY_PERMISSIONS}.`,
      });
    }
  }
  return notices;
}

export function reportKeys(keys: KeySet): ReportKey[] {
  return [keys.live, keys.test].filter((key) => key !== undefined).map((key) => key.toJSON());
}

export function gatherContext(run: PreparedRun, io: CliIo, options: TargetOptions, now: number, progress?: (message: string) => void): GatherContext {
  return {
    cwd: run.cwd,
    config: run.config,
    keys: run.keys,
    apiBase: run.apiBase,
    offline: Boolean(options.offline),
    env: io.env,
    now,
    progress,
    probe: run.probe ?? null,
  };
}

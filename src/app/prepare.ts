// What `check` and `gather` both do before touching the world: resolve the project, config,
// rules, keys and API base, turning every bad input into a UserError (exit 2).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import type { TargetOptions } from '../cli/commands/shared-options.js';
import { selectedRuleIds } from '../cli/commands/shared-options.js';
import { loadConfig } from '../config/discover.js';
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
import { describeMarker, findProjectRoot } from './project-root.js';
import { closeRuleIds } from './rule-names.js';
import { quoteChoices } from '../util/suggest.js';
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
  /** True when --rule/--only chose the rules (a part of the checklist, not all of it). */
  selected: boolean;
  /** Set by `probe` and `check --probe` once the target is vetted. */
  probe?: ProbeRequest | null;
}

export function resolveCwd(io: CliIo, dir: string | undefined, flag = '--cwd'): string {
  const cwd = path.resolve(io.cwd, dir ?? '.');
  let isDirectory = false;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch {
    throw new UserError(`${flag} does not exist: ${cwd}`, `Give the path of your project directory${flag === '--cwd' ? ' to --cwd' : ''}.`);
  }
  if (!isDirectory) throw new UserError(`${flag} is a file, not a directory: ${cwd}`, `Give the path of your project directory${flag === '--cwd' ? ' to --cwd' : ''}.`);
  return cwd;
}

/** Where the project is, and how that was decided. */
export interface ResolvedProject {
  cwd: string;
  /** explicit: --cwd or a positional directory; found: a config or .git upward; none: neither, so the current directory. */
  how: 'explicit' | 'found' | 'none';
  /** --config made absolute (relative to where the command was typed when the root was searched for). */
  configPath?: string;
  /** Says which root was chosen when it is not the current directory, or that none was found. */
  notice: Notice | null;
}

/** `dir` (a positional argument) and `--cwd` both name the project; giving both differently is ambiguous. */
export function explicitDir(base: string, positional: string | undefined, cwdFlag: string | undefined): { dir: string; flag: string } | null {
  if (positional !== undefined && cwdFlag !== undefined && path.resolve(base, positional) !== path.resolve(base, cwdFlag)) {
    throw new UserError(`Two project directories: "${positional}" and --cwd "${cwdFlag}".`, 'Give the directory once, as an argument or with --cwd.');
  }
  if (positional !== undefined) return { dir: positional, flag: 'The project directory' };
  return cwdFlag === undefined ? null : { dir: cwdFlag, flag: '--cwd' };
}

/** The project root: an explicit directory wins; else the nearest config or `.git` upward; else the current directory. */
export function resolveProject(io: CliIo, options: { cwd?: string; dir?: string; config?: string }): ResolvedProject {
  const explicit = explicitDir(io.cwd, options.dir, options.cwd);
  if (explicit) return { cwd: resolveCwd(io, explicit.dir, explicit.flag), how: 'explicit', configPath: options.config, notice: null };
  const start = resolveCwd(io, undefined);
  const configPath = options.config === undefined ? undefined : path.resolve(start, options.config);
  const found = findProjectRoot(start);
  if (!found) {
    return {
      cwd: start,
      how: 'none',
      configPath,
      // With --config the user said where the config is; the directory is then simply where they are.
      notice: configPath ? null : {
        level: 'info',
        message: `No identity-golive config or .git in ${start} or above: checking ${start} as the project.`,
        fix: 'Run from the project (or pass its directory: `identity-golive check <dir>`); `identity-golive init` writes a config that marks it.',
      },
    };
  }
  const notice: Notice | null =
    found.dir === start ? null : { level: 'info', message: `Project root: ${found.dir} (its ${describeMarker(found.marker)}; you ran from ${path.relative(found.dir, start).split(path.sep).join('/')}).` };
  return { cwd: found.dir, how: 'found', configPath, notice };
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
      throw new UserError(`Unknown rule "${id}" in ${where}.${quoteChoices(closeRuleIds(id, registry))}`, `Known rules: ${[...byId.keys()].join(', ')}. \`identity-golive rules\` lists them.`);
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
  const project = resolveProject(io, options);
  const { cwd } = project;
  const config = await step('loading the config', () => loadConfig({ cwd, configPath: project.configPath }), {
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
  if (project.notice) notices.unshift(project.notice);
  if (!ids && !includeProbe && (registry ?? RULES).some(readsProbe)) notices.push(PROBE_NOT_RUN);
  return { cwd, config, rules, severities, keys, apiBase, notices, selected: ids !== null };
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

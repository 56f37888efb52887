// `identity-golive check`: prepare, gather (or replay), run the rules, apply suppressions, judge
// by the threshold, print the report and write any --report files.
import { Chalk } from 'chalk';
import type { CliIo } from '../cli/io.js';
import type { CheckOptions } from '../cli/commands/check.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { terminalColumns } from '../cli/terminal.js';
import { demandOf, runRules, type GathererMap } from '../engine/runner.js';
import type { AnyRule } from '../engine/rule.js';
import type { Artifacts } from '../engine/artifacts.js';
import type { InlineSuppression } from '../gather/source/types.js';
import { GATHERERS } from '../gather/index.js';
import { UserError } from '../util/user-error.js';
import { buildReport } from '../report/build.js';
import { REPORTERS } from '../report/index.js';
import type { Notice, Report } from '../report/types.js';
import { RULES } from '../../rules/index.js';
import { prepareRun, reportKeys, type PreparedRun } from './prepare.js';
import { authFailures, collectEvidence } from './run.js';
import { preloadStripe } from './overlap.js';
import { snapshotAgeNotice } from '../snapshot.js';
import { attestationState, daysLeftText, expiringSoon } from '../gather/attestations/status.js';
import { isAttestableItem } from '../gather/attestations/items.js';
import { findAnchorFile, findRepoRoot, parseReportTargets, writeReports } from './outputs.js';

export interface CheckDeps {
  /** The rule registry (tests inject test-only rules). */
  rules?: readonly AnyRule[];
  /** Gatherer overrides (tests of the gate inject a fixed Source index). */
  gatherers?: Partial<GathererMap>;
  now?: number;
}

/** Directives the source scan recorded, when inline suppressions are on and the scan succeeded. */
function inlineSuppressions(artifacts: Partial<Artifacts>): InlineSuppression[] {
  const source = artifacts.Source;
  return source?.ok ? source.value.suppressions : [];
}

export async function runCheck(options: CheckOptions, io: CliIo, now = Date.now(), registry: readonly AnyRule[] = RULES, overrides: Partial<GathererMap> = {}): Promise<Report> {
  const probing = Boolean(options.probe || options.probeUrl);
  if (probing && options.snapshot) throw new UserError('--probe cannot be combined with --snapshot: a snapshot replays saved evidence, the probe needs the live handler.', 'Run `identity-golive probe` separately.');
  if (probing && options.offline) throw new UserError('--probe cannot be combined with --offline: the probe sends requests to your handler.', 'Drop one of the two flags.');
  const sdkLoaded = preloadStripe(options, io);
  const run = await prepareRun(options, io, { needsKeys: !options.snapshot, includeProbe: probing, registry });
  const base: GathererMap = { ...GATHERERS, ...overrides };
  const probe = probing ? await setUpProbe(options, run, io, now, base) : null;
  const { artifacts, snapshot } = await collectEvidence(probe?.run ?? run, options, io, now, probe?.gatherers ?? base, sdkLoaded);
  const runs = runRules(run.rules, artifacts, run.severities, { now, offline: Boolean(options.offline) });
  const rejected = authFailures(artifacts);
  const notices: Notice[] = [...run.notices, ...(probe?.notices ?? []), ...rejected.map((failure) => ({ level: 'warn' as const, message: failure.message, fix: failure.fix }))];
  const stale = snapshot ? snapshotAgeNotice(snapshot, now, run.config.snapshot.maxAgeDays) : null;
  if (stale) notices.push(stale);
  notices.push(...expiringAttestations(artifacts, now, run.config.expiryWarningDays), ...unknownAttestations(artifacts));
  const inlineOn = options.inlineSuppressions !== false;
  const directives = inlineSuppressions(artifacts);
  if (!inlineOn && directives.length > 0) {
    notices.push({ level: 'info', message: `--no-inline-suppressions: ${directives.length} identity-golive-disable-next-line directive${directives.length === 1 ? '' : 's'} ignored.` });
  }
  return buildReport(runs, {
    now,
    fatal: rejected.length > 0,
    notices,
    policy: { failOn: options.failOn ?? 'error', maxWarnings: options.maxWarnings ?? null, strict: Boolean(options.strict) },
    suppressions: { config: run.config.suppressions, inline: inlineOn ? directives : null, knownRuleIds: new Set(registry.map((rule) => rule.meta.id)), warnDays: run.config.expiryWarningDays },
    inlineSuppressions: inlineOn,
    // --rule/--only judge a part: they can block go-live, never declare it ready.
    scope: run.selected ? 'selection' : 'checklist',
    target: {
      cwd: run.cwd,
      configFile: run.config.filepath,
      keys: reportKeys(run.keys),
      apiBase: run.apiBase?.origin ?? null,
      snapshot: options.snapshot ?? null,
      snapshotGatheredAt: snapshot?.gatheredAt ?? null,
      offline: Boolean(options.offline),
    },
  });
}

/** Entries no rule reads (a typo, or a newer version's id): kept in the file, but they confirm nothing, and the report says so. */
function unknownAttestations(artifacts: Partial<Artifacts>): Notice[] {
  const attestations = artifacts.Attestations;
  if (!attestations?.ok) return [];
  const unknown = attestations.value.entries.filter((entry) => !isAttestableItem(entry.item)).map((entry) => entry.item);
  if (unknown.length === 0) return [];
  return [
    {
      level: 'warn',
      message: `${attestations.value.file} holds ${unknown.length} confirmation(s) no rule reads: ${unknown.join(', ')}; they confirm nothing.`,
      fix: '`identity-golive attest --list` shows the ids that count; re-attest under the right one, or remove the entry.',
    },
  ];
}

/** Confirmations about to lapse: warnings with the date, while they still count. */
function expiringAttestations(artifacts: Partial<Artifacts>, now: number, days: number): Notice[] {
  const attestations = artifacts.Attestations;
  if (!attestations?.ok) return [];
  return attestations.value.entries
    .filter((entry) => isAttestableItem(entry.item))
    .flatMap((entry) => {
      const soon = expiringSoon(attestationState(attestations.value.entries, entry.item, now), now, days);
      if (!soon) return [];
      return [
        {
          level: 'warn' as const,
          message: `The confirmation of ${entry.item} by ${entry.by} is valid through ${soon.lastDay} (${daysLeftText(soon.daysLeft)}).`,
          fix: `Check it again, then renew it: \`identity-golive attest ${entry.item} --note "…"\`.`,
        },
      ];
    });
}

/** Vet the probe target before anything is gathered; the live endpoint list read for that is reused. */
async function setUpProbe(options: CheckOptions, run: PreparedRun, io: CliIo, now: number, base: GathererMap): Promise<{ run: PreparedRun; gatherers: GathererMap; notices: Notice[] }> {
  const { prepareProbe } = await import('./probe-setup.js');
  const endpointModes = demandOf(run.rules).get('WebhookEndpoints')?.modes;
  const setup = await prepareProbe(
    { url: options.probeUrl, urlFlag: '--probe-url', timeout: options.probeTimeout, timeoutFlag: '--probe-timeout', allowRemote: options.allowRemote },
    run,
    io,
    now,
    endpointModes,
  );
  const endpoints = setup.webhookEndpoints;
  const gatherers: GathererMap = endpoints ? { ...base, WebhookEndpoints: async () => endpoints } : base;
  return { run: { ...run, probe: setup.request }, gatherers, notices: setup.notices };
}

export async function runCheckCommand(options: CheckOptions, io: CliIo, deps: CheckDeps = {}): Promise<ExitCode> {
  if (options.printConfig) {
    const run = await prepareRun(options, io, { needsKeys: false, registry: deps.rules });
    io.stdout.write(`${JSON.stringify(run.config, null, 2)}\n`);
    return 0;
  }
  // A bad --report spec is a usage error: found before any work is done.
  const targets = parseReportTargets(options.report ?? [], io);
  const report = await runCheck(options, io, deps.now ?? Date.now(), deps.rules, deps.gatherers);
  const base = { chalk: chalkFor(io), columns: terminalColumns(io), repoRoot: findRepoRoot(report.target.cwd), anchorFile: findAnchorFile(report.target.cwd, report.target.configFile) };
  io.stdout.write(REPORTERS[options.format](report, { ...base, quiet: Boolean(options.quiet) }));
  // Files never carry terminal colour.
  await writeReports(report, targets, { ...base, chalk: new Chalk({ level: 0 }) }, io, (format, reporterOptions) => REPORTERS[format](report, reporterOptions));
  return report.exitCode;
}

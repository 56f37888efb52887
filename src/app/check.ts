// `identity-golive check`: prepare, gather (or replay), run the rules, apply suppressions, judge
// by the threshold, print the report and write any --report files.
import { Chalk } from 'chalk';
import type { CliIo } from '../cli/io.js';
import type { CheckOptions } from '../cli/commands/check.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { runRules } from '../engine/runner.js';
import type { AnyRule } from '../engine/rule.js';
import type { Artifacts } from '../engine/artifacts.js';
import type { InlineSuppression } from '../gather/source/types.js';
import { buildReport } from '../report/build.js';
import { REPORTERS } from '../report/index.js';
import type { Notice, Report } from '../report/types.js';
import { RULES } from '../../rules/index.js';
import { prepareRun, reportKeys } from './prepare.js';
import { authFailures, collectArtifacts } from './run.js';
import { findAnchorFile, findRepoRoot, parseReportTargets, writeReports } from './outputs.js';

export interface CheckDeps {
  /** The rule registry (tests inject test-only rules). */
  rules?: readonly AnyRule[];
  now?: number;
}

/** Directives the source scan recorded, when inline suppressions are on and the scan succeeded. */
function inlineSuppressions(artifacts: Partial<Artifacts>): InlineSuppression[] {
  const source = artifacts.Source;
  return source?.ok ? source.value.suppressions : [];
}

export async function runCheck(options: CheckOptions, io: CliIo, now = Date.now(), registry: readonly AnyRule[] = RULES): Promise<Report> {
  const run = await prepareRun(options, io, { needsKeys: !options.snapshot, registry });
  const artifacts = await collectArtifacts(run, options, io, now);
  const runs = runRules(run.rules, artifacts, run.severities, { now, offline: Boolean(options.offline) });
  const rejected = authFailures(artifacts);
  const notices: Notice[] = [...run.notices, ...rejected.map((failure) => ({ level: 'warn' as const, message: failure.message, fix: failure.fix }))];
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
    suppressions: { config: run.config.suppressions, inline: inlineOn ? directives : null, knownRuleIds: new Set(registry.map((rule) => rule.meta.id)) },
    inlineSuppressions: inlineOn,
    target: {
      cwd: run.cwd,
      configFile: run.config.filepath,
      keys: reportKeys(run.keys),
      apiBase: run.apiBase?.origin ?? null,
      snapshot: options.snapshot ?? null,
      offline: Boolean(options.offline),
    },
  });
}

export async function runCheckCommand(options: CheckOptions, io: CliIo, deps: CheckDeps = {}): Promise<ExitCode> {
  if (options.printConfig) {
    const run = await prepareRun(options, io, { needsKeys: false, registry: deps.rules });
    io.stdout.write(`${JSON.stringify(run.config, null, 2)}\n`);
    return 0;
  }
  // A bad --report spec is a usage error: found before any work is done.
  const targets = parseReportTargets(options.report ?? [], io);
  const report = await runCheck(options, io, deps.now ?? Date.now(), deps.rules);
  const base = { chalk: chalkFor(io), columns: io.stdout.columns, repoRoot: findRepoRoot(report.target.cwd), anchorFile: findAnchorFile(report.target.cwd, report.target.configFile) };
  io.stdout.write(REPORTERS[options.format](report, { ...base, quiet: Boolean(options.quiet) }));
  // Files never carry terminal colour.
  await writeReports(report, targets, { ...base, chalk: new Chalk({ level: 0 }) }, io, (format, reporterOptions) => REPORTERS[format](report, reporterOptions));
  return report.exitCode;
}

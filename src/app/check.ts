// `identity-golive check`: prepare, gather (or replay), run the rules, print the report.
import type { CliIo } from '../cli/io.js';
import type { CheckOptions } from '../cli/commands/check.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { runRules } from '../engine/runner.js';
import { buildReport } from '../report/build.js';
import { REPORTERS, type ReporterName } from '../report/index.js';
import type { Report } from '../report/types.js';
import { prepareRun, reportKeys } from './prepare.js';
import { authFailures, collectArtifacts } from './run.js';

export async function runCheck(options: CheckOptions, io: CliIo, now = Date.now()): Promise<Report> {
  const run = await prepareRun(options, io, { needsKeys: !options.snapshot });
  const artifacts = await collectArtifacts(run, options, io, now);
  const runs = runRules(run.rules, artifacts, run.severities, { now, offline: Boolean(options.offline) });
  const rejected = authFailures(artifacts);
  const notices = [...run.notices, ...rejected.map((failure) => ({ level: 'warn' as const, message: failure.message, fix: failure.fix }))];
  return buildReport(runs, {
    now,
    fatal: rejected.length > 0,
    notices,
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

export async function runCheckCommand(options: CheckOptions, io: CliIo): Promise<ExitCode> {
  if (options.printConfig) {
    const run = await prepareRun(options, io, { needsKeys: false });
    io.stdout.write(`${JSON.stringify(run.config, null, 2)}\n`);
    return 0;
  }
  const report = await runCheck(options, io);
  const reporter = REPORTERS[options.format as ReporterName];
  io.stdout.write(reporter(report, { chalk: chalkFor(io), columns: io.stdout.columns }));
  return report.exitCode;
}

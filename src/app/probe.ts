// `identity-golive probe`: send signed Identity events to the webhook handler, judge its answers
// with the webhook-handler rules, print the same Report as `check`.
import type { CliIo } from '../cli/io.js';
import type { ProbeOptions } from '../cli/commands/probe.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { terminalColumns } from '../cli/terminal.js';
import { runRules } from '../engine/runner.js';
import { GATHERERS } from '../gather/index.js';
import { RULES } from '../../rules/index.js';
import { buildReport } from '../report/build.js';
import { REPORTERS, type ReporterName } from '../report/index.js';
import type { Report } from '../report/types.js';
import { prepareRun, readsProbe, reportKeys } from './prepare.js';
import { prepareProbe } from './probe-setup.js';
import { collectArtifacts } from './run.js';

const ONLY_THE_HANDLER = {
  level: 'info' as const,
  message: 'Only the webhook handler was checked; `identity-golive check` covers the rest of the checklist.',
};

export async function runProbe(options: ProbeOptions, io: CliIo, now = Date.now()): Promise<Report> {
  const probeRules = RULES.filter(readsProbe).map((rule) => rule.meta.id);
  // Keys are read only to refuse live-mode endpoints; the probe itself needs none.
  const run = await prepareRun({ cwd: options.cwd, config: options.config, apiBase: options.apiBase, rule: probeRules }, io);
  const setup = await prepareProbe(
    { url: options.url, urlFlag: '--url', timeout: options.timeout, timeoutFlag: '--timeout', allowRemote: options.allowRemote },
    run,
    io,
    now,
  );
  const artifacts = await collectArtifacts({ ...run, probe: setup.request }, {}, io, now, GATHERERS);
  const runs = runRules(run.rules, artifacts, run.severities, { now, offline: false });
  return buildReport(runs, {
    now,
    fatal: false,
    notices: [...run.notices, ...setup.notices, ONLY_THE_HANDLER],
    scope: 'selection',
    target: { cwd: run.cwd, configFile: run.config.filepath, keys: reportKeys(run.keys), apiBase: run.apiBase?.origin ?? null, snapshot: null, offline: false },
  });
}

export async function runProbeCommand(options: ProbeOptions, io: CliIo): Promise<ExitCode> {
  const report = await runProbe(options, io);
  const reporter = REPORTERS[options.format as ReporterName];
  io.stdout.write(reporter(report, { chalk: chalkFor(io), columns: terminalColumns(io) }));
  return report.exitCode;
}

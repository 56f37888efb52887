// `identity-golive check`: prepare, gather (or replay), run the rules, print the report.
import type { CliIo } from '../cli/io.js';
import type { CheckOptions } from '../cli/commands/check.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { demandOf, runRules, type GathererMap } from '../engine/runner.js';
import { GATHERERS } from '../gather/index.js';
import { UserError } from '../util/user-error.js';
import { buildReport } from '../report/build.js';
import { REPORTERS, type ReporterName } from '../report/index.js';
import type { Notice, Report } from '../report/types.js';
import { prepareRun, reportKeys, type PreparedRun } from './prepare.js';
import { authFailures, collectArtifacts } from './run.js';

export async function runCheck(options: CheckOptions, io: CliIo, now = Date.now()): Promise<Report> {
  const probing = Boolean(options.probe || options.probeUrl);
  if (probing && options.snapshot) throw new UserError('--probe cannot be combined with --snapshot: a snapshot replays saved evidence, the probe needs the live handler.', 'Run `identity-golive probe` separately.');
  if (probing && options.offline) throw new UserError('--probe cannot be combined with --offline: the probe sends requests to your handler.', 'Drop one of the two flags.');
  const run = await prepareRun(options, io, { needsKeys: !options.snapshot, includeProbe: probing });
  const probe = probing ? await setUpProbe(options, run, io, now) : null;
  const artifacts = await collectArtifacts(probe?.run ?? run, options, io, now, probe?.gatherers);
  const runs = runRules(run.rules, artifacts, run.severities, { now, offline: Boolean(options.offline) });
  const rejected = authFailures(artifacts);
  const notices = [...run.notices, ...(probe?.notices ?? []), ...rejected.map((failure) => ({ level: 'warn' as const, message: failure.message, fix: failure.fix }))];
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

/** Vet the probe target before anything is gathered; the live endpoint list read for that is reused. */
async function setUpProbe(options: CheckOptions, run: PreparedRun, io: CliIo, now: number): Promise<{ run: PreparedRun; gatherers: GathererMap; notices: Notice[] }> {
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
  const gatherers: GathererMap = endpoints ? { ...GATHERERS, WebhookEndpoints: async () => endpoints } : GATHERERS;
  return { run: { ...run, probe: setup.request }, gatherers, notices: setup.notices };
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

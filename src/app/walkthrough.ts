// `identity-golive walkthrough`: refuse at once without a terminal; otherwise gather the evidence
// once through the real engine, walk the checklist, and end with the same report as `check`.
import type { CliIo } from '../cli/io.js';
import { isCi } from '../cli/io.js';
import type { WalkthroughOptions } from '../cli/commands/walkthrough.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { terminalColumns } from '../cli/terminal.js';
import { createPrompter, isPromptExit } from '../cli/prompts.js';
import { demandOf, runRules } from '../engine/runner.js';
import { buildReport } from '../report/build.js';
import { pretty } from '../report/pretty.js';
import { GATHERERS } from '../gather/index.js';
import { UserError } from '../util/user-error.js';
import { maskSecrets } from '../util/mask.js';
import { gatherContext, prepareRun, reportKeys } from './prepare.js';
import { authFailures, collectArtifacts } from './run.js';
import { listAttestations, openAttestationProject, recordAttestation } from './attestations.js';
import { gitIdentity } from '../util/git-identity.js';
import { progressFile, readProgress, writeProgress } from '../walkthrough/progress.js';
import { runWalkthrough, type WalkthroughDeps } from '../walkthrough/flow.js';
import type { Evaluation } from '../walkthrough/state.js';

/** Exit code after Ctrl-C: "could not decide" (2), as the CLI has only 0/1/2; answers given are kept. */
export const INTERRUPTED_EXIT_CODE: ExitCode = 2;

export function refuseWithoutTerminal(io: CliIo): void {
  const reason = isCi(io.env) ? 'CI is set' : !io.stdin.isTTY ? 'standard input is not a terminal' : !io.stdout.isTTY ? 'standard output is not a terminal' : null;
  if (reason === null) return;
  throw new UserError(
    `walkthrough is interactive, and ${reason}.`,
    'Without a terminal, run `identity-golive check` to see what is missing, and `identity-golive attest <item> --note "…"` to record a confirmation (`identity-golive attest --list` shows the items).',
  );
}

export async function runWalkthroughCommand(options: WalkthroughOptions, io: CliIo): Promise<ExitCode> {
  refuseWithoutTerminal(io);
  const chalk = chalkFor(io);
  const write = (text: string): void => void io.stdout.write(maskSecrets(text));
  const now = Date.now();

  const project = await openAttestationProject(options, io, 'walkthrough');
  // A malformed attestations file stops here, naming its line: the walkthrough never overwrites it.
  await listAttestations(project);
  const run = await prepareRun(options, io);
  for (const notice of run.notices) write(`${notice.level === 'warn' ? chalk.yellow('!') : chalk.dim('i')} ${notice.message}\n`);
  const artifacts = await collectArtifacts(run, options, io, now);
  const rejected = authFailures(artifacts);
  if (rejected.length > 0) throw new UserError(rejected[0]!.message, rejected[0]!.fix);

  const progressPath = progressFile(project.file);
  const { progress, warning } = await readProgress(progressPath);
  if (warning) write(`${chalk.yellow('!')} ${warning}\n`);
  const skipped = new Set(progress.skipped);
  const evaluation: Evaluation = { rules: run.rules, artifacts, severities: run.severities, now, offline: Boolean(options.offline) };
  const prompter = await createPrompter(io);
  const context = gatherContext(run, io, options, now);
  let by: string | null = await gitIdentity(project.cwd);

  const deps: WalkthroughDeps = {
    prompter,
    write,
    chalk,
    evaluation,
    skipped,
    async attest(item, note, evidence) {
      by ??= (await prompter.input('Who is confirming? (Name <email>)', { validate: (value) => (value.trim() ? true : 'Your name, please.') })).trim();
      await recordAttestation(project, { item, note, evidence, by }, Date.now());
      return GATHERERS.Attestations(context, demandOf(run.rules).get('Attestations') ?? { modes: new Set(), rules: [] });
    },
    saveProgress: (position) => writeProgress(progressPath, { skipped: [...skipped], position }, Date.now()),
  };

  let end: Awaited<ReturnType<typeof runWalkthrough>>;
  try {
    end = await runWalkthrough(deps);
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    io.stderr.write(`\nStopped. Every answer so far is saved (${project.display}, ${progressFile(project.display)}).\nRun \`identity-golive walkthrough\` to continue.\n`);
    return INTERRUPTED_EXIT_CODE;
  }

  const final = deps.evaluation;
  const report = buildReport(runRules(run.rules, final.artifacts, run.severities, { now, offline: final.offline }), {
    now,
    fatal: false,
    notices: run.notices,
    scope: 'checklist',
    target: { cwd: run.cwd, configFile: run.config.filepath, keys: reportKeys(run.keys), apiBase: run.apiBase?.origin ?? null, snapshot: null, offline: final.offline },
  });
  write(`\n${pretty(report, { chalk, columns: terminalColumns(io) })}`);
  if (end === 'quit') write(chalk.dim('Progress saved; run `identity-golive walkthrough` to continue.\n'));
  write(
    `\n${chalk.bold('In CI')}, commit ${project.display} and run:\n  npx identity-golive check\n${chalk.dim('with STRIPE_API_KEY set to a read-only restricted key; exit 0 means ready, 1 not ready, 2 could not decide.')}\n`,
  );
  return report.exitCode;
}

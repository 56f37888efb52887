// The commander program. Returns an exit code and never calls process.exit (only bin/ sets it).
// Command modules stay light: each action imports its implementation lazily, so `--help` loads
// neither the stripe SDK nor inquirer.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { suggest } from '../util/suggest.js';
import type { CliIo } from './io.js';
import { UserError } from '../util/user-error.js';
import { maskSecrets } from '../util/mask.js';
import { VERSION } from '../version.js';
import { registerCheck } from './commands/check.js';
import { registerGather } from './commands/gather.js';
import { registerProbe } from './commands/probe.js';
import { registerAttest } from './commands/attest.js';
import { registerExplain, registerRules } from './commands/rules.js';
import { registerWalkthrough } from './commands/walkthrough.js';
import { registerInit } from './commands/init.js';

export type ExitCode = 0 | 1 | 2;

/** Each command registers itself and reports its exit code through `setExit`. */
export type CommandRegistrar = (program: Command, io: CliIo, setExit: (code: ExitCode) => void) => void;

const REGISTRARS: readonly CommandRegistrar[] = [registerCheck, registerGather, registerProbe, registerAttest, registerWalkthrough, registerInit, registerRules, registerExplain];

const EPILOG = `
Exit codes:
  0  ready: every rule at error severity passed
  1  not ready: a rule at error severity failed, or needs a person's confirmation
  2  could not decide: bad usage or config, a rejected key, or evidence that could not be gathered

Environment:
  STRIPE_API_KEY        a Stripe key (rk_live_… or rk_test_… recommended); STRIPE_SECRET_KEY also works
  STRIPE_LIVE_API_KEY   a live-mode key, to check both modes in one run
  STRIPE_TEST_API_KEY   a test-mode key, to check both modes in one run
  STRIPE_API_BASE       Stripe API base URL (a local double or stripe-mock)
  STRIPE_WEBHOOK_SECRET the endpoint's signing secret (whsec_…), for probe and check --probe
  IDENTITY_GOLIVE_DEADLINE  seconds a run may spend gathering evidence (default 600); past it, exit 2
  NO_COLOR, FORCE_COLOR colour control (NO_COLOR wins; --color/--no-color win over both);
                        CI=true disables colour, spinners and prompts

Docs: https://docs.stripe.com/identity/before-going-live`;

export function buildProgram(given: CliIo, setExit: (code: ExitCode) => void): Command {
  // Commands read the colour flag from io; it is known only once the command line is parsed.
  const io: { -readonly [K in keyof CliIo]: CliIo[K] } = { ...given };
  const program = new Command('identity-golive')
    .description("Check a Stripe Identity integration against Stripe's \"Before going live\" checklist.")
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EPILOG)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .option('--color', 'colour the output even when it is not a terminal (beats NO_COLOR)')
    .option('--no-color', 'plain output, no colour')
    .hook('preAction', () => {
      io.color = program.opts<{ color?: boolean }>().color;
    })
    .exitOverride();
  for (const register of REGISTRARS) register(program, io, setExit);
  return program;
}

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    refuseUnknownCommand(program, argv, io);
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, argv.includes('--debug'));
  }
}

/**
 * `check` is the default command, so commander would read `identity-golive chek` as `check chek`
 * (a directory). A first word that is no command and no path is a mistyped command: say so.
 */
function refuseUnknownCommand(program: Command, argv: readonly string[], io: CliIo): void {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || looksLikePath(first, io.cwd)) return;
  const names = [...program.commands.flatMap((command) => [command.name(), ...command.aliases()]), 'help'];
  if (names.includes(first)) return;
  const [close] = suggest(first, names, 1);
  program.error(`error: unknown command '${first}'${close ? `, did you mean '${close}'?` : ` (commands: ${names.join(', ')})`}`, { exitCode: 2, code: 'commander.unknownCommand' });
}

function looksLikePath(word: string, cwd: string): boolean {
  return /[/\\]/.test(word) || word.startsWith('.') || word.startsWith('~') || existsSync(path.resolve(cwd, word));
}

function handleError(error: unknown, io: CliIo, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UserError) {
    io.stderr.write(`identity-golive: ${maskSecrets(error.message)}\n`);
    if (error.hint) io.stderr.write(`  → ${maskSecrets(error.hint)}\n`);
    return 2;
  }
  const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
  io.stderr.write(`identity-golive: internal error: ${maskSecrets(detail)}\n`);
  if (!debug) io.stderr.write('  → Re-run with --debug for details, and report it if it persists.\n');
  return 2;
}

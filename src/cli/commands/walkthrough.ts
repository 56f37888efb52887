import { Option, type Command } from 'commander';
import type { CommandRegistrar } from '../main.js';

export interface WalkthroughOptions {
  cwd?: string;
  config?: string;
  offline?: boolean;
  apiBase?: string;
  debug?: boolean;
}

export const registerWalkthrough: CommandRegistrar = (program: Command, io, setExit) => {
  program
    .command('walkthrough')
    .description("Go through Stripe's fourteen go-live items one by one: what each means, the automatic evidence, and a confirmation where a person is needed. Resumable.")
    .option('--cwd <dir>', 'the project (default: the nearest directory upward with a config or .git)')
    .option('-c, --config <path>', 'config file (default: searched in the project)')
    .option('--offline', 'no network: Stripe and page checks are skipped')
    .addOption(new Option('--api-base <url>', 'Stripe API base URL (a local double)').env('STRIPE_API_BASE'))
    .option('--debug', 'print stack traces for internal errors')
    .addHelpText(
      'after',
      `
Needs an interactive terminal. Answers are saved as you go: confirmations in the attestations
file, skips in walkthrough.json beside it. Run it again to continue where you left off.
Ctrl-C stops with exit code 2 and keeps every answer given so far.

Without a terminal (CI, pipes) use \`identity-golive check\` and \`identity-golive attest\`.`,
    )
    .action(async (options: WalkthroughOptions) => {
      const { runWalkthroughCommand } = await import('../../app/walkthrough.js');
      setExit(await runWalkthroughCommand(options, io));
    });
};

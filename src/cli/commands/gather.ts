import type { Command } from 'commander';
import type { CommandRegistrar } from '../main.js';
import { addTargetOptions, type TargetOptions } from './shared-options.js';

/** Where the snapshot goes without -o: the name the docs and `check --snapshot` examples use. */
export const DEFAULT_SNAPSHOT = 'golive-snapshot.json';

export interface GatherOptions extends TargetOptions {
  output: string;
}

export const registerGather: CommandRegistrar = (program: Command, io, setExit) => {
  const command = program
    .command('gather')
    .description('Gather the evidence the rules read and save it as a snapshot (no secrets, no PII) for `check --snapshot`.')
    .argument('[dir]', 'the project (default: the nearest directory upward with a config or .git)');
  addTargetOptions(command)
    .option('-o, --output <file>', 'where to write the snapshot JSON', DEFAULT_SNAPSHOT)
    .addHelpText(
      'after',
      `
Examples:
  $ STRIPE_LIVE_API_KEY=rk_live_… STRIPE_TEST_API_KEY=rk_test_… identity-golive gather
  $ STRIPE_API_KEY=rk_test_… identity-golive gather -o ci/golive-snapshot.json

Give a key for each mode: a snapshot holds only the modes whose key was set, and its replay
skips what it lacks. Replay it with \`identity-golive check --snapshot ${DEFAULT_SNAPSHOT}\`.`,
    )
    .action(async (dir: string | undefined, options: GatherOptions) => {
      const { runGatherCommand } = await import('../../app/gather.js');
      setExit(await runGatherCommand({ ...options, dir }, io));
    });
};

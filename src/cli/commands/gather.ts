import type { Command } from 'commander';
import type { CommandRegistrar } from '../main.js';
import { addTargetOptions, type TargetOptions } from './shared-options.js';

export interface GatherOptions extends TargetOptions {
  output: string;
}

export const registerGather: CommandRegistrar = (program: Command, io, setExit) => {
  const command = program
    .command('gather')
    .description('Gather the evidence the rules read and save it as a snapshot (no secrets, no PII) for `check --snapshot`.')
    .argument('[dir]', 'the project (default: the nearest directory upward with a config or .git)');
  addTargetOptions(command)
    .requiredOption('-o, --output <file>', 'where to write the snapshot JSON')
    .addHelpText('after', '\nExample:\n  $ STRIPE_API_KEY=rk_test_… identity-golive gather -o golive-snapshot.json')
    .action(async (dir: string | undefined, options: GatherOptions) => {
      const { runGatherCommand } = await import('../../app/gather.js');
      setExit(await runGatherCommand({ ...options, dir }, io));
    });
};

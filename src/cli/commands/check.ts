import { Option, type Command } from 'commander';
import type { CommandRegistrar } from '../main.js';
import { addTargetOptions, type TargetOptions } from './shared-options.js';

export interface CheckOptions extends TargetOptions {
  format: string;
  snapshot?: string;
  printConfig?: boolean;
}

export const registerCheck: CommandRegistrar = (program: Command, io, setExit) => {
  const command = program
    .command('check', { isDefault: true })
    .description('Check the project and Stripe account against the go-live checklist and print a report.');
  addTargetOptions(command)
    .addOption(new Option('-f, --format <format>', 'report format on stdout').choices(['pretty', 'json']).default('pretty'))
    .option('--snapshot <file>', 'replay artifacts saved by `identity-golive gather` instead of calling Stripe')
    .option('--print-config', 'print the resolved config as JSON and exit')
    .addHelpText(
      'after',
      `
Examples:
  $ STRIPE_API_KEY=rk_test_… identity-golive check
  $ STRIPE_LIVE_API_KEY=rk_live_… STRIPE_TEST_API_KEY=rk_test_… identity-golive check --format json
  $ identity-golive check --snapshot golive-snapshot.json     # no key needed
  $ identity-golive check --rule webhook-endpoint-registered

A read-only restricted key needs: Account Read (connected_account_read), Webhook Endpoints
Read, Event Destinations Read, Events Read, Identity Verification Sessions and Reports Read.`,
    )
    .action(async (options: CheckOptions) => {
      const { runCheckCommand } = await import('../../app/check.js');
      setExit(await runCheckCommand(options, io));
    });
};

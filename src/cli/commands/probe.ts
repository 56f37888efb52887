import { Option, type Command } from 'commander';
import type { CommandRegistrar } from '../main.js';
import { UserError } from '../../util/user-error.js';

export interface ProbeOptions {
  url?: string;
  timeout?: string;
  allowRemote?: boolean;
  format: string;
  cwd?: string;
  config?: string;
  apiBase?: string;
  debug?: boolean;
}

/** `probe <url>` and `probe --url <url>` say the same; two different URLs are a usage error. */
function positionalUrl(positional: string | undefined, flag: string | undefined): string | undefined {
  if (positional !== undefined && flag !== undefined && positional !== flag) {
    throw new UserError(`Two URLs to probe: "${positional}" and --url "${flag}".`, 'Give the URL once, as an argument or with --url.');
  }
  return positional ?? flag;
}

export const registerProbe: CommandRegistrar = (program: Command, io, setExit) => {
  program
    .command('probe')
    .description('Send signed identity.verification_session.* events to your webhook handler and check its answers (signature, timestamp, duplicates, unknown types, speed).')
    .argument('[url]', 'the webhook route to probe, like --url')
    .option('--url <url>', 'the webhook route to probe (default: config webhook.url); loopback or private addresses only unless --allow-remote')
    .option('--timeout <seconds>', 'time budget for each answer (also its timeout), e.g. 5, 2.5s, 800ms', '5')
    .option('--allow-remote', 'allow a public address; a URL registered on a live-mode endpoint also needs a typed confirmation')
    .addOption(new Option('-f, --format <format>', 'report format on stdout').choices(['pretty', 'json']).default('pretty'))
    .option('--cwd <dir>', 'the project whose config to read (default: the nearest directory upward with a config or .git)')
    .option('-c, --config <path>', 'config file (default: searched in the project)')
    .addOption(new Option('--api-base <url>', 'Stripe API base URL, for the live-endpoint check (plain http only to loopback)').env('STRIPE_API_BASE'))
    .option('--debug', 'print stack traces for internal errors')
    .addHelpText(
      'after',
      `
The signing secret comes from STRIPE_WEBHOOK_SECRET (or the variable named by webhook.secretEnv);
it is never printed. A live key in the environment (STRIPE_LIVE_API_KEY or STRIPE_API_KEY=rk_live_…)
lets the probe refuse URLs registered on your live-mode endpoints.

Examples:
  $ stripe listen --print-secret          # or the endpoint's secret from the Dashboard
  $ STRIPE_WEBHOOK_SECRET=whsec_… identity-golive probe http://127.0.0.1:4242/webhook
  $ STRIPE_WEBHOOK_SECRET=whsec_… identity-golive probe --timeout 2 --format json`,
    )
    .action(async (url: string | undefined, options: ProbeOptions) => {
      const { runProbeCommand } = await import('../../app/probe.js');
      setExit(await runProbeCommand({ ...options, url: positionalUrl(url, options.url) }, io));
    });
};

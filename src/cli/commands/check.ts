import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandRegistrar } from '../main.js';
import { REPORTER_NAMES, type ReporterName } from '../../report/names.js';
import type { FailOn } from '../../engine/exit-code.js';
import { addTargetOptions, type TargetOptions } from './shared-options.js';

export interface CheckOptions extends TargetOptions {
  format: ReporterName;
  snapshot?: string;
  printConfig?: boolean;
  /** Probe the webhook handler and fold its results into the webhooks item. */
  probe?: boolean;
  probeUrl?: string;
  probeTimeout?: string;
  allowRemote?: boolean;
  /** `<format>=<file>` specs, repeatable. */
  report?: string[];
  failOn?: FailOn;
  /** null or absent: no limit. */
  maxWarnings?: number | null;
  quiet?: boolean;
  strict?: boolean;
  /** False with --no-inline-suppressions. */
  inlineSuppressions?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function parseMaxWarnings(value: string): number | null {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || n < -1) throw new InvalidArgumentError('expected a whole number ≥ 0 (or -1 for no limit).');
  return n === -1 ? null : n;
}

export const registerCheck: CommandRegistrar = (program: Command, io, setExit) => {
  const command = program
    .command('check', { isDefault: true })
    .description('Check the project and Stripe account against the go-live checklist and print a report.')
    .argument('[dir]', 'the project (default: the nearest directory upward with a config or .git)');
  addTargetOptions(command)
    .addOption(new Option('-f, --format <format>', 'report format on stdout').choices(REPORTER_NAMES).default('pretty'))
    .option('--report <format=file>', `also write a report to a file (repeatable; formats: ${REPORTER_NAMES.join(', ')}; file "-" is stdout; markdown to $GITHUB_STEP_SUMMARY is appended)`, collect)
    .addOption(new Option('--fail-on <level>', 'the threshold: "error" fails on rules at error severity, "warn" on any warning too').choices(['error', 'warn']).default('error'))
    .option('--max-warnings <n>', 'fail when there are more warnings than this (-1: no limit)', parseMaxWarnings)
    .option('--strict', 'count "to confirm" (manual) and skipped rules as failures: accept nothing unproven')
    .option('-q, --quiet', 'terminal report: show only what blocks go-live or could not be checked')
    .option('--no-inline-suppressions', 'ignore identity-golive-disable-next-line directives in code (config suppressions still apply)')
    .option('--snapshot <file>', 'replay artifacts saved by `identity-golive gather` instead of calling Stripe')
    .option('--print-config', 'print the resolved config as JSON and exit')
    .option('--probe', 'also probe the webhook handler with signed Identity events (see `identity-golive probe --help`)')
    .option('--probe-url <url>', 'the webhook route to probe (implies --probe; default: config webhook.url)')
    .option('--probe-timeout <seconds>', 'time budget for each probe answer', '5')
    .option('--allow-remote', 'let --probe send to a public address')
    .addHelpText(
      'after',
      `
Examples:
  $ STRIPE_API_KEY=rk_test_… identity-golive check
  $ identity-golive check ../myapp --offline                  # another project
  $ STRIPE_LIVE_API_KEY=rk_live_… STRIPE_TEST_API_KEY=rk_test_… identity-golive check --format json
  $ identity-golive check --snapshot golive-snapshot.json     # no key needed
  $ identity-golive check --rule webhook-endpoint-registered
  $ STRIPE_WEBHOOK_SECRET=whsec_… identity-golive check --probe-url http://127.0.0.1:4242/webhook
  $ identity-golive check --report sarif=golive.sarif --report junit=junit.xml \\
      --report markdown="$GITHUB_STEP_SUMMARY" --report github=-   # in CI

Everything is always shown; only the exit code follows --fail-on, --max-warnings and --strict.

A read-only restricted key needs: Account Read (connected_account_read), Webhook Endpoints
Read, Event Destinations Read, Events Read, Identity Verification Sessions and Reports Read.`,
    )
    .action(async (dir: string | undefined, options: CheckOptions) => {
      const { runCheckCommand } = await import('../../app/check.js');
      setExit(await runCheckCommand({ ...options, dir }, io));
    });
};

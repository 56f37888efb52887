// Options `check` and `gather` share: where to look, what to run, how to reach Stripe.
import { Option, type Command } from 'commander';

export interface TargetOptions {
  /** The positional `[dir]`: the project, like --cwd. */
  dir?: string;
  cwd?: string;
  config?: string;
  rule?: string[];
  only?: string;
  offline?: boolean;
  apiBase?: string;
  debug?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addTargetOptions(command: Command): Command {
  return command
    .option('--cwd <dir>', 'the project to check (default: the nearest directory upward with a config or .git)')
    .option('-c, --config <path>', 'config file (default: searched in the project: package.json "identity-golive", .identity-goliverc*, identity-golive.config.*)')
    .option('-r, --rule <id>', 'run only this rule (repeatable)', collect)
    .option('--only <ids>', 'run only these rules, comma-separated')
    .option('--offline', 'no network: Stripe and page checks are skipped, never passed')
    .addOption(new Option('--api-base <url>', 'Stripe API base URL, e.g. a local stripe-mock (plain http only to loopback)').env('STRIPE_API_BASE'))
    .option('--debug', 'print stack traces for internal errors');
}

export function selectedRuleIds(options: TargetOptions): string[] | null {
  const ids = [...(options.rule ?? []), ...(options.only?.split(',') ?? [])].map((id) => id.trim()).filter(Boolean);
  return ids.length > 0 ? ids : null;
}

import { Option, type Command } from 'commander';
import type { CommandRegistrar } from '../main.js';

export interface AttestOptions {
  cwd?: string;
  config?: string;
  note?: string;
  evidence?: string;
  expires?: string;
  by?: string;
  revoke?: boolean;
  list?: boolean;
  format: 'pretty' | 'json';
}

export const registerAttest: CommandRegistrar = (program: Command, io, setExit) => {
  program
    .command('attest')
    .description("Record a person's confirmation of a checklist item the API cannot show (committed in .identity-golive/attestations.json).")
    .argument('[item]', 'the confirmation to record (see --list), or a rule id: the confirmations it needs')
    .option('-n, --note <text>', 'what was checked, and how (required to record)')
    .option('-e, --evidence <url>', 'a link that shows it (ticket, document, Dashboard page)')
    .option('--expires <date>', 'when the confirmation lapses, YYYY-MM-DD (default: attestations.expiresAfterDays from now)')
    .option('--by <who>', 'who confirms (default: git user.name <user.email>)')
    .option('--revoke', 'remove the confirmation of <item>')
    .option('-l, --list', 'list every item with its status')
    .addOption(new Option('-f, --format <format>', 'output of --list').choices(['pretty', 'json']).default('pretty'))
    .option('--cwd <dir>', 'the project (default: the nearest directory upward with a config or .git)')
    .option('-c, --config <path>', 'config file (default: searched in the project)')
    .addHelpText(
      'after',
      `
Examples:
  $ identity-golive attest --list
  $ identity-golive attest pricing-confirmed --note "Budget approved for 2k verifications/month"
  $ identity-golive attest identity-branding-reviewed --note "Logo and colours set" --evidence https://dashboard.stripe.com/settings/branding?tab=identity
  $ identity-golive attest development-checklist-followed      # lists its four; asks in a terminal
  $ identity-golive attest development-checklist-followed/keys-rotated --note "Rotated on launch day" --expires 2027-05-01
  $ identity-golive attest --revoke pricing-confirmed

A confirmation is named after the rule that reads it (\`identity-golive rules\`); a rule that needs
several names each <rule>/<part>. Ids of earlier versions are still accepted.

A confirmation lapses after attestations.expiresAfterDays (default 180); an unconfirmed or lapsed
item makes \`check\` report it as "to confirm", which fails the run at error severity.`,
    )
    .action(async (item: string | undefined, options: AttestOptions) => {
      const { runAttestCommand } = await import('../../app/attest.js');
      setExit(await runAttestCommand(item, options, io));
    });
};

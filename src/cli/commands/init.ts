import type { Command } from 'commander';
import type { CommandRegistrar } from '../main.js';

export interface InitOptions {
  cwd?: string;
  yes?: boolean;
  force?: boolean;
  privacyPolicyUrl?: string;
  faqUrl?: string;
  deletionUrl?: string;
  webhookUrl?: string;
}

export const registerInit: CommandRegistrar = (program: Command, io, setExit) => {
  program
    .command('init')
    .description('Write identity-golive.config.json, prefilled from what the project shows (languages, webhook route) and the URLs you give.')
    .option('-y, --yes', 'no questions: write the detected defaults')
    .option('--force', 'overwrite an existing identity-golive.config.json')
    .option('--privacy-policy-url <url>', 'your public privacy policy (https)')
    .option('--faq-url <url>', 'your customer FAQ about ID verification (https)')
    .option('--deletion-url <url>', 'the page telling users how to delete their data (https)')
    .option('--webhook-url <url>', 'your webhook handler, for `probe`: a local run (http://127.0.0.1:4242/webhooks/stripe) or https')
    .option('--cwd <dir>', 'the project (default: the current directory)')
    .addHelpText('after', '\nExamples:\n  $ identity-golive init\n  $ identity-golive init --yes --privacy-policy-url https://example.com/privacy --faq-url https://example.com/help/identity\n  $ identity-golive init --yes --webhook-url http://127.0.0.1:4242/webhooks/stripe')
    .action(async (options: InitOptions) => {
      const { runInitCommand } = await import('../../app/init.js');
      setExit(await runInitCommand(options, io));
    });
};

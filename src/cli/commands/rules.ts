import { Option, type Command } from 'commander';
import type { CommandRegistrar } from '../main.js';
import { UserError } from '../../util/user-error.js';

export interface RulesOptions {
  format: 'pretty' | 'json';
  /** One row per rule whatever the terminal width (the table needs about 160 columns). */
  wide?: boolean;
}

export interface ExplainOptions {
  /** The page's Markdown source as shipped, unrendered (for a pager or another renderer). */
  markdown?: boolean;
}

export const registerRules: CommandRegistrar = (program: Command, io, setExit) => {
  program
    .command('rules')
    .description('List every rule: its checklist item, default severity, the evidence it reads and the Stripe modes it needs.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('-w, --wide', 'one table row per rule, however wide (default: the table when it fits the terminal, else grouped by checklist item)')
    .action(async (options: RulesOptions) => {
      const { runRulesCommand } = await import('../../app/rules.js');
      setExit(runRulesCommand(options, io));
    });
};

export const registerExplain: CommandRegistrar = (program: Command, io, setExit) => {
  program
    .command('explain')
    .description("Show a rule's documentation: what it checks, why, how to fix it, and the evidence it reads.")
    .argument('[rule]', 'a rule id (see `identity-golive rules`)')
    .option('--markdown', 'print the Markdown source instead of rendering it for the terminal')
    .option('--model', 'print the integration model the code rules judge (JSON: locations and classifications, no values)')
    .option('--cwd <dir>', 'with --model: the project to read (default: the current directory)')
    .action(async (ruleId: string | undefined, options: ExplainOptions & { model?: boolean; cwd?: string }) => {
      if (options.model) {
        const { runExplainModelCommand } = await import('../../app/explain-model.js');
        setExit(await runExplainModelCommand(options, io));
        return;
      }
      if (!ruleId) throw new UserError('explain needs a rule id, or --model.', '`identity-golive rules` lists every rule; `identity-golive explain --model` prints the integration model.');
      const { runExplainCommand } = await import('../../app/rules.js');
      setExit(await runExplainCommand(ruleId, io, options));
    });
};

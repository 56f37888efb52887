import { Option, type Command } from 'commander';
import type { CommandRegistrar } from '../main.js';

export interface RulesOptions {
  format: 'pretty' | 'json';
}

export const registerRules: CommandRegistrar = (program: Command, io, setExit) => {
  program
    .command('rules')
    .description('List every rule: its checklist item, default severity, the evidence it reads and the Stripe modes it needs.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .action(async (options: RulesOptions) => {
      const { runRulesCommand } = await import('../../app/rules.js');
      setExit(runRulesCommand(options, io));
    });
};

export const registerExplain: CommandRegistrar = (program: Command, io, setExit) => {
  program
    .command('explain')
    .description("Show a rule's documentation: what it checks, why, how to fix it, and the evidence it reads.")
    .argument('<rule>', 'a rule id (see `identity-golive rules`)')
    .action(async (ruleId: string) => {
      const { runExplainCommand } = await import('../../app/rules.js');
      setExit(await runExplainCommand(ruleId, io));
    });
};

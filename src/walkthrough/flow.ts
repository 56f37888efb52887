// The walkthrough loop: one checklist item at a time, in order, with its meaning, its automatic
// evidence, and a question wherever a person's confirmation is needed. Every answer is saved at
// once (confirmations as attestations, skips and position in the progress file).
import type { ChalkInstance } from 'chalk';
import { CHECKLIST } from '../engine/checklist.js';
import type { Artifacts } from '../engine/artifacts.js';
import type { Gathered } from '../engine/gathered.js';
import type { AttestationSet } from '../gather/attestations/types.js';
import type { AttestableItem, AttestableItemId } from '../gather/attestations/items.js';
import { ruleLines } from '../report/pretty.js';
import type { Prompter } from '../cli/prompts.js';
import { maskSecrets } from '../util/mask.js';
import { EXPLANATIONS } from './explanations.js';
import { startIndex, viewAll, viewItem, type Evaluation, type ItemState, type ItemView } from './state.js';

export interface WalkthroughDeps {
  prompter: Prompter;
  write: (text: string) => void;
  chalk: ChalkInstance;
  evaluation: Evaluation;
  skipped: Set<string>;
  /** Record a confirmation; returns the fresh Attestations artifact. */
  attest: (item: AttestableItemId, note: string, evidence: string | undefined) => Promise<Gathered<AttestationSet>>;
  /** Persist skips and position after every answer. */
  saveProgress: (position: string | null) => Promise<void>;
}

export type WalkthroughEnd = 'finished' | 'quit';

type Step = 'next' | 'back' | 'quit';

const MARK: Record<ItemState, (chalk: ChalkInstance) => string> = {
  done: (chalk) => chalk.green('✓'),
  open: (chalk) => chalk.cyan('·'),
  skipped: (chalk) => chalk.yellow('-'),
  unchecked: (chalk) => chalk.dim('○'),
};

const STATE_LABEL: Record<ItemState, string> = { done: 'done', open: 'open', skipped: 'skipped', unchecked: 'no check in this version' };

export function overview(views: readonly ItemView[], chalk: ChalkInstance): string {
  const lines = views.map((view) => `  ${MARK[view.state](chalk)} ${String(view.number).padStart(2)}. ${view.item.title} ${chalk.dim(`(${STATE_LABEL[view.state]})`)}`);
  const done = views.filter((view) => view.state === 'done').length;
  return `${chalk.bold("Stripe Identity: before going live")}  ${chalk.dim(`${done} of ${views.length} done`)}\n${lines.join('\n')}\n`;
}

export async function runWalkthrough(deps: WalkthroughDeps): Promise<WalkthroughEnd> {
  const { chalk, write } = deps;
  const views = viewAll(deps.evaluation, deps.skipped);
  write(`\n${overview(views, chalk)}\n`);
  const start = startIndex(views);
  if (start === null) {
    write(chalk.green('Every item is done.\n'));
    return 'finished';
  }
  if (views[start]!.state === 'skipped') write(chalk.dim('Only skipped items are left; starting with the first of them.\n'));
  let index = start;
  let forward = true;
  while (index < CHECKLIST.length) {
    const step = await visit(index, forward, deps);
    if (step === 'quit') return 'quit';
    forward = step !== 'back';
    index = forward ? index + 1 : Math.max(0, index - 1);
    await deps.saveProgress(CHECKLIST[index]?.id ?? null);
  }
  return 'finished';
}

async function visit(index: number, forward: boolean, deps: WalkthroughDeps): Promise<Step> {
  const { chalk, write, prompter } = deps;
  const view = viewItem(index, deps.evaluation, deps.skipped);
  // Moving forward, an item that needs nothing from a person is shown, not asked about.
  if (forward && view.state === 'done') {
    write(`\n${chalk.green('✓')} ${chalk.bold(`${view.number}/${CHECKLIST.length} · ${view.item.title}`)}: done\n${evidence(view, chalk, false)}`);
    return 'next';
  }
  if (forward && view.state === 'unchecked') {
    write(`\n${chalk.dim('○')} ${chalk.bold(`${view.number}/${CHECKLIST.length} · ${view.item.title}`)}\n${EXPLANATIONS[view.item.id]}\n${chalk.dim(`Stripe: ${view.item.docsUrl}`)}\n${evidence(view, chalk, false)}`);
    return 'next';
  }
  write(`\n${chalk.bold(`── ${view.number}/${CHECKLIST.length} · ${view.item.title}`)}\n`);
  write(`${EXPLANATIONS[view.item.id]}\n${chalk.dim(`Stripe: ${view.item.docsUrl}`)}\n\n`);
  write(evidence(view, chalk, true));

  if (view.pending.length === 0) {
    const waiting = view.state !== 'done' && view.state !== 'unchecked';
    const step = await prompter.select<Step>(waiting ? 'Nothing to confirm here; the automatic checks above still need work.' : 'Continue?', [
      { name: waiting ? 'Continue (come back to it later)' : 'Continue', value: 'next' },
      { name: 'Go back', value: 'back' },
      { name: 'Quit (progress is saved)', value: 'quit' },
    ]);
    if (step === 'next' && waiting) await skip(view.item.id, deps);
    return step;
  }

  for (const definition of view.pending) {
    const answer = await prompter.select<'confirm' | 'skip' | 'back' | 'quit'>(maskSecrets(definition.question), [
      { name: 'Yes: record my confirmation', value: 'confirm', description: definition.url },
      { name: 'Skip for now', value: 'skip' },
      { name: 'Go back', value: 'back' },
      { name: 'Quit (progress is saved)', value: 'quit' },
    ]);
    if (answer === 'back' || answer === 'quit') return answer;
    if (answer === 'skip') {
      await skip(view.item.id, deps);
      continue;
    }
    await confirm(definition, deps);
  }

  const after = viewItem(index, deps.evaluation, deps.skipped);
  if (after.state === 'done') {
    deps.skipped.delete(after.item.id);
    write(chalk.green(`✓ ${after.item.title}: done.\n`));
  } else {
    if (after.pending.length === 0) write(chalk.yellow('Confirmed; the automatic checks above still need work.\n'));
    await skip(after.item.id, deps);
  }
  return 'next';
}

async function confirm(definition: AttestableItem, deps: WalkthroughDeps): Promise<void> {
  const note = await deps.prompter.input('Note: what was checked, and how?', {
    validate: (value) => (!value.trim() ? 'A short note, please: it is what a reviewer reads later.' : looksSecret(value) ?? true),
  });
  const evidence = await deps.prompter.input('Evidence URL (optional, Enter to leave out):', {
    validate: (value) => (!value.trim() ? true : !/^https?:\/\/\S+$/.test(value.trim()) ? 'An http(s) URL, or nothing.' : looksSecret(value) ?? true),
  });
  const fresh = await deps.attest(definition.id as AttestableItemId, note.trim(), evidence.trim() || undefined);
  deps.evaluation = { ...deps.evaluation, artifacts: { ...deps.evaluation.artifacts, Attestations: fresh } as Partial<Artifacts> };
  deps.write(deps.chalk.green(`Recorded ${definition.id}.\n`));
}

/** The attestations file is committed: no keys, webhook secrets or session links in it. */
function looksSecret(value: string): string | null {
  return maskSecrets(value) === value ? null : 'That looks like a secret (a key, webhook secret or session link); the file is committed. Describe it instead.';
}

async function skip(itemId: string, deps: WalkthroughDeps): Promise<void> {
  deps.skipped.add(itemId);
  await deps.saveProgress(itemId);
}

/** The rules' results as the report shows them, minus "not confirmed yet" (the question below asks it). */
function evidence(view: ItemView, chalk: ChalkInstance, heading: boolean): string {
  if (view.results.length === 0) return `${chalk.dim('No automatic check for this item in this version.')}\n\n`;
  const lines = view.results.flatMap((result) => ruleLines({ ...result, findings: result.findings.filter((finding) => finding.messageId !== 'notAttested') }, chalk));
  return `${heading ? `${chalk.bold('Evidence')}\n` : ''}${lines.join('\n')}\n\n`;
}

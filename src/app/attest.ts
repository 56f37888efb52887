// `identity-golive attest`: record, revoke or list attestations without prompts.
import type { CliIo } from '../cli/io.js';
import type { AttestOptions } from '../cli/commands/attest.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { terminalColumns } from '../cli/terminal.js';
import { oneLine } from '../report/text.js';
import { wrapLine } from '../report/wrap.js';
import { ATTESTABLE_ITEMS, FORMER_IDS, currentItemId, isAttestableItem, type AttestableItemId } from '../gather/attestations/items.js';
import { isCi } from '../cli/io.js';
import { attestationState, daysLeftText, expiringSoon, isoDay } from '../gather/attestations/status.js';
import { UserError } from '../util/user-error.js';
import { maskSecrets } from '../util/mask.js';
import { listAttestations, openAttestationProject, recordAttestation, requireItem, resolveAttestTarget, revokeAttestation, type AttestTarget } from './attestations.js';

export async function runAttestCommand(item: string | undefined, options: AttestOptions, io: CliIo, now = Date.now()): Promise<ExitCode> {
  const recording = options.note !== undefined || options.evidence !== undefined || options.expires !== undefined || options.by !== undefined;
  if (options.list && (item !== undefined || options.revoke || recording)) throw new UserError('--list takes no item and no other option.', 'Run `identity-golive attest --list` on its own.');
  if (options.revoke && recording) throw new UserError('--revoke takes only the item.', 'Run `identity-golive attest --revoke <item>`.');
  const project = await openAttestationProject(options, io);
  // Paths below are relative to the project root; say which one when it is not where we were run.
  if (project.rootNotice) io.stderr.write(`${project.rootNotice}\n`);
  if (options.list) return list(project, options, io, now);

  if (options.revoke) {
    if (item === undefined) requireItem(item);
    // An id no longer known (from an older version, or a typo by hand) may still be removed from the file.
    const entries = await listAttestations(project);
    const id = currentItemId(item!) ?? (entries.some((entry) => entry.item === item) ? item! : requireItem(item));
    renamed(item!, id, io);
    const removed = await revokeAttestation(project, id);
    io.stderr.write(removed ? `Revoked ${id} in ${project.display}.\n` : `${id} was not attested; nothing changed.\n`);
    return 0;
  }

  const target = resolveAttestTarget(item);
  if (target.kind === 'several') return attestSeveral(target, project, options, io, now);
  const id = target.id;
  renamed(target.typed, id, io);
  if (!options.note?.trim()) {
    throw new UserError(`--note is required to attest ${id}: say what was checked, and how.`, `e.g. identity-golive attest ${id} --note "Reviewed with legal on 2026-11-20"`);
  }
  const { entry, replaced, keptExpiry } = await recordAttestation(project, { item: id, note: options.note, evidence: options.evidence, expires: options.expires, by: options.by }, now);
  const lines = [`${replaced ? 'Replaced' : 'Recorded'} ${id}: confirmed by ${entry.by} on ${isoDay(now)}, valid through ${entry.expires}${keptExpiry ? ' (the --expires date given before; pass --expires to change it)' : ''}.`];
  if (replaced) lines.push(`  was: confirmed by ${replaced.by} on ${replaced.at.slice(0, 10)}, valid through ${replaced.expires}.`);
  lines.push(`  in ${project.display}; commit it so CI sees it.`);
  io.stderr.write(maskSecrets(`${lines.join('\n')}\n`));
  return 0;
}

/** A former id still works; say once what it is called now, so scripts and docs can catch up. */
function renamed(typed: string, id: string, io: CliIo): void {
  if (typed !== id && FORMER_IDS.get(typed) === id) io.stderr.write(`"${typed}" is now called "${id}".\n`);
}

type Project = Awaited<ReturnType<typeof openAttestationProject>>;

/**
 * `attest <rule>` for a rule (or checklist item) that needs several confirmations: list them with
 * their status; in a terminal, offer to record each one still open; elsewhere (pipes, CI) never
 * prompt, but print the exact commands and exit 2 while any is open.
 */
async function attestSeveral(target: Extract<AttestTarget, { kind: 'several' }>, project: Project, options: AttestOptions, io: CliIo, now: number): Promise<ExitCode> {
  if (options.note !== undefined || options.evidence !== undefined) {
    throw new UserError(
      `${target.what} needs ${target.items.length} confirmations; --note and --evidence describe one.`,
      `Record them one by one: ${target.items.map((entry) => `\`identity-golive attest ${entry.id} --note "…"\``).join(', ')}; or run \`identity-golive attest ${target.typed}\` in a terminal to be asked.`,
    );
  }
  const chalk = chalkFor(io);
  const write = (text: string): void => void io.stderr.write(maskSecrets(text));
  const entries = await listAttestations(project);
  const states = target.items.map((definition) => ({ definition, state: attestationState(entries, definition.id, now) }));
  const open = states.filter(({ state }) => state.state !== 'current').map(({ definition }) => definition);
  write(`${target.what} needs ${target.items.length} confirmations (${project.display}):\n`);
  for (const { definition, state } of states) {
    const status = state.state === 'current' ? `${chalk.green('✓')} ${definition.id}  confirmed by ${state.entry.by}, valid through ${isoDay(state.expiresAt - 1)}` : `${state.state === 'expired' ? chalk.yellow('!') : chalk.cyan('?')} ${definition.id}  ${definition.question}`;
    write(`  ${status}\n`);
  }
  if (open.length === 0) {
    write(`All ${target.items.length} are confirmed; \`identity-golive attest <item> --note "…"\` renews one.\n`);
    return 0;
  }
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY) && !isCi(io.env);
  if (!interactive) {
    const why = isCi(io.env) ? 'CI is set' : 'not a terminal';
    write(`\nNothing recorded (${why}, so no questions asked). When each is true, run:\n`);
    for (const definition of open) write(`  identity-golive attest ${definition.id} --note "…"\n`);
    return 2;
  }
  const { createPrompter } = await import('../cli/prompts.js');
  const prompter = await createPrompter(io);
  let recorded = 0;
  for (const definition of open) {
    if (!(await prompter.confirm(`${definition.id}: ${definition.question} Record a confirmation now?`, false))) continue;
    const note = await prompter.input('What was checked, and how? (the note)', { validate: (value) => (value.trim() ? true : 'A note is required: it is what a reviewer reads later.') });
    const evidence = await prompter.input('A link that shows it (optional, http/https)', { validate: (value) => (!value.trim() || /^https?:\/\/\S+$/.test(value.trim()) ? true : 'An http(s) link, or nothing.') });
    const { entry, replaced } = await recordAttestation(project, { item: definition.id as AttestableItemId, note, evidence: evidence.trim() || undefined, expires: options.expires, by: options.by }, Date.now());
    recorded += 1;
    write(`${replaced ? 'Replaced' : 'Recorded'} ${definition.id}: confirmed by ${entry.by}, valid through ${entry.expires}.\n`);
  }
  const left = open.length - recorded;
  write(left === 0 ? `All ${target.items.length} confirmed in ${project.display}; commit it so CI sees it.\n` : `${left} still open; \`identity-golive attest ${target.typed}\` asks again.\n`);
  return 0;
}

function list(project: Awaited<ReturnType<typeof openAttestationProject>>, options: AttestOptions, io: CliIo, now: number): Promise<ExitCode> {
  return listAttestations(project).then((entries) => {
    const rows = ATTESTABLE_ITEMS.map((definition) => ({ definition, state: attestationState(entries, definition.id, now) }));
    const unknown = entries.filter((entry) => !isAttestableItem(entry.item));
    if (options.format === 'json') {
      const items = rows.map(({ definition, state }) => ({
        item: definition.id,
        rule: definition.rule,
        checklistItem: definition.item,
        question: definition.question,
        url: definition.url,
        state: state.state,
        ...(state.state === 'missing' ? {} : { attestation: state.entry }),
        ...(expiringSoon(state, now, project.config.expiryWarningDays) ? { expiresSoon: true } : {}),
      }));
      io.stdout.write(`${JSON.stringify({ file: project.display, items, unknown }, null, 2)}\n`);
      return 0;
    }
    const chalk = chalkFor(io);
    const columns = terminalColumns(io);
    const width = Math.max(...rows.map(({ definition }) => definition.id.length));
    const lines = [chalk.bold(`Attestations in ${project.display}`), ''];
    // One entry per item, wrapped under its text (not under the icon and id).
    const row = (icon: string, name: string, text: string) => lines.push(...wrapLine(text, columns, { first: `${icon} ${name.padEnd(width)}  `, hanging: ' '.repeat(width + 4) }));
    for (const { definition, state } of rows) {
      const name = definition.id;
      const soon = expiringSoon(state, now, project.config.expiryWarningDays);
      if (soon) {
        // Still valid, but not for long: a warning with the date, before it turns into "to confirm".
        row(chalk.yellow('!'), name, `${soon.entry.by}, ${soon.entry.at.slice(0, 10)}, ${chalk.yellow(`valid through ${soon.lastDay} (${daysLeftText(soon.daysLeft)})`)}${soon.entry.note ? chalk.dim(` — ${oneLine(soon.entry.note)}`) : ''}`);
      } else if (state.state === 'current') {
        row(chalk.green('✓'), name, `${state.entry.by}, ${state.entry.at.slice(0, 10)}, valid through ${isoDay(state.expiresAt - 1)}${state.entry.note ? chalk.dim(` — ${oneLine(state.entry.note)}`) : ''}`);
      } else if (state.state === 'expired') {
        const why = state.reason === 'malformed_date' ? `malformed date (expires "${state.entry.expires}")` : `expired ${state.entry.expires}`;
        row(chalk.yellow('!'), name, `${why}, by ${state.entry.by}`);
      } else {
        row(chalk.cyan('?'), name, chalk.dim(definition.question));
      }
    }
    for (const entry of unknown) row(chalk.dim('-'), oneLine(entry.item), chalk.dim('not an item this version knows; `attest --revoke` removes it'));
    lines.push('', ...wrapLine(chalk.dim('Record one: identity-golive attest <item> --note "…"   ·   all, guided: identity-golive walkthrough'), columns));
    io.stdout.write(maskSecrets(`${lines.join('\n')}\n`));
    return 0 as ExitCode;
  });
}

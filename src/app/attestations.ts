// Recording and revoking attestations: what `attest` and the walkthrough share. Validates input
// as a user error (exit 2) before anything is written.
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Attestation } from '../gather/attestations/types.js';
import { ATTESTABLE_IDS, ATTESTABLE_ITEMS, attestableItemsFor, attestableItemsForRule, currentItemId, type AttestableItem, type AttestableItemId } from '../gather/attestations/items.js';
import { CHECKLIST, CHECKLIST_ORDER, type ChecklistItemId } from '../engine/checklist.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { readAttestations, resolveAttestationsFile, updateAttestations, upsert } from '../gather/attestations/file.js';
import { defaultExpiry, expiryInstant } from '../gather/attestations/status.js';
import { gitIdentity } from '../util/git-identity.js';
import { maskSecrets } from '../util/mask.js';
import { didYouMean } from '../util/suggest.js';
import { UserError } from '../util/user-error.js';
import { resolveProject } from './prepare.js';

export interface AttestationProject {
  cwd: string;
  config: ResolvedConfig;
  /** Absolute path of the attestations file. */
  file: string;
  /** The same path as shown to people: relative to the project. */
  display: string;
  /** Which root was found, when it is not the current directory ("Project root: …"). */
  rootNotice: string | null;
}

/**
 * The project whose attestations file to use. Outside any project (no config, no .git upward, no
 * --cwd) it refuses: a confirmation written into a stray directory would never reach CI.
 */
export async function openAttestationProject(options: { cwd?: string; config?: string }, io: CliIo, command = 'attest'): Promise<AttestationProject> {
  const project = resolveProject(io, options);
  if (project.how === 'none') {
    throw new UserError(
      `Not inside a project: no identity-golive config or .git in ${project.cwd} or any directory above it, so ${command} would not know where the attestations file belongs.`,
      'Run it from your project (or pass --cwd <project>); `identity-golive init` writes a config that marks the project.',
    );
  }
  const { cwd } = project;
  const config = await loadConfig({ cwd, configPath: project.configPath });
  const file = resolveAttestationsFile(cwd, config.attestations.file);
  return { cwd, config, file, display: path.relative(cwd, file).split(path.sep).join('/') || file, rootNotice: project.notice?.message ?? null };
}

/** What a name typed after `attest` means: one confirmation, or the several behind a rule or checklist item. */
export type AttestTarget =
  | { kind: 'one'; id: AttestableItemId; typed: string }
  | { kind: 'several'; typed: string; /** "The rule …" or "Checklist item …", to start a sentence. */ what: string; items: readonly AttestableItem[] };

/**
 * Resolve a typed name: a confirmation id (today's or a former one), a rule id, or a checklist
 * item id. A rule judged without a person's confirmation, or an unknown name, is a user error
 * that says what to type instead.
 */
export function resolveAttestTarget(typed: string | undefined): AttestTarget {
  if (typed === undefined) {
    throw new UserError('Which item? `attest` needs an item id.', `Valid items: ${ATTESTABLE_IDS.join(', ')}. \`identity-golive attest --list\` shows them with their status.`);
  }
  const id = currentItemId(typed);
  if (id) return { kind: 'one', id, typed };
  const rule = RULES_BY_ID.get(typed);
  const forRule = attestableItemsForRule(typed);
  if (forRule.length > 0) return { kind: 'several', typed, what: `The rule ${typed}`, items: forRule };
  const checklist = CHECKLIST.find((entry) => entry.id === typed);
  if (checklist) {
    const forItem = attestableItemsFor(checklist.id);
    if (forItem.length === 1) return { kind: 'one', id: forItem[0]!.id as AttestableItemId, typed };
    if (forItem.length > 1) return { kind: 'several', typed, what: `Checklist item ${CHECKLIST_ORDER.get(checklist.id)} (${checklist.title})`, items: forItem };
    throw new UserError(`Checklist item ${CHECKLIST_ORDER.get(checklist.id)} (${checklist.title}) needs no person's confirmation: its rules judge code and Stripe evidence.`, `\`identity-golive check --only ${rulesOf(checklist.id).join(',')}\` checks it.`);
  }
  if (rule) {
    const siblings = attestableItemsFor(rule.meta.item).map((entry) => entry.id);
    const sibling = siblings.length > 0 ? ` Item ${CHECKLIST_ORDER.get(rule.meta.item)}'s confirmation${siblings.length > 1 ? 's are' : ' is'} ${siblings.map((entry) => `"${entry}"`).join(', ')}.` : '';
    throw new UserError(
      `${typed} needs no person's confirmation: it judges ${rule.meta.requiredArtifacts.join(', ')}.${sibling}`,
      `\`identity-golive check --rule ${typed}\` runs it; \`identity-golive attest --list\` shows what can be confirmed.`,
    );
  }
  const groups = [...new Set(ATTESTABLE_ITEMS.map((entry) => entry.rule))];
  throw new UserError(
    `Unknown item "${typed}".${didYouMean(typed, [...new Set([...ATTESTABLE_IDS, ...groups])])}`,
    `Valid items: ${ATTESTABLE_IDS.join(', ')}. \`identity-golive attest --list\` shows them with their status.`,
  );
}

/** One confirmation id, for the commands that take exactly one (a rule needing several is refused, listing them). */
export function requireItem(typed: string | undefined): AttestableItemId {
  const target = resolveAttestTarget(typed);
  if (target.kind === 'one') return target.id;
  throw new UserError(
    `${target.what} needs ${target.items.length} confirmations: ${target.items.map((entry) => entry.id).join(', ')}.`,
    `Name one of them, e.g. \`identity-golive attest ${target.items[0]!.id} --note "…"\`, or run \`identity-golive attest ${typed}\` alone to go through them.`,
  );
}

function rulesOf(item: ChecklistItemId): string[] {
  return [...RULES_BY_ID.values()].filter((rule) => rule.meta.item === item).map((rule) => rule.meta.id);
}

export interface AttestInput {
  item: AttestableItemId;
  note?: string;
  evidence?: string;
  /** YYYY-MM-DD (or an ISO date-time); default: config `attestations.expiresAfterDays` from now. */
  expires?: string;
  /** Default: git `user.name <user.email>`. */
  by?: string;
}

/**
 * The expiry of a (re-)attestation: the new --expires, else the date a person gave last time
 * while it is still ahead, else the default. `kept` says a given date was carried over.
 */
export function chooseExpiry(input: Pick<AttestInput, 'expires'>, previous: Attestation | undefined, now: number, defaultDays: number): { expires: string; given: boolean; kept: boolean } {
  const explicit = input.expires?.trim();
  if (explicit) return { expires: explicit, given: true, kept: false };
  const carried = previous?.expiresGiven ? expiryInstant(previous.expires) : null;
  if (previous && carried !== null && carried > now) return { expires: previous.expires, given: true, kept: true };
  return { expires: defaultExpiry(now, defaultDays), given: false, kept: false };
}

export async function buildAttestation(project: AttestationProject, input: AttestInput, now: number, previous?: Attestation): Promise<Attestation> {
  const note = input.note?.trim();
  const evidence = input.evidence?.trim();
  // The file is committed: a key, webhook secret or session link in it would be published.
  for (const [flag, value] of [['--note', note], ['--evidence', evidence], ['--by', input.by?.trim()]] as const) {
    if (value && maskSecrets(value) !== value) {
      throw new UserError(`${flag} looks like it contains a secret (${maskSecrets(value)}); the attestations file is committed.`, 'Describe the evidence, or link to where it is kept, without the secret itself.');
    }
  }
  if (evidence) {
    let url: URL | null = null;
    try {
      url = new URL(evidence);
    } catch {
      url = null;
    }
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new UserError(`--evidence must be an http(s) URL, got "${evidence}".`, 'Link to the ticket, document or Dashboard page that shows it, e.g. https://linear.app/acme/issue/OPS-12.');
    }
  }
  const { expires, given } = chooseExpiry(input, previous, now, project.config.attestations.expiresAfterDays);
  const expiresAt = expiryInstant(expires);
  if (expiresAt === null) throw new UserError(`--expires must be a date such as 2027-05-01, got "${expires}".`, 'Use YYYY-MM-DD (valid through that day, UTC).');
  if (expiresAt <= now) throw new UserError(`--expires ${expires} is already past.`, 'Give a date in the future, or omit --expires for the default.');
  const by = input.by?.trim() || (await gitIdentity(project.cwd));
  if (!by) {
    throw new UserError('Cannot tell who is attesting: git has no user.name or user.email here.', 'Pass --by "Your Name <you@example.com>", or run `git config user.name` and `git config user.email`.');
  }
  return {
    item: input.item,
    by,
    at: new Date(now).toISOString(),
    expires,
    ...(given ? { expiresGiven: true } : {}),
    ...(note ? { note } : {}),
    ...(evidence ? { evidence } : {}),
  };
}

export interface Recorded {
  entry: Attestation;
  /** The attestation this one replaced, if the item was attested before. */
  replaced: Attestation | null;
  /** The earlier --expires date was carried over (no new one given). */
  keptExpiry: boolean;
}

export async function recordAttestation(project: AttestationProject, input: AttestInput, now: number): Promise<Recorded> {
  const before = (await listAttestations(project)).find((existing) => existing.item === input.item);
  const entry = await buildAttestation(project, input, now, before);
  let replaced: Attestation | null = null;
  await updateAttestations(project.file, project.display, (entries) => {
    // What the file holds under the lock is what gets replaced.
    replaced = entries.find((existing) => existing.item === entry.item) ?? null;
    return upsert(entries, entry);
  });
  return { entry, replaced, keptExpiry: chooseExpiry(input, before, now, project.config.attestations.expiresAfterDays).kept };
}

/** Remove an item's attestation; false when there was none. Any id in the file may be revoked. */
export async function revokeAttestation(project: AttestationProject, item: string): Promise<boolean> {
  let found = false;
  await updateAttestations(project.file, project.display, (entries) => {
    found = entries.some((entry) => entry.item === item);
    return found ? entries.filter((entry) => entry.item !== item) : entries;
  });
  return found;
}

export async function listAttestations(project: AttestationProject): Promise<Attestation[]> {
  return (await readAttestations(project.file, project.display)).entries;
}

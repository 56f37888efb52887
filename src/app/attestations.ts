// Recording and revoking attestations: what `attest` and the walkthrough share. Validates input
// as a user error (exit 2) before anything is written.
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Attestation } from '../gather/attestations/types.js';
import { ATTESTABLE_IDS, isAttestableItem, type AttestableItemId } from '../gather/attestations/items.js';
import { readAttestations, resolveAttestationsFile, updateAttestations, upsert } from '../gather/attestations/file.js';
import { defaultExpiry, expiryInstant } from '../gather/attestations/status.js';
import { gitIdentity } from '../util/git-identity.js';
import { maskSecrets } from '../util/mask.js';
import { suggest } from '../util/suggest.js';
import { UserError } from '../util/user-error.js';
import { resolveCwd } from './prepare.js';

export interface AttestationProject {
  cwd: string;
  config: ResolvedConfig;
  /** Absolute path of the attestations file. */
  file: string;
  /** The same path as shown to people: relative to the project. */
  display: string;
}

export async function openAttestationProject(options: { cwd?: string; config?: string }, io: CliIo): Promise<AttestationProject> {
  const cwd = resolveCwd(io, options.cwd);
  const config = await loadConfig({ cwd, configPath: options.config });
  const file = resolveAttestationsFile(cwd, config.attestations.file);
  return { cwd, config, file, display: path.relative(cwd, file).split(path.sep).join('/') || file };
}

export function requireItem(item: string | undefined): AttestableItemId {
  if (item !== undefined && isAttestableItem(item)) return item;
  const close = item === undefined ? [] : suggest(item, ATTESTABLE_IDS);
  const message = item === undefined ? 'Which item? `attest` needs an item id.' : `Unknown item "${item}".${close.length > 0 ? ` Did you mean ${close.map((id) => `"${id}"`).join(' or ')}?` : ''}`;
  throw new UserError(message, `Valid items: ${ATTESTABLE_IDS.join(', ')}. \`identity-golive attest --list\` shows them with their status.`);
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
  for (const [flag, value] of [['--note', note], ['--evidence', evidence]] as const) {
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

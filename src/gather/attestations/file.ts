// The attestations file: committed, human-readable JSON, validated with zod. Reading never resets
// a file that does not parse (the error names line and column); writing happens under a lock file
// as read-merge-write, so concurrent writers keep each other's entries.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import type { Attestation, AttestationSet } from './types.js';
import { ATTESTABLE_IDS, currentItemId } from './items.js';
import { parseDateTime } from './status.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { withFileLock } from '../../util/file-lock.js';
import { jsonSyntaxProblem, locateJsonPath } from '../../util/json-locate.js';
import { UserError } from '../../util/user-error.js';

export const ATTESTATIONS_FILE_VERSION = 1;

const entrySchema = z.strictObject({
  item: z.string().min(1, 'expected the attested item id'),
  by: z.string().trim().min(1, 'expected who attested, e.g. "Ada Lovelace <ada@example.com>"'),
  // Dates stay strings: a malformed one counts as expired (status.ts) rather than breaking the run.
  at: z.string({ error: 'expected an ISO date-time such as 2026-11-22T12:00:00.000Z' }),
  expires: z.string({ error: 'expected a date such as 2027-05-01' }),
  expiresGiven: z.boolean().optional(),
  note: z.string().optional(),
  evidence: z.string().optional(),
});

const fileSchema = z
  .object({
    about: z.string().optional(),
    version: z.literal(ATTESTATIONS_FILE_VERSION, { error: `expected version ${ATTESTATIONS_FILE_VERSION}` }),
    attestations: z.array(entrySchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.attestations.forEach((entry, index) => {
      const first = seen.get(entry.item);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['attestations', index, 'item'], message: `"${entry.item}" is attested twice (entries ${first} and ${index}); keep one` });
      else seen.set(entry.item, index);
    });
  });

const ABOUT =
  'Go-live checklist items confirmed by a person, recorded by `identity-golive attest` and `identity-golive walkthrough`. Commit this file; CI reads it.';

export type AttestationFileProblem = 'io' | 'invalid';

/** A file that cannot be read or does not validate: a user error (exit 2), never a silent reset. */
export class AttestationFileError extends UserError {
  constructor(
    readonly kind: AttestationFileProblem,
    message: string,
    hint: string,
  ) {
    super(message, hint);
    this.name = 'AttestationFileError';
  }
}

export function resolveAttestationsFile(cwd: string, configured: string): string {
  return path.resolve(cwd, configured);
}

/** Parse the file's text; `display` is the path shown in errors. */
export function parseAttestations(source: string, display: string): Attestation[] {
  // Editors on Windows may add a byte-order mark; it is not part of the JSON.
  const text = source.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const { message, position } = jsonSyntaxProblem(text) ?? { message: String(error), position: { line: 1, column: 1 } };
    throw new AttestationFileError(
      'invalid',
      `${display}:${position.line}:${position.column}: not valid JSON (${message})`,
      `Fix the file by hand (it was not changed), or restore it with \`git checkout -- ${display}\`.`,
    );
  }
  const result = fileSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const where = locateJsonPath(text, issue.path);
      const key = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
      return `  ${display}:${where.line}:${where.column}: ${key || '(root)'}: ${issue.message}`;
    });
    throw new AttestationFileError(
      'invalid',
      `${display} is not a valid attestations file:\n${issues.join('\n')}`,
      `Fix these entries by hand (the file was not changed); valid item ids: ${ATTESTABLE_IDS.join(', ')}.`,
    );
  }
  return migrateItemIds(result.data.attestations);
}

/**
 * Entries recorded under an earlier version's id get today's id, so no confirmation is lost; the
 * next write saves them so. When a file holds both spellings of one item (two branches merged),
 * the later confirmation wins.
 */
export function migrateItemIds(entries: readonly Attestation[]): Attestation[] {
  const byItem = new Map<string, Attestation>();
  for (const entry of entries) {
    const item = currentItemId(entry.item) ?? entry.item;
    const migrated = item === entry.item ? entry : { ...entry, item };
    const earlier = byItem.get(item);
    if (earlier === undefined || recordedAt(migrated) > recordedAt(earlier) || (recordedAt(migrated) === recordedAt(earlier) && migrated === entry)) byItem.set(item, migrated);
  }
  return [...byItem.values()];
}

const recordedAt = (entry: Attestation): number => parseDateTime(entry.at) ?? Number.NEGATIVE_INFINITY;

/** Read the file; a missing file is an empty set (nobody attested anything yet). */
export async function readAttestations(file: string, display = file): Promise<AttestationSet> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file: display, entries: [] };
    throw new AttestationFileError('io', `Cannot read ${display}: ${code ?? String(error)}`, 'Check the file permissions, or the `attestations.file` path in your config.');
  }
  return { file: display, entries: parseAttestations(text, display) };
}

const ORDER = new Map<string, number>(ATTESTABLE_IDS.map((id, index) => [id, index]));

export function serializeAttestations(entries: readonly Attestation[]): string {
  const sorted = [...entries].sort((a, b) => (ORDER.get(a.item) ?? 999) - (ORDER.get(b.item) ?? 999) || a.item.localeCompare(b.item));
  // Fixed key order keeps diffs of the committed file small and readable.
  const attestations = sorted.map(({ item, by, at, expires, expiresGiven, note, evidence }) => ({
    item,
    by,
    at,
    expires,
    ...(expiresGiven ? { expiresGiven } : {}),
    ...(note === undefined ? {} : { note }),
    ...(evidence === undefined ? {} : { evidence }),
  }));
  return `${JSON.stringify({ about: ABOUT, version: ATTESTATIONS_FILE_VERSION, attestations }, null, 2)}\n`;
}

/**
 * Change the file under its lock: read what is there now (another writer may just have added an
 * entry), apply `change`, write atomically. Returns the entries now in the file; when `change`
 * returns its input unchanged, nothing is written.
 */
export async function updateAttestations(file: string, display: string, change: (entries: Attestation[]) => Attestation[]): Promise<Attestation[]> {
  return withFileLock(`${file}.lock`, async () => {
    const current = await readAttestations(file, display);
    const next = change(current.entries);
    if (next === current.entries) return next;
    await writeFileAtomic(file, serializeAttestations(next));
    return next;
  });
}

/** Add or replace the attestation of one item. */
export function upsert(entries: readonly Attestation[], entry: Attestation): Attestation[] {
  return [...entries.filter((existing) => existing.item !== entry.item), entry];
}

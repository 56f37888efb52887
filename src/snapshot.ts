// Snapshots: the gathered artifacts saved as JSON and replayed by `check --snapshot`.
// Artifacts are facts (no secrets, no PII) by construction; Config always comes from the live run.
import { readFile } from 'node:fs/promises';
import type { ArtifactId, Artifacts } from './engine/artifacts.js';
import { UserError } from './util/user-error.js';
import { VERSION } from './version.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

export interface Snapshot {
  kind: 'identity-golive-snapshot';
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  toolVersion: string;
  gatheredAt: string;
  artifacts: Partial<Omit<Artifacts, 'Config'>>;
}

export function toSnapshot(artifacts: Partial<Artifacts>, now: number): Snapshot {
  const { Config: _config, ...rest } = artifacts;
  return { kind: 'identity-golive-snapshot', schemaVersion: SNAPSHOT_SCHEMA_VERSION, toolVersion: VERSION, gatheredAt: new Date(now).toISOString(), artifacts: rest };
}

export async function readSnapshot(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read snapshot ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'Create one with `identity-golive gather -o <file>`.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`Snapshot ${file} is not valid JSON: ${(error as Error).message}`, 'Re-create it with `identity-golive gather -o <file>`.');
  }
  const snapshot = parsed as Partial<Snapshot>;
  if (snapshot?.kind !== 'identity-golive-snapshot' || typeof snapshot.artifacts !== 'object' || snapshot.artifacts === null) {
    throw new UserError(`${file} is not an identity-golive snapshot.`, 'Create one with `identity-golive gather -o <file>`.');
  }
  if (snapshot.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    throw new UserError(`Snapshot ${file} has schema version ${String(snapshot.schemaVersion)}; this version reads ${SNAPSHOT_SCHEMA_VERSION}.`, 'Re-create it with this version of identity-golive.');
  }
  return snapshot as Snapshot;
}

/** Artifacts for a replay: the snapshot's, plus Config; anything the snapshot lacks is unavailable. */
export function artifactsFromSnapshot(snapshot: Snapshot, config: Artifacts['Config'], needed: Iterable<ArtifactId>): Partial<Artifacts> {
  const artifacts: Partial<Artifacts> = { ...snapshot.artifacts, Config: config };
  for (const id of needed) {
    if (!(id in artifacts)) (artifacts as Record<string, unknown>)[id] = missingFromSnapshot(id);
  }
  return artifacts;
}

function missingFromSnapshot(id: ArtifactId): unknown {
  const failure = { ok: false, failure: { kind: 'not_configured', message: `the snapshot holds no ${id} evidence`, fix: 'Re-run `identity-golive gather` with the rules that need it selected.' } };
  if (id === 'Account' || id === 'WebhookEndpoints' || id === 'Events' || id === 'VerificationSessions') return { live: failure, test: failure };
  if (id === 'Pages') return { privacyPolicy: failure, faq: failure, deletion: failure };
  return failure;
}

// Snapshots: the gathered artifacts saved as JSON and replayed by `check --snapshot`.
// Artifacts are facts (no secrets, no PII) by construction. Only remote evidence is saved: the
// repository's own (config, code, attestations) is read fresh on replay.
import { readFile } from 'node:fs/promises';
import { SNAPSHOT_ARTIFACTS, type ArtifactId, type Artifacts, type SnapshotArtifactId } from './engine/artifacts.js';
import { UserError } from './util/user-error.js';
import { VERSION } from './version.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

export interface Snapshot {
  kind: 'identity-golive-snapshot';
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  toolVersion: string;
  gatheredAt: string;
  artifacts: Partial<Pick<Artifacts, SnapshotArtifactId>>;
}

export function toSnapshot(artifacts: Partial<Artifacts>, now: number): Snapshot {
  const saved = Object.fromEntries(SNAPSHOT_ARTIFACTS.filter((id) => id in artifacts).map((id) => [id, artifacts[id]]));
  return { kind: 'identity-golive-snapshot', schemaVersion: SNAPSHOT_SCHEMA_VERSION, toolVersion: VERSION, gatheredAt: new Date(now).toISOString(), artifacts: saved };
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

/** The snapshot's remote artifacts among those needed; what it lacks is unavailable (never a pass). */
export function artifactsFromSnapshot(snapshot: Snapshot, needed: Iterable<SnapshotArtifactId>): Partial<Artifacts> {
  const artifacts: Partial<Artifacts> = {};
  const saved = snapshot.artifacts as Record<string, unknown>;
  for (const id of needed) (artifacts as Record<string, unknown>)[id] = id in saved ? saved[id] : missingFromSnapshot(id);
  return artifacts;
}

export function isSnapshotArtifact(id: ArtifactId): id is SnapshotArtifactId {
  return (SNAPSHOT_ARTIFACTS as readonly string[]).includes(id);
}

function missingFromSnapshot(id: ArtifactId): unknown {
  const failure = { ok: false, failure: { kind: 'not_configured', message: `the snapshot holds no ${id} evidence`, fix: 'Re-run `identity-golive gather` with the rules that need it selected.' } };
  if (id === 'Account' || id === 'WebhookEndpoints' || id === 'Events' || id === 'VerificationSessions') return { live: failure, test: failure };
  if (id === 'Pages') return { privacyPolicy: failure, faq: failure, deletion: failure };
  return failure;
}

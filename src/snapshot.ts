// Snapshots: the gathered artifacts saved as JSON and replayed by `check --snapshot`.
// Artifacts are facts (no secrets, no PII) by construction. Only remote evidence is saved: the
// repository's own (config, code, attestations) is read fresh on replay. A snapshot also records
// the config values that decided what was gathered (page URLs, webhook URL): when today's config
// names something else, the rules reading that evidence say so instead of judging the old page.
import { readFile } from 'node:fs/promises';
import { SNAPSHOT_ARTIFACTS, type ArtifactId, type Artifacts, type SnapshotArtifactId } from './engine/artifacts.js';
import type { ResolvedConfig } from './config/schema.js';
import type { GatherFailure } from './engine/gathered.js';
import { PAGE_CONFIG_KEYS, PAGE_IDS, type PageId } from './gather/pages/types.js';
import type { Notice } from './report/types.js';
import { UserError } from './util/user-error.js';
import { VERSION } from './version.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** The config values that shaped the gathering (absent ones were not set). */
export interface SnapshotInputs {
  privacyPolicyUrl?: string;
  faqUrl?: string;
  deletionUrl?: string;
  webhookUrl?: string;
}

export interface Snapshot {
  kind: 'identity-golive-snapshot';
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  toolVersion: string;
  gatheredAt: string;
  /** Absent in snapshots written before it was recorded: then only page URLs can be compared. */
  gatheredFor?: SnapshotInputs;
  artifacts: Partial<Pick<Artifacts, SnapshotArtifactId>>;
}

export function snapshotInputs(config: Pick<ResolvedConfig, 'privacyPolicyUrl' | 'faqUrl' | 'deletionUrl' | 'webhook'>): SnapshotInputs {
  const inputs: SnapshotInputs = {};
  for (const key of ['privacyPolicyUrl', 'faqUrl', 'deletionUrl'] as const) if (config[key] !== undefined) inputs[key] = config[key];
  if (config.webhook.url !== undefined) inputs.webhookUrl = config.webhook.url;
  return inputs;
}

export function toSnapshot(artifacts: Partial<Artifacts>, now: number, inputs?: SnapshotInputs): Snapshot {
  const saved = Object.fromEntries(SNAPSHOT_ARTIFACTS.filter((id) => id in artifacts).map((id) => [id, artifacts[id]]));
  return {
    kind: 'identity-golive-snapshot',
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    toolVersion: VERSION,
    gatheredAt: new Date(now).toISOString(),
    ...(inputs ? { gatheredFor: inputs } : {}),
    artifacts: saved,
  };
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
  const problem = snapshotProblem(snapshot.artifacts as Record<string, unknown>);
  if (problem) throw new UserError(`Snapshot ${file} is damaged: ${problem}.`, 'Re-create it with `identity-golive gather -o <file>`; do not edit snapshots by hand.');
  return snapshot as Snapshot;
}

/**
 * The snapshot's remote artifacts among those needed; what it lacks is unavailable (never a pass),
 * and evidence gathered for a config value that has changed since is unavailable too.
 */
export function artifactsFromSnapshot(snapshot: Snapshot, needed: Iterable<SnapshotArtifactId>, config?: Pick<ResolvedConfig, 'privacyPolicyUrl' | 'faqUrl' | 'deletionUrl' | 'webhook'>): Partial<Artifacts> {
  const artifacts: Partial<Artifacts> = {};
  const saved = snapshot.artifacts as Record<string, unknown>;
  for (const id of needed) (artifacts as Record<string, unknown>)[id] = id in saved ? saved[id] : missingFromSnapshot(id);
  return config ? withoutStaleEvidence(snapshot, artifacts, config) : artifacts;
}

const RECREATE = 'Re-run `identity-golive gather -o <file>` with today\'s config, so the snapshot holds what the config names.';

function stale(message: string): { ok: false; failure: GatherFailure } {
  return { ok: false, failure: { kind: 'stale_snapshot', message, fix: RECREATE } };
}

/** The URL the snapshot's page was fetched from: recorded, else read off the page itself. */
function snapshotPageUrl(snapshot: Snapshot, page: PageId, gathered: unknown): string | undefined {
  const key = PAGE_CONFIG_KEYS[page];
  if (snapshot.gatheredFor) return snapshot.gatheredFor[key];
  const result = gathered as { ok?: boolean; value?: { requestedUrl?: string }; failure?: { kind?: string } } | undefined;
  if (result?.ok) return result.value?.requestedUrl;
  // A snapshot gathered without the URL configured holds no page for it.
  return result?.failure?.kind === 'not_configured' ? undefined : UNKNOWN;
}

const UNKNOWN = '\0unknown';

function withoutStaleEvidence(snapshot: Snapshot, artifacts: Partial<Artifacts>, config: Pick<ResolvedConfig, 'privacyPolicyUrl' | 'faqUrl' | 'deletionUrl' | 'webhook'>): Partial<Artifacts> {
  const out = { ...artifacts } as Record<string, unknown>;
  if (artifacts.Pages) {
    const pages = { ...artifacts.Pages } as Record<PageId, unknown>;
    for (const page of PAGE_IDS) {
      const key = PAGE_CONFIG_KEYS[page];
      const now = config[key];
      const then = snapshotPageUrl(snapshot, page, pages[page]);
      // Not configured today: the rules say so themselves. Unknown then: nothing to compare.
      if (now === undefined || then === UNKNOWN || then === now) continue;
      pages[page] = stale(`the snapshot (${snapshot.gatheredAt.slice(0, 10)}) ${then === undefined ? `holds no page for ${key}` : `fetched ${key} ${then}`}, but the config now names ${now}`);
    }
    out.Pages = pages;
  }
  const webhookThen = snapshot.gatheredFor ? (snapshot.gatheredFor.webhookUrl ?? null) : UNKNOWN;
  const webhookNow = config.webhook.url ?? null;
  if (artifacts.WebhookEndpoints && webhookThen !== UNKNOWN && webhookThen !== webhookNow) {
    const failure = stale(`the snapshot's webhook endpoints (${snapshot.gatheredAt.slice(0, 10)}) were read when webhook.url was ${webhookThen ?? 'not set'}; the config now names ${webhookNow ?? 'none'}`);
    out.WebhookEndpoints = { live: failure, test: failure };
  }
  return out as Partial<Artifacts>;
}

/** Whole days between the snapshot's gathering and `now`. */
export function snapshotAgeDays(snapshot: Pick<Snapshot, 'gatheredAt'>, now: number): number | null {
  const at = Date.parse(snapshot.gatheredAt);
  return Number.isFinite(at) ? Math.floor((now - at) / 86_400_000) : null;
}

/** A warning when the replayed evidence is older than `maxAgeDays` (the header shows the age anyway). */
export function snapshotAgeNotice(snapshot: Pick<Snapshot, 'gatheredAt'>, now: number, maxAgeDays: number): Notice | null {
  const age = snapshotAgeDays(snapshot, now);
  if (age === null) return { level: 'warn', message: `The snapshot's gathering date "${snapshot.gatheredAt}" is not a date, so its age is unknown.`, fix: RECREATE };
  if (age <= maxAgeDays) return null;
  return {
    level: 'warn',
    message: `The snapshot was gathered ${age} days ago (${snapshot.gatheredAt.slice(0, 10)}), more than snapshot.maxAgeDays (${maxAgeDays}): the Stripe account and pages may have changed since.`,
    fix: 'Gather a fresh one with `identity-golive gather -o <file>` (in CI, on a schedule with a read-only key).',
  };
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a saved value must look like for rules to read it, per artifact (the facts' outer shape). */
const VALUE_SHAPES: Record<SnapshotArtifactId, (value: unknown) => boolean> = {
  Account: (value) => isObject(value) && typeof value.id === 'string' && isObject(value.branding),
  WebhookEndpoints: (value) => Array.isArray(value) && value.every((endpoint) => isObject(endpoint) && Array.isArray(endpoint.enabledEvents)),
  Events: (value) => isObject(value) && Array.isArray(value.events),
  VerificationSessions: (value) => isObject(value) && Array.isArray(value.sessions),
  Pages: (value) => isObject(value) && (typeof value.text === 'string' || value.text === null),
};

function gatheredProblem(result: unknown, shape: (value: unknown) => boolean): string | null {
  if (!isObject(result)) return 'not an artifact';
  if (result.ok === true) return shape(result.value) ? null : 'a value of the wrong shape';
  if (result.ok === false && isObject(result.failure) && typeof result.failure.kind === 'string' && typeof result.failure.message === 'string') return null;
  return 'neither a value nor a failure';
}

/** The first thing in a snapshot's artifacts that rules could not read (a hand edit, a truncation), or null. */
export function snapshotProblem(artifacts: Record<string, unknown>): string | null {
  for (const [id, saved] of Object.entries(artifacts)) {
    if (!isSnapshotArtifact(id as ArtifactId)) return `unknown artifact "${id}"`;
    const shape = VALUE_SHAPES[id as SnapshotArtifactId];
    if (!isObject(saved)) return `${id} is not an object`;
    const parts = id === 'Pages' ? Object.entries(saved) : [['live', saved.live] as const, ['test', saved.test] as const];
    for (const [part, result] of parts) {
      const problem = gatheredProblem(result, shape);
      if (problem) return `${id}.${part} is ${problem}`;
    }
  }
  return null;
}

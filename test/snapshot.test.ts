import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsFromSnapshot, readSnapshot, snapshotAgeNotice, snapshotInputs, toSnapshot, SNAPSHOT_SCHEMA_VERSION } from '../src/snapshot.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/util/atomic-write.js';
import { account, config, modes } from './support/facts.js';
import { UserError } from '../src/util/user-error.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'golive-snapshot-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('snapshot', () => {
  it('round-trips remote evidence only: the repository\'s own is read fresh on replay', async () => {
    const file = path.join(dir, 'snap.json');
    const attestations = { ok: true as const, value: { file: 'a.json', entries: [] } };
    const artifacts = { Config: config({ maxAttemptsPerUser: 9 }), Account: modes({ test: account({ mode: 'test' }) }), Attestations: attestations };
    await writeFileAtomic(file, JSON.stringify(toSnapshot(artifacts, Date.UTC(2026, 0, 1))));
    const snapshot = await readSnapshot(file);
    expect(snapshot.gatheredAt).toBe('2026-01-01T00:00:00.000Z');
    expect(Object.keys(snapshot.artifacts)).toEqual(['Account']);
    const replayed = artifactsFromSnapshot(snapshot, ['Account']);
    expect(replayed).toEqual({ Account: artifacts.Account });
  });

  it('records the config values that decided what was gathered, and only those set', () => {
    const inputs = snapshotInputs(config({ faqUrl: 'https://example.com/faq', webhook: { url: 'https://example.com/hook', secretEnv: 'STRIPE_WEBHOOK_SECRET' } }));
    expect(inputs).toEqual({ faqUrl: 'https://example.com/faq', webhookUrl: 'https://example.com/hook' });
    expect(toSnapshot({}, 0, inputs).gatheredFor).toEqual(inputs);
    expect(toSnapshot({}, 0)).not.toHaveProperty('gatheredFor');
  });

  it('warns about an old snapshot, and one whose date is not a date', () => {
    const day = 86_400_000;
    expect(snapshotAgeNotice({ gatheredAt: new Date(0).toISOString() }, 7 * day, 7)).toBeNull();
    expect(snapshotAgeNotice({ gatheredAt: new Date(0).toISOString() }, 8 * day, 7)).toMatchObject({ level: 'warn', message: expect.stringContaining('gathered 8 days ago (1970-01-01)') });
    expect(snapshotAgeNotice({ gatheredAt: 'yesterday' }, 0, 7)).toMatchObject({ level: 'warn', message: expect.stringContaining('age is unknown') });
  });

  it('marks what the snapshot lacks as unavailable (skipped, never pass)', async () => {
    const replayed = artifactsFromSnapshot(toSnapshot({}, 0), ['WebhookEndpoints', 'Pages']);
    expect(replayed.WebhookEndpoints?.live).toMatchObject({ ok: false, failure: { kind: 'not_configured' } });
    expect(replayed.Pages?.faq).toMatchObject({ ok: false, failure: { kind: 'not_configured' } });
  });

  it.each([
    ['not JSON', '{ nope', /not valid JSON/],
    ['another kind of JSON', '{"hello": 1}', /is not an identity-golive snapshot/],
    ['a future schema', JSON.stringify({ ...toSnapshot({}, 0), schemaVersion: 99 }), /schema version 99/],
  ])('rejects %s with a user error', async (_name, content, message) => {
    const file = path.join(dir, `bad-${Math.random()}.json`);
    await writeFile(file, content);
    const error = await readSnapshot(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('atomic write', () => {
  it('replaces the whole file and leaves no temp file behind', async () => {
    const file = path.join(dir, 'nested', 'out.txt');
    await writeFileAtomic(file, 'one');
    const contents = Array.from({ length: 10 }, (_, i) => `content ${i};`.repeat(10_000));
    await Promise.all(contents.map((content) => writeFileAtomic(file, content)));
    // Exactly one writer's whole content, never an interleaving.
    expect(contents).toContain(await readFile(file, 'utf8'));
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a damaged snapshot is refused, never half-read', () => {
  it.each([
    ['an artifact that is a string', { Account: 'x' }, /Account is not an object/],
    ['a mode that is neither value nor failure', { Account: { live: { ok: 'yes' }, test: { ok: false, failure: { kind: 'no_key', message: 'm', fix: 'f' } } } }, /Account\.live is neither a value nor a failure/],
    ['sessions that are not a list', { VerificationSessions: { live: { ok: true, value: { sessions: 'x' } }, test: { ok: false, failure: { kind: 'no_key', message: 'm', fix: 'f' } } } }, /VerificationSessions\.live is a value of the wrong shape/],
    ['an unknown artifact', { Source: {} }, /unknown artifact "Source"/],
  ])('%s', async (_name, artifacts, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-damaged-'));
    const file = path.join(dir, 'snap.json');
    writeFileSync(file, JSON.stringify({ kind: 'identity-golive-snapshot', schemaVersion: SNAPSHOT_SCHEMA_VERSION, toolVersion: 'x', gatheredAt: '2026-12-01T00:00:00Z', artifacts }));
    await expect(readSnapshot(file)).rejects.toThrow(message);
  });
});

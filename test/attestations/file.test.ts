import { mkdir, mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttestationFileError, readAttestations, serializeAttestations, updateAttestations, upsert } from '../../src/gather/attestations/file.js';
import { attestationState, defaultExpiry, expiryInstant } from '../../src/gather/attestations/status.js';
import { gatherAttestations } from '../../src/gather/attestations/gather.js';
import { validateConfig } from '../../src/config/load.js';
import { attestation } from '../support/attest-facts.js';
import type { GatherContext } from '../../src/gather/context.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attest-'));
  file = path.join(dir, '.identity-golive', 'attestations.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectFileError(promise: Promise<unknown>): Promise<AttestationFileError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AttestationFileError);
  return error as AttestationFileError;
}

describe('attestations file', () => {
  it('round-trips entries through the file, sorted in checklist order with a fixed key order', async () => {
    const entries = [attestation('pricing-confirmed', { evidence: 'https://example.com/budget' }), attestation('use-case-supported', { note: undefined })];
    await updateAttestations(file, 'attestations.json', () => entries);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"version": 1');
    expect(text.indexOf('"use-case-supported"')).toBeLessThan(text.indexOf('"pricing-confirmed"'));
    const read = await readAttestations(file, 'attestations.json');
    expect(read.entries).toEqual([attestation('use-case-supported', { note: undefined }), attestation('pricing-confirmed', { evidence: 'https://example.com/budget' })].map(({ note, ...rest }) => (note === undefined ? rest : { ...rest, note })));
    expect(serializeAttestations(read.entries)).toBe(text);
  });

  it('reads a missing file as no attestations', async () => {
    expect(await readAttestations(file)).toEqual({ file, entries: [] });
  });

  it('replaces an item on upsert and removes on revoke', async () => {
    await updateAttestations(file, 'a', (entries) => upsert(entries, attestation('pricing-confirmed', { note: 'first' })));
    await updateAttestations(file, 'a', (entries) => upsert(entries, attestation('pricing-confirmed', { note: 'second' })));
    expect((await readAttestations(file)).entries.map((entry) => entry.note)).toEqual(['second']);
    await updateAttestations(file, 'a', (entries) => entries.filter((entry) => entry.item !== 'pricing-confirmed'));
    expect((await readAttestations(file)).entries).toEqual([]);
  });

  it('names the line and column of a JSON syntax error and leaves the file alone', async () => {
    const broken = '{\n  "version": 1,\n  "attestations": [\n    { "item": "pricing-confirmed", }\n  ]\n}\n';
    await updateAttestations(file, 'x', () => []);
    await writeFile(file, broken);
    const error = await expectFileError(readAttestations(file, '.identity-golive/attestations.json'));
    expect(error.kind).toBe('invalid');
    const column = '    { "item": "pricing-confirmed", '.length + 1;
    expect(error.message).toBe(`.identity-golive/attestations.json:4:${column}: not valid JSON (trailing comma before '}')`);
    const writing = await expectFileError(updateAttestations(file, 'attestations.json', (entries) => upsert(entries, attestation('use-case-supported'))));
    expect(writing.message).toContain(`attestations.json:4:${column}`);
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('names the line of a schema problem (a typo in a key, a missing field, a duplicate)', async () => {
    const text = JSON.stringify(
      { version: 1, attestations: [attestation('use-case-supported'), { ...attestation('pricing-confirmed'), evidnce: 'x' }, { item: 'development-checklist-followed/keys-rotated', at: '2026-01-01', expires: '2027-01-01' }] },
      null,
      2,
    );
    await writeFile(path.join(dir, 'a.json'), text);
    const error = await expectFileError(readAttestations(path.join(dir, 'a.json'), 'a.json'));
    const lines = text.split('\n');
    const lineOf = (needle: string, from = 0) => lines.findIndex((line, index) => index >= from && line.includes(needle)) + 1;
    expect(error.message).toContain(`a.json:${lineOf('"item": "pricing-confirmed"') - 1}:`); // the entry object holding the unknown key
    expect(error.message).toContain('evidnce');
    expect(error.message).toContain(`attestations[2].by`);
    expect(error.message).toContain(`a.json:${lineOf('"development-checklist-followed/keys-rotated"') - 1}:5: attestations[2].by`);
  });

  it('refuses an item attested twice, naming the second entry', async () => {
    const text = JSON.stringify({ version: 1, attestations: [attestation('use-case-supported'), attestation('pricing-confirmed'), attestation('use-case-supported')] }, null, 2);
    await writeFile(path.join(dir, 'd.json'), text);
    const error = await expectFileError(readAttestations(path.join(dir, 'd.json'), 'd.json'));
    const line = text.split('\n').findLastIndex((candidate) => candidate.includes('"use-case-supported"')) + 1;
    expect(error.message).toContain(`d.json:${line}:`);
    expect(error.message).toContain('"use-case-supported" is attested twice (entries 0 and 2)');
  });

  it('a confirmation dated after the run\'s clock is invalid evidence, naming the entry', async () => {
    const future = { ...attestation('pricing-confirmed'), at: '2999-01-01T00:00:00.000Z' };
    await mkdir(path.join(dir, '.identity-golive'), { recursive: true });
    await writeFile(path.join(dir, '.identity-golive', 'attestations.json'), JSON.stringify({ version: 1, attestations: [future] }, null, 2));
    const result = await gatherAttestations({ cwd: dir, config: validateConfig({}, null), now: Date.UTC(2026, 11, 2) } as unknown as GatherContext);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
    expect(!result.ok && result.failure.message).toContain('pricing-confirmed is recorded at 2999-01-01T00:00:00.000Z, in the future');
  });

  it.each([
    ['an unterminated string', '{"version": 1, "attestations": [{"item": "pri', 1, 46, 'unterminated string'],
    ['a missing comma', '{\n  "version": 1\n  "attestations": []\n}', 3, 3, "expected ',' or '}'"],
    ['single quotes', "{\n  'version': 1\n}", 2, 3, 'expected a "quoted" key'],
    ['a truncated file', '{\n  "version": 1,\n  "attestations": [\n', 4, 1, 'unexpected end of file'],
    ['text after the object', '{"version": 1, "attestations": []}\n}', 2, 1, 'unexpected "}" after the end'],
  ])('locates %s', async (_name, text, line, column, message) => {
    await writeFile(path.join(dir, 'e.json'), text);
    const error = await expectFileError(readAttestations(path.join(dir, 'e.json'), 'e.json'));
    expect(error.message).toContain(`e.json:${line}:${column}: not valid JSON (${message}`);
  });

  it('reads a file saved with a byte-order mark', async () => {
    await writeFile(path.join(dir, 'bom.json'), `\uFEFF${serializeAttestations([attestation('pricing-confirmed')])}`);
    expect((await readAttestations(path.join(dir, 'bom.json'))).entries).toHaveLength(1);
  });

  it('rejects a file of another version or shape', async () => {
    await writeFile(path.join(dir, 'b.json'), '[]');
    expect((await expectFileError(readAttestations(path.join(dir, 'b.json'), 'b.json'))).message).toContain('b.json:1:1');
    await writeFile(path.join(dir, 'c.json'), '{"version": 2, "attestations": []}');
    expect((await expectFileError(readAttestations(path.join(dir, 'c.json'), 'c.json'))).message).toContain('expected version 1');
  });

  it('keeps every entry when many writers update at once', async () => {
    const items = ['use-case-supported', 'identity-branding-reviewed', 'pricing-confirmed', 'attempt-limit-decided', 'alternative-verification-offered', 'webhooks-tested-end-to-end', 'development-checklist-followed/error-handling', 'development-checklist-followed/logging', 'development-checklist-followed/api-announcements', 'development-checklist-followed/keys-rotated', 'privacy-policy-discloses-stripe', 'privacy-policy-url'];
    await Promise.all(items.map((item) => updateAttestations(file, 'a', (entries) => upsert(entries, attestation(item)))));
    expect((await readAttestations(file)).entries.map((entry) => entry.item).sort()).toEqual([...items].sort());
    // No lock or temp file left behind.
    expect(await readdir(path.dirname(file))).toEqual(['attestations.json']);
  });

  it('breaks a lock left by a crashed writer once it is stale', async () => {
    await updateAttestations(file, 'a', () => []);
    const lock = `${file}.lock`;
    await writeFile(lock, '99999\n');
    const { utimes } = await import('node:fs/promises');
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    await updateAttestations(file, 'a', (entries) => upsert(entries, attestation('pricing-confirmed')));
    expect((await readAttestations(file)).entries).toHaveLength(1);
  });
});

describe('attestation status (fixed clock)', () => {
  const now = Date.UTC(2026, 10, 22, 12);
  it.each([
    ['current', { expires: '2027-05-01' }, 'current'],
    ['valid through its expiry day', { expires: '2026-11-22' }, 'current'],
    ['expired the day before', { expires: '2026-11-21' }, 'expired'],
    ['a date-time expiry in the past', { expires: '2026-11-22T11:59:59Z' }, 'expired'],
    ['a date-time expiry in the future', { expires: '2026-11-22T12:00:01+00:00' }, 'current'],
    ['an impossible date', { expires: '2027-02-30' }, 'expired'],
    ['words for a date', { expires: 'in six months' }, 'expired'],
    ['a malformed attested-at', { at: '22/11/2026' }, 'expired'],
    ['a date-time without a zone', { expires: '2027-01-01T10:00' }, 'expired'],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(attestationState([attestation('pricing-confirmed', overrides)], 'pricing-confirmed', now).state).toBe(expected);
  });
  it('is missing when another item is attested', () => {
    expect(attestationState([attestation('use-case-supported')], 'pricing-confirmed', now)).toEqual({ state: 'missing' });
  });
  it('computes the default expiry from the configured days', () => {
    expect(defaultExpiry(now, 180)).toBe('2027-05-21');
    expect(expiryInstant('2027-05-21')).toBe(Date.UTC(2027, 4, 22));
  });
});

describe('Attestations gatherer', () => {
  const ctx = (cwd: string, raw = {}): GatherContext => ({ cwd, config: validateConfig(raw, null), keys: {}, apiBase: null, offline: true, env: {}, now: Date.UTC(2026, 11, 2) });
  const demand = { modes: new Set<never>(), rules: [] };

  it('reads the configured file, shown relative to the project', async () => {
    await updateAttestations(path.join(dir, 'ops/attest.json'), 'x', () => [attestation('pricing-confirmed')]);
    const result = await gatherAttestations(ctx(dir, { attestations: { file: 'ops/attest.json' } }));
    expect(result).toEqual({ ok: true, value: { file: 'ops/attest.json', entries: [attestation('pricing-confirmed')] } });
    void demand;
  });

  it('returns a malformed file as an `invalid` failure naming the line', async () => {
    await updateAttestations(file, 'x', () => []);
    await writeFile(file, '{\n  "version": 1,\n  "attestations": [}\n');
    const result = await gatherAttestations(ctx(dir));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.kind).toBe('invalid');
      expect(result.failure.message).toContain('.identity-golive/attestations.json:3:20: not valid JSON (unexpected "}" where a value was expected)');
    }
  });
});

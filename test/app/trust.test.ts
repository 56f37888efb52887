// Time-aware trust: confirmations and suppressions about to lapse are warnings with their date; a
// replayed snapshot shows its age, warns when old, and its evidence is not judged when the config
// has moved on (another FAQ, privacy-policy or webhook URL).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/app/check.js';
import { runAttestCommand } from '../../src/app/attest.js';
import type { CheckOptions } from '../../src/cli/commands/check.js';
import { serializeAttestations } from '../../src/gather/attestations/file.js';
import type { Attestation } from '../../src/gather/attestations/types.js';
import type { Report } from '../../src/report/types.js';
import { REPORTERS } from '../../src/report/index.js';
import { Chalk } from 'chalk';
import { toSnapshot } from '../../src/snapshot.js';
import { memoryIo } from '../support/memory-io.js';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(config: object, attestations: Attestation[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'golive-trust-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, '.identity-golive'));
  writeFileSync(path.join(dir, 'identity-golive.config.json'), JSON.stringify(config));
  writeFileSync(path.join(dir, '.identity-golive/attestations.json'), serializeAttestations(attestations));
  return dir;
}

const attested = (item: string, expires: string, extra: Partial<Attestation> = {}): Attestation => ({ item, by: 'Ada <ada@example.com>', at: '2026-06-01T10:00:00.000Z', expires, note: 'checked', ...extra });

async function check(dir: string, options: Partial<CheckOptions>): Promise<Report> {
  return runCheck({ format: 'pretty', ...options } as CheckOptions, memoryIo(dir, { NO_COLOR: '1' }), NOW);
}

const warnings = (report: Report) => report.notices.filter((notice) => notice.level === 'warn').map((notice) => notice.message);

describe('expiring attestations', () => {
  it('warn with the date within 14 days, and still count while current', async () => {
    const dir = project({}, [attested('webhooks-tested-end-to-end', '2026-12-10')]);
    const report = await check(dir, { rule: ['webhooks-tested-end-to-end'] });
    expect(report.results[0]!.status).toBe('pass');
    expect(warnings(report)).toEqual(['The confirmation of webhooks-tested-end-to-end by Ada <ada@example.com> is valid through 2026-12-10 (8 days left).']);
    expect(report.notices.find((notice) => notice.level === 'warn')?.fix).toContain('identity-golive attest webhooks-tested-end-to-end --note');
  });

  it('say nothing further out, and follow expiryWarningDays', async () => {
    expect(warnings(await check(project({}, [attested('webhooks-tested-end-to-end', '2026-12-20')]), { rule: ['webhooks-tested-end-to-end'] }))).toEqual([]);
    const wider = await check(project({ expiryWarningDays: 30 }, [attested('webhooks-tested-end-to-end', '2026-12-20')]), { rule: ['webhooks-tested-end-to-end'] });
    expect(warnings(wider)).toEqual(['The confirmation of webhooks-tested-end-to-end by Ada <ada@example.com> is valid through 2026-12-20 (18 days left).']);
    const off = await check(project({ expiryWarningDays: 0 }, [attested('webhooks-tested-end-to-end', '2026-12-03')]), { rule: ['webhooks-tested-end-to-end'] });
    expect(warnings(off)).toEqual([]);
  });

  it('count the last day as the last', async () => {
    const report = await check(project({}, [attested('webhooks-tested-end-to-end', '2026-12-02')]), { rule: ['webhooks-tested-end-to-end'] });
    expect(warnings(report)).toEqual(['The confirmation of webhooks-tested-end-to-end by Ada <ada@example.com> is valid through 2026-12-02 (last day today).']);
  });
});

describe('expiring suppressions', () => {
  it('warn with the date while they still hide', async () => {
    const dir = project({ suppressions: [{ rule: 'webhooks-tested-end-to-end', reason: 'tested in staging, LAUNCH-4', expires: '2026-12-05' }] });
    const report = await check(dir, { rule: ['webhooks-tested-end-to-end'] });
    expect(report.suppressed).toHaveLength(1);
    expect(warnings(report)).toContain('Suppression of webhooks-tested-end-to-end expires on 2026-12-05 (in 3 days); what it hides will be shown again then.');
    // A warning about the run, not a gate: the suppression is still valid today.
    expect(report.exitCode).toBe(0);
  });

  it('say nothing when the expiry is further out', async () => {
    const dir = project({ suppressions: [{ rule: 'webhooks-tested-end-to-end', reason: 'tested in staging, LAUNCH-4', expires: '2027-01-31' }] });
    expect(warnings(await check(dir, { rule: ['webhooks-tested-end-to-end'] }))).toEqual([]);
  });
});

describe('re-attesting', () => {
  const attest = async (dir: string, item: string, options: { note: string; expires?: string }, now: number) => {
    const io = memoryIo(dir, {});
    const code = await runAttestCommand(item, { format: 'pretty', by: 'Grace <grace@example.com>', ...options }, io, now);
    const entries = (JSON.parse(readFileSync(path.join(dir, '.identity-golive/attestations.json'), 'utf8')) as { attestations: Attestation[] }).attestations;
    return { code, err: io.err(), entry: entries.find((entry) => entry.item === item)! };
  };

  it('says "Replaced", and keeps an explicit --expires unless a new one is given', async () => {
    const dir = project({});
    const first = await attest(dir, 'pricing-confirmed', { note: 'approved', expires: '2027-03-01' }, NOW);
    expect(first.err).toMatch(/^Recorded pricing-confirmed:/);
    expect(first.entry).toMatchObject({ expires: '2027-03-01', expiresGiven: true });

    const again = await attest(dir, 'pricing-confirmed', { note: 'approved again' }, NOW + 86_400_000);
    expect(again.err).toMatch(/^Replaced pricing-confirmed: confirmed by Grace <grace@example.com> on 2026-12-03, valid through 2027-03-01 \(the --expires date given before; pass --expires to change it\)\./);
    expect(again.err).toContain('was: confirmed by Grace <grace@example.com> on 2026-12-02, valid through 2027-03-01.');
    expect(again.entry).toMatchObject({ note: 'approved again', expires: '2027-03-01', expiresGiven: true });

    const renewed = await attest(dir, 'pricing-confirmed', { note: 'renewed', expires: '2027-06-30' }, NOW + 2 * 86_400_000);
    expect(renewed.err).toMatch(/^Replaced pricing-confirmed: .* valid through 2027-06-30\.\n/);
    expect(renewed.entry.expires).toBe('2027-06-30');
  });

  it('gives a default expiry a fresh default, and a past explicit date too', async () => {
    const dir = project({ attestations: { expiresAfterDays: 30 } });
    await attest(dir, 'pricing-confirmed', { note: 'approved' }, NOW);
    const again = await attest(dir, 'pricing-confirmed', { note: 'again' }, NOW + 10 * 86_400_000);
    expect(again.entry.expires).toBe('2027-01-11');
    expect(again.entry).not.toHaveProperty('expiresGiven');

    await attest(dir, 'use-case-supported', { note: 'ok', expires: '2026-12-05' }, NOW);
    const later = await attest(dir, 'use-case-supported', { note: 'ok again' }, Date.UTC(2026, 11, 20));
    expect(later.entry.expires).toBe('2027-01-19');
  });

  it('lists a confirmation about to lapse as a warning with its date', async () => {
    const dir = project({}, [attested('pricing-confirmed', '2026-12-10')]);
    const io = memoryIo(dir, { NO_COLOR: '1' });
    await runAttestCommand(undefined, { format: 'pretty', list: true }, io, NOW);
    // Wrapped at 80 columns (not a terminal), continuation lines under the text.
    for (const line of io.out().split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(io.out().replace(/\n +/g, ' ')).toMatch(/^! pricing-confirmed +Ada <ada@example.com>, 2026-06-01, valid through 2026-12-10 \(8 days left\)/m);
    const json = memoryIo(dir, {});
    await runAttestCommand(undefined, { format: 'json', list: true }, json, NOW);
    expect((JSON.parse(json.out()) as { items: { item: string; expiresSoon?: boolean }[] }).items.find((entry) => entry.item === 'pricing-confirmed')).toMatchObject({ expiresSoon: true });
  });
});

describe('check --snapshot', () => {
  const page = (url: string) => ({ ok: true as const, value: { requestedUrl: url, finalUrl: url, status: 200, redirects: 0, contentType: 'text/html', text: 'What is ID verification? Stripe Identity verifies your documents.', links: [] } });
  const snapshotAt = (dir: string, at: number, faqUrl: string, inputs?: object) => {
    const snapshot = toSnapshot({ Pages: { faq: page(faqUrl), privacyPolicy: page('https://example.com/privacy'), deletion: page('https://example.com/delete') } } as never, at, inputs as never);
    writeFileSync(path.join(dir, 'snap.json'), JSON.stringify(snapshot));
  };

  it('shows its age in the header, and warns past snapshot.maxAgeDays', async () => {
    const dir = project({ faqUrl: 'https://example.com/faq' });
    snapshotAt(dir, NOW - 3 * 86_400_000, 'https://example.com/faq', { faqUrl: 'https://example.com/faq' });
    const fresh = await check(dir, { rule: ['faq-published'], snapshot: 'snap.json' });
    expect(fresh.target.snapshotGatheredAt).toBe('2026-11-29T12:00:00.000Z');
    expect(REPORTERS.pretty(fresh, { chalk: new Chalk({ level: 0 }) })).toContain('snapshot: snap.json (gathered 2026-11-29, 3 days ago)');
    expect(warnings(fresh)).toEqual([]);

    snapshotAt(dir, NOW - 12 * 86_400_000, 'https://example.com/faq', { faqUrl: 'https://example.com/faq' });
    const old = await check(dir, { rule: ['faq-published'], snapshot: 'snap.json' });
    expect(warnings(old)).toEqual(['The snapshot was gathered 12 days ago (2026-11-20), more than snapshot.maxAgeDays (7): the Stripe account and pages may have changed since.']);
    const lenient = await check(project({ faqUrl: 'https://example.com/faq', snapshot: { maxAgeDays: 30 } }), { rule: ['faq-published'], snapshot: path.join(dir, 'snap.json') });
    expect(warnings(lenient)).toEqual([]);
  });

  it('does not judge a page the config no longer names', async () => {
    const dir = project({ faqUrl: 'https://example.com/help/identity' });
    snapshotAt(dir, NOW - 86_400_000, 'https://example.com/faq', { faqUrl: 'https://example.com/faq' });
    const report = await check(dir, { rule: ['faq-published'], snapshot: 'snap.json' });
    const result = report.results[0]!;
    expect(result.status).toBe('error');
    expect(result.title).toBe('Customer FAQ about ID verification');
    expect(result.findings[0]!.message).toBe('Evidence unavailable: the snapshot (2026-12-01) fetched faqUrl https://example.com/faq, but the config now names https://example.com/help/identity');
    expect(result.findings[0]!.fix).toContain('identity-golive gather');
  });

  it('compares with the page itself in a snapshot that did not record its inputs', async () => {
    const dir = project({ faqUrl: 'https://example.com/help/identity' });
    snapshotAt(dir, NOW - 86_400_000, 'https://example.com/faq');
    expect((await check(dir, { rule: ['faq-published'], snapshot: 'snap.json' })).results[0]!.status).toBe('error');
    const same = project({ faqUrl: 'https://example.com/faq' });
    snapshotAt(same, NOW - 86_400_000, 'https://example.com/faq');
    expect((await check(same, { rule: ['faq-published'], snapshot: 'snap.json' })).results[0]!.status).not.toBe('error');
  });

  it('does not judge webhook endpoints read for another webhook.url', async () => {
    const dir = project({ webhook: { url: 'https://example.com/hooks/stripe-v2' } });
    const endpoints = { ok: true as const, value: [] };
    const snapshot = toSnapshot({ WebhookEndpoints: { live: endpoints, test: endpoints } } as never, NOW - 86_400_000, { webhookUrl: 'https://example.com/hooks/stripe' });
    writeFileSync(path.join(dir, 'snap.json'), JSON.stringify(snapshot));
    const report = await check(dir, { rule: ['webhook-endpoint-registered'], snapshot: 'snap.json' });
    expect(report.results[0]!.status).toBe('error');
    expect(report.results[0]!.findings[0]!.message).toContain('webhook.url was https://example.com/hooks/stripe; the config now names https://example.com/hooks/stripe-v2');
  });
});

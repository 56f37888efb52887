import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { readAttestations } from '../../src/gather/attestations/file.js';
import { ATTESTABLE_IDS } from '../../src/gather/attestations/items.js';

let project: string;
const file = () => path.join(project, '.identity-golive/attestations.json');
beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'attest-cli-'));
  execFileSync('git', ['init', '-q'], { cwd: project });
  execFileSync('git', ['config', 'user.name', 'Grace Hopper'], { cwd: project });
  execFileSync('git', ['config', 'user.email', 'grace@example.com'], { cwd: project });
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('identity-golive attest', () => {
  it('records an attestation by the git identity, with the default expiry', async () => {
    const run = await runCli(['attest', 'pricing-confirmed', '--note', 'Budget approved', '--evidence', 'https://example.com/OPS-1'], { cwd: project });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toContain('Recorded pricing-confirmed: confirmed by Grace Hopper <grace@example.com>');
    const [entry] = (await readAttestations(file())).entries;
    expect(entry).toMatchObject({ item: 'pricing-confirmed', by: 'Grace Hopper <grace@example.com>', note: 'Budget approved', evidence: 'https://example.com/OPS-1' });
    const days = (Date.parse(entry!.expires) - Date.parse(entry!.at.slice(0, 10))) / 86_400_000;
    expect(days).toBe(180);
  });

  it('honours --expires, --by, and the configured file and default lifetime', async () => {
    await writeFile(path.join(project, 'identity-golive.config.json'), JSON.stringify({ attestations: { file: 'ops/attested.json', expiresAfterDays: 30 } }));
    expect((await runCli(['attest', 'use-case-supported', '--note', 'ok', '--by', 'Legal <legal@example.com>', '--expires', '2099-01-31'], { cwd: project })).code).toBe(0);
    expect((await runCli(['attest', 'development-checklist-followed/keys-rotated', '--note', 'ok'], { cwd: project })).code).toBe(0);
    const entries = (await readAttestations(path.join(project, 'ops/attested.json'))).entries;
    expect(entries[0]).toMatchObject({ item: 'use-case-supported', by: 'Legal <legal@example.com>', expires: '2099-01-31' });
    expect((Date.parse(entries[1]!.expires) - Date.parse(entries[1]!.at.slice(0, 10))) / 86_400_000).toBe(30);
  });

  it('rejects an unknown item with exit 2, a suggestion and the valid ids', async () => {
    // Was 'privacy-policy': that checklist item id now names its one confirmation, so a typo stands in.
    const run = await runCli(['attest', 'privacy-polcy', '--note', 'x'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown item "privacy-polcy". Did you mean');
    expect(run.stderr).toContain(ATTESTABLE_IDS.join(', '));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['no note', ['attest', 'pricing-confirmed'], '--note is required'],
    ['a past expiry', ['attest', 'pricing-confirmed', '--note', 'x', '--expires', '2020-01-01'], 'already past'],
    ['a malformed expiry', ['attest', 'pricing-confirmed', '--note', 'x', '--expires', '31/01/2027'], '--expires must be a date'],
    ['a non-URL evidence', ['attest', 'pricing-confirmed', '--note', 'x', '--evidence', 'see ticket'], '--evidence must be an http(s) URL'],
    ['--list with an item', ['attest', '--list', 'pricing-confirmed'], '--list takes no item'],
    ['no item', ['attest', '--note', 'x'], 'needs an item id'],
    ['a secret in the note', ['attest', 'development-checklist-followed/keys-rotated', '--note', 'old key rk_live_51HxAbCdEfGhIjKl revoked'], '--note looks like it contains a secret (old key rk_live_…IjKl revoked)'],
    ['a session link as evidence', ['attest', 'webhooks-tested-end-to-end', '--note', 'x', '--evidence', 'https://verify.stripe.com/start/test_abc123'], '--evidence looks like it contains a secret'],
  ])('refuses %s with exit 2 and writes nothing', async (_name, args, message) => {
    const run = await runCli(args, { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('rk_live_51HxAbCdEfGhIjKl');
    await expect(readFile(file())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('asks for --by when git has no identity', async () => {
    const bare = await mkdtemp(path.join(tmpdir(), 'attest-nogit-'));
    // A config marks the project (without one, and without .git, attest refuses to write here at all).
    await writeFile(path.join(bare, 'identity-golive.config.json'), '{}');
    try {
      const run = await runCli(['attest', 'pricing-confirmed', '--note', 'x'], { cwd: bare, env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', HOME: bare } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--by');
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });

  it('revokes, and lists as JSON', async () => {
    await runCli(['attest', 'pricing-confirmed', '--note', 'x'], { cwd: project });
    await runCli(['attest', 'use-case-supported', '--note', 'y'], { cwd: project });
    const revoked = await runCli(['attest', '--revoke', 'pricing-confirmed'], { cwd: project });
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.stderr).toContain('Revoked pricing');
    const listed = await runCli(['attest', '--list', '--format', 'json'], { cwd: project });
    expect(listed.code).toBe(0);
    const json = JSON.parse(listed.stdout) as { items: { item: string; state: string }[] };
    expect(json.items.filter((item) => item.state === 'current').map((item) => item.item)).toEqual(['use-case-supported']);
    expect(json.items).toHaveLength(ATTESTABLE_IDS.length);
    expect((await runCli(['attest', '--revoke', 'pricing-confirmed'], { cwd: project })).stderr).toContain('was not attested');
    expect((await runCli(['attest', '--revoke', 'nonsense'], { cwd: project })).code).toBe(2);
  });

  it('refuses to touch a hand-edited file that no longer parses, naming the line', async () => {
    await mkdir(path.dirname(file()), { recursive: true });
    const broken = '{\n  "version": 1,\n  "attestations": [\n    { "item": "pricing-confirmed" "by": "x" }\n  ]\n}\n';
    await writeFile(file(), broken);
    const run = await runCli(['attest', 'use-case-supported', '--note', 'x'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.identity-golive/attestations.json:4:35: not valid JSON');
    expect(await readFile(file(), 'utf8')).toBe(broken);
    const check = await runCli(['check', '--offline', '--rule', 'pricing-confirmed'], { cwd: project });
    expect(check.code).toBe(2);
    expect(check.stdout).toContain('attestations.json:4:35');
  });

  it('keeps every entry when several processes attest at once', async () => {
    const items = ATTESTABLE_IDS.slice(0, 6);
    const runs = await Promise.all(items.map((item) => runCli(['attest', item, '--note', `by process for ${item}`], { cwd: project })));
    expect(runs.map((run) => run.code)).toEqual(items.map(() => 0));
    const entries = (await readAttestations(file())).entries;
    expect(entries.map((entry) => entry.item).sort()).toEqual([...items].sort());
  });

  it('turns the run from "to confirm" to pass once attested', async () => {
    const before = await runCli(['check', '--offline', '--rule', 'identity-branding-reviewed', '--format', 'json'], { cwd: project });
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).results[0].status).toBe('manual');
    await runCli(['attest', 'identity-branding-reviewed', '--note', 'Logo set'], { cwd: project });
    const after = await runCli(['check', '--offline', '--rule', 'identity-branding-reviewed', '--format', 'json'], { cwd: project });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).results[0]).toMatchObject({ status: 'pass' });
    expect(after.stdout).toContain('Grace Hopper');
  });
});

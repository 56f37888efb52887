import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';
import { TmuxSession, tmuxAvailable } from '../support/tmux.js';
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
    ['a key with an underscore suffix in the note', ['attest', 'development-checklist-followed/keys-rotated', '--note', 'rolled sk_live_51HxAbCdEfGhIjKl_rotated'], '--note looks like it contains a secret'],
    ['a secret in --by', ['attest', 'webhooks-tested-end-to-end', '--note', 'x', '--by', 'ci whsec_AbCdEfGhIjKlMnOp'], '--by looks like it contains a secret'],
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
    // Each confirmation names the rule that reads it: for all but one rule, the same id.
    expect((json.items as unknown as { item: string; rule: string }[]).filter((item) => item.item !== item.rule).map((item) => item.rule)).toEqual(Array(4).fill('development-checklist-followed'));
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

describe('attest: names from elsewhere', () => {
  const DEV = ['error-handling', 'logging', 'api-announcements', 'keys-rotated'].map((part) => `development-checklist-followed/${part}`);

  it('a rule needing several confirmations, without a terminal: lists them and the exact commands, records nothing, exit 2', async () => {
    await runCli(['attest', DEV[1]!, '--note', 'Reviewed logs'], { cwd: project });
    const run = await runCli(['attest', 'development-checklist-followed'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('The rule development-checklist-followed needs 4 confirmations (.identity-golive/attestations.json):');
    expect(run.stderr).toContain(`✓ ${DEV[1]}  confirmed by Grace Hopper <grace@example.com>`);
    expect(run.stderr).toContain('Nothing recorded (not a terminal, so no questions asked). When each is true, run:');
    for (const id of [DEV[0], DEV[2], DEV[3]]) expect(run.stderr).toContain(`  identity-golive attest ${id} --note "…"\n`);
    expect(run.stderr).not.toContain(`attest ${DEV[1]} --note`);
    expect((await readAttestations(file())).entries.map((entry) => entry.item)).toEqual([DEV[1]]);
  });

  it('all of them confirmed: says so, exit 0; --note for the group is refused', async () => {
    for (const id of DEV) await runCli(['attest', id, '--note', 'ok'], { cwd: project });
    const run = await runCli(['attest', 'development-checklist-followed'], { cwd: project });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('All 4 are confirmed');
    const noted = await runCli(['attest', 'development-checklist-followed', '--note', 'all fine'], { cwd: project });
    expect(noted.code).toBe(2);
    expect(noted.stderr).toContain('--note and --evidence describe one');
  });

  it('a checklist item id stands for its confirmation(s)', async () => {
    const one = await runCli(['attest', 'submission-attempts', '--note', 'Three per user, enforced in signup'], { cwd: project });
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('Recorded attempt-limit-decided');
    const several = await runCli(['attest', 'development-checklist'], { cwd: project });
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('Checklist item 10 (Follow the Stripe development checklist) needs 4 confirmations');
  });

  it('a rule judged from other evidence: says so and names the item\'s confirmation', async () => {
    const run = await runCli(['attest', 'attempts-limited', '--note', 'x'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('attempts-limited needs no person\'s confirmation: it judges Source, VerificationSessions, Config. Item 4\'s confirmation is "attempt-limit-decided".');
    const code = await runCli(['attest', 'user-authenticated'], { cwd: project });
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('user-authenticated needs no person\'s confirmation');
    const item = await runCli(['attest', 'sensitive-data'], { cwd: project });
    expect(item.code).toBe(2);
    expect(item.stderr).toContain('Checklist item 5 (Limit how much sensitive information you store) needs no person\'s confirmation');
    await expect(readFile(file())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a former id records under today\'s id and says so; --revoke takes it too', async () => {
    const run = await runCli(['attest', 'keys-rotated', '--note', 'Rotated on launch day'], { cwd: project });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('"keys-rotated" is now called "development-checklist-followed/keys-rotated".');
    expect((await readAttestations(file())).entries.map((entry) => entry.item)).toEqual([DEV[3]]);
    const revoked = await runCli(['attest', '--revoke', 'keys-rotated'], { cwd: project });
    expect(revoked.stderr).toContain(`Revoked ${DEV[3]}`);
    expect((await readAttestations(file())).entries).toEqual([]);
  });

  it('a file written by an earlier version keeps every confirmation, and is migrated on the next write', async () => {
    await mkdir(path.dirname(file()), { recursive: true });
    const old = (item: string) => ({ item, by: 'Ada <ada@example.com>', at: '2026-11-01T09:00:00.000Z', expires: '2999-01-01', note: 'checked' });
    await writeFile(file(), JSON.stringify({ version: 1, attestations: [old('identity-branding'), old('keys-rotated'), old('no-longer-known')] }, null, 2));
    const check = await runCli(['check', '--offline', '--rule', 'identity-branding-reviewed', '--format', 'json'], { cwd: project });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).results[0]).toMatchObject({ ruleId: 'identity-branding-reviewed', status: 'pass' });
    // Kept in the file, but never silently: the report says the unknown entry confirms nothing.
    expect(JSON.stringify(JSON.parse(check.stdout).notices)).toMatch(/no rule reads: no-longer-known/);
    const listed = JSON.parse((await runCli(['attest', '--list', '--format', 'json'], { cwd: project })).stdout) as { items: { item: string; state: string }[]; unknown: { item: string }[] };
    expect(listed.items.filter((item) => item.state === 'current').map((item) => item.item)).toEqual(['identity-branding-reviewed', DEV[3]]);
    expect(listed.unknown.map((entry) => entry.item)).toEqual(['no-longer-known']);
    // Untouched until something is written…
    expect(await readFile(file(), 'utf8')).toContain('"identity-branding"');
    await runCli(['attest', 'pricing-confirmed', '--note', 'Budget approved'], { cwd: project });
    const text = await readFile(file(), 'utf8');
    expect(text).not.toMatch(/"item": "(identity-branding|keys-rotated)"/);
    expect(JSON.parse(text).attestations.map((entry: { item: string }) => entry.item)).toEqual(['identity-branding-reviewed', 'pricing-confirmed', DEV[3], 'no-longer-known']);
  });
});

describe.skipIf(!tmuxAvailable())('attest <rule> in a pseudo-terminal (needs tmux)', () => {
  let terminal: TmuxSession;
  beforeEach(() => {
    terminal = new TmuxSession(project);
  });
  afterEach(() => terminal.stop());

  it('offers each open confirmation and records the ones accepted', async () => {
    terminal.start(`env -u CI NO_COLOR=1 node ${BIN} attest development-checklist-followed`, project);
    await terminal.waitFor(/development-checklist-followed\/error-handling: Have you reviewed your API error handling.*Record a confirmation now\?/);
    terminal.type('y');
    terminal.press('Enter');
    await terminal.waitFor(/What was checked, and how\?/);
    terminal.type('Every StripeError subtype handled in payments/errors.ts');
    terminal.press('Enter');
    await terminal.waitFor(/A link that shows it/);
    terminal.press('Enter');
    await terminal.waitFor(/development-checklist-followed\/logging: .*Record a confirmation now\?/);
    terminal.press('Enter'); // default: no
    await terminal.waitFor(/api-announcements: .*Record a confirmation now\?/);
    terminal.press('Enter');
    await terminal.waitFor(/keys-rotated: .*Record a confirmation now\?/);
    terminal.press('Enter');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).toContain('3 still open; `identity-golive attest development-checklist-followed` asks again.');
    const entries = (await readAttestations(file())).entries;
    expect(entries).toEqual([expect.objectContaining({ item: 'development-checklist-followed/error-handling', by: 'Grace Hopper <grace@example.com>', note: 'Every StripeError subtype handled in payments/errors.ts' })]);
  });

  it('never prompts under CI=true, even in a terminal', async () => {
    terminal.start(`env CI=true NO_COLOR=1 node ${BIN} attest development-checklist-followed`, project);
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.screen()).toContain('Nothing recorded (CI is set, so no questions asked)');
  });
});

// The walkthrough driven end to end in a real pseudo-terminal (tmux): answer, skip, Ctrl-C,
// resume, finish; and its refusal to run without a terminal.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';
import { TmuxSession, tmuxAvailable } from '../support/tmux.js';
import { attestation } from '../support/attest-facts.js';
import { updateAttestations, readAttestations } from '../../src/gather/attestations/file.js';
import { ATTESTABLE_IDS } from '../../src/gather/attestations/items.js';
import { RULES } from '../../rules/index.js';

/** Rules whose evidence an empty, offline project can settle: everything else is turned off. */
const KEPT = new Set(['identity-branding-reviewed', 'pricing-confirmed', 'attempt-limit-decided', 'alternative-verification-offered', 'webhooks-tested-end-to-end', 'development-checklist-followed', 'privacy-policy-discloses-stripe', 'privacy-policy-url', 'faq-published', 'deletion-explained']);
const OPEN = ['identity-branding-reviewed', 'webhooks-tested-end-to-end', 'faq-published'];

let project: string;
beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'walkthrough-'));
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('walkthrough without a terminal', () => {
  it('exits 2 at once with pipes, naming check and attest, and writes nothing', async () => {
    const run = await runCli(['walkthrough'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('walkthrough is interactive, and standard input is not a terminal');
    expect(run.stderr).toContain('identity-golive check');
    expect(run.stderr).toContain('identity-golive attest');
    await expect(readFile(path.join(project, '.identity-golive/walkthrough.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe.skipIf(!tmuxAvailable())('walkthrough in a pseudo-terminal (needs tmux: apt-get install tmux)', () => {
  let terminal: TmuxSession;
  beforeEach(async () => {
    terminal = new TmuxSession(project);
    execFileSync('git', ['init', '-q'], { cwd: project });
    execFileSync('git', ['config', 'user.name', 'Katherine Johnson'], { cwd: project });
    execFileSync('git', ['config', 'user.email', 'kj@example.com'], { cwd: project });
    const off = Object.fromEntries(RULES.filter((rule) => !KEPT.has(rule.meta.id)).map((rule) => [rule.meta.id, 'off']));
    await writeFile(path.join(project, 'identity-golive.config.json'), JSON.stringify({ privacyPolicyUrl: 'https://example.com/privacy', rules: off }));
    const done = ATTESTABLE_IDS.filter((id) => !OPEN.includes(id)).map((id) => attestation(id, { expires: '2999-12-31' }));
    await updateAttestations(path.join(project, '.identity-golive/attestations.json'), 'attestations.json', () => done);
  });
  afterEach(() => terminal.stop());

  const start = () => terminal.start(`env -u CI NO_COLOR=1 node ${BIN} walkthrough --offline`, project);

  it('refuses under CI=true even in a terminal', async () => {
    terminal.start(`env CI=true node ${BIN} walkthrough`, project);
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.screen()).toContain('walkthrough is interactive, and CI is set');
  });

  it('answers, skips, is interrupted, resumes at the first open item, and finishes', async () => {
    start();
    let screen = await terminal.waitFor(/2\/14 · Setup branding[\s\S]*❯ Yes: record my confirmation/);
    expect(screen).toMatch(/· +2\. Setup branding \(open\)/);
    terminal.press('Enter');
    await terminal.waitFor(/Note: what was checked, and how\?/);
    terminal.press('Enter'); // an empty note is refused
    await terminal.waitFor(/A short note, please/);
    terminal.type('Logo and colours checked on the Identity tab');
    terminal.press('Enter');
    await terminal.waitFor(/Evidence URL \(optional/);
    terminal.type('https://example.com/screenshots/branding.png');
    terminal.press('Enter');
    screen = await terminal.waitFor(/9\/14 · Follow webhook best practices[\s\S]*❯ Yes: record my confirmation/);
    expect(screen).toContain('Recorded identity-branding-reviewed.');
    terminal.press('Down', 'Enter'); // Skip for now
    screen = await terminal.waitFor(/13\/14 · Explain ID verification[\s\S]*❯ Yes: record my confirmation/);
    terminal.press('C-c');
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.screen()).toContain('Stopped. Every answer so far is saved');

    const recorded = (await readAttestations(path.join(project, '.identity-golive/attestations.json'))).entries.find((entry) => entry.item === 'identity-branding-reviewed');
    expect(recorded).toMatchObject({ by: 'Katherine Johnson <kj@example.com>', note: 'Logo and colours checked on the Identity tab', evidence: 'https://example.com/screenshots/branding.png' });
    const progress = JSON.parse(await readFile(path.join(project, '.identity-golive/walkthrough.json'), 'utf8')) as { skipped: string[] };
    expect(progress.skipped).toEqual(['webhooks']);

    // Resume: what is done shows as done; it starts at the first open item, not at the top.
    terminal.stop();
    terminal = new TmuxSession(project);
    start();
    screen = await terminal.waitFor(/13\/14 · Explain ID verification[\s\S]*❯ Yes: record my confirmation/);
    expect(screen).toMatch(/✓ +2\. Setup branding \(done\)/);
    expect(screen).toMatch(/- +9\. Follow webhook best practices \(skipped\)/);
    expect(screen).not.toContain('2/14 · Setup branding');
    terminal.press('Enter');
    await terminal.waitFor(/Note: what was checked/);
    terminal.type('FAQ live in the help centre');
    terminal.press('Enter');
    await terminal.waitFor(/Evidence URL/);
    terminal.press('Enter');
    expect(await terminal.exitCode()).toBe(1);
    screen = terminal.screen();
    expect(screen).toMatch(/14\/14 · Explain to your users how to delete their data.*: done/);
    expect(screen).toContain('Not ready to go live.');
    expect(screen).toContain('npx identity-golive check');

    // Third run: only the skipped item is left; confirming it finishes with the same verdict as check.
    terminal.stop();
    terminal = new TmuxSession(project);
    start();
    screen = await terminal.waitFor(/9\/14 · Follow webhook best practices[\s\S]*❯ Yes: record my confirmation/);
    expect(screen).toContain('Only skipped items are left');
    terminal.press('Enter');
    await terminal.waitFor(/Note: what was checked/);
    terminal.type('Ran verified, requires_input and redacted through staging');
    terminal.press('Enter');
    await terminal.waitFor(/Evidence URL/);
    terminal.press('Enter');
    expect(await terminal.exitCode()).toBe(0);
    // Offline, the Stripe rules are skipped: no blocker, but not proven ready.
    expect(terminal.screen()).toContain('No blocker found, but not everything was checked.');
    const check = await runCli(['check', '--offline'], { cwd: project });
    expect(check.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(project, '.identity-golive/walkthrough.json'), 'utf8')).skipped).toEqual([]);
  });

  it('goes back to the previous item, and quits with the report', async () => {
    start();
    await terminal.waitFor(/2\/14 · Setup branding[\s\S]*❯ Yes: record my confirmation/);
    terminal.press('Down', 'Enter'); // skip branding
    let screen = await terminal.waitFor(/9\/14 · Follow webhook best practices[\s\S]*❯ Yes: record my confirmation/);
    expect(screen).toMatch(/✓ 8\/14 · Update your support process.*: done/);
    terminal.press('Down', 'Down', 'Enter'); // go back
    // Forward, a done item is only shown; going back, it is shown in full with a prompt.
    screen = await terminal.waitFor(/── 8\/14 · Update your support process[\s\S]*Continue\?/);
    terminal.press('Down', 'Down', 'Enter'); // quit
    expect(await terminal.exitCode()).toBe(1);
    screen = terminal.screen();
    expect(screen).toContain('Progress saved; run `identity-golive walkthrough` to continue.');
    expect(screen).toContain('Not ready to go live.');
  });
});

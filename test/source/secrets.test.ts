// Secret detection on real temp dirs: what the code scan passes over is still read for secrets,
// what cannot be read is an error (never "clean"), and no cap can hide a key.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gathered } from '../../src/engine/gathered.js';
import { validateConfig } from '../../src/config/load.js';
import { runRules } from '../../src/engine/runner.js';
import { compilePatterns } from '../../src/gather/source/compile.js';
import { scanSource } from '../../src/gather/source/scan.js';
import { looksReal } from '../../src/gather/source/secrets.js';
import { RULES, RULES_BY_ID } from '../../rules/index.js';
import { fakeSecret } from '../support/fake-secrets.js';
import { writeTree } from '../support/source.js';
import { MAX_DEPTH } from '../../src/gather/source/walk.js';

const LIVE = fakeSecret('sk_live', 'Zz90');
const noSecrets = RULES_BY_ID.get('no-secrets-in-code')!;
const attempts = RULES_BY_ID.get('attempts-limited')!;

async function verdict(root: string, rule = noSecrets) {
  const index = await scanSource(root, compilePatterns(RULES.map((r) => ({ ruleId: r.meta.id, patterns: r.meta.patterns ?? [] }))));
  const [run] = runRules([rule], { Source: gathered(index), Config: validateConfig({}, null), VerificationSessions: { live: gathered({ sessions: [], windowDays: 30, truncated: false }), test: gathered({ sessions: [], windowDays: 30, truncated: false }) } }, new Map(), { now: 0, offline: true });
  return { index, outcome: run!.outcome, text: JSON.stringify(run!.outcome) };
}

describe('secrets: what could not be read is not clean', () => {
  it('a directory nested past the walk\'s depth limit (3,000 levels is a path-length bomb): error, naming it', async () => {
    const deep = path.join(...Array.from({ length: MAX_DEPTH + 20 }, () => 'd'), 'secret.env');
    const root = writeTree({ 'app.js': 'const ok = 1;\n', [deep]: `key=${LIVE}\n` });
    const { outcome, text } = await verdict(root);
    expect(outcome.status).toBe('error');
    expect(outcome.findings[0]?.messageId).toBe('unread');
    expect(text).toContain('(too-deep)');
    expect(text).not.toContain(LIVE);
  });

  it('a tracked file that a later .gitignore hides is still read', async () => {
    const root = writeTree({ 'config/prod.env': `STRIPE_SECRET_KEY=${LIVE}\n`, 'app.js': 'x();\n' });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'init');
    writeFileSync(path.join(root, '.gitignore'), 'config/\n');
    const { outcome, text } = await verdict(root);
    expect(outcome.status).toBe('fail');
    expect(text).toContain('config/prod.env');
    expect(text).not.toContain(LIVE);
  });
});

describe('caps never decide a verdict', () => {
  it('400 files of `let attempts = 0;` do not push a live key out of the report', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i += 1) files[`src/a${String(i).padStart(3, '0')}.js`] = 'let attempts = 0;\n'.repeat(60);
    files['src/zz-late.js'] = `const key = '${LIVE}';\n`;
    const { outcome } = await verdict(writeTree(files));
    expect(outcome.status).toBe('fail');
  });

  it('a rule whose evidence a cap cut ends in error, naming the cap', async () => {
    const root = writeTree({ 'src/minified.js': 'attempts;'.repeat(600) + "\nstripe.identity.verificationSessions.create({});\n" });
    const { outcome, text } = await verdict(root, attempts);
    expect(outcome.status).toBe('error');
    expect(text).toMatch(/at most 500 matches per file/);
  });
});

describe('placeholder judgement', () => {
  it.each([
    ['a random-looking body', LIVE.slice('sk_live_'.length), true],
    ['x placeholders', 'xxxxxxxxxxxxxxxxxxxxxxxx', false],
    ['zeros', '000000000000000000000000', false],
    ['a placeholder word', 'your_secret_key_goes_here1234', false],
    ['too short', 'a1B2c3D4', false],
  ])('%s', (_name, body, real) => {
    expect(looksReal(body)).toBe(real);
  });
});

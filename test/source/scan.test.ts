// The scanner on real temp directories: what it reads, what it passes over and why.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compilePatterns } from '../../src/gather/source/compile.js';
import { MAX_FILE_BYTES, MAX_HITS_PER_PATTERN_PER_FILE, readText, scanSource } from '../../src/gather/source/scan.js';
import { gatherSource } from '../../src/gather/source/gather.js';
import type { SourcePattern } from '../../src/gather/source/patterns.js';
import { validateConfig } from '../../src/config/load.js';
import type { AnyRule } from '../../src/engine/rule.js';
import type { GatherContext } from '../../src/gather/context.js';
import { writeTree } from '../support/source.js';

const CREATE: SourcePattern[] = [
  { id: 'create', idiom: 'session.create' },
  // A text-scope pattern of a rule's own: it runs in every text file, raw.
  { id: 'live', regex: /\b(sk_live_[A-Za-z0-9]{8,})/, scope: 'text' },
];
const patterns = compilePatterns([{ ruleId: 'probe', patterns: CREATE }]);
const NODE_CREATE = "await stripe.identity.verificationSessions.create({ type: 'document' });\n";

const dirs: string[] = [];
const tree = (files: Record<string, string | Buffer>): string => {
  const dir = writeTree(files, 'igl-scan-');
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

const files = async (root: string, options = {}) => {
  const index = await scanSource(root, patterns, options);
  return { index, hitFiles: [...new Set(index.hits.map((hit) => hit.file))].sort() };
};

describe('scanSource', () => {
  it('honours .gitignore (root and nested, with negation) and skips vendored and build output', async () => {
    const root = tree({
      '.gitignore': 'generated/\n*.local.js\n',
      'src/app.js': NODE_CREATE,
      'src/app.local.js': NODE_CREATE,
      'generated/client.js': NODE_CREATE,
      'lib/.gitignore': 'legacy.js\n!keep.js\n',
      'lib/legacy.js': NODE_CREATE,
      'lib/keep.js': NODE_CREATE,
      'node_modules/stripe/index.js': NODE_CREATE,
      'vendor/bundle/x.rb': 'Stripe::Identity::VerificationSession.create({})',
      'dist/app.js': NODE_CREATE,
      'obj/Debug/x.cs': 'new VerificationSessionCreateOptions()',
    });
    const { hitFiles } = await files(root);
    expect(hitFiles).toEqual(['lib/keep.js', 'src/app.js']);
  });

  it('applies config include and exclude globs', async () => {
    const root = tree({ 'services/a/app.js': NODE_CREATE, 'services/b/app.js': NODE_CREATE, 'scripts/seed.js': NODE_CREATE, 'services/a/legacy/old.js': NODE_CREATE });
    expect((await files(root, { include: ['services/**'], exclude: ['**/legacy/**'] })).hitFiles).toEqual(['services/a/app.js', 'services/b/app.js']);
  });

  it('scans only the configured SDK languages, but always non-code files (committed secrets hide there)', async () => {
    const root = tree({
      'app.js': NODE_CREATE,
      'app.rb': 'Stripe::Identity::VerificationSession.create({})',
      '.env': 'STRIPE_SECRET_KEY=sk_live_fixture4iwRxpVHSbKdA9u4\n',
    });
    const { index, hitFiles } = await files(root, { languages: ['node'] });
    expect(hitFiles).toEqual(['.env', 'app.js']);
    expect(index.skipped).toEqual({ 'language-not-selected': 1 });
    expect((await files(root)).hitFiles).toEqual(['.env', 'app.js', 'app.rb']);
  });

  it('never follows a symlink loop, nor a link out of the root', async () => {
    const outside = tree({ 'secret.js': NODE_CREATE });
    const root = tree({ 'src/app.js': NODE_CREATE });
    symlinkSync(root, path.join(root, 'src', 'loop'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'again'));
    symlinkSync(outside, path.join(root, 'outside'));
    symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling.js'));
    const { index, hitFiles } = await files(root);
    expect(hitFiles).toEqual(['again/app.js', 'src/app.js']);
    // src/loop and again/loop both lead back to the root.
    expect(index.skipped).toEqual({ 'symlink-loop': 2, 'symlink-outside-root': 2 });
  });

  it('passes over binary content, binary extensions, invalid UTF-8 and files over 1 MiB, counting each', async () => {
    const root = tree({
      'src/app.js': NODE_CREATE,
      'src/blob.js': Buffer.concat([Buffer.from(NODE_CREATE), Buffer.from([0, 1, 2])]),
      'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      'src/latin1.js': Buffer.concat([Buffer.from(NODE_CREATE), Buffer.from([0xe9, 0xff])]),
      'src/huge.js': NODE_CREATE + 'x'.repeat(MAX_FILE_BYTES),
    });
    const { index, hitFiles } = await files(root);
    expect(hitFiles).toEqual(['src/app.js']);
    expect(index.skipped).toEqual({ binary: 2, 'invalid-utf8': 1, 'too-large': 1 });
    expect(index.filesScanned).toBe(1);
  });

  it.skipIf(process.getuid?.() === 0)('counts unreadable files and directories (not as root, who reads everything)', async () => {
    const root = tree({ 'src/app.js': NODE_CREATE, 'src/locked.js': NODE_CREATE, 'private/x.js': NODE_CREATE });
    chmodSync(path.join(root, 'src', 'locked.js'), 0);
    chmodSync(path.join(root, 'private'), 0);
    const { index, hitFiles } = await files(root);
    chmodSync(path.join(root, 'private'), 0o755);
    expect(hitFiles).toEqual(['src/app.js']);
    expect(index.skipped).toEqual({ unreadable: 1, 'unreadable-directory': 1 });
  });

  it('reports a file that vanished or is not a regular file as unreadable, without throwing', () => {
    const root = tree({ 'a.js': '' });
    expect(readText(path.join(root, 'gone.js'))).toEqual({ skipped: 'unreadable' });
    mkdirSync(path.join(root, 'dir.js'));
    expect(readText(path.join(root, 'dir.js'))).toEqual({ skipped: 'not-a-file' });
  });

  it('gives file, line, column, a masked one-line snippet, the language and the test flag', async () => {
    const key = ['sk', 'live', 'fixture0000000000000000Zz99'].join('_');
    const root = tree({ 'api/views.py': `import stripe\n\n    session = stripe.identity.VerificationSession.create(type="document")  # key ${key}\n`, 'tests/test_views.py': 'stripe.identity.VerificationSession.create()\n' });
    const { index } = await files(root);
    const [prod, secret, test] = [...index.hits].sort((a, b) => a.file.localeCompare(b.file) || a.column - b.column);
    expect(prod).toMatchObject({ patternId: 'probe/create', file: 'api/views.py', line: 3, column: 31, language: 'python', inTest: false, scope: 'code' });
    expect(prod!.snippet).toBe('session = stripe.identity.VerificationSession.create(type="document")  # key sk_live_…Zz99');
    expect(secret).toMatchObject({ patternId: 'probe/live', capture: 'sk_live_…Zz99', language: 'python', scope: 'text' });
    expect(test).toMatchObject({ file: 'tests/test_views.py', inTest: true });
    expect(JSON.stringify(index)).not.toContain(key);
    expect(index.languages).toEqual({ python: 2 });
  });

  it('records suppression directives in every comment style, with or without a reason', async () => {
    const root = tree({
      'a.js': '// identity-golive-disable-next-line webhook-signature-verified, no-secrets-in-code -- reviewed in SEC-12\nx();\n',
      'b.py': 'x = 1\n# identity-golive-disable-next-line user-authenticated\ny()\n',
      'c.cs': '/* identity-golive-disable-next-line attempts-limited -- batch job */\nCall();\n',
      'd.yaml': 'a: 1\n# identity-golive-disable-next-line no-secrets-in-code -- fixture\nkey: value\n',
      'e.js': "const s = 'identity-golive-disable-next-line not-a-comment';\n",
    });
    const { index } = await files(root);
    expect(index.suppressions).toEqual([
      { file: 'a.js', line: 2, ruleIds: ['webhook-signature-verified', 'no-secrets-in-code'], reason: 'reviewed in SEC-12' },
      { file: 'b.py', line: 3, ruleIds: ['user-authenticated'], reason: null },
      { file: 'c.cs', line: 2, ruleIds: ['attempts-limited'], reason: 'batch job' },
      { file: 'd.yaml', line: 3, ruleIds: ['no-secrets-in-code'], reason: 'fixture' },
    ]);
  });

  it('runs a spelling shared by several rules once, giving each rule its hit', async () => {
    const shared = compilePatterns([
      { ruleId: 'one', patterns: [{ id: 'c', idiom: 'session.create' }] },
      { ruleId: 'two', patterns: [{ id: 'c', idiom: 'session.create' }] },
    ]);
    expect(shared.code.node).toHaveLength(1);
    const root = tree({ 'a.js': NODE_CREATE });
    const index = await scanSource(root, shared);
    expect(index.hits.map((hit) => hit.patternId).sort()).toEqual(['one/c', 'two/c']);
  });

  it('keeps memory bounded: hits per pattern per file are capped, and the cut is recorded against the pattern', async () => {
    const root = tree({ 'many.js': NODE_CREATE.repeat(MAX_HITS_PER_PATTERN_PER_FILE + 30) });
    const { index } = await files(root);
    expect(index.hits).toHaveLength(MAX_HITS_PER_PATTERN_PER_FILE);
    expect(Object.values(index.truncated)).toEqual([30]);
  });
});

describe('gatherSource', () => {
  const rule = { meta: { id: 'probe', patterns: CREATE } } as unknown as AnyRule;
  const context = (cwd: string, source = {}): GatherContext => ({ cwd, config: validateConfig({ source }, null), keys: {}, apiBase: null, offline: false, env: {}, now: 0 });

  it('gathers with the demanded rules and the config globs', async () => {
    const root = tree({ 'src/a.js': NODE_CREATE, 'scripts/b.js': NODE_CREATE });
    const result = await gatherSource(context(root, { exclude: ['scripts/**'] }), { modes: new Set(), rules: [rule] });
    expect(result.ok && result.value.hits.map((hit) => hit.file)).toEqual(['src/a.js']);
  });

  it('returns an io failure for a missing directory instead of throwing', async () => {
    const result = await gatherSource(context('/nonexistent/identity-golive'), { modes: new Set(), rules: [rule] });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'io' } });
  });
});

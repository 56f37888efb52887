// `check` end to end in-process, with test-only rules (few real rules exist yet), real config
// files, real snapshots and real report files in temp dirs.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { runCheckCommand } from '../../src/app/check.js';
import type { CheckOptions } from '../../src/cli/commands/check.js';
import { defineRule, outcome, type Finding } from '../../src/engine/rule.js';
import { use } from '../../src/engine/gathered.js';
import type { SourceIndex } from '../../src/gather/source/types.js';
import { emptySecretScan } from '../../src/gather/source/secrets.js';
import { UserError } from '../../src/util/user-error.js';
import { memoryIo } from '../support/memory-io.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

/** Fails when the config allows more than 3 attempts; warns at exactly 3. */
const attempts = defineRule({
  meta: {
    id: 'attempts-capped',
    item: 'submission-attempts',
    title: 'Attempts are capped',
    failureTitle: 'Attempts are not capped',
    neutralTitle: 'Attempt cap',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#limit-submission-attempts',
    requiredArtifacts: ['Config'],
    messages: { tooMany: 'maxAttemptsPerUser is {{n}}', borderline: 'maxAttemptsPerUser is {{n}}, the most we accept' },
    defaultSeverity: 'error',
  },
  check: ({ Config }) => {
    const n = Config.maxAttemptsPerUser;
    if (n > 3) return outcome.of('fail', { messageId: 'tooMany', data: { n }, location: { stripe: 'acct_1Test' } });
    if (n === 3) return outcome.of('warn', { messageId: 'borderline', data: { n } });
    return outcome.pass();
  },
});

/** A failing finding per source hit: exercises inline suppressions through a replayed snapshot. */
const hits = defineRule({
  meta: {
    id: 'no-raw-hits',
    item: 'sensitive-data',
    title: 'No raw hits',
    failureTitle: 'Raw hits found',
    neutralTitle: 'Raw hits',
    docsUrl: 'https://docs.stripe.com/identity/access-verification-results',
    requiredArtifacts: ['Source'],
    messages: { hit: 'Raw hit in {{file}}' },
    defaultSeverity: 'error',
  },
  check: ({ Source }) => {
    const findings: Finding<'hit'>[] = use(Source).hits.map((hit) => ({ messageId: 'hit', level: 'fail', data: { file: hit.file }, location: { file: hit.file, line: hit.line, column: hit.column } }));
    return outcome.from(findings);
  },
});

const RULES = [attempts, hits];
const dirs: string[] = [];
afterEach(() => {
  dirs.length = 0;
});

function project(config: object, source: Partial<SourceIndex> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'golive-check-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, 'identity-golive.config.json'), JSON.stringify(config));
  sources.set(dir, { root: dir, filesScanned: 1, skipped: {}, languages: { node: 1 }, hits: [], hitCounts: {}, suppressions: [], truncated: {}, secrets: emptySecretScan(), ...source });
  writeFileSync(path.join(dir, 'snapshot.json'), JSON.stringify({ kind: 'identity-golive-snapshot', schemaVersion: 1, toolVersion: 'test', gatheredAt: '2026-11-22T00:00:00Z', artifacts: {} }));
  return dir;
}

// The source index each project's scan yields: the gate is under test here, not the scanner.
const sources = new Map<string, SourceIndex>();
const fixedSource = { Source: async (ctx: { cwd: string }) => ({ ok: true as const, value: sources.get(ctx.cwd)! }) };

const hit = (file: string, line: number) => ({ patternId: 'no-raw-hits/x', file, line, column: 1, snippet: 'x', language: 'node' as const, inTest: false });

async function check(dir: string, options: Partial<CheckOptions> = {}, env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo(dir, { NO_COLOR: '1', ...env });
  const code = await runCheckCommand({ format: 'pretty', snapshot: 'snapshot.json', ...options }, io, { rules: RULES, now: NOW, gatherers: fixedSource });
  return { code, out: io.out(), err: io.err() };
}

describe('check: thresholds and suppressions decide the exit code', () => {
  const suppress = (expires: string, reason = 'approved by compliance, RISK-7') => ({ suppressions: [{ rule: 'attempts-capped', reason, expires }] });
  it.each<[string, object, Partial<SourceIndex>, Partial<CheckOptions>, 0 | 1 | 2]>([
    ['all pass', { maxAttemptsPerUser: 2 }, {}, {}, 0],
    ['a failure', { maxAttemptsPerUser: 5 }, {}, {}, 1],
    ['a warning', { maxAttemptsPerUser: 3 }, {}, {}, 0],
    ['a warning, --max-warnings 0', { maxAttemptsPerUser: 3 }, {}, { maxWarnings: 0 }, 1],
    ['a warning, --fail-on warn', { maxAttemptsPerUser: 3 }, {}, { failOn: 'warn' }, 1],
    ['a failure set to warn severity', { maxAttemptsPerUser: 5, rules: { 'attempts-capped': 'warn' } }, {}, {}, 0],
    ['a failure suppressed in config', { maxAttemptsPerUser: 5, ...suppress('2027-01-01') }, {}, {}, 0],
    ['a failure whose suppression expired', { maxAttemptsPerUser: 5, ...suppress('2026-11-22') }, {}, {}, 1],
    ['a failure whose suppression has a malformed date', { maxAttemptsPerUser: 5, ...suppress('2026-02-31') }, {}, {}, 1],
    ['a source hit', { maxAttemptsPerUser: 2 }, { hits: [hit('src/a.ts', 4)] }, {}, 1],
    ['a source hit suppressed inline', { maxAttemptsPerUser: 2 }, { hits: [hit('src/a.ts', 4)], suppressions: [{ file: 'src/a.ts', line: 4, ruleIds: ['no-raw-hits'], reason: 'test double' }] }, {}, 0],
    [
      'a source hit suppressed inline, --no-inline-suppressions',
      { maxAttemptsPerUser: 2 },
      { hits: [hit('src/a.ts', 4)], suppressions: [{ file: 'src/a.ts', line: 4, ruleIds: ['no-raw-hits'], reason: 'test double' }] },
      { inlineSuppressions: false },
      1,
    ],
    ['an inline directive without a reason suppresses nothing', { maxAttemptsPerUser: 2 }, { hits: [hit('src/a.ts', 4)], suppressions: [{ file: 'src/a.ts', line: 4, ruleIds: ['no-raw-hits'], reason: null }] }, {}, 1],
  ])('%s', async (_name, config, source, options, expected) => {
    const { code } = await check(project(config, source), options);
    expect(code).toBe(expected);
  });

  it('--strict: a rule skipped for lack of evidence fails the run', async () => {
    const dir = project({ maxAttemptsPerUser: 2 });
    const noSource = { Source: async () => ({ ok: false as const, failure: { kind: 'not_configured' as const, message: 'no source to scan', fix: 'point --cwd at the code' } }) };
    const run = async (options: Partial<CheckOptions>) => runCheckCommand({ format: 'pretty', snapshot: 'snapshot.json', ...options }, memoryIo(dir, { NO_COLOR: '1' }), { rules: RULES, now: NOW, gatherers: noSource });
    expect(await run({})).toBe(0);
    expect(await run({ strict: true })).toBe(1);
  });

  it('shows everything whatever the threshold; --quiet shows only what blocks', async () => {
    const dir = project({ maxAttemptsPerUser: 3 }, { hits: [hit('src/a.ts', 4)] });
    const loud = await check(dir);
    expect(loud.out).toContain('maxAttemptsPerUser is 3, the most we accept');
    expect(loud.out).toContain('Raw hit in src/a.ts');
    const quiet = await check(dir, { quiet: true });
    expect(quiet.out).not.toContain('maxAttemptsPerUser is 3');
    expect(quiet.out).toContain('Raw hit in src/a.ts');
    expect(quiet.code).toBe(loud.code);
  });

  it('the terminal report lists suppressions with their reasons, and says when one expired', async () => {
    const ok = await check(project({ maxAttemptsPerUser: 5, suppressions: [{ rule: 'attempts-capped', target: 'acct_1Test', reason: 'approved by compliance', expires: '2027-01-01' }] }));
    expect(ok.out).toMatch(/Suppressed \(1\)\n.*maxAttemptsPerUser is 5 \(acct_1Test\) attempts-capped\n\s+config, expires 2027-01-01: approved by compliance/);
    const expired = await check(project({ maxAttemptsPerUser: 5, suppressions: [{ rule: 'attempts-capped', reason: 'approved', expires: '2026-01-01' }] }));
    // The report wraps at 80 columns (not a terminal): read it with the hanging indents undone.
    expect(expired.out.replace(/\n +/g, ' ')).toContain('Suppression of attempts-capped expired on 2026-01-01; its finding is shown again.');
  });
});

describe('check: report files', () => {
  it('writes every --report from the one report', async () => {
    const dir = project({ maxAttemptsPerUser: 5 }, { hits: [hit('src/a.ts', 4)] });
    const { code, out } = await check(dir, { report: ['sarif=out/golive.sarif', 'junit=out/junit.xml', 'json=golive.json', 'github=-'] });
    expect(code).toBe(1);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out/golive.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['attempts-capped', 'no-raw-hits']);
    // Paths are relative to the repository root (the temp dir holds .git).
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'no-raw-hits').locations[0].physicalLocation.artifactLocation.uri).toBe('src/a.ts');
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'attempts-capped').locations[0].physicalLocation.artifactLocation.uri).toBe('identity-golive.config.json');
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(path.join(dir, 'out/junit.xml'), 'utf8'));
    expect(junit.testsuites.failures).toBe('2');
    expect(JSON.parse(readFileSync(path.join(dir, 'golive.json'), 'utf8')).exitCode).toBe(1);
    expect(out).toMatch(/^::error file=src\/a\.ts,line=4,col=1,title=/m);
    // No colour in files, no temp files left behind.
    expect(readFileSync(path.join(dir, 'out/golive.sarif'), 'utf8')).not.toContain('\u001b[');
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['golive.sarif', 'junit.xml']);
  });

  it('replaces files atomically (a new inode, never a truncated file)', async () => {
    const dir = project({ maxAttemptsPerUser: 2 });
    const file = path.join(dir, 'golive.sarif');
    writeFileSync(file, 'old');
    const before = statSync(file).ino;
    await check(dir, { report: ['sarif=golive.sarif'] });
    expect(statSync(file).ino).not.toBe(before);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
  });

  it('appends Markdown to $GITHUB_STEP_SUMMARY, within what is left of its 1 MiB', async () => {
    const dir = project({ maxAttemptsPerUser: 5 });
    const summary = path.join(dir, 'step-summary.md');
    writeFileSync(summary, '# Earlier step output\n');
    await check(dir, { report: [`markdown=${summary}`] }, { GITHUB_STEP_SUMMARY: summary });
    await check(dir, { report: [`markdown=${summary}`] }, { GITHUB_STEP_SUMMARY: summary });
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# Earlier step output\n\n## ❌ identity-golive: Not ready to go live')).toBe(true);
    expect(text.split('## ❌ identity-golive').length - 1).toBe(2);
    // Nearly full already: what we add keeps the file within GitHub's limit.
    writeFileSync(summary, 'x'.repeat(1024 * 1024 - 300));
    await check(dir, { report: [`markdown=${summary}`] }, { GITHUB_STEP_SUMMARY: summary });
    expect(statSync(summary).size).toBeLessThanOrEqual(1024 * 1024);
  });

  it.each([
    ['sarif', 'is not <format>=<file>'],
    ['xml=out.xml', 'unknown format "xml"'],
    ['sarif=', 'names no file'],
    ['.', 'is not <format>=<file>'],
  ])('a bad --report %s is a usage error before any work', async (spec, message) => {
    const dir = project({ maxAttemptsPerUser: 5 });
    await expect(check(dir, { report: [spec] })).rejects.toThrow(UserError);
    await expect(check(dir, { report: [spec] })).rejects.toThrow(message);
  });

  it('rejects the same file twice, a directory, and non-Markdown to the step summary', async () => {
    const dir = project({ maxAttemptsPerUser: 5 });
    await expect(check(dir, { report: ['sarif=a.out', 'junit=./a.out'] })).rejects.toThrow('named twice');
    await expect(check(dir, { report: ['sarif=.git'] })).rejects.toThrow('is a directory');
    await expect(check(dir, { report: ['json=summary.md'] }, { GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') })).rejects.toThrow('takes Markdown');
  });
});

// Hostile input (issue #11 §2): every selected pattern and the syntax-tree model over files built
// to make backtracking regexes and naive parsers hang. A hang guard, not a benchmark: the bound
// (1 s of CPU per file) is generous; speed goals live in `npm run bench`. CPU time, not wall time:
// a hang burns CPU, while wall time on a shared two-core machine mostly measures the neighbours.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { compilePatterns } from '../../src/gather/source/compile.js';
import { MAX_FILE_BYTES, scanSource } from '../../src/gather/source/scan.js';
import { writeTree } from '../support/source.js';

const HANG_GUARD_MS = 1000;

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** The 24-line file that made the Python `verify-error-swallowed` regex backtrack for minutes. */
const PYTHON_HANG = [
  'def webhook():',
  '    try:',
  ...Array.from({ length: 6 }, (_, i) => `        log.info("step ${i}")`),
  '        event = stripe.Webhook.construct_event(payload, sig, secret)',
  ...Array.from({ length: 6 }, (_, i) => `        log.info("step ${i + 6}")`),
  '    finally:',
  '        db.close()',
  '',
  'def other():',
  '    try:',
  '        pass',
  '    except ValueError:',
  '        return None',
].join('\n');

/** Minified JS on one line, as large as the scanner reads (the lead's cap), full of near-misses. */
function minified(bytes: number): string {
  const unit = "a.b(c,d);stripe.webhooks.constructEvent(x,y,z);try{q(r)}catch(e){console.log(e.message,session.url)};var s={client_reference_id:u,url:v};";
  return unit.repeat(Math.floor((bytes - 1) / unit.length));
}

const HOSTILE: Record<string, string> = {
  'hang.py': PYTHON_HANG,
  'min.js': minified(128 * 1024),
  'big-try.js': `try {\n  event = stripe.webhooks.constructEvent(req.body, sig, secret);\n${'  log(session.url);\n'.repeat(20_000)}} catch (e) {\n  console.log(e);\n}\n`,
  'big-try.py': `def hook():\n    try:\n        event = stripe.Webhook.construct_event(payload, sig, secret)\n${'        log.info(vs.url)\n'.repeat(20_000)}    except Exception:\n        print("x")\n`,
  'unbalanced.ts': `${'stripe.webhooks.constructEvent((((((['.repeat(2000)}\n${'}}}})))'.repeat(2000)}\ncatch (e) { if (x) {{{{ \n`,
  'unbalanced.rb': `${'begin\n  Stripe::Webhook.construct_event(payload, sig, secret, tolerance: (((\n'.repeat(1000)}rescue\n`,
  'unbalanced.php': `<?php ${'try { \\Stripe\\Webhook::constructEvent($p, $s, $x, ((('.repeat(4000)} } catch (\\Exception $e) {`,
  'unbalanced.go': `package main\nfunc h() {\n${'event, err := webhook.ConstructEvent(payload, sig, (((\nif err != nil {\n'.repeat(1000)}`,
  'Unbalanced.java': `class A { void h() { ${'try { Webhook.constructEvent(p, s, x, (((( } catch ('.repeat(1000)}`,
  'Unbalanced.cs': `class A { void H() { ${'try { EventUtility.ConstructEvent(p, s, x, (((( } catch ('.repeat(1000)}`,
};

const patterns = compilePatterns(RULES.map((rule) => ({ ruleId: rule.meta.id, patterns: rule.meta.patterns ?? [] })));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The adversarial run's quadratic and exponential cases (issue #9 §9), 60-200 KB each: manifests and code. */
const REGEX_HOSTILE: Record<string, string> = {
  'requirements.txt': `${' \n'.repeat(100_000)}x`,
  'events.js': 'event'.repeat(40_000),
  'guards.py': `${'if.'.repeat(60_000)}\nsecret`,
  'logs.js': `console.log(${'session.'.repeat(20_000)}`,
  'urls.rb': '.url = '.repeat(25_000),
};

describe('hostile input for every remaining pattern (manifests, text, code)', () => {
  it.each(Object.entries(REGEX_HOSTILE))('%s', async (name, content) => {
    const dir = writeTree({ [name]: content }, 'igl-hostile-');
    dirs.push(dir);
    const started = process.cpuUsage();
    await scanSource(dir, patterns, { model: true });
    expect(cpuMs(started)).toBeLessThan(HANG_GUARD_MS);
  });
});

describe('hostile input: no file takes over the hang guard', () => {
  it.each(Object.entries(HOSTILE))('%s', async (name, content) => {
    const dir = writeTree({ [name]: content }, 'igl-hostile-');
    dirs.push(dir);
    const started = process.cpuUsage();
    const index = await scanSource(dir, patterns, { model: true });
    const elapsed = cpuMs(started);
    expect(index.filesScanned).toBe(1);
    expect(index.model?.slowest?.file).toBe(name);
    // Judged, or abandoned at the parser's guard and reported (never silently passed over).
    const parsed = Object.values(index.model!.parsed).reduce((sum, count) => sum + count, 0);
    expect(parsed + index.model!.unparsed.length).toBe(1);
    expect(elapsed).toBeLessThan(HANG_GUARD_MS);
  });

  it('a 10 MB one-line minified bundle is passed over as too large, at once', async () => {
    const dir = writeTree({ 'bundle.min.js': minified(10 * 1024 * 1024) }, 'igl-hostile-');
    dirs.push(dir);
    const started = process.cpuUsage();
    const index = await scanSource(dir, patterns, { model: true });
    expect(cpuMs(started)).toBeLessThan(HANG_GUARD_MS);
    expect(index.skipped['too-large']).toBe(MAX_FILE_BYTES < 10 * 1024 * 1024 ? 1 : undefined);
    expect(index.model?.unparsed).toEqual([]);
  });

  it('the 24-line Python file is judged: its verification propagates through `finally`', async () => {
    const dir = writeTree({ 'hang.py': PYTHON_HANG }, 'igl-hostile-');
    dirs.push(dir);
    const index = await scanSource(dir, patterns, { model: true });
    const [handler] = index.model!.webhooks;
    expect(handler?.name).toBe('webhook');
    expect(handler?.verifications.map((v) => (v.kind === 'sdk' ? [v.at.line, v.at.column, v.failure.kind] : null))).toEqual([[9, 17, 'propagates']]);
  });
});

import { describe, expect, it } from 'vitest';
import { defineRule, outcome, type Finding } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/runner.js';
import { expiryInstant, isExpired } from '../../src/engine/suppress.js';
import { buildReport, type ReportContext } from '../../src/report/build.js';
import { failed, use } from '../../src/engine/gathered.js';
import type { InlineSuppression } from '../../src/gather/source/types.js';
import type { ConfigSuppression } from '../../src/engine/suppress.js';
import { config } from '../support/facts.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

/** A test-only rule that reports whatever findings the test hands it through Config.rules keys. */
function ruleWith(id: string, result: () => ReturnType<typeof outcome.from>) {
  return defineRule({
    meta: {
      id,
      item: 'webhooks',
      title: `${id} holds`,
      failureTitle: `${id} does not hold`,
      neutralTitle: `About ${id}`,
      docsUrl: 'https://docs.stripe.com/webhooks',
      requiredArtifacts: ['Config'],
      messages: { bad: 'Bad thing in {{where}}', note: 'Checked {{count}} things', unavailable: 'x' },
      defaultSeverity: 'error',
    },
    check: () => result(),
  });
}

const codeFinding = (file: string, line: number, level: Finding['level'] = 'fail'): Finding => ({ messageId: 'bad', level, data: { where: `${file}:${line}` }, location: { file, line, column: 3 } });
const stripeFinding = (id: string): Finding => ({ messageId: 'bad', level: 'fail', data: { where: id }, location: { stripe: id } });

const twoFiles = ruleWith('two-files', () => outcome.from([codeFinding('src/server.ts', 10), codeFinding('lib/handler.py', 4), { messageId: 'note', level: 'info', data: { count: 2 } }]));
const endpoints = ruleWith('endpoints', () => outcome.from([stripeFinding('we_123'), stripeFinding('we_456')]));
const mixed = ruleWith('mixed', () => outcome.from([codeFinding('src/a.ts', 1, 'fail'), codeFinding('src/b.ts', 2, 'warn')]));
const broken = defineRule({
  meta: { ...twoFiles.meta, id: 'broken', requiredArtifacts: ['Source'] },
  check: ({ Source }) => {
    use(Source);
    return outcome.pass();
  },
});
const RULES = [twoFiles, endpoints, mixed, broken];
const known = new Set(RULES.map((rule) => rule.meta.id));

function report(suppressions: ConfigSuppression[], inline: InlineSuppression[] | null = null, extra: Partial<ReportContext> = {}) {
  const runs = runRules(RULES, { Config: config(), Source: failed('not_configured', 'no source', 'configure it') }, new Map(), { now: NOW, offline: false });
  return buildReport(runs, {
    now: NOW,
    fatal: false,
    notices: [],
    scope: 'checklist',
    target: { cwd: '/project', configFile: '/project/identity-golive.config.json', keys: [], apiBase: null, snapshot: null, offline: false },
    suppressions: { config: suppressions, inline, knownRuleIds: known },
    ...extra,
  });
}
const statusOf = (r: ReturnType<typeof report>, id: string) => r.results.find((x) => x.ruleId === id)?.status;

describe('expiry (fixed clock)', () => {
  it.each([
    ['2026-11-23', false],
    ['2026-11-22', true], // from the start of that day (UTC) on, it no longer hides
    ['2026-11-22T12:00:01Z', false],
    ['2026-11-22T12:00:00Z', true],
    ['2025-01-01', true],
    ['2027-02-30', true], // no such day: malformed means expired
    ['2027-13-01', true],
    ['2027-05-01T25:99', true],
    ['soon', true],
  ])('%s → expired %s', (expires, expired) => {
    expect(isExpired(expires, NOW)).toBe(expired);
  });
  it('parses valid dates to their instant', () => {
    expect(expiryInstant('2027-05-01')).toBe(Date.UTC(2027, 4, 1));
    expect(expiryInstant('2027-02-29')).toBeNull();
  });
});

describe('config suppressions', () => {
  it('a rule whose every non-info finding is suppressed becomes pass, with the findings listed', () => {
    const r = report([{ rule: 'two-files', reason: 'legacy paths, tracked in JIRA-1', expires: '2027-01-01' }]);
    expect(statusOf(r, 'two-files')).toBe('pass');
    // Issue #12: a pass that holds only because findings were suppressed gets the neutral title, not the success one.
    expect(r.results.find((x) => x.ruleId === 'two-files')).toMatchObject({ title: 'About two-files', findings: [{ messageId: 'note', level: 'info' }] });
    expect(r.suppressed.map((s) => [s.ruleId, s.finding.message, s.source, s.reason, s.expires, s.finding.level])).toEqual([
      ['two-files', 'Bad thing in src/server.ts:10', 'config', 'legacy paths, tracked in JIRA-1', '2027-01-01', 'fail'],
      ['two-files', 'Bad thing in lib/handler.py:4', 'config', 'legacy paths, tracked in JIRA-1', '2027-01-01', 'fail'],
    ]);
  });

  it('targets a file glob: partially suppressed stays failing, minus the suppressed finding', () => {
    const r = report([{ rule: 'two-files', target: 'lib/**/*.py', reason: 'python sample is not deployed', expires: '2027-01-01' }]);
    expect(statusOf(r, 'two-files')).toBe('fail');
    expect(r.results.find((x) => x.ruleId === 'two-files')?.findings.map((f) => f.message)).toEqual(['Bad thing in src/server.ts:10', 'Checked 2 things']);
    expect(r.suppressed.map((s) => [s.finding.message, s.target])).toEqual([['Bad thing in lib/handler.py:4', 'lib/**/*.py']]);
    expect(r.exitCode).toBe(1);
  });

  it('targets a Stripe object id', () => {
    const r = report([{ rule: 'endpoints', target: 'we_456', reason: 'staging endpoint', expires: '2027-01-01' }]);
    expect(r.results.find((x) => x.ruleId === 'endpoints')?.findings.map((f) => f.location)).toEqual([{ stripe: 'we_123' }]);
  });

  it('recomputes the status from what is left: the fail hidden, the warning remains', () => {
    const r = report([{ rule: 'mixed', target: 'src/a.ts', reason: 'dead code', expires: '2027-01-01' }]);
    expect(statusOf(r, 'mixed')).toBe('warn');
  });

  it('an expired suppression no longer hides, and the report says it expired', () => {
    const r = report([{ rule: 'endpoints', reason: 'temporary', expires: '2026-11-01' }]);
    expect(statusOf(r, 'endpoints')).toBe('fail');
    expect(r.suppressed).toEqual([]);
    expect(r.suppressionIssues).toEqual([
      expect.objectContaining({ kind: 'expired', source: 'config', ruleIds: ['endpoints'], expires: '2026-11-01', message: 'Suppression of endpoints expired on 2026-11-01; its 2 findings are shown again.' }),
    ]);
  });

  it('a malformed date is expired', () => {
    const r = report([{ rule: 'endpoints', reason: 'temporary', expires: '2027-02-30' }]);
    expect(statusOf(r, 'endpoints')).toBe('fail');
    expect(r.suppressionIssues[0]?.message).toContain('invalid expiry date "2027-02-30"');
  });

  it('never suppresses missing evidence (error/skipped)', () => {
    const r = report([{ rule: 'broken', reason: 'no source yet', expires: '2027-01-01' }]);
    expect(statusOf(r, 'broken')).toBe('skipped');
    expect(r.suppressed).toEqual([]);
  });

  it('flags an entry naming an unknown rule', () => {
    const r = report([{ rule: 'no-such-rule', reason: 'x', expires: '2027-01-01' }]);
    expect(r.suppressionIssues.map((i) => i.kind)).toEqual(['unknown_rule']);
    expect(r.suppressionIssues[0]?.message).toBe('Suppression for unknown rule "no-such-rule" hides nothing.');
  });

  it('suggests the rule meant by a misspelt id', () => {
    const r = report([{ rule: 'brokn', reason: 'x', expires: '2027-01-01' }]);
    expect(r.suppressionIssues[0]?.message).toBe('Suppression for unknown rule "brokn" hides nothing. Did you mean "broken"?');
  });

  it('a targeted entry never hides a finding without a location', () => {
    const noWhere = ruleWith('nowhere', () => outcome.of('fail', { messageId: 'bad', data: { where: '?' } }));
    const runs = runRules([noWhere], { Config: config() }, new Map(), { now: NOW, offline: false });
    const base = { now: NOW, fatal: false, notices: [], scope: 'checklist' as const, target: { cwd: '/p', configFile: null, keys: [], apiBase: null, snapshot: null, offline: false } };
    const targeted = buildReport(runs, { ...base, suppressions: { config: [{ rule: 'nowhere', target: '**', reason: 'r', expires: '2027-01-01' }], inline: null, knownRuleIds: new Set(['nowhere']) } });
    expect(targeted.results[0]?.status).toBe('fail');
    const ruleWide = buildReport(runs, { ...base, suppressions: { config: [{ rule: 'nowhere', reason: 'r', expires: '2027-01-01' }], inline: null, knownRuleIds: new Set(['nowhere']) } });
    expect(ruleWide.results[0]?.status).toBe('pass');
  });
});

describe('inline suppressions', () => {
  const directive = (over: Partial<InlineSuppression> = {}): InlineSuppression => ({ file: 'src/server.ts', line: 10, ruleIds: ['two-files'], reason: 'reviewed by security, see PR 42', ...over });

  it('hides the finding on the next line for the named rule only', () => {
    const r = report([], [directive(), directive({ ruleIds: ['endpoints'], line: 4, file: 'lib/handler.py' })]);
    expect(r.suppressed.map((s) => [s.finding.message, s.source, s.reason, s.expires, s.target])).toEqual([
      ['Bad thing in src/server.ts:10', 'inline', 'reviewed by security, see PR 42', null, 'src/server.ts:10'],
    ]);
    expect(statusOf(r, 'two-files')).toBe('fail');
  });

  it('does not match another line', () => {
    const r = report([], [directive({ line: 11 })]);
    expect(r.suppressed).toEqual([]);
  });

  it('a directive naming an unknown rule is a warning with a suggestion; its known ids still apply', () => {
    const r = report([], [directive({ ruleIds: ['two-file', 'two-files'] })]);
    expect(r.suppressed).toHaveLength(1);
    expect(r.suppressionIssues.map((i) => [i.kind, i.source, i.location, i.message])).toEqual([
      ['unknown_rule', 'inline', { file: 'src/server.ts', line: 9 }, 'identity-golive-disable-next-line in src/server.ts names unknown rule "two-file", which hides nothing. Did you mean "two-files"?'],
    ]);
  });

  it('a directive without a reason hides nothing and is itself a warning', () => {
    const r = report([], [directive({ reason: null }), directive({ file: 'lib/handler.py', line: 4, reason: '   ' })]);
    expect(r.suppressed).toEqual([]);
    expect(r.suppressionIssues.map((i) => [i.kind, i.source, i.location])).toEqual([
      ['missing_reason', 'inline', { file: 'src/server.ts', line: 9 }],
      ['missing_reason', 'inline', { file: 'lib/handler.py', line: 3 }],
    ]);
    expect(r.gate.warnings).toBe(2);
  });

  it('with inline suppressions off (null), directives do nothing', () => {
    const r = report([], null, { inlineSuppressions: false });
    expect(r.suppressed).toEqual([]);
    expect(r.gate.inlineSuppressions).toBe(false);
  });

  it('both hide the whole rule → pass, exit code follows', () => {
    const r = report(
      [{ rule: 'endpoints', reason: 'sandbox account', expires: '2027-01-01' }, { rule: 'mixed', reason: 'fixture', expires: '2027-01-01' }],
      [directive(), directive({ file: 'lib/handler.py', line: 4 })],
    );
    expect(r.results.map((x) => [x.ruleId, x.status])).toEqual([
      ['broken', 'skipped'],
      ['endpoints', 'pass'],
      ['mixed', 'pass'],
      ['two-files', 'pass'],
    ]);
    expect(r.exitCode).toBe(0);
    expect(report([], null, { policy: { strict: true } }).exitCode).toBe(1);
  });
});

// Reports built the real way (test-only rules → runner → suppressions → buildReport) with a fixed
// clock, for the reporters' golden files and the gate tests. Few real rules exist yet; these cover
// every status, severity, location kind and suppression path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineRule, outcome, type AnyRule, type Finding, type Outcome } from '../../src/engine/rule.js';
import { failed, use } from '../../src/engine/gathered.js';
import { runRules } from '../../src/engine/runner.js';
import type { Artifacts } from '../../src/engine/artifacts.js';
import type { ChecklistItemId } from '../../src/engine/checklist.js';
import { buildReport, type ReportContext } from '../../src/report/build.js';
import type { Report } from '../../src/report/types.js';
import type { InlineSuppression } from '../../src/gather/source/types.js';
import type { ConfigSuppression } from '../../src/engine/suppress.js';
import { config } from './facts.js';

export const SAMPLE_NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
export const REPORTS_DIR = path.resolve(import.meta.dirname, '../../fixtures/reports');

interface SampleRule {
  id: string;
  item: ChecklistItemId;
  severity?: 'error' | 'warn';
  /** An outcome, or an artifact the rule reads with use() and that is unavailable (→ error / skipped). */
  result: Outcome | { missing: 'VerificationSessions' | 'Attestations' };
}

const DOCS: Partial<Record<ChecklistItemId, string>> = {
  webhooks: 'https://docs.stripe.com/webhooks#best-practices',
  branding: 'https://docs.stripe.com/identity/before-going-live#setup-branding',
};

export function sampleRule({ id, item, severity = 'error', result }: SampleRule): AnyRule {
  const meta = {
    id,
    item,
    title: `${id} holds`,
    failureTitle: `${id} does not hold`,
    neutralTitle: `About ${id}`,
    docsUrl: DOCS[item] ?? 'https://docs.stripe.com/identity/before-going-live',
    messages: {
      codeIssue: { text: 'Handler at {{file}} does not verify the signature', fix: 'Call stripe.webhooks.constructEvent() before trusting the payload.' },
      objectIssue: { text: 'Webhook endpoint {{id}} is disabled', fix: 'Enable it in the Dashboard.' },
      urlIssue: 'The page {{url}} does not mention identity verification',
      confirm: { text: 'Confirm that {{what}}', fix: 'Run `identity-golive attest {{what}}` once checked.' },
      note: 'Checked {{count}} objects',
      bare: '{{text}}',
    },
    defaultSeverity: severity,
  } as const;
  if ('missing' in result && result.missing === 'VerificationSessions') {
    return defineRule({
      meta: { ...meta, requiredArtifacts: ['VerificationSessions'], modes: ['live'] },
      check: ({ VerificationSessions }) => {
        use(VerificationSessions.live);
        return outcome.pass();
      },
    });
  }
  if ('missing' in result) {
    return defineRule({
      meta: { ...meta, requiredArtifacts: ['Attestations'] },
      check: ({ Attestations }) => {
        use(Attestations);
        return outcome.pass();
      },
    });
  }
  return defineRule({ meta: { ...meta, requiredArtifacts: ['Config'] }, check: () => result as Outcome<keyof typeof meta.messages> });
}

export const code = (file: string, line: number, column?: number, level: Finding['level'] = 'fail'): Finding => ({ messageId: 'codeIssue', level, data: { file }, location: { file, line, ...(column ? { column } : {}) } });
export const object = (id: string, level: Finding['level'] = 'fail'): Finding => ({ messageId: 'objectIssue', level, data: { id }, location: { stripe: id } });

export interface Scenario {
  rules: SampleRule[];
  artifacts?: Partial<Artifacts>;
  suppressions?: ConfigSuppression[];
  inline?: InlineSuppression[] | null;
  context?: Partial<ReportContext>;
}

export function buildSample({ rules, artifacts = {}, suppressions = [], inline = [], context = {} }: Scenario): Report {
  const built = rules.map(sampleRule);
  const sessions = failed<never>('permission', 'the key lacks Identity Verification Sessions: Read', 'Grant "Identity Verification Sessions and Reports: Read" to the restricted key.');
  const attestations = failed<never>('not_configured', 'no attestations file (.identity-golive/attestations.json)', 'Record a confirmation with `identity-golive attest`.');
  const runs = runRules(built, { Config: config(), VerificationSessions: { live: sessions, test: sessions }, Attestations: attestations, ...artifacts }, new Map(rules.map((rule) => [rule.id, rule.severity ?? 'error'])), { now: SAMPLE_NOW, offline: false });
  const report = buildReport(runs, {
    now: SAMPLE_NOW,
    fatal: false,
    notices: [],
    scope: 'checklist',
    target: { cwd: '/repo/app', configFile: '/repo/app/identity-golive.config.json', keys: [{ mode: 'test', kind: 'restricted', masked: 'rk_test_…4xYz', source: 'STRIPE_TEST_API_KEY' }], apiBase: null, snapshot: null, offline: false },
    suppressions: { config: suppressions, inline, knownRuleIds: new Set(rules.map((rule) => rule.id)) },
    ...context,
  });
  // Golden files must not change with the package version.
  return { ...report, tool: { ...report.tool, version: '0.0.0-test' } };
}

/** Every status, severity, location kind and suppression path, in one report. */
export const MIXED: Scenario = {
  rules: [
    { id: 'signature-verified', item: 'webhooks', result: outcome.from([code('src/webhooks/stripe.ts', 12, 5), code('lib/handler.py', 4), code('src/legacy/hook.ts', 3)]) },
    { id: 'webhook-endpoint-enabled', item: 'webhooks', result: outcome.from([object('we_1Live'), object('we_2Staging')]) },
    { id: 'branding-set', item: 'branding', result: outcome.pass({ messageId: 'note', level: 'info', data: { count: 1 } }) },
    { id: 'faq-explains-identity', item: 'customer-faq', result: outcome.of('warn', { messageId: 'urlIssue', data: { url: 'https://example.com/faq' }, location: { url: 'https://example.com/faq' } }) },
    { id: 'attempts-limited', item: 'submission-attempts', result: outcome.of('manual', { messageId: 'confirm', data: { what: 'attempts-limited' } }) },
    { id: 'sessions-readable', item: 'sensitive-data', result: { missing: 'VerificationSessions' } },
    { id: 'support-process-documented', item: 'alternative-verification', result: { missing: 'Attestations' } },
    { id: 'metadata-free-of-pii', item: 'sensitive-data', severity: 'warn', result: outcome.from([object('vs_1Meta')]) },
    { id: 'deletion-explained', item: 'data-deletion', result: outcome.from([{ messageId: 'urlIssue', level: 'fail', data: { url: 'https://example.com/delete' }, location: { url: 'https://example.com/delete' } }]) },
  ],
  suppressions: [
    { rule: 'webhook-endpoint-enabled', target: 'we_2Staging', reason: 'staging endpoint, disabled on purpose', expires: '2027-01-31' },
    { rule: 'deletion-explained', reason: 'page ships with the Q1 release (LEGAL-12)', expires: '2027-03-01' },
    { rule: 'signature-verified', target: 'src/legacy/**', reason: 'legacy handler, removed in PR 881', expires: '2026-10-01' },
  ],
  inline: [
    { file: 'lib/handler.py', line: 4, ruleIds: ['signature-verified'], reason: 'verified by the API gateway before this handler' },
    { file: 'src/webhooks/stripe.ts', line: 30, ruleIds: ['signature-verified'], reason: null },
  ],
  context: { notices: [{ level: 'warn', message: 'No live-mode key: live Stripe rules are skipped.', fix: 'Set STRIPE_LIVE_API_KEY to a restricted live key.' }] },
};

export const READY: Scenario = {
  rules: [
    { id: 'branding-set', item: 'branding', result: outcome.pass() },
    { id: 'webhook-endpoint-enabled', item: 'webhooks', result: outcome.pass({ messageId: 'note', level: 'info', data: { count: 2 } }) },
    { id: 'metadata-free-of-pii', item: 'sensitive-data', severity: 'warn', result: outcome.from([object('vs_1Meta')]) },
  ],
};

/** A hand-made Report (fixtures/reports/hostile.report.json) whose text tries to break every format. */
export function hostileReport(): Report {
  return JSON.parse(readFileSync(path.join(REPORTS_DIR, 'hostile.report.json'), 'utf8')) as Report;
}

// The "Stripe API evidence not used" remark of the rules combining code and API evidence is said
// once, in the header, naming the rules; under --offline it suggests no key.
import { describe, expect, it } from 'vitest';
import { liftApiUnavailable, shortReason } from '../../src/report/api-evidence.js';
import type { ReportFinding, RuleResult } from '../../src/report/types.js';

const KEY_FIX = 'Set STRIPE_API_KEY (or STRIPE_LIVE_API_KEY and STRIPE_TEST_API_KEY) to restricted, read-only keys to check the API side too.';
const NO_KEYS = 'live: No live-mode Stripe key: live-mode VerificationSessions was not read.; test: No test-mode Stripe key: test-mode VerificationSessions was not read.';

function remark(reason: string, consequence = ': this result rests on the code alone'): ReportFinding {
  return { messageId: 'apiUnavailable', level: 'info', message: `Stripe API evidence not used (${reason})${consequence}.`, fix: KEY_FIX, location: null, data: { reason, consequence } };
}

function result(ruleId: string, status: RuleResult['status'], findings: ReportFinding[]): RuleResult {
  return { ruleId, item: 'sensitive-data', title: ruleId, neutralTitle: ruleId, severity: 'error', status, docsUrl: 'https://docs.stripe.com/identity', findings, gate: status === 'pass' ? 'ok' : 'blocking' };
}

const note: ReportFinding = { messageId: 'clean', level: 'info', message: 'No session link is logged.', fix: null, location: null, data: {} };
const failure: ReportFinding = { messageId: 'logged', level: 'fail', message: 'client_secret is logged', fix: 'Do not log it.', location: { file: 'a.ts', line: 3 }, data: {} };

describe('liftApiUnavailable', () => {
  it('says it once for every rule, names them, and removes it from their results', () => {
    const { results, notice } = liftApiUnavailable([result('a-rule', 'pass', [note, remark(NO_KEYS)]), result('b-rule', 'fail', [failure, remark(NO_KEYS)]), result('c-rule', 'pass', [note])], { offline: false });
    expect(notice).toEqual({
      level: 'info',
      message: 'Stripe API evidence not used (No live-mode Stripe key; No test-mode Stripe key): 2 rules judged the code alone (a-rule, b-rule).',
      fix: KEY_FIX,
      ruleIds: ['a-rule', 'b-rule'],
    });
    expect(results.map((r) => r.findings.map((f) => f.messageId))).toEqual([['clean'], ['logged'], ['clean']]);
  });

  it('under --offline suggests no key', () => {
    const offline = 'live: --offline: live-mode Events was not read from Stripe.; test: --offline: test-mode Events was not read from Stripe.';
    const { notice } = liftApiUnavailable([result('a-rule', 'pass', [remark(offline)])], { offline: true });
    expect(notice?.message).toBe('Stripe API evidence not used (--offline): 1 rule judged the code alone (a-rule).');
    expect(notice).not.toHaveProperty('fix');
  });

  it('says which mode was checked when one was', () => {
    const { notice } = liftApiUnavailable([result('a-rule', 'pass', [remark('live: No live-mode Stripe key: live-mode Account was not read.', '; test mode was checked')])], { offline: false });
    expect(notice?.message).toBe('Stripe API evidence not used (No live-mode Stripe key): 1 rule judged the code and test-mode evidence (a-rule).');
  });

  it('leaves a result that would be left with no reason alone', () => {
    const lone = result('a-rule', 'manual', [remark(NO_KEYS)]);
    const { results, notice } = liftApiUnavailable([lone], { offline: false });
    expect(results[0]).toBe(lone);
    expect(notice).toBeNull();
  });

  it('adds no notice when no rule made the remark', () => {
    expect(liftApiUnavailable([result('a-rule', 'pass', [note])], { offline: false }).notice).toBeNull();
  });
});

describe('shortReason', () => {
  it('keeps what is not in the usual shape whole', () => {
    expect(shortReason('something else went wrong')).toBe('something else went wrong');
  });
});

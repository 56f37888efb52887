import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { pretty } from '../../src/report/pretty.js';
import { buildReport } from '../../src/report/build.js';
import { defineRule, outcome } from '../../src/engine/rule.js';
import type { RuleRun } from '../../src/engine/runner.js';
import { colorLevel } from '../../src/cli/color.js';

const base = {
  docsUrl: 'https://docs.stripe.com/identity/before-going-live',
  requiredArtifacts: ['Config'] as const,
  defaultSeverity: 'error' as const,
};
const webhookRule = defineRule({
  meta: { ...base, id: 'webhook-thing', item: 'webhooks', title: 'Webhooks fine', failureTitle: 'Webhooks broken', neutralTitle: 'Webhooks', messages: { bad: { text: 'Endpoint {{id}} is http', fix: 'Use https for {{id}}' } } },
  check: () => outcome.of('fail', { messageId: 'bad', data: { id: 'we_123' }, location: { stripe: 'we_123' } }),
});
const brandingRule = defineRule({
  meta: { ...base, id: 'branding-thing', item: 'branding', title: 'Branding set', failureTitle: 'Branding missing', neutralTitle: 'Branding', messages: { ok: 'fine' } },
  check: () => outcome.pass(),
});

const runs: RuleRun[] = [
  { rule: webhookRule, severity: 'error', outcome: webhookRule.check({} as never, { now: 0, offline: false }) },
  { rule: brandingRule, severity: 'error', outcome: brandingRule.check({} as never, { now: 0, offline: false }) },
];
const report = buildReport(runs, {
  now: Date.UTC(2026, 10, 22),
  fatal: false,
  scope: 'checklist',
  notices: [{ level: 'warn', message: 'STRIPE_API_KEY is an unrestricted secret key (sk_test_…abcd)', fix: 'Create a restricted key' }],
  target: { cwd: '/project', configFile: null, keys: [{ mode: 'test', kind: 'secret', masked: 'sk_test_…abcd', source: 'STRIPE_API_KEY' }], apiBase: null, snapshot: null, offline: false },
});

describe('pretty reporter', () => {
  const text = pretty(report, { chalk: new Chalk({ level: 0 }) });

  it('groups by checklist item in the checklist order', () => {
    expect(text.indexOf('2. Setup branding')).toBeGreaterThan(0);
    expect(text.indexOf('9. Follow webhook best practices')).toBeGreaterThan(text.indexOf('2. Setup branding'));
  });

  it('shows icon, title, reason, location, fix and docs for a failure', () => {
    expect(text).toContain('✗ Webhooks broken webhook-thing');
    // The message names its place already, so the location is not repeated.
    expect(text).toContain('Endpoint we_123 is http\n');
    expect(text).toContain('fix: Use https for we_123');
    expect(text).toContain('docs: https://docs.stripe.com/identity/before-going-live');
    expect(text).toContain('✓ Branding set branding-thing');
  });

  it('shows masked keys, notices, summary and verdict', () => {
    expect(text).toContain('keys: test sk_test_…abcd (secret, STRIPE_API_KEY)');
    expect(text).toContain('! STRIPE_API_KEY is an unrestricted secret key');
    expect(text).toContain('1 pass · 1 fail');
    expect(text).toContain('Not ready to go live.');
    expect(report.exitCode).toBe(1);
  });

  it('has no escape codes at colour level 0 and some at level 1', () => {
    expect(text).not.toContain('\u001b[');
    expect(pretty(report, { chalk: new Chalk({ level: 1 }) })).toContain('\u001b[');
  });
});

describe('colour policy', () => {
  const tty = { isTTY: true } as never;
  const pipe = { isTTY: false } as never;
  it.each([
    ['a TTY', {}, tty, 1],
    ['a pipe', {}, pipe, 0],
    ['NO_COLOR on a TTY', { NO_COLOR: '1' }, tty, 0],
    ['CI on a TTY', { CI: 'true' }, tty, 0],
    ['CI=TRUE (any case)', { CI: 'TRUE' }, tty, 0],
    ['CI=false on a TTY', { CI: 'false' }, tty, 1],
    ['FORCE_COLOR in CI through a pipe', { CI: '1', FORCE_COLOR: '1' }, pipe, 1],
    ['FORCE_COLOR=0 on a TTY', { FORCE_COLOR: '0' }, tty, 0],
    // no-color.org: NO_COLOR wins over FORCE_COLOR (issue #12; this used to assert the opposite).
    ['NO_COLOR beats FORCE_COLOR=3', { FORCE_COLOR: '3', NO_COLOR: '1' }, pipe, 0],
  ])('%s → level %i', (_name, env, stdout, level) => {
    expect(colorLevel({ env, stdout })).toBe(level);
  });
});

import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/engine/exit-code.js';
import type { RuleResult } from '../../src/report/types.js';
import type { Severity, Status } from '../../src/engine/rule.js';

const result = (status: Status, severity: Exclude<Severity, 'off'> = 'error'): RuleResult => ({
  ruleId: `r-${status}-${severity}`,
  item: 'webhooks',
  title: 't',
  severity,
  status,
  docsUrl: 'https://docs.stripe.com',
  findings: [],
});

describe('exit code', () => {
  it.each([
    ['all pass', [result('pass')], false, 0],
    ['a failure at error severity', [result('pass'), result('fail')], false, 1],
    ['a failure at warn severity only', [result('fail', 'warn')], false, 0],
    ['manual at error severity', [result('manual')], false, 1],
    ['error with no failure', [result('pass'), result('error')], false, 2],
    ['error and a failure', [result('error'), result('fail')], false, 1],
    ['error at warn severity', [result('error', 'warn'), result('pass')], false, 0],
    ['warn and skipped', [result('warn'), result('skipped')], false, 0],
    ['fatal (rejected key)', [result('pass')], true, 2],
    ['no rules ran', [], false, 2],
  ] as const)('%s → %i', (_name, results, fatal, expected) => {
    expect(exitCodeFor(results, { fatal })).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { exitCodeFor, gateClass, gateVerdict, type ExitPolicy } from '../../src/engine/exit-code.js';
import type { Severity, Status } from '../../src/engine/rule.js';

const result = (status: Status, severity: Exclude<Severity, 'off'> = 'error') => ({ status, severity });
const base: ExitPolicy = { fatal: false };

describe('exit code (default policy)', () => {
  it.each([
    ['all pass', [result('pass')], false, 0],
    ['a failure at error severity', [result('pass'), result('fail')], false, 1],
    ['a failure at warn severity only', [result('fail', 'warn')], false, 0],
    ['manual at error severity', [result('manual')], false, 1],
    ['error with no failure', [result('pass'), result('error')], false, 2],
    ['error and a failure', [result('error'), result('fail')], false, 1],
    ['error at warn severity', [result('error', 'warn'), result('pass')], false, 0],
    ['warn and skipped', [result('warn'), result('skipped')], false, 0],
    ['only skipped rules', [result('skipped'), result('skipped', 'warn')], false, 2],
    ['fatal (rejected key)', [result('pass')], true, 2],
    ['no rules ran', [], false, 2],
  ] as const)('%s → %i', (_name, results, fatal, expected) => {
    expect(exitCodeFor(results, { fatal })).toBe(expected);
  });
});

describe('thresholds', () => {
  const warnings = [result('pass'), result('warn'), result('fail', 'warn'), result('manual', 'warn')];
  it.each<[string, ReturnType<typeof result>[], Partial<ExitPolicy>, 0 | 1 | 2]>([
    ['warnings under --fail-on error', warnings, {}, 0],
    ['warnings under --fail-on warn', warnings, { failOn: 'warn' }, 1],
    ['a warn-status rule under --fail-on warn', [result('warn')], { failOn: 'warn' }, 1],
    ['a warn-severity error under --fail-on warn gates (could not decide)', [result('error', 'warn'), result('pass')], { failOn: 'warn' }, 2],
    ['3 warnings, --max-warnings 3', warnings, { maxWarnings: 3 }, 0],
    ['3 warnings, --max-warnings 2', warnings, { maxWarnings: 2 }, 1],
    ['--max-warnings 0 and one warning', [result('warn')], { maxWarnings: 0 }, 1],
    ['--max-warnings 0 and no warning', [result('pass')], { maxWarnings: 0 }, 0],
    ['too many warnings beat could-not-decide', [result('warn'), result('error')], { maxWarnings: 0 }, 1],
    ['skipped, not strict', [result('pass'), result('skipped')], {}, 0],
    ['skipped, --strict', [result('pass'), result('skipped')], { strict: true }, 1],
    ['skipped at warn severity, --strict', [result('pass'), result('skipped', 'warn')], { strict: true }, 0],
    ['manual, --strict', [result('manual')], { strict: true }, 1],
    ['error, --strict (still could not decide)', [result('pass'), result('error')], { strict: true }, 2],
    ['fatal beats everything', [result('fail')], { fatal: true, failOn: 'warn' }, 2],
  ])('%s → %i', (_name, results, policy, expected) => {
    expect(exitCodeFor(results, { ...base, ...policy })).toBe(expected);
  });

  it('counts report-level warnings (a suppression without a reason) against the threshold', () => {
    expect(exitCodeFor([result('pass')], { ...base, maxWarnings: 0 }, 1)).toBe(1);
    expect(exitCodeFor([result('pass')], { ...base, failOn: 'warn' }, 1)).toBe(1);
    expect(exitCodeFor([result('pass')], base, 1)).toBe(0);
  });

  it('classifies each result for the reporters', () => {
    expect(gateClass(result('fail', 'warn'), base)).toBe('warning');
    expect(gateClass(result('fail', 'warn'), { ...base, failOn: 'warn' })).toBe('blocking');
    expect(gateClass(result('skipped'), base)).toBe('notice');
    expect(gateClass(result('error'), base)).toBe('undecided');
    expect(gateClass(result('error', 'warn'), base)).toBe('notice');
    expect(gateClass(result('pass'), { ...base, strict: true })).toBe('ok');
  });

  it('says why, with counts', () => {
    expect(gateVerdict([result('warn'), result('warn')], { ...base, maxWarnings: 1 })).toEqual({
      exitCode: 1,
      blocking: 0,
      undecided: 0,
      warnings: 2,
      reason: '2 warnings, more than --max-warnings 1.',
    });
    expect(gateVerdict([result('fail'), result('error')], base).reason).toBe('1 problem blocks go-live.');
  });
});

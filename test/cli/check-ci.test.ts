// The built CLI, spawned as CI runs it: report files, exit codes, no colour, no prompt.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const { code, stdout, stderr } = await runCli(args, { cwd, env });
  return { code, stdout, stderr };
}

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'golive-cli-'));
  writeFileSync(path.join(dir, 'identity-golive.config.json'), JSON.stringify({ suppressions: [{ rule: 'x', reason: 'y', expires: '2027-01-01' }] }));
  writeFileSync(path.join(dir, 'golive-snapshot.json'), JSON.stringify({ kind: 'identity-golive-snapshot', schemaVersion: 1, toolVersion: 'test', gatheredAt: '2026-11-22T00:00:00Z', artifacts: {} }));
  return dir;
}

describe('identity-golive check in CI', () => {
  it('writes --report files and exits with the report’s code', async () => {
    const dir = project();
    const { code, stdout, stderr } = await cli(['check', '--snapshot', 'golive-snapshot.json', '--format', 'json', '--report', 'sarif=reports/golive.sarif', '--report', 'junit=reports/junit.xml'], dir, { NO_COLOR: '1' });
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as { exitCode: number; results: { gate: string; status: string }[] };
    // An empty snapshot and no attestations: items still need a person's confirmation, so not ready.
    expect(code).toBe(1);
    expect(report.exitCode).toBe(1);
    expect(report.results.some((result) => result.status === 'manual')).toBe(true);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'reports/golive.sarif'), 'utf8'));
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [{ invocations: [{ exitCode: 1 }] }] });
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(path.join(dir, 'reports/junit.xml'), 'utf8'));
    // JUnit is red exactly for the results that block or could not be decided.
    const red = report.results.filter((result) => result.gate === 'blocking' || result.gate === 'undecided').length;
    expect(Number(junit.testsuites.failures) + Number(junit.testsuites.errors ?? 0)).toBe(red);
    expect(stdout).not.toContain('\u001b[');
  });

  it.each([
    [['--report', 'sarif'], 'is not <format>=<file>'],
    [['--report', 'csv=out.csv'], 'unknown format "csv"'],
    [['--max-warnings', 'many'], "option '--max-warnings <n>' argument 'many' is invalid"],
    [['--fail-on', 'info'], "argument 'info' is invalid"],
  ])('%j is a usage error: exit 2, a clear message, nothing written', async (args, message) => {
    const dir = project();
    const { code, stderr } = await cli(['check', '--snapshot', 'golive-snapshot.json', '--report', 'json=out.json', ...args], dir, { NO_COLOR: '1' });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
  });

  it('CI=true: no colour unless FORCE_COLOR', async () => {
    const dir = project();
    const plain = await cli(['check', '--snapshot', 'golive-snapshot.json'], dir, { CI: 'true' });
    expect(plain.stdout).not.toContain('\u001b[');
    // The harness sets NO_COLOR=1, which now wins over FORCE_COLOR (no-color.org): unset it here.
    const forced = await cli(['check', '--snapshot', 'golive-snapshot.json'], dir, { CI: 'true', FORCE_COLOR: '1', NO_COLOR: '' });
    expect(forced.stdout).toContain('\u001b[');
  });

  it('NO_COLOR wins over FORCE_COLOR; --color and --no-color win over both, before or after the command', async () => {
    const dir = project();
    const both = await cli(['check', '--snapshot', 'golive-snapshot.json'], dir, { FORCE_COLOR: '3', NO_COLOR: '1' });
    expect(both.stdout).not.toContain('\u001b[');
    const flagAfter = await cli(['check', '--snapshot', 'golive-snapshot.json', '--color'], dir, { NO_COLOR: '1', CI: 'true' });
    expect(flagAfter.stdout).toContain('\u001b[');
    const flagBefore = await cli(['--color', 'check', '--snapshot', 'golive-snapshot.json'], dir, { NO_COLOR: '1' });
    expect(flagBefore.stdout).toContain('\u001b[');
    const off = await cli(['check', '--snapshot', 'golive-snapshot.json', '--no-color'], dir, { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(off.stdout).not.toContain('\u001b[');
    expect(off.stdout).toContain('identity-golive');
  });
});

// The README's first command: the demo must keep showing a real, instructive report.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLANTED } from '../fixtures/stripe/index.js';
import type { Report } from '../src/report/types.js';
import { REPO_ROOT, runCli } from './support/cli.js';

describe('npm run demo', () => {
  it('checks the bundled example: everything proven but one unconfirmed item, exit 1', async () => {
    const { code, stdout } = await runCli(['check', '--cwd', 'fixtures/demo', '--snapshot', 'fixtures/demo/golive-snapshot.json', '--format', 'json']);
    const report = JSON.parse(stdout) as Report;
    expect(code).toBe(1);
    const notPassing = report.results.filter((result) => result.status !== 'pass').map((result) => [result.ruleId, result.status]);
    expect(notPassing).toEqual([
      ['session-link-refreshed', 'warn'],
      ['development-checklist-followed', 'manual'],
    ]);
    // Every checklist item is represented in the demo.
    expect(new Set(report.results.map((result) => result.item)).size).toBe(14);
  });

  it('prints the report and explains the exit code, exiting 0', () => {
    const result = spawnSync(process.execPath, ['test/support/demo.js'], { cwd: REPO_ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1. Make sure your use case and business are supported');
    expect(result.stdout).toContain('exit code 1 (not ready: something blocks go-live)');
  });

  it('ships a snapshot without planted secrets', () => {
    const snapshot = readFileSync(path.join(REPO_ROOT, 'fixtures/demo/golive-snapshot.json'), 'utf8');
    expect(snapshot).not.toContain(PLANTED);
    expect(snapshot).not.toMatch(/client_secret|verify\.stripe\.com|whsec_/);
  });
});

// User errors read as user errors: plain text (no ANSI code frame, even under CI=true), the file,
// and where in it; never "internal error".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

it('a malformed package.json in the directory the command runs from: exit 2, the file and position, no ANSI', async () => {
  const here = mkdtempSync(path.join(tmpdir(), 'golive-pkg-'));
  writeFileSync(path.join(here, 'package.json'), '{ "name": "x", }');
  const project = mkdtempSync(path.join(tmpdir(), 'golive-project-'));
  const run = await runCli(['check', '--offline', '--cwd', project], { cwd: here, env: { CI: 'true' } });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`${path.join(here, 'package.json')}: `);
  expect(run.stderr).toMatch(/line 1, column 16/);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.stderr).not.toContain(String.fromCharCode(27));
});

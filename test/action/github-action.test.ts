// The GitHub Action's script (bin/github-action.js), spawned as action.yml runs it: a fake GitHub
// environment (workspace, step summary, outputs file) in a temp dir, the built CLI, offline
// against the demo project and its snapshot.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { maskKey } from '../../src/util/mask.js';
import { REPO_ROOT } from '../support/cli.js';

const SCRIPT = path.join(REPO_ROOT, 'bin', 'github-action.js');
// Built at run time so no scanner mistakes the fixture for a real key.
const TEST_KEY = ['rk', 'test', 'fixtureActionInput00000042'].join('_');

let workspace: string;
let summary: string;
let outputs: string;

beforeEach(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'golive-action-'));
  await cp(path.join(REPO_ROOT, 'fixtures/demo'), path.join(workspace, 'app'), { recursive: true });
  summary = path.join(workspace, 'step-summary.md');
  outputs = path.join(workspace, 'github-output');
  await writeFile(summary, '');
  await writeFile(outputs, '');
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

async function runAction(inputs: Record<string, string>, scriptArgs: string[] = [], { script = SCRIPT, path: searchPath = process.env.PATH ?? '' } = {}): Promise<ActionRun> {
  const env: NodeJS.ProcessEnv = {
    PATH: searchPath,
    HOME: process.env.HOME ?? '',
    NO_COLOR: '1',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    GITHUB_ACTION_PATH: REPO_ROOT,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`GOLIVE_INPUT_${name.toUpperCase().replace(/-/g, '_')}`, value])),
  };
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...scriptArgs], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
  });
  const lines = (await readFile(outputs, 'utf8')).split('\n').filter(Boolean);
  return { code, stdout, stderr, outputs: Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])), summary: await readFile(summary, 'utf8') };
}

const demo = { 'working-directory': 'app', args: '--snapshot golive-snapshot.json' };

describe('the GitHub Action script', () => {
  it('runs check with SARIF, the job summary, annotations and extra reports, and exits with its code', async () => {
    const run = await runAction({ ...demo, reports: 'html=golive.html, junit=golive-junit.xml' });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ 'exit-code': '1', 'sarif-file': path.join(workspace, 'app', 'golive.sarif') });
    const sarif = JSON.parse(await readFile(run.outputs['sarif-file']!, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(run.summary).toMatch(/^## ❌ identity-golive: Not ready to go live/);
    expect(run.stdout).toMatch(/^::error /m);
    expect(await readFile(path.join(workspace, 'app', 'golive.html'), 'utf8')).toContain('<h1>Not ready to go live</h1>');
    expect(await readFile(path.join(workspace, 'app', 'golive-junit.xml'), 'utf8')).toContain('<testsuites');
  });

  it('hands the key inputs to the CLI as its environment variables, and only a given key', async () => {
    const run = await runAction({ 'working-directory': 'app', args: '--offline', 'test-key': TEST_KEY, 'live-key': '', reports: 'json=golive.json' });
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(workspace, 'app', 'golive.json'), 'utf8')) as Report;
    expect(report.target.keys).toEqual([{ mode: 'test', kind: 'restricted', masked: maskKey(TEST_KEY), source: 'STRIPE_TEST_API_KEY' }]);
    for (const text of [run.stdout, run.stderr, run.summary, await readFile(outputs, 'utf8')]) expect(text).not.toContain(TEST_KEY);
  });

  it('with --no-fail (as action.yml runs it) the step succeeds and the exit code waits in the outputs for the gate step', async () => {
    const run = await runAction(demo, ['--no-fail']);
    expect(run.code).toBe(0);
    expect(run.outputs['exit-code']).toBe('1');
  });

  it('passes strict, fail-on and quoted extra arguments; turns off what is switched off', async () => {
    const run = await runAction({ ...demo, args: `${demo.args} --report "json=my report.json"`, 'fail-on': 'warn', strict: 'true', 'upload-sarif': 'false', summary: 'false', annotations: 'false' });
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(workspace, 'app', 'my report.json'), 'utf8')) as Report;
    expect(report.gate).toMatchObject({ failOn: 'warn', strict: true });
    expect(run.outputs).toEqual({ 'exit-code': '1', 'sarif-file': '' });
    expect(existsSync(path.join(workspace, 'app', 'golive.sarif'))).toBe(false);
    expect(run.summary).toBe('');
    expect(run.stdout).not.toMatch(/^::/m);
  });

  it('a bad input is exit 2 with the reason in the log and the job summary', async () => {
    const run = await runAction({ ...demo, 'fail-on': 'sometimes' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('input "fail-on" is "sometimes": expected error or warn.');
    expect(run.summary).toContain('## ❓ identity-golive: Could not decide');
    expect(run.outputs['exit-code']).toBe('2');
  });

  it('a working-directory that does not exist is exit 2, said plainly', async () => {
    const run = await runAction({ 'working-directory': 'no-such-dir' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`input "working-directory": ${path.join(workspace, 'no-such-dir')} is not a directory.`);
  });

  it("without the project's install or a built checkout, runs the action's version through npx", async () => {
    // An unbuilt action checkout (as GitHub fetches it) and an npx that records what it was asked.
    const checkout = path.join(workspace, 'action');
    await cp(path.join(REPO_ROOT, 'bin'), path.join(checkout, 'bin'), { recursive: true });
    await writeFile(path.join(checkout, 'package.json'), JSON.stringify({ name: 'identity-golive', version: '9.8.7' }));
    const fakeBin = path.join(workspace, 'fake-bin');
    await mkdir(fakeBin);
    await writeFile(path.join(fakeBin, 'npx'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${path.join(workspace, 'npx-args')}"\nexit 1\n`, { mode: 0o755 });
    const run = await runAction({ 'working-directory': 'app', summary: 'false' }, [], { script: path.join(checkout, 'bin', 'github-action.js'), path: `${fakeBin}:${process.env.PATH ?? ''}` });
    expect(run.stderr).toContain('running identity-golive from npm (identity-golive@9.8.7)');
    const args = (await readFile(path.join(workspace, 'npx-args'), 'utf8')).trim().split('\n');
    expect(args.slice(0, 5)).toEqual(['--yes', 'identity-golive@9.8.7', 'check', '--fail-on', 'error']);
    expect(run.code).toBe(1);
    const pinned = await runAction({ 'working-directory': 'app', summary: 'false', version: '1.2.3' }, [], { script: path.join(checkout, 'bin', 'github-action.js'), path: `${fakeBin}:${process.env.PATH ?? ''}` });
    expect(pinned.stderr).toContain('identity-golive@1.2.3');
  });

  it('a run the CLI refuses (an unknown option) is exit 2, and the summary carries its message', async () => {
    const run = await runAction({ ...demo, args: '--no-such-flag' });
    expect(run.code).toBe(2);
    expect(run.outputs).toEqual({ 'exit-code': '2', 'sarif-file': '' });
    expect(run.summary).toContain('## ❓ identity-golive: Could not decide');
    expect(run.summary).toContain("unknown option '--no-such-flag'");
  });
});

describe('action.yml', () => {
  it('is a composite action whose inputs are exactly those the script reads, ending on the gate', async () => {
    const yml = await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8');
    const script = await readFile(SCRIPT, 'utf8');
    expect(yml).toMatch(/^runs:\n {2}using: composite$/m);
    const declared = [...yml.matchAll(/^ {2}([a-z][a-z-]*):\n {4}description:/gm)].map((m) => m[1]!);
    const inputsBlock = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'));
    const inputs = declared.filter((name) => inputsBlock.includes(`\n  ${name}:\n`));
    expect(inputs).toEqual(expect.arrayContaining(['live-key', 'test-key', 'fail-on', 'strict', 'args', 'reports']));
    for (const name of inputs) {
      const variable = `GOLIVE_INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      expect(yml, name).toContain(`${variable}: \${{ inputs.${name} }}`);
      expect(script, name).toContain(`'${name}'`);
    }
    for (const used of yml.matchAll(/inputs\.([a-z-]+)/g)) expect(inputs).toContain(used[1]);
    expect(yml).toContain('uses: github/codeql-action/upload-sarif@v3');
    expect(yml).toContain('run: node "$GITHUB_ACTION_PATH/bin/github-action.js" --no-fail');
    expect(yml.trimEnd()).toMatch(/run: exit "\$\{GOLIVE_EXIT_CODE:-2\}"$/);
  });
});

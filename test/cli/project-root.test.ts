// Where the project is: found upward (config, then .git) as ESLint and git do; an explicit
// directory wins; a mistyped command is named as such. The built CLI, spawned in real temp dirs.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { findProjectRoot } from '../../src/app/project-root.js';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'golive-root-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** myapp/ with a config, a .git above it or not, and an empty src/ to run from. */
async function app({ config = true, git = false }: { config?: boolean; git?: boolean } = {}): Promise<{ root: string; src: string }> {
  const root = path.join(base, 'myapp');
  const src = path.join(root, 'src', 'routes');
  await mkdir(src, { recursive: true });
  if (config) await writeFile(path.join(root, 'identity-golive.config.json'), JSON.stringify({ maxAttemptsPerUser: 5 }));
  if (git) execFileSync('git', ['init', '-q'], { cwd: root });
  return { root, src };
}

const json = (stdout: string) => JSON.parse(stdout) as { target: { cwd: string; configFile: string | null }; notices: { level: string; message: string }[] };

describe('findProjectRoot', () => {
  it('prefers the nearest config, stops at the first .git, and finds nothing in a bare tree', async () => {
    const { root, src } = await app({ config: false, git: true });
    expect(findProjectRoot(src)).toEqual({ dir: root, marker: { kind: 'git' } });
    const nested = path.join(root, 'packages', 'web');
    await mkdir(nested, { recursive: true });
    await writeFile(path.join(nested, '.identity-goliverc.json'), '{}');
    expect(findProjectRoot(path.join(nested))).toEqual({ dir: nested, marker: { kind: 'config', file: '.identity-goliverc.json' } });
    // A config above the repository is not this project's: the walk ends at .git.
    await writeFile(path.join(base, 'identity-golive.config.json'), '{}');
    expect(findProjectRoot(src)?.dir).toBe(root);
    const bare = path.join(base, 'bare', 'deep');
    await mkdir(bare, { recursive: true });
    expect(findProjectRoot(bare)).toEqual({ dir: base, marker: { kind: 'config', file: 'identity-golive.config.json' } });
  });

  it('counts package.json only when it holds an "identity-golive" key', async () => {
    const { root, src } = await app({ config: false, git: true });
    await writeFile(path.join(root, 'src', 'package.json'), JSON.stringify({ name: 'x' }));
    expect(findProjectRoot(src)?.dir).toBe(root);
    await writeFile(path.join(root, 'src', 'package.json'), JSON.stringify({ name: 'x', 'identity-golive': {} }));
    expect(findProjectRoot(src)).toEqual({ dir: path.join(root, 'src'), marker: { kind: 'config', file: 'package.json' } });
  });
});

describe('check finds the project', () => {
  it('from a subdirectory: checks the directory holding the config, and says so', async () => {
    const { root, src } = await app();
    const run = await runCli(['check', '--offline', '--only', 'attempt-limit-decided', '--format', 'json'], { cwd: src });
    expect(run.code).toBe(1);
    const report = json(run.stdout);
    expect(report.target).toMatchObject({ cwd: root, configFile: path.join(root, 'identity-golive.config.json') });
    expect(report.notices).toContainEqual({ level: 'info', message: `Project root: ${root} (its identity-golive.config.json; you ran from src/routes).` });
    const pretty = await runCli(['check', '--offline', '--only', 'attempt-limit-decided'], { cwd: src });
    expect(pretty.stdout.split('\n')[0]).toMatch(new RegExp(`^identity-golive \\S+ — ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(pretty.stdout).toContain(`i Project root: ${root}`);
  });

  it('from a subdirectory of a repository without a config: the .git directory marks it', async () => {
    const { root, src } = await app({ config: false, git: true });
    const run = await runCli(['check', '--offline', '--only', 'attempt-limit-decided', '--format', 'json'], { cwd: src });
    expect(json(run.stdout).target.cwd).toBe(root);
    expect(json(run.stdout).notices).toContainEqual({ level: 'info', message: `Project root: ${root} (its .git; you ran from src/routes).` });
  });

  it('at the root itself: no notice; with neither config nor .git: the current directory, with a notice', async () => {
    const { root } = await app();
    const atRoot = json((await runCli(['check', '--offline', '--only', 'attempt-limit-decided', '--format', 'json'], { cwd: root })).stdout);
    expect(atRoot.notices.filter((notice) => notice.message.includes('Project root') || notice.message.includes('No identity-golive config'))).toEqual([]);
    const bare = path.join(base, 'loose');
    await mkdir(bare);
    const loose = json((await runCli(['check', '--offline', '--only', 'attempt-limit-decided', '--format', 'json'], { cwd: bare })).stdout);
    expect(loose.target.cwd).toBe(bare);
    expect(loose.notices.map((notice) => notice.message)).toContain(`No identity-golive config or .git in ${bare} or above: checking ${bare} as the project.`);
    // With --config the user said where the config is: no such notice.
    await writeFile(path.join(bare, 'golive.json'), '{}');
    const configured = json((await runCli(['check', '--config', 'golive.json', '--offline', '--only', 'attempt-limit-decided', '--format', 'json'], { cwd: bare })).stdout);
    expect(configured.target).toMatchObject({ cwd: bare, configFile: path.join(bare, 'golive.json') });
    expect(configured.notices.filter((notice) => notice.message.startsWith('No identity-golive config'))).toEqual([]);
  });

  it('--cwd and a positional directory win over the search; two different ones are refused', async () => {
    const { root, src } = await app();
    const positional = json((await runCli(['check', 'src', '--offline', '--only', 'attempt-limit-decided', '--format', 'json'], { cwd: root })).stdout);
    expect(positional.target).toMatchObject({ cwd: path.join(root, 'src'), configFile: null });
    const flag = json((await runCli(['check', '--cwd', src, '--offline', '--only', 'attempt-limit-decided', '--format', 'json'], { cwd: base })).stdout);
    expect(flag.target.cwd).toBe(src);
    // The default command takes the directory too: `identity-golive myapp`.
    const bare = json((await runCli(['myapp', '--offline', '--only', 'attempt-limit-decided', '--format', 'json'], { cwd: base })).stdout);
    expect(bare.target.cwd).toBe(root);
    const both = await runCli(['check', 'src', '--cwd', root], { cwd: root });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Two project directories: "src" and --cwd');
    const file = await runCli(['identity-golive.config.json'], { cwd: root });
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(`The project directory is a file, not a directory: ${path.join(root, 'identity-golive.config.json')}`);
    const missing = await runCli(['check', './nope'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`The project directory does not exist: ${path.join(root, 'nope')}`);
  });

  it('gather takes the directory positionally too', async () => {
    const { root } = await app();
    const run = await runCli(['gather', 'nope', '-o', 'snap.json', '--offline'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The project directory does not exist: ${path.join(root, 'nope')}`);
  });

  it('--config from a subdirectory is read relative to where it was typed', async () => {
    const { root, src } = await app();
    await writeFile(path.join(src, 'alt.json'), JSON.stringify({ maxAttemptsPerUser: 9 }));
    const run = await runCli(['check', '--print-config', '--config', 'alt.json'], { cwd: src });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ maxAttemptsPerUser: 9, filepath: path.join(src, 'alt.json') });
    expect(JSON.parse((await runCli(['check', '--print-config'], { cwd: src })).stdout)).toMatchObject({ maxAttemptsPerUser: 5, filepath: path.join(root, 'identity-golive.config.json') });
  });
});

describe('attest needs a project', () => {
  it('outside any project: refuses, naming the directory, and creates nothing', async () => {
    const stray = path.join(base, 'downloads');
    await mkdir(stray);
    for (const args of [['attest', 'pricing-confirmed', '--note', 'x', '--by', 'A <a@example.com>'], ['attest', '--list']]) {
      const run = await runCli(args, { cwd: stray });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Not inside a project: no identity-golive config or .git in ${stray} or any directory above it`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await readdir(stray)).toEqual([]);
  });

  it('from a subdirectory: writes the attestations file at the project root', async () => {
    const { root, src } = await app();
    const run = await runCli(['attest', 'pricing-confirmed', '--note', 'Budget approved', '--by', 'A <a@example.com>'], { cwd: src });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Project root: ${root} (its identity-golive.config.json; you ran from src/routes).\nRecorded pricing-confirmed`);
    expect(await readdir(path.join(root, '.identity-golive'))).toEqual(['attestations.json']);
    expect(await readdir(src)).toEqual([]);
  });
});

describe('a mistyped command', () => {
  it.each([
    ['chek', "error: unknown command 'chek', did you mean 'check'?"],
    ['atest', "error: unknown command 'atest', did you mean 'attest'?"],
    ['explian', "error: unknown command 'explian', did you mean 'explain'?"],
    ['zzzz', "error: unknown command 'zzzz' (commands: check, gather, probe, attest, walkthrough, init, rules, explain, help)"],
    ['--ofline', "error: unknown option '--ofline'\n(Did you mean --offline?)"],
  ])('%s: says so, exit 2', async (word, message) => {
    const run = await runCli([word], { cwd: base });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('too many arguments');
    expect(run.stdout).toBe('');
  });
});

describe('walkthrough needs a project', () => {
  it('in a terminal but outside any project: refuses before asking anything, and creates nothing', async () => {
    const { runWalkthroughCommand } = await import('../../src/app/walkthrough.js');
    const { memoryIo } = await import('../support/memory-io.js');
    const stray = path.join(base, 'downloads');
    await mkdir(stray);
    const io = memoryIo(stray, {}, { tty: true });
    await expect(runWalkthroughCommand({ offline: true }, io)).rejects.toThrow(`Not inside a project: no identity-golive config or .git in ${stray} or any directory above it, so walkthrough would not know`);
    expect(io.out()).toBe('');
    expect(await readdir(stray)).toEqual([]);
  });
});

#!/usr/bin/env node
// The logic of the GitHub Action (action.yml): turn the action's inputs into one `identity-golive
// check` run with the SARIF file, the job summary and the annotations, and hand the exit code to
// the action's last step (so the SARIF upload between them still runs on a failing check). Plain
// JavaScript without dependencies: it runs straight from the action's checkout.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ACTION_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An input as action.yml passes it (`GOLIVE_INPUT_<NAME>`), trimmed; '' when unset. */
export function input(env, name) {
  return (env[`GOLIVE_INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();
}

export class InputError extends Error {}

function boolean(env, name, fallback) {
  const value = input(env, name).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new InputError(`input "${name}" is "${input(env, name)}": expected true or false.`);
}

/** Shell-like words: whitespace separates, single and double quotes group, backslash escapes. */
export function splitArgs(text) {
  const words = [];
  let word = null;
  let quote = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (char === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote) throw new InputError(`input "args" has an unclosed ${quote} quote.`);
  if (word !== null) words.push(word);
  return words;
}

/** `format=file` specs, one a line or comma-separated. */
export function reportSpecs(text) {
  return text
    .split(/[\n,]/)
    .map((spec) => spec.trim())
    .filter(Boolean);
}

/**
 * What to run: the project's own install (node_modules/.bin), else this action's checkout when it is
 * built, else the published package of this action's version through npx.
 */
export function resolveCli(env, cwd) {
  const local = path.join(cwd, 'node_modules', '.bin', process.platform === 'win32' ? 'identity-golive.cmd' : 'identity-golive');
  if (existsSync(local)) return { command: local, args: [], via: 'the project’s node_modules' };
  if (existsSync(path.join(ACTION_ROOT, 'dist', 'cli', 'bin.js'))) return { command: process.execPath, args: [path.join(ACTION_ROOT, 'bin', 'identity-golive.js')], via: 'the action’s checkout' };
  const version = input(env, 'version') || JSON.parse(readFileSync(path.join(ACTION_ROOT, 'package.json'), 'utf8')).version;
  return { command: 'npx', args: ['--yes', `identity-golive@${version}`], via: `npm (identity-golive@${version})` };
}

/** The `check` command line and the environment the inputs describe. */
export function plan(env) {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const cwd = path.resolve(workspace, input(env, 'working-directory') || '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) throw new InputError(`input "working-directory": ${cwd} is not a directory.`);
  const failOn = input(env, 'fail-on') || 'error';
  if (!['error', 'warn'].includes(failOn)) throw new InputError(`input "fail-on" is "${failOn}": expected error or warn.`);
  const args = ['check', '--fail-on', failOn];
  if (boolean(env, 'strict', false)) args.push('--strict');
  const sarif = input(env, 'sarif') === '' ? 'golive.sarif' : input(env, 'sarif');
  const sarifFile = boolean(env, 'upload-sarif', true) && sarif !== 'false' ? path.resolve(cwd, sarif) : null;
  if (sarifFile) args.push('--report', `sarif=${sarifFile}`);
  const summary = boolean(env, 'summary', true) && env.GITHUB_STEP_SUMMARY ? env.GITHUB_STEP_SUMMARY : null;
  if (summary) args.push('--report', `markdown=${summary}`);
  if (boolean(env, 'annotations', true)) args.push('--report', 'github=-');
  for (const spec of reportSpecs(input(env, 'reports'))) args.push('--report', spec);
  args.push(...splitArgs(input(env, 'args')));
  // Only the keys given reach the CLI; an empty input (a secret not available to a fork) is no key.
  const childEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('GOLIVE_INPUT_')));
  for (const [name, variable] of [
    ['live-key', 'STRIPE_LIVE_API_KEY'],
    ['test-key', 'STRIPE_TEST_API_KEY'],
    ['webhook-secret', 'STRIPE_WEBHOOK_SECRET'],
  ]) {
    if (input(env, name)) childEnv[variable] = input(env, name);
  }
  return { cwd, args, env: childEnv, sarifFile, summary };
}

function run(command, args, options) {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 2, stderr: `${stderr}cannot start ${command}: ${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 2, stderr }));
  });
}

function sizeOf(file) {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function setOutput(env, name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

/** A job summary for a run that ended before writing its own (bad usage or config): the CLI's own words. */
function fallbackSummary(file, stderr) {
  const text = stderr.trim() || 'identity-golive exited without a report.';
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  appendFileSync(file, `## ❓ identity-golive: Could not decide\n\nThe check stopped before writing its report:\n\n${fence}\n${text}\n${fence}\n`);
}

export async function main(env = process.env) {
  let planned;
  try {
    planned = plan(env);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`identity-golive action: ${error.message}\n`);
    setOutput(env, 'exit-code', 2);
    if (env.GITHUB_STEP_SUMMARY) fallbackSummary(env.GITHUB_STEP_SUMMARY, `identity-golive action: ${error.message}`);
    return 2;
  }
  const cli = resolveCli(env, planned.cwd);
  process.stderr.write(`identity-golive action: running identity-golive from ${cli.via} in ${planned.cwd}\n`);
  const before = planned.summary ? sizeOf(planned.summary) : 0;
  const { code, stderr } = await run(cli.command, [...cli.args, ...planned.args], { cwd: planned.cwd, env: planned.env });
  const exitCode = [0, 1, 2].includes(code) ? code : 2;
  if (planned.summary && sizeOf(planned.summary) === before) fallbackSummary(planned.summary, stderr);
  setOutput(env, 'exit-code', exitCode);
  setOutput(env, 'sarif-file', planned.sarifFile && existsSync(planned.sarifFile) ? planned.sarifFile : '');
  return exitCode;
}

// The action's run step passes `--no-fail`: the gate is its last step, after the SARIF upload.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const exitCode = await main();
  process.exitCode = process.argv.includes('--no-fail') ? 0 : exitCode;
}

// Bench: the three start-up ratios of issue #13, measured in one run, interleaved so machine load
// drifts alike for all of them:
//   - spawned `check` (every rule) against the double at 200 ms per request, on a project with two
//     languages (node + python, so the code scan and any parsing are on the path), divided by the
//     longest chain of dependent requests × 200 ms (target ≤ 1.3);
//   - `check --offline` on the demo project vs `node -e 0` (target ≤ 2.5);
//   - `--help` vs `node -e 0` (target ≤ 2).
// Then the fixed costs no latency can hide, and the in-process run (warm modules) for contrast.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { startStripeDouble, type LoggedRequest } from '../support/stripe-double.js';
import { BIN, cliEnv, REPO_ROOT } from '../support/cli.js';
import { median, spawnNode } from './startup.js';

const LATENCY_MS = 200;
const RUNS = 7;
const KEYS = { STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveRestricted, STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted };
const DEMO = path.join(REPO_ROOT, 'fixtures/demo');

/** Time one process; `expected` are the exit codes that mean it ran as intended. */
async function timeSpawn(args: string[], env: NodeJS.ProcessEnv = cliEnv(), expected: readonly number[] = [0, 1]): Promise<number> {
  const run = await spawnNode(args, env);
  if (run.code === null || !expected.includes(run.code)) throw new Error(`${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.ms;
}

/** Pages of one list are the only dependent requests: group by key, path and query minus the cursor. */
function longestChain(log: readonly LoggedRequest[]): number {
  const chains = new Map<string, number>();
  for (const entry of log) {
    const { starting_after: _cursor, page: _page, ...query } = entry.query;
    const id = `${entry.key} ${entry.path} ${JSON.stringify(query)}`;
    chains.set(id, (chains.get(id) ?? 0) + 1);
  }
  return Math.max(...chains.values());
}

function silentIo(env: NodeJS.ProcessEnv, cwd: string): CliIo {
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  return { stdout: sink(), stderr: sink(), stdin: process.stdin, env, cwd };
}

/** A node and a python integration side by side, in a temp dir (the fixtures stay untouched). */
function twoLanguageProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'igl-bench-two-languages-'));
  cpSync(path.join(REPO_ROOT, 'fixtures/projects/node-good'), path.join(dir, 'web'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'fixtures/projects/python-good'), path.join(dir, 'api'), { recursive: true });
  return dir;
}

/** The bundle chunk holding the stripe SDK (what the CLI loads before its first request). */
function stripeChunk(): string | null {
  try {
    const meta = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist/cli.meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const output = Object.entries(meta.outputs).find(([, { inputs }]) => Object.keys(inputs).some((input) => input.includes('node_modules/stripe/')));
    return output ? path.resolve(REPO_ROOT, output[0]) : null;
  } catch {
    return null;
  }
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);

export async function run(): Promise<void> {
  const double = await startStripeDouble({ scenario: 'paged', latencyMs: LATENCY_MS });
  const project = twoLanguageProject();
  try {
    const args = ['check', '--format', 'json', '--api-base', double.url, '--cwd', project];
    await timeSpawn([BIN, ...args], cliEnv(KEYS));
    const chain = longestChain(double.log);
    const requestsPerRun = double.log.length;
    const floor = chain * LATENCY_MS;
    const sdk = stripeChunk();
    const sdkImport = sdk ? `await import(${JSON.stringify(sdk)})` : 'await import("stripe")';

    const times = { spawned: [] as number[], offline: [] as number[], offlineDemo: [] as number[], help: [] as number[], bare: [] as number[], sdk: [] as number[], esmBare: [] as number[] };
    for (let i = 0; i < RUNS; i += 1) {
      times.spawned.push(await timeSpawn([BIN, ...args], cliEnv(KEYS)));
      // The same run's own start: every rule, offline (no SDK, no request); exits 1 or 2 by design.
      times.offline.push(await timeSpawn([BIN, 'check', '--format', 'json', '--offline', '--cwd', project], cliEnv(), [1, 2]));
      times.offlineDemo.push(await timeSpawn([BIN, 'check', '--format', 'json', '--offline', '--cwd', DEMO], cliEnv(), [0, 1, 2]));
      times.help.push(await timeSpawn([BIN, '--help']));
      times.bare.push(await timeSpawn(['-e', '0']));
      times.sdk.push(await timeSpawn(['--input-type=module', '-e', sdkImport]));
      times.esmBare.push(await timeSpawn(['--input-type=module', '-e', '0']));
    }
    const inProcess: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      await main(args, silentIo(cliEnv(KEYS), project));
      inProcess.push(performance.now() - start);
    }

    const m = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)])) as Record<keyof typeof times, number>;
    const sdkMs = m.sdk - m.esmBare;
    console.log(`check, every rule, node + python project (paged scenario, ${LATENCY_MS} ms per request, ${requestsPerRun} requests, longest chain ${chain} → floor ${fmt(floor)}); medians of ${RUNS}, interleaved`);
    console.log(`  spawned check:            ${fmt(m.spawned).padStart(7)}  ratio ${ratio(m.spawned, floor)} × floor      (target ≤ 1.3)`);
    console.log(`  check --offline (demo):   ${fmt(m.offlineDemo).padStart(7)}  ratio ${ratio(m.offlineDemo, m.bare)} × node -e 0  (target ≤ 2.5)`);
    console.log(`  --help:                   ${fmt(m.help).padStart(7)}  ratio ${ratio(m.help, m.bare)} × node -e 0  (target ≤ 2)`);
    console.log(`  node -e 0:                ${fmt(m.bare).padStart(7)}`);
    console.log(`  fixed costs: the same check --offline ${fmt(m.offline)}, stripe SDK import ${fmt(sdkMs)} (${sdk ? 'its bundle chunk' : 'node_modules'}); spawned − floor ${fmt(m.spawned - floor)}`);
    console.log(`  in-process: median ${fmt(median(inProcess))}  ratio ${ratio(median(inProcess), floor)}  (warm: no process start, modules cached)`);
  } finally {
    await double.close();
    rmSync(project, { recursive: true, force: true });
  }
}

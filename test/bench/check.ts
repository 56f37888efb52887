// Bench: `check` against the double with 200 ms per request, divided by the longest chain of
// dependent requests × 200 ms (target ≤ 1.3: requests run concurrently, each resource once); and
// `--help` against `node -e 0` (target ≤ 3: no heavy module on the help path).
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { startStripeDouble, type LoggedRequest } from '../support/stripe-double.js';
import { BIN, cliEnv } from '../support/cli.js';

const LATENCY_MS = 200;
const RULES = 'branding-configured,webhook-endpoint-registered,test-mode-events-handled';
const KEYS = { STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveRestricted, STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted };

/** Time one process; `expected` are the exit codes that mean it ran as intended. */
async function timeSpawn(args: string[], env: NodeJS.ProcessEnv = cliEnv(), expected: readonly number[] = [0, 1]): Promise<number> {
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code === null || !expected.includes(code)) throw new Error(`${args.join(' ')} exited ${code}`);
  return performance.now() - start;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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

function silentIo(env: NodeJS.ProcessEnv): CliIo {
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  return { stdout: sink(), stderr: sink(), stdin: process.stdin, env, cwd: process.cwd() };
}

export async function run(): Promise<void> {
  const double = await startStripeDouble({ scenario: 'paged', latencyMs: LATENCY_MS });
  try {
    const args = ['check', '--format', 'json', '--api-base', double.url, '--only', RULES];
    await timeSpawn([BIN, ...args], cliEnv(KEYS));
    const chain = longestChain(double.log);
    const requestsPerRun = double.log.length;
    const ideal = chain * LATENCY_MS;

    const spawned: number[] = [];
    for (let i = 0; i < 5; i += 1) spawned.push(await timeSpawn([BIN, ...args], cliEnv(KEYS)));
    const inProcess: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      await main(args, silentIo(cliEnv(KEYS)));
      inProcess.push(performance.now() - start);
    }

    // Fixed costs no latency can hide: the app's own start (same rules, --offline: no SDK, no request)
    // and loading the stripe SDK, which must precede the first request.
    const offline: number[] = [];
    const sdk: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      // Every selected rule is skipped offline, so this run exits 2 (nothing checked) by design.
      offline.push(await timeSpawn([BIN, 'check', '--format', 'json', '--offline', '--only', RULES], cliEnv(), [2]));
      sdk.push((await timeSpawn(['--input-type=module', '-e', 'await import("stripe")'])) - (await timeSpawn(['--input-type=module', '-e', '0'])));
    }

    const help: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      help.push(await timeSpawn([BIN, '--help']));
      bare.push(await timeSpawn(['-e', '0']));
    }

    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    console.log(`check (paged scenario, ${LATENCY_MS} ms per request, ${requestsPerRun} requests, longest chain ${chain} → ideal ${fmt(ideal)})`);
    console.log(`  spawned CLI:  median ${fmt(median(spawned))}  ratio ${(median(spawned) / ideal).toFixed(2)}  (target ≤ 1.3)`);
    console.log(`  fixed costs:  app start (check --offline) ${fmt(median(offline))}, stripe SDK import ${fmt(median(sdk))}`);
    console.log(`  minus fixed:  ${fmt(median(spawned) - median(offline) - median(sdk))}  ratio ${((median(spawned) - median(offline) - median(sdk)) / ideal).toFixed(2)}`);
    console.log(`  in-process:   median ${fmt(median(inProcess))}  ratio ${(median(inProcess) / ideal).toFixed(2)}  (warm: no process start, modules cached)`);
    console.log(`--help: median ${fmt(median(help))} vs node -e 0 ${fmt(median(bare))}  ratio ${(median(help) / median(bare)).toFixed(2)}  (target ≤ 3)`);
  } finally {
    await double.close();
  }
}

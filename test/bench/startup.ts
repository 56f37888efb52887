// Bench (`npm run bench -- startup`): where start-up goes. Spawned totals against `node -e 0`; module
// load by package (how many modules each command resolves, from the import recorder, and CPU time
// by package, from a V8 CPU profile); and the phases of a check, timed one after the other in a
// fresh process. Prints figures only: it asserts nothing and never fails a build.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, cliEnv, REPO_ROOT } from '../support/cli.js';

const DEMO = path.join(REPO_ROOT, 'fixtures/demo');
const RECORDER = path.join(REPO_ROOT, 'test/support/import-recorder/register.mjs');
const RUNS = 7;

/** The commands users wait on, with the exit codes that mean they ran as intended. */
export const COMMANDS: readonly { label: string; args: readonly string[]; expected: readonly number[] }[] = [
  { label: '--help', args: ['--help'], expected: [0] },
  // The demo's snapshot holds no live evidence offline: its Stripe rules skip, the rest judge code.
  { label: 'check --offline (demo)', args: ['check', '--offline', '--format', 'json', '--cwd', DEMO], expected: [0, 1, 2] },
];

interface Spawned {
  ms: number;
  code: number | null;
  stderr: string;
}

export function spawnNode(args: readonly string[], env: NodeJS.ProcessEnv = cliEnv()): Promise<Spawned> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, stderr }));
  });
}

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function medianSpawn(args: readonly string[], expected: readonly number[], runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const run = await spawnNode(args);
    if (run.code === null || !expected.includes(run.code)) throw new Error(`${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    times.push(run.ms);
  }
  return median(times);
}

/** What each bundle chunk holds: the packages with at least a tenth of its bytes (ours: identity-golive). */
function bundleLabels(): Map<string, string> {
  const labels = new Map<string, string>();
  let meta: { outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }> };
  try {
    meta = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist/cli.meta.json'), 'utf8')) as typeof meta;
  } catch {
    return labels; // no bundle: every URL names its package
  }
  for (const [output, { bytes, inputs }] of Object.entries(meta.outputs)) {
    const share = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? 'identity-golive';
      share.set(name, (share.get(name) ?? 0) + bytesInOutput);
    }
    const main = [...share].filter(([, n]) => n >= bytes / 10).sort((a, b) => b[1] - a[1]).map(([name]) => name);
    labels.set(pathToFileURL(path.resolve(REPO_ROOT, output)).href, `bundle: ${main.join(' + ') || 'identity-golive'}`);
  }
  return labels;
}

const BUNDLE_LABELS = bundleLabels();

/** A bundle chunk → what it holds; `node_modules/<pkg>` → pkg; this repository → identity-golive; node's own modules. */
export function packageOf(url: string): string {
  const chunk = BUNDLE_LABELS.get(url);
  if (chunk) return chunk;
  const inModules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inModules) return inModules[1]!;
  if (url.startsWith('node:internal') || url.startsWith('internal/')) return 'node internals (module loader, core)';
  if (url.startsWith('node:')) return 'node core modules';
  if (url.startsWith('file://') || url.startsWith('/')) return 'identity-golive';
  return url || '(native: parse, compile, builtins)';
}

/** How many modules of each package one command resolves (the recorder logs every resolved URL). */
async function modulesByPackage(args: readonly string[]): Promise<Map<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'igl-imports-'));
  try {
    const log = path.join(dir, 'imports.log');
    await spawnNode(['--import', RECORDER, BIN, ...args], cliEnv({ IMPORT_LOG: log }));
    const urls = new Set(readFileSync(log, 'utf8').split('\n').filter((url) => url && !url.startsWith('node:')));
    const counts = new Map<string, number>();
    for (const url of urls) counts.set(packageOf(url), (counts.get(packageOf(url)) ?? 0) + 1);
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** CPU time (ms) by package from one V8 profile: module evaluation is charged to the module's URL. */
export function cpuByPackage(profile: CpuProfile): Map<string, number> {
  const groupOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const name = node.callFrame.functionName;
    groupOf.set(node.id, node.callFrame.url ? packageOf(node.callFrame.url) : name === '(garbage collector)' || name === '(idle)' ? name : '(native: parse, compile, builtins)');
  }
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const group = groupOf.get(id) ?? '(unknown)';
    totals.set(group, (totals.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

/** The median, per package, of three profiled runs of one command. */
async function profiledCpu(args: readonly string[]): Promise<Map<string, number>> {
  const runs: Map<string, number>[] = [];
  for (let i = 0; i < 3; i += 1) {
    const dir = mkdtempSync(path.join(tmpdir(), 'igl-prof-'));
    try {
      await spawnNode(['--cpu-prof', '--cpu-prof-interval', '250', '--cpu-prof-dir', dir, BIN, ...args]);
      const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
      if (file) runs.push(cpuByPackage(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const groups = new Set(runs.flatMap((run) => [...run.keys()]));
  return new Map([...groups].map((group) => [group, median(runs.map((run) => run.get(group) ?? 0))]));
}

/**
 * The child: the steps of `check` on the demo project, in order, each timed in the same fresh
 * process (a step pays for the modules earlier steps did not load). It imports the tsc output
 * (dist/src), so it attributes cost by part whether or not the CLI runs a bundle.
 */
const PHASES = `
const dist = ${JSON.stringify(path.join(REPO_ROOT, 'dist'))};
const demo = ${JSON.stringify(DEMO)};
const empty = process.argv[1];
const phases = [];
let start = performance.now();
const step = (name) => { const now = performance.now(); phases.push([name, now - start]); start = now; };
await import(dist + '/src/cli/main.js'); step('CLI shell (commander, command registrars)');
await import('cosmiconfig'); step('cosmiconfig');
const { loadConfig } = await import(dist + '/src/config/discover.js'); step('config discovery module');
await loadConfig({ cwd: empty }); step('config discovery (no file found: defaults, no zod)');
await import(dist + '/src/config/load.js'); step('config schema and validation (zod)');
const config = await loadConfig({ cwd: demo }); step('config discovery + validation (demo file)');
const { RULES } = await import(dist + '/rules/index.js'); step('rule registry (27 rules)');
const { compilePatterns } = await import(dist + '/src/gather/source/compile.js');
const { scanSource } = await import(dist + '/src/gather/source/scan.js'); step('scanner modules');
const patterns = compilePatterns(RULES.map((rule) => ({ ruleId: rule.meta.id, patterns: rule.meta.patterns ?? [] }))); step('scanner setup (compile every pattern)');
await scanSource(demo, patterns, { include: config.source.include, exclude: config.source.exclude, languages: config.source.languages }); step('source scan (demo)');
await import(dist + '/src/gather/attestations/gather.js'); await import(dist + '/src/gather/pages/gather.js'); step('attestation and page gatherer modules');
await import(dist + '/src/gather/pages/fetch.js'); step('page fetcher and HTML parser (parse5; only when fetching)');
const { createRequire } = await import('node:module');
const requireHere = createRequire(dist + '/../package.json');
let grammars = null;
try { grammars = requireHere.resolve('@vscode/tree-sitter-wasm/package.json'); } catch {}
if (grammars) {
  const { Parser, Language } = requireHere('@vscode/tree-sitter-wasm'); step('tree-sitter runtime (require)');
  await Parser.init(); step('tree-sitter init (wasm)');
  for (const name of ['javascript', 'python']) { await Language.load(grammars.slice(0, -'package.json'.length) + 'wasm/tree-sitter-' + name + '.wasm'); step('grammar loading: ' + name); }
}
await import(dist + '/src/report/build.js'); await import(dist + '/src/report/json.js'); step('report builder and JSON reporter');
await import('stripe'); step('stripe SDK from node_modules (the bundle loads its own chunk)');
process.stdout.write(JSON.stringify(phases));
`;

async function phases(): Promise<[string, number][]> {
  const empty = mkdtempSync(path.join(tmpdir(), 'igl-empty-'));
  try {
    const runs: [string, number][][] = [];
    for (let i = 0; i < 5; i += 1) {
      const child = await new Promise<string>((resolve, reject) => {
        const proc = spawn(process.execPath, ['--input-type=module', '-e', PHASES, empty], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
        proc.on('error', reject);
        proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`phases child exited ${code}`))));
      });
      runs.push(JSON.parse(child) as [string, number][]);
    }
    return runs[0]!.map(([name], i) => [name, median(runs.map((run) => run[i]![1]))]);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

const fmt = (ms: number): string => `${ms.toFixed(0).padStart(4)} ms`;

export async function run(): Promise<void> {
  const bare = await medianSpawn(['-e', '0'], [0]);
  console.log(`spawned, median of ${RUNS}:`);
  console.log(`  node -e 0                  ${fmt(bare)}`);
  for (const { label, args, expected } of COMMANDS) {
    const ms = await medianSpawn([BIN, ...args], expected);
    console.log(`  ${label.padEnd(26)} ${fmt(ms)}  ${(ms / bare).toFixed(2)}× node -e 0`);
  }

  for (const { label, args } of COMMANDS) {
    const [modules, cpu] = [await modulesByPackage(args), await profiledCpu(args)];
    const total = [...cpu.values()].reduce((sum, ms) => sum + ms, 0);
    const moduleCount = [...modules.values()].reduce((sum, n) => sum + n, 0);
    console.log(`${label}: ${moduleCount} modules resolved, ${total.toFixed(0)} ms CPU profiled (median of 3); by package:`);
    const groups = [...new Set([...modules.keys(), ...cpu.keys()])].sort((a, b) => (cpu.get(b) ?? 0) - (cpu.get(a) ?? 0));
    for (const group of groups) {
      const ms = cpu.get(group) ?? 0;
      if (ms < 1 && (modules.get(group) ?? 0) < 2) continue;
      console.log(`  ${group.padEnd(62)} ${fmt(ms)}  ${String(modules.get(group) ?? 0).padStart(4)} modules`);
    }
  }

  console.log('phases of check on the demo, in order, in one fresh process (tsc output; median of 5):');
  for (const [name, ms] of await phases()) console.log(`  ${name.padEnd(62)} ${fmt(ms)}`);
}

// Bench: the code rules against the labelled corpus (fixtures/corpus/). Runs the built CLI offline,
// with no STRIPE_ variable, on every project and prints agreement (share of verdicts equal to the
// label) and false passes (label not pass, tool pass) per rule and per language, then every
// disagreement. Target (issue #11): ≥ 97 % agreement, 0 false passes.
import { spawn } from 'node:child_process';
import { BIN, cliEnv } from '../support/cli.js';
import { CODE_RULES, corpusProjects, labelProblems, type CodeRule, type CorpusLabels } from '../corpus/corpus.js';

const PARALLEL = 2;
// A hanging scan (issue #11 §2: backtracking regexes) must not stall the bench: kill it and count the verdicts as wrong.
const TIMEOUT_MS = 30_000;

interface Verdict {
  project: string;
  language: string;
  rule: CodeRule;
  expected: string;
  got: string;
}

/** The tool's status per rule for one project; a run that produced no report says why in `got`. */
async function verdicts(dir: string): Promise<Map<string, string>> {
  const args = [BIN, 'check', '--format', 'json', '--offline', '--only', CODE_RULES.join(','), '--cwd', dir];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      err = `timed out after ${TIMEOUT_MS / 1000} s\n${err}`;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (exit) => {
      clearTimeout(timer);
      resolve({ code: exit, stdout: out, stderr: err });
    });
  });
  const statuses = new Map<string, string>();
  try {
    const report = JSON.parse(stdout) as { results: { ruleId: string; status: string }[] };
    for (const result of report.results) statuses.set(result.ruleId, result.status);
  } catch {
    const reason = `no report (exit ${code}: ${stderr.trim().split('\n')[0] ?? ''})`;
    for (const rule of CODE_RULES) statuses.set(rule, reason);
  }
  return statuses;
}

/** Run `task` over `items`, `limit` at a time (two cores shared with other work). */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function table(title: string, groups: Map<string, Verdict[]>): void {
  const width = 28;
  console.log(`  ${title.padEnd(width)} agreement          false passes`);
  for (const [key, list] of groups) {
    const agree = list.filter((verdict) => verdict.got === verdict.expected).length;
    const falsePasses = list.filter((verdict) => verdict.got === 'pass' && verdict.expected !== 'pass').length;
    const share = `${((agree / list.length) * 100).toFixed(1)} %`.padStart(7);
    console.log(`  ${key.padEnd(width)} ${`${share} (${agree}/${list.length})`.padEnd(18)} ${falsePasses}`);
  }
}

function groupBy(list: readonly Verdict[], key: (verdict: Verdict) => string): Map<string, Verdict[]> {
  const groups = new Map<string, Verdict[]>();
  for (const verdict of list) groups.set(key(verdict), [...(groups.get(key(verdict)) ?? []), verdict]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export async function run(): Promise<void> {
  const projects = corpusProjects();
  const invalid = projects.filter((project) => labelProblems(project.raw).length > 0);
  if (invalid.length > 0) console.log(`  skipped (invalid labels.json, see test/corpus/labels.test.ts): ${invalid.map((project) => project.name).join(', ')}`);
  const valid = projects.filter((project) => !invalid.includes(project));

  const start = performance.now();
  const all = (
    await pool(valid, PARALLEL, async (project) => {
      const labels = project.raw as CorpusLabels;
      const got = await verdicts(project.dir);
      return CODE_RULES.map((rule): Verdict => ({ project: project.name, language: labels.language, rule, expected: labels.labels[rule].status, got: got.get(rule) ?? 'missing' }));
    })
  ).flat();
  const seconds = ((performance.now() - start) / 1000).toFixed(1);

  const agree = all.filter((verdict) => verdict.got === verdict.expected).length;
  const falsePasses = all.filter((verdict) => verdict.got === 'pass' && verdict.expected !== 'pass');
  console.log(`corpus: ${valid.length} projects × ${CODE_RULES.length} rules = ${all.length} verdicts in ${seconds} s`);
  console.log(`  agreement ${((agree / all.length) * 100).toFixed(1)} % (${agree}/${all.length}), false passes ${falsePasses.length}  (target ≥ 97 %, 0)`);
  table('rule', groupBy(all, (verdict) => verdict.rule));
  table('language', groupBy(all, (verdict) => verdict.language));
  const disagreements = all.filter((verdict) => verdict.got !== verdict.expected);
  console.log(`  disagreements (${disagreements.length}; project, rule, expected → got${falsePasses.length > 0 ? ', FALSE PASS marked !' : ''}):`);
  for (const verdict of disagreements) {
    const mark = verdict.got === 'pass' && verdict.expected !== 'pass' ? '!' : ' ';
    console.log(`  ${mark} ${verdict.project}  ${verdict.rule}  ${verdict.expected} → ${verdict.got}`);
  }
}

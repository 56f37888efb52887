// Benchmark: the Source scan over a generated 20,000-file repository, against ripgrep searching the
// same tree for the same patterns. Prints ratios and peak RSS; asserts nothing about time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
const FILES = 20_000;
const RUNS = 3;

const EXTENSIONS = ['js', 'ts', 'py', 'rb', 'php', 'go', 'java', 'cs', 'yaml', 'md'] as const;

/** Ordinary code per language: functions, comments, strings; nothing Stripe. */
function filler(ext: (typeof EXTENSIONS)[number], i: number): string {
  const lines: string[] = [];
  for (let n = 0; n < 40; n += 1) {
    const name = `item${i}_${n}`;
    switch (ext) {
      case 'js':
      case 'ts':
        lines.push(`// compute ${name} from the request`, `export function ${name}(req) { const value = req.query['${name}'] ?? ${n}; return value * 2; }`);
        break;
      case 'py':
        lines.push(`# compute ${name} from the request`, `def ${name}(request):\n    return int(request.args.get("${name}", ${n})) * 2`);
        break;
      case 'rb':
        lines.push(`# compute ${name} from the params`, `def ${name}(params) = params.fetch(:${name}, ${n}).to_i * 2`);
        break;
      case 'php':
        lines.push(`// compute ${name} from the request`, `function ${name}(array $req): int { return ((int) ($req['${name}'] ?? ${n})) * 2; }`);
        break;
      case 'go':
        lines.push(`// ${name} doubles the query value`, `func ${name}(r *http.Request) int { v, _ := strconv.Atoi(r.URL.Query().Get("${name}")); return v * 2 }`);
        break;
      case 'java':
        lines.push(`  // ${name} doubles the query value`, `  static int ${name}(Map<String, String> q) { return Integer.parseInt(q.getOrDefault("${name}", "${n}")) * 2; }`);
        break;
      case 'cs':
        lines.push(`    // ${name} doubles the query value`, `    static int ${name}(IDictionary<string, string> q) => int.Parse(q.TryGetValue("${name}", out var v) ? v : "${n}") * 2;`);
        break;
      case 'yaml':
        lines.push(`${name}:`, `  value: ${n}`);
        break;
      case 'md':
        lines.push(`## ${name}`, `Doubles the value of ${name}; see the handler for details.`);
        break;
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A few files with the integration in them, so the rules have something to find. */
const HITS: Readonly<Record<string, string>> = {
  'js': "const session = await stripe.identity.verificationSessions.create({ type: 'document', client_reference_id: req.user.id });\nconsole.log('url', session.url);\n",
  'py': 'event = stripe.Webhook.construct_event(payload, sig, secret)\nif event["type"] == "identity.verification_session.verified":\n    pass\n',
  'go': 'event, err := webhook.ConstructEvent(payload, sig, secret)\nif err != nil {\n\tlog.Print(err)\n}\n',
  'yaml': `stripe_key: ${['sk', 'live', 'benchmark0000000000000000'].join('_')}\n`,
};

export function generate(root: string): void {
  for (let i = 0; i < FILES; i += 1) {
    const ext = EXTENSIONS[i % EXTENSIONS.length]!;
    const dir = path.join(root, `pkg${i % 40}`, `mod${Math.floor(i / 40) % 25}`);
    mkdirSync(dir, { recursive: true });
    // Ten consecutive files in every thousand: one of each kind, so every language's hits show up.
    const hit = i % 1000 < EXTENSIONS.length ? (HITS[ext] ?? '') : '';
    writeFileSync(path.join(dir, `file${i}.${ext}`), hit + filler(ext, i));
  }
}

/** The child: scan with every registered rule's patterns, report wall time, hits and peak RSS. */
const CHILD = `
import { RULES } from ${JSON.stringify(path.join(repo, 'dist/rules/index.js'))};
import { compilePatterns } from ${JSON.stringify(path.join(repo, 'dist/src/gather/source/compile.js'))};
import { scanSource } from ${JSON.stringify(path.join(repo, 'dist/src/gather/source/scan.js'))};
import { loadedGrammars } from ${JSON.stringify(path.join(repo, 'dist/src/gather/source/syntax/parser.js'))};
const patterns = compilePatterns(RULES.map((rule) => ({ ruleId: rule.meta.id, patterns: rule.meta.patterns ?? [] })));
const started = process.hrtime.bigint();
// The syntax-tree model too, as the code rules ask for it (issue #11).
const index = await scanSource(process.argv[1], patterns, { model: true });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const sources = new Set();
for (const list of [...Object.values(patterns.code), ...Object.values(patterns.manifest), patterns.text])
  for (const p of list) sources.add((p.regex.flags.includes('i') ? '(?i)' : '') + p.regex.source);
process.stdout.write(JSON.stringify({ ms, files: index.filesScanned, hits: index.hits.length, maxRssKb: process.resourceUsage().maxRSS, parsed: index.model.parsed, slowest: index.model.slowest, grammars: loadedGrammars(), patterns: [...sources], literals: patterns.matcher.literals }));
`;

interface ChildResult {
  ms: number;
  files: number;
  hits: number;
  maxRssKb: number;
  parsed: Record<string, number>;
  slowest: { file: string; ms: number } | null;
  grammars: string[];
  patterns: string[];
  literals: string[];
}

function scanOnce(root: string): ChildResult {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`scan child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildResult;
}

/** Wall time of one rg run in ms; null when rg is missing, Infinity past the timeout. */
function ripgrepOnce(args: readonly string[], timeoutMs: number): number | null {
  const started = process.hrtime.bigint();
  const rg = spawnSync('rg', ['--no-config', '--no-messages', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
  if ((rg.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
  if (rg.signal === 'SIGTERM') return Number.POSITIVE_INFINITY;
  if (rg.status !== 0 && rg.status !== 1) throw new Error(`rg failed: ${rg.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runScanBench(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'igl-bench-'));
  try {
    generate(root);
    const scans = Array.from({ length: RUNS }, () => scanOnce(root));
    const scanMs = median(scans.map((scan) => scan.ms));
    const first = scans[0]!;
    console.log(`source scan: ${FILES} files generated, ${first.files} scanned, ${first.hits} hits, ${first.patterns.length} distinct patterns`);
    console.log(`  wall time (median of ${RUNS}): ${scanMs.toFixed(0)} ms`);
    console.log(`  peak RSS of the scanning process: ${(Math.max(...scans.map((scan) => scan.maxRssKb)) / 1024).toFixed(0)} MB (target <= 200 MB)`);
    const last = scans[scans.length - 1]!;
    const parsed = Object.entries(last.parsed).map(([language, count]) => `${language} ${count}`).join(', ');
    console.log(`  syntax trees: ${parsed || 'none'} candidate files parsed; grammars loaded: ${last.grammars.join(', ') || 'none'}; slowest parse: ${last.slowest ? `${last.slowest.file} ${last.slowest.ms} ms` : 'none'}`);

    // Two baselines: rg with the very same regexes (PCRE2 for lookarounds and backreferences,
    // multiline because some span lines), and rg with only the literals our prefilter looks for,
    // which is the best rg can do and a floor for any scanner.
    const patternFile = `${root}.patterns`;
    const literalFile = `${root}.literals`;
    writeFileSync(patternFile, `${first.patterns.join('\n')}\n`);
    writeFileSync(literalFile, `${first.literals.join('\n')}\n`);
    const baselines: [string, string[], number][] = [
      ['ripgrep -P -U, the same regexes', ['-P', '-U', '--count-matches', '-f', patternFile, root], 60_000],
      ['ripgrep -F -i, the prefilter literals only', ['-F', '-i', '--count-matches', '-f', literalFile, root], 60_000],
    ];
    try {
      for (const [label, args, timeoutMs] of baselines) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i += 1) {
          const ms = ripgrepOnce(args, timeoutMs);
          if (ms === null) {
            console.log('  ripgrep (rg) not found: install it (Debian: apt-get update && apt-get install -y ripgrep) to print the ratios.');
            return;
          }
          times.push(ms);
          if (!Number.isFinite(ms)) break; // one timeout is enough to know
        }
        const rgMs = median(times);
        if (!Number.isFinite(rgMs)) console.log(`  ${label}: over ${timeoutMs / 1000} s (timed out); scan / ripgrep < ${(scanMs / timeoutMs).toFixed(3)}x`);
        else console.log(`  ${label} (median of ${times.length}): ${rgMs.toFixed(0)} ms; scan / ripgrep: ${(scanMs / rgMs).toFixed(2)}x (target <= 2x)`);
      }
    } finally {
      rmSync(patternFile, { force: true });
      rmSync(literalFile, { force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const run = runScanBench;

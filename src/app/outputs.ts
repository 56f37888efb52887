// Several outputs in one run: the terminal report on stdout (--format) plus any number of
// `--report <format>=<file>` files, all rendered from the one finished Report. Files are written
// whole (temp file + rename); the GitHub job summary is appended to, as GitHub expects.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import { REPORTER_NAMES, type ReporterName } from '../report/names.js';
import type { ReporterOptions } from '../report/index.js';
import type { Report } from '../report/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UserError } from '../util/user-error.js';
import { linkChain } from '../util/link-chain.js';

export interface ReportTarget {
  format: ReporterName;
  /** Absolute path, or `-` for stdout. */
  file: string;
  /** Append instead of replace: only Markdown to $GITHUB_STEP_SUMMARY. */
  append: boolean;
}

const EXAMPLE = 'For example: --report sarif=golive.sarif --report junit=junit.xml --report markdown="$GITHUB_STEP_SUMMARY" (or <format>=- for stdout).';

/** Parse every --report spec before any work, so a typo costs nothing (exit 2). */
export function parseReportTargets(specs: readonly string[], io: Pick<CliIo, 'cwd' | 'env'>): ReportTarget[] {
  const summary = io.env.GITHUB_STEP_SUMMARY ? path.resolve(io.cwd, io.env.GITHUB_STEP_SUMMARY) : null;
  const seen = new Set<string>();
  return specs.map((spec) => {
    const at = spec.indexOf('=');
    if (at < 0) throw new UserError(`--report "${spec}" is not <format>=<file>.`, EXAMPLE);
    const format = spec.slice(0, at).trim();
    const target = spec.slice(at + 1).trim();
    if (!(REPORTER_NAMES as readonly string[]).includes(format)) {
      throw new UserError(`--report "${spec}": unknown format "${format}".`, `Formats: ${REPORTER_NAMES.join(', ')}. ${EXAMPLE}`);
    }
    if (target === '') {
      throw new UserError(`--report "${spec}" names no file.`, `${EXAMPLE} In GitHub Actions, GITHUB_STEP_SUMMARY is set only inside a job step.`);
    }
    // /dev/stdout (or a link to our fd 1) is our own stdout: written through it, whatever it is (a pipe, a socket, a file).
    const file = target === '-' || namesOwnStdout(path.resolve(io.cwd, target)) ? '-' : path.resolve(io.cwd, target);
    if (file !== '-' && existsSync(file) && statSync(file).isDirectory()) throw new UserError(`--report "${spec}": ${file} is a directory.`, 'Name a file.');
    if (file !== '-' && seen.has(file)) throw new UserError(`--report "${spec}": ${file} is named twice.`, 'Give each report its own file.');
    seen.add(file);
    const toSummary = file === summary;
    if (toSummary && format !== 'markdown') {
      throw new UserError(`--report "${spec}": the GitHub job summary ($GITHUB_STEP_SUMMARY) takes Markdown.`, 'Use --report markdown="$GITHUB_STEP_SUMMARY".');
    }
    return { format: format as ReporterName, file, append: toSummary };
  });
}

/** Whether `file` leads, through symlinks, to file descriptor 1 of this process. */
export function namesOwnStdout(file: string): boolean {
  return linkChain(file).some((hop) => {
    if (hop === '/dev/stdout') return true;
    const fd1 = /^\/(?:proc\/(self|thread-self|\d+)\/fd|dev\/fd)\/1$/.exec(hop);
    return fd1 !== null && (fd1[1] === undefined || !/^\d+$/.test(fd1[1]) || Number(fd1[1]) === process.pid);
  });
}

/** The repository root (nearest directory holding .git), so SARIF and annotation paths match the repo. */
export function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/** Where account-level findings point: the config file, else package.json, else the README. */
export function findAnchorFile(cwd: string, configFile: string | null): string | null {
  if (configFile) return configFile;
  if (existsSync(path.join(cwd, 'package.json'))) return 'package.json';
  let names: string[] = [];
  try {
    names = readdirSync(cwd);
  } catch {
    return null;
  }
  return names.filter((name) => /^readme(\.[a-z]+)?$/i.test(name)).sort()[0] ?? null;
}

/** GitHub drops a job summary over 1 MiB (per step), counting what earlier commands of the step wrote. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export async function writeReports(
  report: Report,
  targets: readonly ReportTarget[],
  options: ReporterOptions,
  io: Pick<CliIo, 'stdout'>,
  render: (format: ReporterName, options: ReporterOptions) => string,
): Promise<void> {
  for (const target of targets) {
    if (target.file === '-') {
      io.stdout.write(render(target.format, options));
      continue;
    }
    try {
      if (target.append) {
        const existing = await stat(target.file).then((s) => s.size, () => 0);
        const separator = existing > 0 ? '\n' : '';
        const content = render(target.format, { ...options, maxBytes: Math.max(0, STEP_SUMMARY_LIMIT - existing - separator.length) });
        // One O_APPEND write: other steps' summaries are separate files, and ours lands whole.
        await appendFile(target.file, separator + content, 'utf8');
      } else {
        await writeFileAtomic(target.file, render(target.format, options));
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new UserError(`Cannot write the ${target.format} report to ${target.file}: ${code}.`, 'Check that the directory is writable.');
    }
  }
}

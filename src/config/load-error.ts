// What went wrong reading a config file, said whole: cosmiconfig's first line cuts a JSON error's
// position off, and a bundled loader can report an .mjs syntax error as something else entirely.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSyntaxProblem } from '../util/json-locate.js';

/** The file cosmiconfig was reading when it failed, when it says. */
function failedFile(error: unknown, fallback: string): string {
  const own = (error as { filepath?: unknown })?.filepath;
  if (typeof own === 'string') return own;
  const named = /\b(?:in|from|of) (\/[^\s:'"]+)/.exec(error instanceof Error ? error.message : '');
  return named?.[1] ?? fallback;
}

function jsonReason(file: string): string | null {
  try {
    const problem = jsonSyntaxProblem(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    return problem ? `${problem.message} at line ${problem.position.line}, column ${problem.position.column}` : null;
  } catch {
    return null;
  }
}

/** `node --check` names the line and the syntax error exactly as Node sees it (only on this error path). */
function scriptReason(file: string): string | null {
  try {
    execFileSync(process.execPath, ['--check', file], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
    return null;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    const where = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`).exec(stderr);
    const what = /^(\w*Error: .*)$/m.exec(stderr);
    return what ? `${what[1]}${where ? ` at line ${where[1]}` : ''}` : null;
  }
}

export function describeLoadError(error: unknown, where: string): { file: string; reason: string } {
  const file = failedFile(error, where);
  const ext = path.extname(file).toLowerCase();
  const precise = ext === '.json' || path.basename(file).endsWith('rc') ? jsonReason(file) : ['.js', '.mjs', '.cjs'].includes(ext) ? scriptReason(file) : null;
  const message = error instanceof Error ? error.message : String(error);
  // YAML and others: their first two lines carry the position.
  const reason = precise ?? message.split('\n').filter((line) => line.trim() !== '').slice(0, 2).join(' ');
  return { file, reason };
}

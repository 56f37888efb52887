// Source artifacts for rule tests: the real scanner run over a few files written to a temp dir,
// with the rule's own patterns (so table tests exercise the idiom tables too).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnyRule } from '../../src/engine/rule.js';
import { gathered, type Gathered } from '../../src/engine/gathered.js';
import { compilePatterns } from '../../src/gather/source/compile.js';
import { scanSource } from '../../src/gather/source/scan.js';
import type { SourceIndex } from '../../src/gather/source/types.js';

export function writeTree(files: Readonly<Record<string, string | Buffer>>, prefix = 'igl-src-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

export async function scanTree(rules: readonly AnyRule[], files: Readonly<Record<string, string | Buffer>>): Promise<SourceIndex> {
  const dir = writeTree(files);
  try {
    const index = await scanSource(dir, compilePatterns(rules.map((rule) => ({ ruleId: rule.meta.id, patterns: rule.meta.patterns ?? [] }))), {
      model: rules.some((rule) => rule.meta.sourceModel === true),
    });
    return { ...index, root: '/project' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Source artifact one rule sees for these files. */
export async function sourceOf(rule: AnyRule, files: Readonly<Record<string, string | Buffer>>): Promise<Gathered<SourceIndex>> {
  return gathered(await scanTree([rule], files));
}

/** Dedent a template so fixtures can be written inline at any indentation. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, string, i) => out + string + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

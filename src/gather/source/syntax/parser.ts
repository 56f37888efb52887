// Tree-sitter, loaded lazily: the runtime on the first candidate file, each grammar on the first
// candidate file of its language. The wasm files are resolved from the package (never relative to
// this file: the CLI may be bundled, with this package kept external).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';

export type Grammar = 'javascript' | 'typescript' | 'tsx' | 'python' | 'ruby' | 'php' | 'go' | 'java' | 'c-sharp';
export type SyntaxNode = TreeSitter.Node;
export type SyntaxTree = TreeSitter.Tree;

/**
 * A hang guard, not a budget: tree-sitter is linear, but its error recovery on pathological input
 * (thousands of unbalanced brackets) can be slow; such a file is abandoned and reported.
 */
export const PARSE_TIMEOUT_MS = 750;

const require = createRequire(import.meta.url);
type Runtime = typeof TreeSitter;
let runtime: Promise<Runtime> | null = null;
const grammars = new Map<Grammar, Promise<TreeSitter.Language>>();
const parsers = new Map<Grammar, TreeSitter.Parser>();

function wasmDir(): string {
  return path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}

async function loadRuntime(): Promise<Runtime> {
  runtime ??= (async () => {
    const module = require('@vscode/tree-sitter-wasm') as Runtime;
    await module.Parser.init();
    return module;
  })();
  return runtime;
}

/** Grammars loaded so far (for tests and the bench: only the languages present get loaded). */
export function loadedGrammars(): Grammar[] {
  return [...grammars.keys()];
}

async function parserFor(grammar: Grammar): Promise<TreeSitter.Parser> {
  const cached = parsers.get(grammar);
  if (cached) return cached;
  const ts = await loadRuntime();
  let language = grammars.get(grammar);
  if (!language) {
    language = ts.Language.load(readFileSync(path.join(wasmDir(), `tree-sitter-${grammar}.wasm`)));
    grammars.set(grammar, language);
  }
  const parser = new ts.Parser();
  parser.setLanguage(await language);
  parsers.set(grammar, parser);
  return parser;
}

export type ParseOutcome = { tree: SyntaxTree; ms: number } | { timedOut: true; ms: number };

/** Parses one file; a parse that runs past the hang guard is abandoned (the file is reported, not judged). */
export async function parse(grammar: Grammar, text: string): Promise<ParseOutcome> {
  const parser = await parserFor(grammar);
  const started = performance.now();
  const deadline = started + PARSE_TIMEOUT_MS;
  // The progress callback cancels by returning true (the typings say void).
  const progressCallback = ((): boolean => performance.now() > deadline) as unknown as (state: TreeSitter.ParseState) => void;
  const tree = parser.parse(text, null, { progressCallback });
  const ms = performance.now() - started;
  parser.reset();
  return tree ? { tree, ms } : { timedOut: true, ms };
}

// The one pass: walk, read each file once (bounded), classify, prefilter by literal anchors, strip
// comments only when a code pattern may match, run the candidate regexes, record hits and
// suppression directives. Bad files are counted in `skipped`, never thrown.
import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { DIRECTIVE, type CompiledPattern, type CompiledPatterns } from './compile.js';
import { classify, LANGUAGE_SPECS, type FileKind } from './languages/index.js';
import { lex } from './lexer.js';
import { isTestPath } from './test-files.js';
import type { HitLanguage, InlineSuppression, Language, SourceHit, SourceIndex } from './types.js';
import { walk, type WalkOptions } from './walk.js';
import { ModelCollector } from './model/build.js';
import { maskSecrets } from '../../util/mask.js';
import { emptySecretScan, SecretDetector } from './secrets.js';
import { MAX_HITS_PER_PATTERN, MAX_HITS_PER_PATTERN_PER_FILE } from './limits.js';

export const MAX_FILE_BYTES = 1024 * 1024;
export { MAX_HITS_PER_PATTERN, MAX_HITS_PER_PATTERN_PER_FILE } from './limits.js';
const SNIPPET_CHARS = 160;
/** Files between two yields to the event loop, so concurrent gatherers keep moving. */
const YIELD_EVERY = 256;

export interface ScanOptions extends WalkOptions {
  readonly onProgress?: (filesScanned: number) => void;
  /** Config `source.languages`: code and manifests of other SDK languages are passed over. */
  readonly languages?: readonly Language[];
  /** Build the IntegrationModel (syntax trees of the candidate files): only when a selected rule reads it. */
  readonly model?: boolean;
}

export async function scanSource(root: string, patterns: CompiledPatterns, options: ScanOptions = {}): Promise<SourceIndex> {
  const index: SourceIndex = { root, filesScanned: 0, skipped: {}, languages: {}, hits: [], hitCounts: {}, suppressions: [], truncated: {}, secrets: emptySecretScan() };
  const skip = (reason: string): void => {
    index.skipped[reason] = (index.skipped[reason] ?? 0) + 1;
  };
  const secrets = new SecretDetector(index.secrets);
  let sinceYield = 0;
  // One read buffer for the whole scan: files are at most MAX_FILE_BYTES, and only the few with
  // candidate patterns are ever decoded to a string (a copy).
  const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES);
  const model = options.model ? new ModelCollector() : null;
  const walked = new Set<string>();
  for (const event of walk(root, options)) {
    if (event.kind === 'skip') {
      skip(event.reason);
      // A directory or file that could not be read may hold a secret: that is not "clean".
      if (event.reason === 'unreadable-directory' || event.reason === 'unreadable' || event.reason === 'too-deep') secrets.unread(event.relative, event.reason);
      continue;
    }
    walked.add(event.file.relative);
    const outcome = readInto(event.file.absolute, buffer);
    if ('error' in outcome) {
      skip(outcome.error === 'not-a-file' ? 'not-a-file' : 'unreadable');
      if (outcome.error !== 'not-a-file') secrets.unread(event.file.relative, outcome.error);
    } else if (outcome.tooLarge) {
      skip('too-large');
      secrets.file(event.file.relative, event.file.absolute);
    } else {
      // Secrets are looked for in every file's bytes, whatever the code scan makes of it.
      const bytes = buffer.subarray(0, outcome.length);
      secrets.bytes(event.file.relative, bytes);
      if (outcome.notText) skip(outcome.notText);
      else if (options.languages && !isSelectedLanguage(event.file.relative, options.languages)) skip('language-not-selected');
      else {
        index.filesScanned += 1;
        scanFile(event.file.relative, bytes, patterns, index);
        if (model) offerToModel(model, event.file.relative, bytes);
      }
    }
    sinceYield += 1;
    if (sinceYield >= YIELD_EVERY) {
      sinceYield = 0;
      options.onProgress?.(index.filesScanned);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  // A file git tracks is committed even when a .gitignore (added later) hides it from the walk.
  for (const relative of trackedButIgnored(root)) {
    if (!walked.has(relative)) secrets.file(relative, path.join(root, relative));
  }
  if (model) index.model = await model.build();
  return index;
}

function offerToModel(model: ModelCollector, relative: string, bytes: Buffer): void {
  const kind = classify(path.posix.basename(relative));
  if (kind.kind === 'code') model.offer(relative, kind.language, bytes);
}

/** Files that are no SDK language's (YAML, .env …) are always read: committed secrets live there too. */
function isSelectedLanguage(relative: string, languages: readonly Language[]): boolean {
  const kind = classify(path.posix.basename(relative));
  return kind.kind === 'other' || languages.includes(kind.language);
}

/** The file's text, or why it was passed over. */
export function readText(absolute: string): string | { skipped: string } {
  const bytes = readBytes(absolute);
  return bytes instanceof Uint8Array ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : bytes;
}

/** The file's bytes, checked to be bounded, text and UTF-8; or why it was passed over. */
export function readBytes(absolute: string): Buffer | { skipped: string } {
  const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES);
  const outcome = readInto(absolute, buffer);
  if ('error' in outcome) return { skipped: outcome.error === 'not-a-file' ? 'not-a-file' : 'unreadable' };
  if (outcome.tooLarge) return { skipped: 'too-large' };
  if (outcome.notText) return { skipped: outcome.notText };
  return Buffer.from(buffer.subarray(0, outcome.length));
}

type ReadOutcome = { error: string } | { length: number; tooLarge: false; notText: 'binary' | 'invalid-utf8' | null } | { tooLarge: true };

/** Reads the file into `buffer` (MAX_FILE_BYTES long): its length and whether it is text, or why it could not be read. */
function readInto(absolute: string, buffer: Buffer): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { error: 'not-a-file' };
    if (stats.size > MAX_FILE_BYTES) return { tooLarge: true };
    let read = 0;
    while (read < stats.size) {
      const count = readSync(fd, buffer, read, stats.size - read, read);
      if (count === 0) break;
      read += count;
    }
    const bytes = buffer.subarray(0, read);
    const notText = bytes.subarray(0, 8000).includes(0) ? 'binary' : !isUtf8(bytes) ? 'invalid-utf8' : null;
    return { length: read, tooLarge: false, notText };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** Tracked files a .gitignore matches (`git ls-files -ci --exclude-standard`); none without git. */
function trackedButIgnored(root: string): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--ignored', '--exclude-standard'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
    return out.toString('utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** Scans one file: literal prefilter over the bytes, then only the candidate regexes on the text. */
export function scanFile(relative: string, bytes: Buffer, patterns: CompiledPatterns, index: SourceIndex): void {
  const kind = classify(path.posix.basename(relative));
  if (kind.kind === 'code') index.languages[kind.language] = (index.languages[kind.language] ?? 0) + 1;
  const present = new Uint8Array(patterns.matcher.size);
  const found = patterns.matcher.scan(bytes, present);
  const code = kind.kind === 'code' ? candidates(patterns.code[kind.language], present, found) : [];
  const manifest = kind.kind === 'manifest' ? candidates(patterns.manifest[kind.language], present, found) : [];
  const plain = candidates(patterns.text, present, found);
  const hasDirective = present[patterns.directiveId] === 1;
  if (code.length === 0 && manifest.length === 0 && plain.length === 0 && !hasDirective) return;

  const text = bytes.toString('utf8');
  const file = new FileContext(relative, text, kind, index);
  if (kind.kind === 'code' && (code.length > 0 || hasDirective)) {
    const lexed = lex(text, LANGUAGE_SPECS[kind.language].lexer, hasDirective ? DIRECTIVE : undefined);
    // Line-based idioms (a Python `except:` block) expect every line to end; offsets are unchanged.
    const haystack = lexed.code.endsWith('\n') ? lexed.code : `${lexed.code}\n`;
    for (const pattern of code) file.run(pattern, haystack);
    for (const comment of lexed.comments) file.directive(comment.text, comment.endLine + 1);
  } else if (hasDirective) {
    // Manifests and other text have no lexer: a directive on any line silences the next one.
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.includes(DIRECTIVE)) file.directive(line, i + 2);
    });
  }
  for (const pattern of manifest) file.run(pattern, text);
  for (const pattern of plain) file.run(pattern, text);
}

/** The patterns whose every clause has a literal present (plain loops: this runs per file). */
function candidates(list: readonly CompiledPattern[], present: Uint8Array, found: number): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  for (const pattern of list) {
    const { clauses } = pattern;
    if (clauses === null) {
      out.push(pattern);
      continue;
    }
    if (found === 0) continue;
    let satisfied = true;
    for (const clause of clauses) {
      let any = false;
      for (const id of clause) {
        if (present[id] === 1) {
          any = true;
          break;
        }
      }
      if (!any) {
        satisfied = false;
        break;
      }
    }
    if (satisfied) out.push(pattern);
  }
  return out;
}

class FileContext {
  private lineStarts: number[] | null = null;
  private readonly seen = new Set<string>();
  private readonly language: HitLanguage;
  private readonly inTest: boolean;

  constructor(
    private readonly relative: string,
    private readonly text: string,
    kind: FileKind,
    private readonly index: SourceIndex,
  ) {
    this.language = kind.kind === 'other' ? 'other' : kind.language;
    this.inTest = isTestPath(relative);
  }

  run(pattern: CompiledPattern, haystack: string): void {
    if (pattern.fileMustMatch && !pattern.fileMustMatch.test(haystack)) return;
    const { regex } = pattern;
    regex.lastIndex = 0;
    let count = 0;
    for (let match = regex.exec(haystack); match !== null; match = regex.exec(haystack)) {
      if (match[0].length === 0) regex.lastIndex += 1;
      const full = count >= MAX_HITS_PER_PATTERN_PER_FILE || pattern.patternIds.some((id) => (this.index.hitCounts[id] ?? 0) >= MAX_HITS_PER_PATTERN);
      if (full) {
        for (const patternId of pattern.patternIds) this.index.truncated[patternId] = (this.index.truncated[patternId] ?? 0) + 1;
        continue;
      }
      count += 1;
      for (const patternId of pattern.patternIds) this.add(this.hit(patternId, pattern, match));
    }
  }

  /** Two spellings of one idiom may match at one place: one hit per pattern and offset. */
  private add(hit: SourceHit): void {
    const key = `${hit.patternId}\0${hit.line}\0${hit.column}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.index.hits.push(hit);
    this.index.hitCounts[hit.patternId] = (this.index.hitCounts[hit.patternId] ?? 0) + 1;
  }

  directive(comment: string, silencedLine: number): void {
    for (const line of comment.split('\n')) {
      const at = line.indexOf(DIRECTIVE);
      if (at === -1) continue;
      const body = line
        .slice(at + DIRECTIVE.length)
        .replace(/\s*(?:\*\/|-->|%>|\*\)|#>)\s*$/, '')
        .trim();
      const separator = body.indexOf('--');
      const ids = separator === -1 ? body : body.slice(0, separator);
      const reason = separator === -1 ? '' : body.slice(separator + 2).trim();
      const suppression: InlineSuppression = {
        file: this.relative,
        line: silencedLine,
        ruleIds: ids.split(/[\s,]+/).filter(Boolean),
        reason: reason === '' ? null : maskSecrets(reason),
      };
      this.index.suppressions.push(suppression);
    }
  }

  private hit(patternId: string, pattern: CompiledPattern, match: RegExpExecArray): SourceHit {
    const { line, column, lineText } = this.position(match.index);
    const hit: SourceHit = {
      patternId,
      file: this.relative,
      line,
      column,
      snippet: snippetOf(lineText, column),
      language: this.language,
      inTest: this.inTest,
      scope: pattern.scope,
    };
    const capture = match.slice(1).find((group) => group !== undefined);
    if (capture !== undefined) hit.capture = maskSecrets(capture);
    return hit;
  }

  private position(offset: number): { line: number; column: number; lineText: string } {
    if (this.lineStarts === null) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const start = starts[low]!;
    const end = low + 1 < starts.length ? starts[low + 1]! - 1 : this.text.length;
    return { line: low + 1, column: offset - start + 1, lineText: this.text.slice(start, end).replace(/\r$/, '') };
  }
}

function snippetOf(lineText: string, column: number): string {
  // Mask the whole line before cutting it: a secret at the cut must not leave its body behind.
  const masked = maskSecrets(lineText);
  let snippet = masked;
  if (snippet.length > SNIPPET_CHARS) {
    const shift = masked.length - lineText.length;
    const from = Math.max(0, Math.min(column - 1 - 40 + Math.min(0, shift), snippet.length - SNIPPET_CHARS));
    snippet = `${from > 0 ? '…' : ''}${snippet.slice(from, from + SNIPPET_CHARS)}…`;
  }
  return snippet.trim();
}

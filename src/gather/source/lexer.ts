// A small lexer per comment style: blanks out comments (commented-out code is not evidence) while
// keeping string literals (event names, API versions and expand paths live in strings). Offsets,
// lines and columns survive because comments become spaces and newlines stay where they were.

export interface LexerSpec {
  /** Line comment openers, e.g. `//`, `#`. */
  readonly lineComments: readonly string[];
  readonly blockComments: readonly (readonly [open: string, close: string])[];
  /** Quote characters with backslash escapes. */
  readonly quotes: readonly string[];
  /** Quoted strings may span lines (Ruby, PHP); elsewhere a line break ends a runaway string. */
  readonly multilineQuotes?: boolean;
  /** `"""` / `'''` strings (Python, Java text blocks, C# raw strings). */
  readonly tripleQuotes?: readonly string[];
  /** Python: a triple-quoted string standing alone as a statement is a docstring, i.e. prose. */
  readonly bareTripleQuoteIsComment?: boolean;
  /** JavaScript template literals with `${ ... }` code inside. */
  readonly templateLiterals?: boolean;
  /** Go raw strings: backticks, no escapes. */
  readonly rawBackticks?: boolean;
  /** JavaScript regular-expression literals (so `/'/` does not open a string). */
  readonly regexLiterals?: boolean;
  /** C# verbatim strings `@"..."` with `""` as the escape. */
  readonly verbatimStrings?: boolean;
  readonly heredocs?: 'ruby' | 'php';
  /** Ruby `=begin` ... `=end` at the start of a line. */
  readonly rubyBlockComments?: boolean;
  /** PHP 8 attributes `#[...]` are code, not comments. */
  readonly hashBracketIsCode?: boolean;
}

export interface CommentSpan {
  readonly text: string;
  /** 1-based line of the comment's last line. */
  readonly endLine: number;
}

export interface Lexed {
  /** The source with comments replaced by spaces; same length, same line breaks. */
  readonly code: string;
  /** Comments holding `marker` (only collected when a marker is given). */
  readonly comments: readonly CommentSpan[];
}

const REGEX_PRECEDERS = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/** Finds the next character that may open a comment or a string, per spec (compiled once). */
function openerRegex(spec: LexerSpec): RegExp {
  const chars = new Set<string>();
  for (const opener of [...spec.lineComments, ...spec.blockComments.map(([open]) => open), ...spec.quotes, ...(spec.tripleQuotes ?? [])]) chars.add(opener[0]!);
  if (spec.templateLiterals || spec.rawBackticks) chars.add('`');
  if (spec.regexLiterals) chars.add('/');
  if (spec.verbatimStrings) chars.add('@');
  if (spec.heredocs) chars.add('<');
  if (spec.rubyBlockComments) chars.add('=');
  if (spec.templateLiterals) chars.add('{').add('}');
  const escaped = [...chars].map((char) => char.replace(/[\\\]^-]/g, '\\$&')).join('');
  return new RegExp(`[${escaped}]`, 'g');
}

const openers = new WeakMap<LexerSpec, RegExp>();

export function lex(source: string, spec: LexerSpec, marker?: string): Lexed {
  let opener = openers.get(spec);
  if (!opener) {
    opener = openerRegex(spec);
    openers.set(spec, opener);
  }
  const out: string[] = [];
  const comments: CommentSpan[] = [];
  let copiedTo = 0;
  let i = 0;
  const n = source.length;
  // Template-literal nesting: each entry counts open braces inside one `${ ... }`.
  const templateDepth: number[] = [];

  const blank = (from: number, to: number): void => {
    if (from > copiedTo) out.push(source.slice(copiedTo, from));
    const text = source.slice(from, to);
    out.push(text.replace(/[^\r\n]/g, ' '));
    copiedTo = to;
    if (marker !== undefined && text.includes(marker)) comments.push({ text, endLine: lineAt(source, to - 1) });
  };

  while (i < n) {
    opener.lastIndex = i;
    const found = opener.exec(source);
    if (!found) break;
    const at = found.index;
    const char = source[at]!;

    if (spec.templateLiterals && (char === '{' || char === '}')) {
      const top = templateDepth.length - 1;
      i = at + 1;
      if (top < 0) continue;
      if (char === '{') templateDepth[top]! += 1;
      else if (templateDepth[top]! > 0) templateDepth[top]! -= 1;
      else {
        // The `}` closing `${ ... }`: back inside the template literal.
        templateDepth.pop();
        i = skipTemplate(source, at + 1, templateDepth);
      }
      continue;
    }

    const lineComment = spec.lineComments.find((open) => source.startsWith(open, at));
    if (lineComment && !(spec.hashBracketIsCode && lineComment === '#' && source[at + 1] === '[')) {
      let end = source.indexOf('\n', at);
      if (end === -1) end = n;
      if (source[end - 1] === '\r') end -= 1;
      blank(at, end);
      i = end;
      continue;
    }
    const block = spec.blockComments.find(([open]) => source.startsWith(open, at));
    if (block) {
      const close = source.indexOf(block[1], at + block[0].length);
      const end = close === -1 ? n : close + block[1].length;
      blank(at, end);
      i = end;
      continue;
    }
    if (spec.rubyBlockComments && char === '=' && source.startsWith('=begin', at) && (at === 0 || source[at - 1] === '\n')) {
      const close = indexOfLineStart(source, '=end', at);
      const end = close === -1 ? n : lineEnd(source, close);
      blank(at, end);
      i = end;
      continue;
    }
    if (char === '/' && spec.regexLiterals) {
      i = regexLiteralAllowed(source, at) ? skipRegexLiteral(source, at) : at + 1;
      continue;
    }
    if (char === '`') {
      if (spec.templateLiterals) {
        i = skipTemplate(source, at + 1, templateDepth);
        continue;
      }
      if (spec.rawBackticks) {
        const close = source.indexOf('`', at + 1);
        i = close === -1 ? n : close + 1;
        continue;
      }
    }
    if (char === '@' && spec.verbatimStrings) {
      i = source[at + 1] === '"' ? skipVerbatim(source, at + 2) : source[at + 1] === '$' && source[at + 2] === '"' ? skipVerbatim(source, at + 3) : at + 1;
      continue;
    }
    if (char === '<' && spec.heredocs) {
      i = skipHeredoc(source, at, spec.heredocs);
      continue;
    }
    const triple = spec.tripleQuotes?.find((quote) => source.startsWith(quote, at));
    if (triple) {
      const close = source.indexOf(triple, at + 3);
      const end = close === -1 ? n : close + 3;
      if (spec.bareTripleQuoteIsComment && standsAlone(source, at)) blank(at, end);
      i = end;
      continue;
    }
    if (spec.quotes.includes(char)) {
      if (spec.verbatimStrings && char === '"' && source[at - 1] === '@') {
        i = skipVerbatim(source, at + 1);
        continue;
      }
      i = skipQuoted(source, at + 1, char, spec.multilineQuotes === true);
      continue;
    }
    i = at + 1;
  }
  if (copiedTo === 0) return { code: source, comments };
  if (copiedTo < n) out.push(source.slice(copiedTo));
  return { code: out.join(''), comments };
}

function skipQuoted(source: string, from: number, quote: string, multiline: boolean): number {
  let i = from;
  const n = source.length;
  while (i < n) {
    const char = source[i]!;
    if (char === '\\') i += 2;
    else if (char === quote) return i + 1;
    // An unterminated single-line string ends at the line break (keeps one bad quote local).
    else if (char === '\n' && !multiline) return i;
    else i += 1;
  }
  return n;
}

function skipVerbatim(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const close = source.indexOf('"', i);
    if (close === -1) return source.length;
    if (source[close + 1] === '"') {
      i = close + 2;
      continue;
    }
    return close + 1;
  }
  return source.length;
}

/** Skips a template literal body from just after a backtick or a closing `}`; stops after `${`, pushing a depth. */
function skipTemplate(source: string, from: number, depth: number[]): number {
  let i = from;
  const n = source.length;
  while (i < n) {
    const char = source[i]!;
    if (char === '\\') i += 2;
    else if (char === '`') return i + 1;
    else if (char === '$' && source[i + 1] === '{') {
      depth.push(0);
      return i + 2;
    } else i += 1;
  }
  return n;
}

function regexLiteralAllowed(source: string, at: number): boolean {
  const next = source[at + 1];
  if (next === '/' || next === '*') return false;
  let j = at - 1;
  while (j >= 0 && (source[j] === ' ' || source[j] === '\t' || source[j] === '\r' || source[j] === '\n')) j -= 1;
  const previous = j < 0 ? '' : source[j]!;
  if (REGEX_PRECEDERS.has(previous)) return true;
  if (/[\w$]/.test(previous)) return REGEX_KEYWORDS.test(source.slice(Math.max(0, j - 10), j + 1));
  return false;
}

function skipRegexLiteral(source: string, at: number): number {
  let i = at + 1;
  let inClass = false;
  const n = source.length;
  while (i < n) {
    const char = source[i]!;
    if (char === '\\') i += 2;
    else if (char === '\n') return i;
    else if (char === '/' && !inClass) return i + 1;
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      i += 1;
    }
  }
  return n;
}

function skipHeredoc(source: string, at: number, style: 'ruby' | 'php'): number {
  const pattern = style === 'php' ? /<<<[ \t]*(["']?)([A-Za-z_]\w*)\1\r?\n/y : /<<([~-]?)(["']?)([A-Z_][A-Z0-9_]*)\2/y;
  pattern.lastIndex = at;
  const match = pattern.exec(source);
  if (!match) return at + 1;
  const id = style === 'php' ? match[2]! : match[3]!;
  // The body starts on the next line and ends at a line holding only the identifier (indentation allowed).
  const bodyStart = source.indexOf('\n', at);
  if (bodyStart === -1) return source.length;
  const close = new RegExp(`^[ \\t]*${id}\\b`, 'gm');
  close.lastIndex = bodyStart + 1;
  const end = close.exec(source);
  if (!end) return source.length;
  // Ruby: the rest of the opening line is code, left as is; the body is a string either way.
  return end.index + end[0].length;
}

function standsAlone(source: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && (source[j] === ' ' || source[j] === '\t')) j -= 1;
  if (j >= 0 && source[j] !== '\n' && source[j] !== '\r') return false;
  // Look back across blank lines for the previous significant character: a continuation means a value.
  while (j >= 0 && /\s/.test(source[j]!)) j -= 1;
  if (j < 0) return true;
  return !'([{,=:+%\\'.includes(source[j]!);
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i <= offset; i = source.indexOf('\n', i + 1)) line += 1;
  return line;
}

function indexOfLineStart(source: string, token: string, from: number): number {
  let i = source.indexOf(`\n${token}`, from);
  while (i !== -1) {
    const after = source[i + 1 + token.length];
    if (after === undefined || !/\w/.test(after)) return i + 1;
    i = source.indexOf(`\n${token}`, i + 1);
  }
  return -1;
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf('\n', from);
  return end === -1 ? source.length : end;
}

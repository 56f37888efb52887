// Required literals of a regular expression: a file that contains none of a pattern's anchors
// cannot match it, so the scanner skips the regex (and the lexer) for that file. This is the
// literal prefilter that makes grep tools fast, done by reading the regex source once.

export interface Anchors {
  /**
   * Every clause must be satisfied by one of its literals occurring in the text for the regex to
   * possibly match (a conjunction of any-of sets: `stripe` ... `(url|URL)` needs both).
   */
  readonly clauses: readonly (readonly string[])[];
  /** Compare against the lower-cased text (the regex has the `i` flag). */
  readonly caseInsensitive: boolean;
}

const MIN_ANCHOR = 3;

/** Null when no literal of at least three characters is required (the regex always runs). */
export function anchorsOf(regex: RegExp): Anchors | null {
  const caseInsensitive = regex.flags.includes('i');
  const alternatives = splitTopLevel(regex.source);
  const normalise = (literals: readonly string[]) => [...new Set(literals.map((literal) => (caseInsensitive ? literal.toLowerCase() : literal)))];
  if (alternatives.length === 1) {
    const clauses = requiredClauses(alternatives[0]!);
    return clauses.length === 0 ? null : { clauses: clauses.map(normalise), caseInsensitive };
  }
  const literals = requiredLiterals(regex.source);
  return literals === null ? null : { clauses: [normalise(literals)], caseInsensitive };
}

/** Any-of literals every match contains, for a pattern source; null when there is none worth it. */
function requiredLiterals(source: string): string[] | null {
  const literals: string[] = [];
  for (const alternative of splitTopLevel(source)) {
    const clauses = requiredClauses(alternative);
    if (clauses.length === 0) return null;
    literals.push(...clauses.reduce((best, clause) => (score(clause) > score(best) || (score(clause) === score(best) && clause.length < best.length) ? clause : best)));
  }
  return literals;
}

/** Splits on `|` outside groups and classes. */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === '\\') i += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

const score = (candidate: readonly string[]): number => Math.min(...candidate.map((literal) => literal.length));

/**
 * In one alternative (no top-level `|`): the clauses every match satisfies, i.e. runs of literal
 * characters and the required literals of mandatory groups.
 */
function requiredClauses(source: string): string[][] {
  const candidates: string[][] = [];
  let run = '';
  const commit = (): void => {
    if (run.length >= MIN_ANCHOR) candidates.push([run]);
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    let atom: string | null = null; // a literal character, or null for anything else
    let zeroWidth = false;
    let group: string[] | null = null;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'b' || next === 'B') zeroWidth = true;
      else if (/[^\w]/.test(next)) atom = next;
      // \d \s \w \x41 \u0041 \1 ...: not a literal
      i += 2;
      if (next === 'x') i += 2;
      else if (next === 'u') i += source[i] === '{' ? source.indexOf('}', i) - i + 1 : 4;
    } else if (char === '[') {
      i = skipClass(source, i);
    } else if (char === '(') {
      const end = skipGroup(source, i);
      const head = /^\((\?(?:[=!]|<[=!]|<\w+>|:))?/.exec(source.slice(i, i + 40))![0];
      zeroWidth = /^\(\?(?:[=!]|<[=!])/.test(head);
      if (!zeroWidth) group = requiredLiterals(source.slice(i + head.length, end - 1));
      i = end;
    } else if (char === '^' || char === '$') {
      zeroWidth = true;
      i += 1;
    } else if (char === '.') {
      i += 1;
    } else {
      atom = char;
      i += 1;
    }
    if (zeroWidth) continue;
    const optional = /^(?:[?*]|\{0(?:,\d*)?\})\??/.exec(source.slice(i));
    const repeat = optional ? null : /^(?:\+|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i));
    if (optional) {
      // An optional atom: the run cannot continue across it, and a group's literals are not required.
      i += optional[0].length;
      commit();
      continue;
    }
    if (atom === null) {
      commit();
      if (group !== null && group.every((literal) => literal.length >= MIN_ANCHOR)) candidates.push(group);
      if (repeat) i += repeat[0].length;
      continue;
    }
    run += atom;
    if (repeat) {
      i += repeat[0].length;
      commit();
    }
  }
  commit();
  return candidates;
}

function skipClass(source: string, at: number): number {
  let i = at + 1;
  if (source[i] === '^') i += 1;
  if (source[i] === ']') i += 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipGroup(source: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < source.length) {
    const char = source[i];
    if (char === '\\') i += 2;
    else if (char === '[') i = skipClass(source, i);
    else {
      if (char === '(') depth += 1;
      else if (char === ')') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
  }
  return source.length;
}

/** Does `text` (and its lower-cased copy, computed on demand) satisfy every clause? */
export function anchorsPresent(anchors: Anchors | null, text: string, lower: () => string): boolean {
  if (anchors === null) return true;
  const haystack = anchors.caseInsensitive ? lower() : text;
  return anchors.clauses.every((clause) => clause.some((literal) => haystack.includes(literal)));
}

// Rules' patterns, compiled once per run into one list per (scope, language): each entry a global
// regex with its literal anchors, so the scanner reads each file once whatever the number of rules.
import { anchorsOf } from './anchors.js';
import { LiteralMatcher } from './literal-matcher.js';
import { COMMON, LANGUAGE_SPECS } from './languages/index.js';
import { IDIOM_SCOPES, spellingRegex, type SourcePattern, type Spelling } from './patterns.js';
import { LANGUAGES, type HitScope, type Language } from './types.js';

export interface CompiledPattern {
  /** `<rule id>/<pattern id>` of every rule pattern sharing this spelling: one regex run serves them all. */
  readonly patternIds: readonly string[];
  readonly regex: RegExp;
  /** Literal ids (in `CompiledPatterns.matcher`): every clause needs one present; null runs always. */
  readonly clauses: readonly (readonly number[])[] | null;
  readonly fileMustMatch: RegExp | null;
  readonly scope: HitScope;
}

export interface CompiledPatterns {
  readonly code: Readonly<Record<Language, readonly CompiledPattern[]>>;
  readonly manifest: Readonly<Record<Language, readonly CompiledPattern[]>>;
  /** Every text file, raw. */
  readonly text: readonly CompiledPattern[];
  /** Finds every anchor literal of every pattern in one pass over a file. */
  readonly matcher: LiteralMatcher;
  /** The matcher's id for the suppression directive marker. */
  readonly directiveId: number;
}

export const DIRECTIVE = 'identity-golive-disable-next-line';

export interface PatternSource {
  readonly ruleId: string;
  readonly patterns: readonly SourcePattern[];
}

export function compilePatterns(sources: readonly PatternSource[]): CompiledPatterns {
  const code = emptyTable();
  const manifest = emptyTable();
  const text: CompiledPattern[] = [];
  const literalIds = new Map<string, number>([[DIRECTIVE, 0]]);
  const idOf = (literal: string): number => {
    let id = literalIds.get(literal);
    if (id === undefined) literalIds.set(literal, (id = literalIds.size));
    return id;
  };
  // Rules often ask for the same idiom: identical spellings in one list are compiled and run once.
  const shared = new Map<string, { patternIds: string[] }>();
  const add = (list: CompiledPattern[], listKey: string, patternId: string, spelling: Spelling, scope: HitScope): void => {
    const regex = spellingRegex(spelling);
    const key = `${listKey}\0${regex.source}\0${regex.flags}\0${spelling instanceof RegExp ? '' : spelling.fileMustMatch.source}`;
    const existing = shared.get(key);
    if (existing) {
      if (!existing.patternIds.includes(patternId)) existing.patternIds.push(patternId);
      return;
    }
    const patternIds = [patternId];
    shared.set(key, { patternIds });
    list.push(compile(patternIds, spelling, scope, idOf));
  };
  for (const { ruleId, patterns } of sources) {
    for (const pattern of patterns) {
      const patternId = `${ruleId}/${pattern.id}`;
      const scope = pattern.scope ?? (pattern.idiom ? IDIOM_SCOPES[pattern.idiom] : undefined) ?? 'code';
      if (scope === 'text') {
        for (const spelling of spellingsOf(pattern, null)) add(text, 'text', patternId, spelling, scope);
        continue;
      }
      const table = scope === 'manifest' ? manifest : code;
      for (const language of pattern.languages ?? LANGUAGES) {
        for (const spelling of spellingsOf(pattern, language)) add(table[language], `${scope}:${language}`, patternId, spelling, scope);
      }
    }
  }
  return { code, manifest, text, matcher: new LiteralMatcher([...literalIds.keys()]), directiveId: 0 };
}

function emptyTable(): Record<Language, CompiledPattern[]> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, []])) as unknown as Record<Language, CompiledPattern[]>;
}

/** A language's own spellings first, then the shared ones; a rule's own regex as is. */
function spellingsOf(pattern: SourcePattern, language: Language | null): readonly Spelling[] {
  if (pattern.regex) return [pattern.regex];
  if (!pattern.idiom) throw new Error(`source pattern ${pattern.id} names neither an idiom nor a regex`);
  const own = language ? (LANGUAGE_SPECS[language].idioms[pattern.idiom] ?? []) : [];
  return [...own, ...(COMMON[pattern.idiom] ?? [])];
}

function compile(patternIds: string[], spelling: Spelling, scope: HitScope, idOf: (literal: string) => number): CompiledPattern {
  const source = spellingRegex(spelling);
  const flags = source.flags.includes('g') ? source.flags : `${source.flags}g`;
  const anchors = anchorsOf(source);
  return {
    patternIds,
    regex: new RegExp(source.source, flags),
    clauses: anchors ? anchors.clauses.map((clause) => clause.map(idOf)) : null,
    fileMustMatch: spelling instanceof RegExp ? null : spelling.fileMustMatch,
    scope,
  };
}

// The Source artifact: what one pass over the integration's code found.
// Issue #3 owns the scanner; this is the contract rules read.

export const LANGUAGES = ['node', 'python', 'ruby', 'php', 'go', 'java', 'dotnet'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface SourceHit {
  /** `<rule id>/<pattern id>`, as declared by the rule. */
  patternId: string;
  file: string; // relative to the scanned root, forward slashes
  line: number; // 1-based
  column: number; // 1-based
  /** One line of code around the hit, secrets masked. */
  snippet: string;
  language: Language;
  /** The file is a test (tests/, *_test.go, *.spec.ts ...): evidence there does not count for production. */
  inTest: boolean;
}

/** `identity-golive-disable-next-line <rule>[, <rule>] -- <reason>`, in any language's comment syntax. */
export interface InlineSuppression {
  file: string;
  /** The line the directive silences (the one after the comment). */
  line: number;
  ruleIds: string[];
  /** Null when the directive gave no `-- reason`: that is itself a finding (issue #5). */
  reason: string | null;
}

export interface SourceIndex {
  root: string;
  filesScanned: number;
  /** Files passed over, counted by reason (binary, too large, unreadable, invalid utf-8 ...). */
  skipped: Record<string, number>;
  languages: Partial<Record<Language, number>>;
  hits: SourceHit[];
  suppressions: InlineSuppression[];
}

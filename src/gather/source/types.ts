// The Source artifact: what one pass over the integration's code found.
import type { SecretScan } from './secrets.js';
// Issue #3 owns the scanner; this is the contract rules read.
import type { IntegrationModel } from './model/types.js';

export const LANGUAGES = ['node', 'python', 'ruby', 'php', 'go', 'java', 'dotnet'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A hit's file: source of one of the seven SDK languages, or any other text file (secrets, config). */
export type HitLanguage = Language | 'other';

/** What part of a file a hit came from. */
export type HitScope = 'code' | 'manifest' | 'text';

export interface SourceHit {
  /** `<rule id>/<pattern id>`, as declared by the rule. */
  patternId: string;
  file: string; // relative to the scanned root, forward slashes
  line: number; // 1-based
  column: number; // 1-based
  /** One line of code around the hit, secrets masked. */
  snippet: string;
  /** `other` for files outside the seven languages (YAML, .env, Markdown ...): only `text` patterns run there. */
  language: HitLanguage;
  /** The file is a test (tests/, *_test.go, *.spec.ts ...): evidence there does not count for production. */
  inTest: boolean;
  /** The pattern's first capture group (an API version, a tolerance, a key), secrets masked. */
  capture?: string;
  /** code: comment-stripped source; manifest: a dependency manifest or lockfile; text: any text file, raw. */
  scope?: HitScope;
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
  /** Hits kept, per `<rule id>/<pattern id>`. */
  hitCounts: Record<string, number>;
  suppressions: InlineSuppression[];
  /** Hits dropped by the caps that keep memory bounded, per `<rule id>/<pattern id>`: such a rule's evidence is incomplete. */
  truncated: Record<string, number>;
  /** Committed secrets, found on the bytes of every file (see secrets.ts). */
  secrets: SecretScan;
  /** What the syntax trees say (issue #11); present when a selected rule reads it. */
  model?: IntegrationModel;
}

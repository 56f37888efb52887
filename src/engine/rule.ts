// A rule is pure: `check(artifacts, ctx) -> outcome`. It reads only the artifacts it declares
// (`Pick<Artifacts, R>` enforces that at compile time) and gets the clock from `ctx`.
import type { ArtifactId, Artifacts, Mode } from './artifacts.js';
import type { ChecklistItemId } from './checklist.js';
import type { PageId } from '../gather/pages/types.js';
import type { SourcePattern } from '../gather/source/patterns.js';

export type Status = 'pass' | 'fail' | 'warn' | 'manual' | 'skipped' | 'error';
export type Severity = 'error' | 'warn' | 'off';
export const STATUSES: readonly Status[] = ['fail', 'error', 'manual', 'warn', 'skipped', 'pass'];

/** A message template: `{{name}}` placeholders are filled from a finding's `data`. */
export type MessageSpec = string | { readonly text: string; readonly fix?: string };

export type Location =
  | { readonly file: string; readonly line: number; readonly column?: number }
  | { readonly stripe: string }
  | { readonly url: string };

/** How much a single finding weighs; the rule's status is the heaviest of its findings. */
export type FindingLevel = 'fail' | 'manual' | 'warn' | 'info';

export interface Finding<M extends string = string> {
  readonly messageId: M;
  /** Defaults to the outcome's status (info on a pass). */
  readonly level?: FindingLevel;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly location?: Location;
}

type NonEmpty<T> = readonly [T, ...T[]];

/**
 * What a rule concluded. Anything short of `pass` must say why, so those carry at least one
 * finding; `pass` may carry notes (e.g. "checked 3 endpoints").
 */
export type Outcome<M extends string = string> =
  | { readonly status: 'pass'; readonly findings: readonly Finding<M>[] }
  | { readonly status: Exclude<Status, 'pass'>; readonly findings: NonEmpty<Finding<M>> };

export interface RuleContext {
  /** The run's clock, in ms since the epoch; rules never call Date.now(). */
  readonly now: number;
  readonly offline: boolean;
}

export interface RuleMeta<R extends ArtifactId, M extends string> {
  /** == file name, kebab-case, naming the required state. */
  readonly id: string;
  readonly item: ChecklistItemId;
  /** The state when the rule holds. */
  readonly title: string;
  /** The state when it does not. */
  readonly failureTitle: string;
  /** Its subject, stating no verdict: shown when nothing was judged (skipped, could not check, suppressed). */
  readonly neutralTitle: string;
  /** Stripe's page for what the rule checks. */
  readonly docsUrl: string;
  readonly requiredArtifacts: readonly R[];
  /** Stripe modes it wants a key for, most wanted first; omitted when it reads no Stripe artifact. */
  readonly modes?: readonly Mode[];
  /** Public pages it reads (with `Pages`): the Pages gatherer fetches only pages some rule names. */
  readonly pages?: readonly PageId[];
  readonly messages: Readonly<Record<M, MessageSpec>>;
  readonly defaultSeverity: Exclude<Severity, 'off'>;
  /** What the Source scanner should look for on this rule's behalf (rules reading `Source`). */
  readonly patterns?: readonly SourcePattern[];
  /** The rule reads `Source.model` (syntax trees of the candidate files, issue #11). */
  readonly sourceModel?: true;
}

export interface Rule<R extends ArtifactId = ArtifactId, M extends string = string> {
  readonly meta: RuleMeta<R, M>;
  check(artifacts: Pick<Artifacts, R>, ctx: RuleContext): Outcome<M>;
}

/** Erased form the runner and registry hold. */
export type AnyRule = Rule<ArtifactId, string>;

/** Typed rule constructor: message ids and artifacts are inferred from `meta`. */
export function defineRule<R extends ArtifactId, M extends string>(rule: Rule<R, M>): AnyRule {
  return rule as unknown as AnyRule;
}

/** Outcome helpers so rules read as verdicts. */
export const outcome = {
  pass<M extends string>(...notes: Finding<M>[]): Outcome<M> {
    return { status: 'pass', findings: notes };
  },
  of<M extends string>(status: Exclude<Status, 'pass'>, first: Finding<M>, ...rest: Finding<M>[]): Outcome<M> {
    return { status, findings: [first, ...rest] };
  },
  /** The heaviest finding level decides: fail > manual > warn > (info only) pass. */
  from<M extends string>(findings: readonly Finding<M>[]): Outcome<M> {
    const [first, ...rest] = findings;
    if (first === undefined) return { status: 'pass', findings: [] };
    const levels = new Set(findings.map((finding) => finding.level ?? 'info'));
    const status = (['fail', 'manual', 'warn'] as const).find((level) => levels.has(level));
    return status ? { status, findings: [first, ...rest] } : { status: 'pass', findings };
  },
};

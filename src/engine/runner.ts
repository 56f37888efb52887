// Lighthouse-style runner: gather the union of what the selected rules declare, each artifact
// once and concurrently, then run each rule on exactly its artifacts.
import { ArtifactUnavailable, isSkipFailure, type GatherFailure } from './gathered.js';
import type { ArtifactId, Artifacts, Mode } from './artifacts.js';
import type { AnyRule, Outcome, RuleContext, Severity } from './rule.js';
import type { ArtifactDemand, GatherContext, Gatherer } from '../gather/context.js';

export type GathererMap = { readonly [K in ArtifactId]: Gatherer<K> };

export interface RuleRun {
  readonly rule: AnyRule;
  readonly severity: Exclude<Severity, 'off'>;
  readonly outcome: Outcome;
}

/** Which artifacts, in which modes, for which rules. */
export function demandOf(rules: readonly AnyRule[]): Map<ArtifactId, ArtifactDemand> {
  const demand = new Map<ArtifactId, { modes: Set<Mode>; rules: AnyRule[] }>();
  for (const rule of rules) {
    for (const id of rule.meta.requiredArtifacts) {
      const entry = demand.get(id) ?? { modes: new Set<Mode>(), rules: [] };
      for (const mode of rule.meta.modes ?? []) entry.modes.add(mode);
      entry.rules.push(rule);
      demand.set(id, entry);
    }
  }
  return demand;
}

/** Gather every demanded artifact once, all concurrently; a gatherer that throws is a bug, kept as data. */
export async function gatherArtifacts(
  rules: readonly AnyRule[],
  ctx: GatherContext,
  gatherers: GathererMap,
  /** Which demanded artifacts to gather here (a snapshot replay supplies the others). */
  include: (id: ArtifactId) => boolean = () => true,
): Promise<Partial<Artifacts>> {
  const demand = demandOf(rules);
  const entries = await Promise.all(
    [...demand].filter(([id]) => include(id)).map(async ([id, need]) => {
      const gather = gatherers[id] as Gatherer<typeof id>;
      return [id, await gather(ctx, need)] as const;
    }),
  );
  return Object.fromEntries(entries) as Partial<Artifacts>;
}

export function runRules(
  rules: readonly AnyRule[],
  artifacts: Partial<Artifacts>,
  severities: ReadonlyMap<string, Exclude<Severity, 'off'>>,
  ctx: RuleContext,
): RuleRun[] {
  return rules.map((rule) => ({
    rule,
    severity: severities.get(rule.meta.id) ?? rule.meta.defaultSeverity,
    outcome: runOne(rule, artifacts, ctx),
  }));
}

function runOne(rule: AnyRule, artifacts: Partial<Artifacts>, ctx: RuleContext): Outcome {
  const own: Partial<Artifacts> = {};
  for (const id of rule.meta.requiredArtifacts) {
    if (!(id in artifacts)) return unavailable({ kind: 'bad_response', message: `artifact ${id} was not gathered`, fix: 'Report this as a bug.' });
    (own as Record<string, unknown>)[id] = artifacts[id];
  }
  try {
    return unlessUnjudged(rule, rule.check(own as Artifacts, ctx), own);
  } catch (error) {
    if (error instanceof ArtifactUnavailable) return unavailable(error.failure);
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'error',
      findings: [{ messageId: '$internal', data: { message, fix: 'This is a bug in identity-golive; please report it with `--debug` output.' } }],
    };
  }
}

/**
 * A pass on the integration model needs every candidate file parsed: a file without a grammar
 * (Kotlin, Groovy, Scala) or past the parse guard may hold what the rule looks for. A failure stands.
 */
function unlessUnjudged(rule: AnyRule, result: Outcome, artifacts: Partial<Artifacts>): Outcome {
  if (result.status !== 'pass' || !rule.meta.sourceModel) return result;
  const unparsed = artifacts.Source?.ok ? (artifacts.Source.value.model?.unparsed ?? []) : [];
  if (unparsed.length === 0) return result;
  const files = unparsed.slice(0, 5).map((file) => `${file.file} (${file.reason})`).join(', ') + (unparsed.length > 5 ? ` and ${unparsed.length - 5} more` : '');
  return unavailable({
    kind: 'unparsed',
    message: `${unparsed.length} candidate file(s) could not be parsed, so this rule's evidence there was not judged: ${files}`,
    fix: 'Review those files by hand (no grammar is bundled for Kotlin, Groovy or Scala), or exclude generated or minified files with config `source.exclude`.',
  });
}

/** Missing evidence is never a pass: `skipped` when not applicable, `error` when broken. */
function unavailable(failure: GatherFailure): Outcome {
  return {
    status: isSkipFailure(failure) ? 'skipped' : 'error',
    findings: [{ messageId: '$unavailable', data: { message: failure.message, fix: failure.fix, kind: failure.kind } }],
  };
}

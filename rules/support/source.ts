// Reading the Source artifact from a rule: hits by pattern, production code only unless asked,
// neighbourhoods, and the identity-event recognition several rules share. Pure functions.
import { outcome, type Location, type Outcome } from '../../src/engine/rule.js';
import type { RestCall, SessionOperation } from '../../src/gather/source/model/types.js';
import type { SourcePattern } from '../../src/gather/source/patterns.js';
import type { SourceHit, SourceIndex } from '../../src/gather/source/types.js';
import { ArtifactUnavailable } from '../../src/engine/gathered.js';
import { MAX_HITS_PER_PATTERN, MAX_HITS_PER_PATTERN_PER_FILE } from '../../src/gather/source/limits.js';

export class Evidence {
  private readonly byPattern = new Map<string, SourceHit[]>();

  constructor(
    readonly index: SourceIndex,
    private readonly ruleId: string,
  ) {
    // A cap that cut this rule's evidence makes any verdict on the rest a guess.
    const cut = Object.entries(index.truncated).filter(([patternId]) => splitPatternId(patternId)[0] === ruleId);
    if (cut.length > 0) {
      const dropped = cut.reduce((sum, [, count]) => sum + count, 0);
      throw new ArtifactUnavailable({
        kind: 'truncated',
        message: `the scan kept at most ${MAX_HITS_PER_PATTERN_PER_FILE} matches per file and ${MAX_HITS_PER_PATTERN} in all for each pattern, and dropped ${dropped} of this rule's (${cut.map(([id]) => splitPatternId(id)[1]).join(', ')})`,
        fix: 'Exclude generated or minified files with config `source.exclude`, or point `source.include` at the server code.',
      });
    }
    for (const hit of index.hits) {
      const [owner, id] = splitPatternId(hit.patternId);
      if (owner !== ruleId) continue;
      const list = this.byPattern.get(id) ?? [];
      list.push(hit);
      this.byPattern.set(id, list);
    }
  }

  /** Hits in production code: test files are evidence of intent, not of behaviour. */
  prod(id: string): SourceHit[] {
    return (this.byPattern.get(id) ?? []).filter((hit) => !hit.inTest);
  }

  /** Every hit, tests included. */
  all(id: string): SourceHit[] {
    return this.byPattern.get(id) ?? [];
  }

  /** Only in tests: worth saying why it did not count. */
  onlyInTests(id: string): SourceHit[] {
    const all = this.all(id);
    return all.length > 0 && all.every((hit) => hit.inTest) ? all : [];
  }

  files(id: string): Set<string> {
    return new Set(this.prod(id).map((hit) => hit.file));
  }

  inFile(id: string, file: string): SourceHit[] {
    return this.prod(id).filter((hit) => hit.file === file);
  }

  /** Production hits in the same file within `before` lines above and `after` lines below `anchor`. */
  near(id: string, anchor: SourceHit, before: number, after: number): SourceHit[] {
    return this.inFile(id, anchor.file).filter((hit) => hit.line >= anchor.line - before && hit.line <= anchor.line + after);
  }
}

function splitPatternId(patternId: string): [string, string] {
  const slash = patternId.indexOf('/');
  return slash === -1 ? [patternId, ''] : [patternId.slice(0, slash), patternId.slice(slash + 1)];
}

export function at(hit: SourceHit): Location {
  return { file: hit.file, line: hit.line, column: hit.column };
}

/** `a.ts:3, b.py:9 (+2 more)`. */
export function where(hits: readonly SourceHit[], max = 3): string {
  const unique = [...new Map(hits.map((hit) => [`${hit.file}:${hit.line}`, hit])).keys()];
  const shown = unique.slice(0, max).join(', ');
  return unique.length > max ? `${shown} (+${unique.length - max} more)` : shown;
}

/**
 * The hit's code for a message (already masked by the scanner). Template-style `{{NAME}}` in code
 * is spaced out (`{ {NAME} }`) so a rendered message never looks like an unfilled placeholder.
 */
export function snippet(hit: SourceHit): string {
  const text = hit.snippet.length > 120 ? `${hit.snippet.slice(0, 119)}…` : hit.snippet;
  return text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
}

export const IDENTITY_EVENTS = ['verified', 'requires_input', 'canceled', 'redacted', 'processing', 'created'] as const;
export type IdentityEvent = (typeof IDENTITY_EVENTS)[number];

/** Patterns for recognising identity event handling, under fixed ids (`evt-*`). */
export const EVENT_PATTERNS: readonly SourcePattern[] = [
  { id: 'evt-dispatch', idiom: 'event.dispatch' },
  { id: 'evt-name', idiom: 'event.name' },
  { id: 'evt-constant', idiom: 'event.constant' },
  { id: 'evt-prefix', idiom: 'event.prefix' },
  { id: 'evt-suffix', idiom: 'event.suffix' },
  { id: 'evt-registration', idiom: 'event.registration' },
];

/** `RequiresInput`, `REQUIRES_INPUT`, `requires_input` -> `requires_input`. */
export function eventSuffix(capture: string | undefined): string {
  if (!capture) return '';
  if (/^[A-Z0-9_]+$/.test(capture)) return capture.toLowerCase();
  return capture.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export interface EventHandling {
  /** Files that dispatch on an event's type. */
  readonly dispatchFiles: ReadonlySet<string>;
  /** Each handled identity event, with where it was recognised. */
  readonly handled: ReadonlyMap<string, SourceHit>;
}

/**
 * An identity event counts as handled where a reviewer would see it: its full name, an SDK
 * constant, or the `identity.verification_session.` prefix and the suffix in one file (names built
 * by concatenation or templates). Files that only register endpoints (`enabled_events`) do not count.
 */
export function eventHandling(evidence: Evidence): EventHandling {
  const dispatchFiles = evidence.files('evt-dispatch');
  const registrationOnly = new Set([...evidence.files('evt-registration')].filter((file) => !dispatchFiles.has(file)));
  const handled = new Map<string, SourceHit>();
  const note = (suffix: string, hit: SourceHit): void => {
    if (!registrationOnly.has(hit.file) && !handled.has(suffix)) handled.set(suffix, hit);
  };
  for (const hit of [...evidence.prod('evt-name'), ...evidence.prod('evt-constant')]) note(eventSuffix(hit.capture), hit);
  const prefixFiles = evidence.files('evt-prefix');
  for (const hit of evidence.prod('evt-suffix')) if (prefixFiles.has(hit.file)) note(eventSuffix(hit.capture), hit);
  return { dispatchFiles, handled };
}

/** Session creations in production code: the SDK's (the rule's `create` hits) and the REST API's (the model). */
export function creations(evidence: Evidence, createId = 'create'): SourceHit[] {
  const rest = (evidence.index.model?.rest ?? []).filter((call) => call.operation === 'create' && !call.inTest).map(restHit);
  return [...evidence.prod(createId), ...rest];
}

/** The model's production REST calls of one operation, as hits (for `where` and `at`). */
export function restHits(index: SourceIndex, operation: SessionOperation): SourceHit[] {
  return (index.model?.rest ?? []).filter((call) => call.operation === operation && !call.inTest).map(restHit);
}

function restHit(call: RestCall): SourceHit {
  return { patternId: 'model/rest-create', file: call.file, line: call.at.line, column: call.at.column, snippet: call.at.code, language: call.language, inTest: call.inTest, scope: 'code' };
}

/**
 * What else counts as an integration: for rules that judge creation, only creations; for the others,
 * also the model's webhook handlers and REST calls, and the given hits (client code, event handling).
 */
export type IntegrationEvidence = 'creations only' | readonly SourceHit[];

/**
 * "No integration found" is not a verdict: with no session creation (SDK or REST) in production
 * code, a code rule has nothing to judge and ends in `error`, saying what was scanned and how to
 * point the scan at the server code. Null when there is an integration.
 */
export function noIntegration<M extends string>(messageId: M, index: SourceIndex, evidence: Evidence, also: IntegrationEvidence = 'creations only'): Outcome<M> | null {
  const createId = 'create';
  if (creations(evidence, createId).length > 0) return null;
  if (also !== 'creations only') {
    const model = index.model;
    // Identity evidence only: a Stripe webhook for Checkout or Billing is no Identity integration.
    const modelEvidence = model ? model.rest.some((call) => !call.inTest) || model.webhooks.some((handler) => !handler.inTest && handler.eventTypes.length > 0) : false;
    if (modelEvidence || also.length > 0) return null;
  }
  const inTests = [...evidence.all(createId).filter((hit) => hit.inTest), ...(index.model?.rest ?? []).filter((call) => call.inTest && call.operation === 'create').map(restHit)];
  const languages = Object.entries(index.languages)
    .map(([language, count]) => `${language} ${count}`)
    .join(', ');
  return outcome.of('error', {
    messageId,
    data: {
      files: index.filesScanned,
      languages: languages === '' ? 'no source files of the seven SDK languages' : `source files: ${languages}`,
      tests: inTests.length > 0 ? `; only tests create sessions (${where(inTests)})` : '',
    },
  });
}

/** The message that goes with `noIntegration`, for rules' `messages`. */
export const NO_INTEGRATION_MESSAGE = {
  text: 'No Stripe Identity integration found: none of the {{files}} scanned files ({{languages}}) creates a VerificationSession through the SDK or the REST API{{tests}}.',
  fix: 'Point --cwd at the server code that creates verification sessions, or list its directories in config `source.include` (the scan honours .gitignore and `source.exclude`).',
} as const;

/** What a sink hit's capture names: the session url, its client_secret, or verified data. */
export function sensitiveField(hit: SourceHit): 'url' | 'client_secret' | 'verified_outputs' | 'last_verification_report' {
  const capture = (hit.capture ?? '').toLowerCase();
  if (capture.includes('secret')) return 'client_secret';
  if (capture.includes('verified')) return 'verified_outputs';
  if (capture.includes('report')) return 'last_verification_report';
  return 'url';
}


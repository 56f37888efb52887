// https://docs.stripe.com/identity/before-going-live#limit-submission-attempts and
// https://docs.stripe.com/identity/verification-sessions#best-practices: reuse one session per user
// (it tracks failed attempts), pass an idempotency key, or count attempts yourself.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import type { SourceHit, SourceIndex } from '../src/gather/source/types.js';
import type { SessionFacts } from '../src/engine/artifacts.js';
import { at, Evidence, creations, NO_INTEGRATION_MESSAGE, noIntegration, where } from './support/source.js';
import { API_UNAVAILABLE_MESSAGE, apiEvidence, apiUnavailable } from './support/stripe.js';

type Id = 'guarded' | 'noIntegration' | 'unguarded' | 'apiWithinLimit' | 'apiTooMany' | 'apiUnavailable';

const BEFORE = 40;
const AFTER = 25;

/** Sessions per user reference, most first. */
export function sessionsPerReference(sessions: readonly SessionFacts[]): { masked: string; count: number }[] {
  const groups = new Map<string, { masked: string; count: number }>();
  for (const session of sessions) {
    if (session.clientReferenceDigest === null) continue;
    const group = groups.get(session.clientReferenceDigest) ?? { masked: session.clientReferenceMasked ?? '…', count: 0 };
    group.count += 1;
    groups.set(session.clientReferenceDigest, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/**
 * A lookup guards a creation when it runs in the creation's own function: a `retrieve` wrapper
 * defined next to a `create` wrapper (a trait, a service class) reuses nothing by itself. Where the
 * model does not place the creation in a function, nearness is all there is.
 */
function sameFunction(index: SourceIndex, create: SourceHit, lookup: SourceHit): boolean {
  const scopes = (index.model?.sessionScopes ?? []).filter((scope) => scope.file === create.file);
  const innermost = (hit: SourceHit) =>
    scopes.filter((scope) => scope.startLine <= hit.line && hit.line <= scope.endLine).sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
  const around = innermost(create);
  return around === undefined || around === innermost(lookup);
}

export default defineRule({
  meta: {
    id: 'attempts-limited',
    item: 'submission-attempts',
    title: 'Verification attempts per user are limited',
    failureTitle: 'Nothing limits how many verification sessions a user can start',
    neutralTitle: 'Limit on verification attempts per user',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#limit-submission-attempts',
    sourceModel: true,
    requiredArtifacts: ['Source', 'VerificationSessions', 'Config'],
    modes: ['live', 'test'],
    defaultSeverity: 'error',
    patterns: [
      { id: 'create', idiom: 'session.create' },
      { id: 'retrieve', idiom: 'session.retrieve' },
      { id: 'list', idiom: 'session.list' },
      { id: 'idempotency', idiom: 'session.idempotency-key' },
      { id: 'counter', idiom: 'attempts.counter' },
    ],
    messages: {
      guarded: 'Session creation is guarded ({{how}}).',
      noIntegration: NO_INTEGRATION_MESSAGE,
      unguarded: {
        text: "{{file}}:{{line}} creates a new VerificationSession on every request: no reuse of the user's existing session nearby, no idempotency key, no attempt counter.",
        fix: "Store the session id per user and retrieve it instead of creating a new one; pass an idempotency key derived from the user reference; and cap attempts (config maxAttemptsPerUser).",
      },
      apiWithinLimit: 'Stripe API ({{mode}} mode): at most {{max}} session(s) per user in the last {{days}} days (limit {{limit}}).',
      apiTooMany: {
        text: 'Stripe API ({{mode}} mode): users started more sessions than the limit of {{limit}} in the last {{days}} days: {{worst}}.',
        fix: 'Reuse the existing session for a returning user and refuse new ones past the limit; raise maxAttemptsPerUser in the config only if this volume is intended.',
      },
      apiUnavailable: API_UNAVAILABLE_MESSAGE,
    },
  },
  check({ Source, VerificationSessions, Config }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'attempts-limited');
    const missing = noIntegration('noIntegration', index, evidence);
    if (missing) return missing;
    const creates = creations(evidence);

    const findings: Finding<Id>[] = [];
    const guards = new Set<string>();
    for (const create of creates) {
      const how = [
        evidence.near('idempotency', create, BEFORE, AFTER).length > 0 ? 'an idempotency key' : null,
        [...evidence.near('retrieve', create, BEFORE, AFTER), ...evidence.near('list', create, BEFORE, AFTER)].some((lookup) => sameFunction(index, create, lookup)) ? "the user's existing session is looked up first" : null,
        evidence.inFile('counter', create.file).length > 0 ? 'an attempt counter' : null,
      ].filter((guard): guard is string => guard !== null);
      if (how.length === 0) findings.push({ messageId: 'unguarded', level: 'fail', data: { file: create.file, line: create.line }, location: at(create) });
      for (const guard of how) guards.add(guard);
    }
    if (guards.size > 0) findings.push({ messageId: 'guarded', level: 'info', data: { how: `${[...guards].join('; ')} at ${where(creates)}` } });

    const limit = Config.maxAttemptsPerUser;
    const api = apiEvidence(VerificationSessions);
    const unavailable = apiUnavailable('apiUnavailable', api);
    if (unavailable) findings.push(unavailable);
    for (const { mode, value } of api.available) {
      const groups = sessionsPerReference(value.sessions);
      const over = groups.filter((group) => group.count > limit);
      const data = { mode, limit, days: value.windowDays, max: groups[0]?.count ?? 0 };
      if (over.length === 0) findings.push({ messageId: 'apiWithinLimit', level: 'info', data });
      else {
        findings.push({
          messageId: 'apiTooMany',
          // Test mode is where developers retry the same fake user; live is real users.
          level: mode === 'live' ? 'fail' : 'warn',
          data: { ...data, worst: over.slice(0, 3).map((group) => `${group.masked} (${group.count})`).join(', ') + (over.length > 3 ? ` and ${over.length - 3} more` : '') },
        });
      }
    }
    return outcome.from(findings);
  },
});

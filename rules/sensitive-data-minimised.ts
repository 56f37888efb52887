// https://docs.stripe.com/identity/access-verification-results: keep only what you need. The
// client_secret and url are single-use credentials ("don't store it, log it"); verified outputs
// and reports are PII; metadata should hold no PII (verification-sessions#metadata).
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { at, Evidence, NO_INTEGRATION_MESSAGE, noIntegration, sensitiveField, snippet, where } from './support/source.js';
import { API_UNAVAILABLE_MESSAGE, apiEvidence, apiUnavailable } from './support/stripe.js';

type Id = 'minimised' | 'noIntegration' | 'logged' | 'stored' | 'emailed' | 'cached' | 'expanded' | 'apiMetadataClean' | 'apiMetadataPii' | 'apiUnavailable';

const SINKS = [
  ['log', 'logged'],
  ['store', 'stored'],
  ['email', 'emailed'],
  ['cache', 'cached'],
] as const;

export default defineRule({
  meta: {
    id: 'sensitive-data-minimised',
    item: 'sensitive-data',
    title: 'Verification data, client secrets and session links stay out of storage and logs',
    failureTitle: 'Sensitive verification data is stored or logged',
    neutralTitle: 'Verification data, client secrets and session links in storage and logs',
    docsUrl: 'https://docs.stripe.com/identity/access-verification-results',
    sourceModel: true,
    requiredArtifacts: ['Source', 'VerificationSessions'],
    modes: ['live', 'test'],
    defaultSeverity: 'error',
    patterns: [
      { id: 'create', idiom: 'session.create' },
      { id: 'expand', idiom: 'expand.sensitive' },
      { id: 'log', idiom: 'sink.log' },
      { id: 'store', idiom: 'sink.store' },
      { id: 'email', idiom: 'sink.email' },
      { id: 'cache', idiom: 'sink.cache' },
    ],
    messages: {
      minimised: 'No session link, client secret or verified data reaches a log, store, e-mail or cache in {{files}} scanned files.',
      noIntegration: NO_INTEGRATION_MESSAGE,
      logged: {
        text: '{{file}}:{{line}} logs the session {{field}}: `{{code}}`.',
        fix: 'Log the session id and status only; the client_secret and url are credentials, verified outputs are personal data.',
      },
      stored: {
        text: '{{file}}:{{line}} stores the session {{field}}: `{{code}}`.',
        fix: 'Store the VerificationSession id and status; retrieve the session when you need a fresh link, and keep verified data at Stripe.',
      },
      emailed: {
        text: '{{file}}:{{line}} sends the session {{field}} by e-mail: `{{code}}`.',
        fix: 'E-mail a link to your own page, which retrieves the session and redirects to a fresh url.',
      },
      cached: {
        text: '{{file}}:{{line}} caches the session {{field}}: `{{code}}`.',
        fix: 'Cache the session id only; links and client secrets are single-use.',
      },
      expanded: 'Expands {{paths}} ({{where}}); no store or log of it was found, keep it that way.',
      apiMetadataClean: 'Stripe API ({{mode}} mode): no session metadata value looked like personal data ({{total}} sessions).',
      apiMetadataPii: {
        text: 'Stripe API ({{mode}} mode): session metadata keys hold what looks like personal data: {{keys}}.',
        fix: "Stripe: don't store sensitive information (PII, ID numbers ...) in session metadata. Keep a user id there and the rest in your own systems.",
      },
      apiUnavailable: API_UNAVAILABLE_MESSAGE,
    },
  },
  check({ Source, VerificationSessions }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'sensitive-data-minimised');
    const missing = noIntegration('noIntegration', index, evidence);
    if (missing) return missing;

    const findings: Finding<Id>[] = [];
    for (const [pattern, messageId] of SINKS) {
      for (const hit of evidence.prod(pattern)) {
        // A response DTO's constructor (`this.clientSecret = clientSecret`) builds the answer; it stores nothing (issue #11 §3).
        if (pattern === 'store' && isConstructorCopy(hit.snippet)) continue;
        findings.push({ messageId, level: 'fail', data: { file: hit.file, line: hit.line, field: sensitiveField(hit), code: snippet(hit) }, location: at(hit) });
      }
    }
    // A whole session object logged, stored or cached carries its url and client_secret (issue #11 §5).
    const WHOLE = { log: 'logged', store: 'stored', cache: 'cached' } as const;
    for (const sink of (index.model?.sessionSinks ?? []).filter((candidate) => !candidate.inTest)) {
      findings.push({ messageId: WHOLE[sink.kind], level: 'fail', data: { file: sink.at.file, line: sink.at.line, field: 'object (url and client_secret included)', code: sink.at.code }, location: { file: sink.at.file, line: sink.at.line, column: sink.at.column } });
    }
    // Verified outputs reach a model through a variable: `outputs = vs.verified_outputs; profile.dob = outputs.dob`.
    for (const copy of (index.model?.verifiedCopies ?? []).filter((candidate) => !candidate.inTest)) {
      findings.push({ messageId: 'stored', level: 'fail', data: { file: copy.file, line: copy.at.line, field: 'verified_outputs', code: copy.at.code }, location: { file: copy.file, line: copy.at.line, column: copy.at.column } });
    }
    if (findings.length === 0) findings.push({ messageId: 'minimised', level: 'info', data: { files: index.filesScanned } });
    const expand = evidence.prod('expand');
    const verifiedDataLeaks =
      SINKS.some(([pattern]) => evidence.prod(pattern).some((hit) => sensitiveField(hit) !== 'url' && sensitiveField(hit) !== 'client_secret')) ||
      (index.model?.verifiedCopies ?? []).some((copy) => !copy.inTest);
    if (expand.length > 0 && !verifiedDataLeaks) {
      findings.push({ messageId: 'expanded', level: 'info', data: { paths: [...new Set(expand.map((hit) => hit.capture ?? ''))].join(', '), where: where(expand) }, location: at(expand[0]!) });
    }

    const api = apiEvidence(VerificationSessions);
    const unavailable = apiUnavailable('apiUnavailable', api);
    if (unavailable) findings.push(unavailable);
    for (const { mode, value } of api.available) {
      const keys = new Map<string, string>();
      for (const session of value.sessions) for (const { key, looksLike } of session.metadataKeys) if (looksLike) keys.set(key, looksLike);
      if (keys.size === 0) findings.push({ messageId: 'apiMetadataClean', level: 'info', data: { mode, total: value.sessions.length } });
      else findings.push({ messageId: 'apiMetadataPii', level: 'fail', data: { mode, keys: [...keys].map(([key, kind]) => `${key} (${kind.replace(/_/g, ' ')})`).join(', ') } });
    }
    return outcome.from(findings);
  },
});

/** `this.clientSecret = clientSecret;` / `this.url = url`: a field set from the same-named parameter. */
function isConstructorCopy(snippet: string): boolean {
  const text = snippet.trim().replace(/;$/, '');
  if (!text.startsWith('this.') || text.length > 120) return false;
  const [left, right, ...rest] = text.slice(5).split('=');
  return rest.length === 0 && left !== undefined && right !== undefined && left.trim() === right.trim() && /^\w+$/.test(left.trim());
}

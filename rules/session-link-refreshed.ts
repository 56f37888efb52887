// https://docs.stripe.com/identity/verification-sessions: the `url` "expires after 48 hours and can
// only be used once. Don't store it, log it, send it in emails"; when the user comes back, retrieve
// the session to get a fresh url or client_secret.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { at, Evidence, NO_INTEGRATION_MESSAGE, noIntegration, sensitiveField, snippet, where } from './support/source.js';
import { API_UNAVAILABLE_MESSAGE, apiEvidence, apiUnavailable } from './support/stripe.js';

type Id = 'refreshed' | 'modal' | 'noIntegration' | 'usedAtOnce' | 'linkStored' | 'linkEmailed' | 'linkCached' | 'linkLogged' | 'apiFresh' | 'apiExpired' | 'apiUnavailable';

const LINK_LIFETIME_SECONDS = 48 * 60 * 60;

export default defineRule({
  meta: {
    id: 'session-link-refreshed',
    item: 'session-link-expiry',
    title: 'Users returning to a verification get a fresh link',
    failureTitle: 'Verification links are kept or reused after they expire',
    neutralTitle: 'Fresh verification links for returning users',
    docsUrl: 'https://docs.stripe.com/identity/verification-sessions',
    sourceModel: true,
    requiredArtifacts: ['Source', 'VerificationSessions'],
    modes: ['live', 'test'],
    defaultSeverity: 'error',
    patterns: [
      { id: 'create', idiom: 'session.create' },
      { id: 'retrieve', idiom: 'session.retrieve' },
      { id: 'url', idiom: 'session.url' },
      { id: 'client-secret', idiom: 'session.client-secret' },
      { id: 'store', idiom: 'sink.store' },
      { id: 'email', idiom: 'sink.email' },
      { id: 'cache', idiom: 'sink.cache' },
      { id: 'log', idiom: 'sink.log' },
    ],
    messages: {
      refreshed: 'The redirect url is used ({{urls}}) and the session is retrieved for a fresh one ({{retrieves}}).',
      modal: 'The integration uses the client_secret (modal), not the redirect url ({{where}}).',
      noIntegration: NO_INTEGRATION_MESSAGE,
      usedAtOnce: 'The redirect url is used in the request that creates the session ({{where}}) and kept nowhere: the link is fresh when used.',
      linkStored: {
        text: '{{file}}:{{line}} stores the session link: `{{code}}`.',
        fix: 'Store the session id; the url is single-use and expires 48 h after creation.',
      },
      linkEmailed: {
        text: '{{file}}:{{line}} e-mails the session link: `{{code}}`.',
        fix: 'E-mail a link to your own page that retrieves the session and redirects to a fresh url.',
      },
      linkCached: {
        text: '{{file}}:{{line}} caches the session link: `{{code}}`.',
        fix: 'Cache the session id, and retrieve the session for a fresh url.',
      },
      linkLogged: {
        text: '{{file}}:{{line}} logs the session link, where anyone reading the logs can use it later: `{{code}}`.',
        fix: 'Log the session id, never its url.',
      },
      apiFresh: 'Stripe API ({{mode}} mode): no requires_input session is older than 48 h.',
      apiExpired: {
        text: 'Stripe API ({{mode}} mode): {{count}} requires_input session(s) are older than 48 h, so their original links have expired (e.g. {{examples}}).',
        fix: 'Make sure users resuming these sessions get a fresh url by retrieving the session, or cancel sessions you will not resume.',
      },
      apiUnavailable: API_UNAVAILABLE_MESSAGE,
    },
  },
  check({ Source, VerificationSessions }, ctx) {
    const index = use(Source);
    const evidence = new Evidence(index, 'session-link-refreshed');
    const missing = noIntegration('noIntegration', index, evidence);
    if (missing) return missing;

    const findings: Finding<Id>[] = [];
    // A link fails only where it outlives the request (issue #11 §3): stored, e-mailed, cached, logged.
    for (const [pattern, messageId] of [['store', 'linkStored'], ['email', 'linkEmailed'], ['cache', 'linkCached'], ['log', 'linkLogged']] as const) {
      for (const hit of evidence.prod(pattern).filter((sink) => sensitiveField(sink) === 'url')) {
        findings.push({ messageId, level: 'fail', data: { file: hit.file, line: hit.line, code: snippet(hit) }, location: at(hit) });
      }
    }
    const WHOLE = { log: 'linkLogged', store: 'linkStored', cache: 'linkCached' } as const;
    for (const sink of (index.model?.sessionSinks ?? []).filter((candidate) => !candidate.inTest)) {
      findings.push({ messageId: WHOLE[sink.kind], level: 'fail', data: { file: sink.at.file, line: sink.at.line, code: sink.at.code }, location: { file: sink.at.file, line: sink.at.line, column: sink.at.column } });
    }
    const urls = evidence.prod('url');
    const retrieves = evidence.prod('retrieve');
    if (urls.length > 0 && retrieves.length === 0) findings.push({ messageId: 'usedAtOnce', level: 'info', data: { where: where(urls) }, location: at(urls[0]!) });
    else if (urls.length > 0) findings.push({ messageId: 'refreshed', level: 'info', data: { urls: where(urls, 2), retrieves: where(retrieves, 2) } });
    else findings.push({ messageId: 'modal', level: 'info', data: { where: where(evidence.prod('client-secret').length > 0 ? evidence.prod('client-secret') : evidence.prod('create'), 2) } });

    const api = apiEvidence(VerificationSessions);
    const unavailable = apiUnavailable('apiUnavailable', api);
    if (unavailable) findings.push(unavailable);
    const now = Math.floor(ctx.now / 1000);
    for (const { mode, value } of api.available) {
      const expired = value.sessions.filter((session) => session.status === 'requires_input' && now - session.created > LINK_LIFETIME_SECONDS);
      if (expired.length === 0) findings.push({ messageId: 'apiFresh', level: 'info', data: { mode } });
      else findings.push({ messageId: 'apiExpired', level: 'warn', data: { mode, count: expired.length, examples: expired.slice(0, 3).map((session) => session.id).join(', ') }, location: { stripe: expired[0]!.id } });
    }
    return outcome.from(findings);
  },
});

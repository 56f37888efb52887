// https://docs.stripe.com/identity/verify-identity-documents: create the session server-side and
// "add authentication to this endpoint by including a user reference" (client_reference_id,
// related_customer, or a user id in metadata), from the signed-in user, never a literal.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import type { SessionFacts } from '../src/engine/artifacts.js';
import { at, Evidence, creations, NO_INTEGRATION_MESSAGE, noIntegration, snippet, where } from './support/source.js';
import { API_UNAVAILABLE_MESSAGE, apiEvidence, apiUnavailable } from './support/stripe.js';

type Id = 'referenced' | 'noIntegration' | 'noReference' | 'requestReference' | 'placeholderReference' | 'clientSide' | 'apiReferenced' | 'apiUnreferenced' | 'apiUnavailable';

/** Lines around a create call where its parameters are built (builders, option objects, dicts). */
const BEFORE = 40;
const AFTER = 25;
const USER_METADATA_KEY = /^(?:user_?id|userid|user|uid|account_?id|accountid|customer_?id|customerid|member_?id|memberid)$/i;

export function unreferenced(sessions: readonly SessionFacts[]): SessionFacts[] {
  return sessions.filter((session) => session.clientReferenceDigest === null && !session.hasRelatedCustomer && !session.metadataKeys.some(({ key }) => USER_METADATA_KEY.test(key)));
}

export default defineRule({
  meta: {
    id: 'user-authenticated',
    item: 'user-authentication',
    title: 'Every verification session is tied to the signed-in user',
    failureTitle: 'Verification sessions are created without a user reference',
    neutralTitle: 'Tying verification sessions to the signed-in user',
    docsUrl: 'https://docs.stripe.com/identity/verify-identity-documents',
    sourceModel: true,
    requiredArtifacts: ['Source', 'VerificationSessions'],
    modes: ['live', 'test'],
    defaultSeverity: 'error',
    patterns: [
      { id: 'create', idiom: 'session.create' },
      { id: 'reference', idiom: 'session.reference' },
      { id: 'related-customer', idiom: 'session.related-customer' },
      { id: 'metadata-user', idiom: 'session.metadata-user' },
      { id: 'placeholder', idiom: 'session.placeholder-reference' },
      { id: 'client-side', idiom: 'client.side' },
      // The reference read straight from what the caller sent (issue #11 §5), and signs of authentication.
      {
        id: 'request-reference',
        regex: /\bclient_reference_id['"]?\s*(?::|=>?)\s*(?:(?:req|request|ctx\.request)\.(?:body|query|params)\b|request\.(?:json|form|args|data|POST|GET)\b|params\[|\$_(?:POST|GET|REQUEST)\b|\$request->(?:input|get|post|query)\s*\()/,
      },
      {
        id: 'auth',
        regex: /\b(?:requireAuth\w*|isAuthenticated|authenticate\w*|ensureLoggedIn|login_required|LoginRequiredMixin|UseGuards|Authorize|authenticate_user!|current_user|req\.user|request\.user|PreAuthorize|AuthenticationPrincipal|RequireAuthorization|passport|getServerSession|auth\(\)|is_user_logged_in|get_current_user_id|Depends\(get_current_user)/,
      },
    ],
    messages: {
      referenced: '{{count}} session creation call(s) set a user reference ({{where}}).',
      noIntegration: NO_INTEGRATION_MESSAGE,
      noReference: {
        text: '{{file}}:{{line}} creates a VerificationSession with no client_reference_id, related_customer or user id in metadata.',
        fix: "Set client_reference_id to the signed-in user's id (server-side, from the session/auth token), so each verification is tied to an authenticated user.",
      },
      requestReference: {
        text: '{{file}}:{{line}} takes the user reference from the request, on code with no sign of authentication: any caller can name any user: `{{code}}`.',
        fix: "Authenticate the route and set client_reference_id from the signed-in user (req.user.id, request.user.pk, current_user.id), never from the request body.",
      },
      placeholderReference: {
        text: '{{file}}:{{line}} sets the user reference from a literal, not from the signed-in user: `{{code}}`.',
        fix: "Replace the placeholder with the authenticated user's id (e.g. req.user.id, request.user.pk, current_user.id).",
      },
      clientSide: {
        text: '{{file}}:{{line}} creates the session in client-side code ("use client"): a user could change its options.',
        fix: 'Create VerificationSessions on the server, behind authentication, and pass only the client_secret or url to the browser.',
      },
      apiReferenced: 'Stripe API ({{mode}} mode): all {{total}} recent sessions carry a user reference.',
      apiUnreferenced: {
        text: 'Stripe API ({{mode}} mode): {{count}} of {{total}} recent sessions ({{share}}%) have no client_reference_id, related_customer or user metadata, e.g. {{examples}}.',
        fix: 'Find where these sessions come from (a verification-flow static link? an old endpoint?) and attach the user reference there.',
      },
      apiUnavailable: API_UNAVAILABLE_MESSAGE,
    },
  },
  check({ Source, VerificationSessions }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'user-authenticated');
    const missing = noIntegration('noIntegration', index, evidence);
    if (missing) return missing;
    const creates = creations(evidence);

    const findings: Finding<Id>[] = [];
    const clientSideFiles = evidence.files('client-side');
    const referenced = creates.filter((create) => {
      const location = { data: { file: create.file, line: create.line, code: snippet(create) }, location: at(create) };
      if (clientSideFiles.has(create.file)) findings.push({ messageId: 'clientSide', level: 'fail', ...location });
      const placeholders = evidence.near('placeholder', create, BEFORE, AFTER);
      const placeholderLines = new Set(placeholders.map((hit) => hit.line));
      const references = [...evidence.near('reference', create, BEFORE, AFTER), ...evidence.near('related-customer', create, BEFORE, AFTER)];
      // A metadata block is real unless a placeholder sits in its first lines.
      const metadata = evidence.near('metadata-user', create, BEFORE, AFTER).filter((hit) => !placeholders.some((p) => p.line >= hit.line && p.line <= hit.line + 6));
      const real = [...references.filter((hit) => !placeholderLines.has(hit.line)), ...metadata];
      const fromRequest = evidence.near('request-reference', create, BEFORE, AFTER)[0];
      if (fromRequest && evidence.inFile('auth', create.file).length === 0) {
        findings.push({ messageId: 'requestReference', level: 'fail', data: { file: fromRequest.file, line: fromRequest.line, code: snippet(fromRequest) }, location: at(fromRequest) });
        return false;
      }
      if (real.length > 0) return true;
      if (placeholders.length > 0) {
        const placeholder = placeholders[0]!;
        findings.push({ messageId: 'placeholderReference', level: 'fail', data: { file: placeholder.file, line: placeholder.line, code: snippet(placeholder) }, location: at(placeholder) });
      } else findings.push({ messageId: 'noReference', level: 'fail', ...location });
      return false;
    });
    if (referenced.length > 0) findings.push({ messageId: 'referenced', level: 'info', data: { count: referenced.length, where: where(referenced) } });

    const api = apiEvidence(VerificationSessions);
    const unavailable = apiUnavailable('apiUnavailable', api);
    if (unavailable) findings.push(unavailable);
    for (const { mode, value } of api.available) {
      const total = value.sessions.length;
      const missing = unreferenced(value.sessions);
      if (missing.length === 0) {
        findings.push({ messageId: 'apiReferenced', level: 'info', data: { mode, total } });
        continue;
      }
      findings.push({
        messageId: 'apiUnreferenced',
        // Test-mode sessions are often made by hand while building; live ones are real users.
        level: mode === 'live' ? 'fail' : 'warn',
        data: { mode, count: missing.length, total, share: Math.round((missing.length / total) * 100), examples: missing.slice(0, 3).map((session) => session.id).join(', ') },
        location: { stripe: missing[0]!.id },
      });
    }
    return outcome.from(findings);
  },
});

// stripe-python: `stripe.identity.VerificationSession.create(...)` (resources) and
// `StripeClient(...).identity.verification_sessions.create(...)` (services, also under `.v1`).
// Names from stripe/stripe-python stripe/identity/_verification_session.py, _stripe_client.py, _webhook.py.
import type { LanguageSpec } from './spec.js';

const USER_KEY = String.raw`(?:user_?id|userId|user|uid|account_?id|customer_?id|member_?id)`;
const VERIFY = String.raw`construct_event|verify_header`;

export const python: LanguageSpec = {
  id: 'python',
  extensions: ['.py', '.pyi'],
  manifests: [/^requirements.*\.txt$/, 'pyproject.toml', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'setup.py', 'setup.cfg', 'uv.lock'],
  typing: 'dynamic',
  lexer: { lineComments: ['#'], blockComments: [], quotes: ["'", '"'], tripleQuotes: ['"""', "'''"], bareTripleQuoteIsComment: true },
  idioms: {
    'session.create': [/\bVerificationSession\.create(?:_async)?\s*\(/, /\bverification_sessions\.create(?:_async)?\s*\(/],
    'session.retrieve': [/\bVerificationSession\.retrieve(?:_async)?\s*\(/, /\bverification_sessions\.retrieve(?:_async)?\s*\(/],
    'session.cancel': [/\bVerificationSession\.cancel(?:_async)?\s*\(/, /\bverification_sessions\.cancel(?:_async)?\s*\(/, /(?:session|\bvs)\w*\.cancel(?:_async)?\s*\(/],
    'session.redact': [/\bVerificationSession\.redact(?:_async)?\s*\(/, /\bverification_sessions\.redact(?:_async)?\s*\(/, /(?:session|\bvs)\w*\.redact(?:_async)?\s*\(/],
    'session.list': [/\bVerificationSession\.list(?:_async)?\s*\(/, /\bverification_sessions\.list(?:_async)?\s*\(/],
    'session.reference': [/\bclient_reference_id\s*=(?!=)/, /['"]client_reference_id['"]\s*:/],
    'session.related-customer': [/\brelated_customer\s*=(?!=)/, /['"]related_customer['"]\s*:/],
    'session.metadata-user': [new RegExp(String.raw`\bmetadata\s*[=:]\s*(?:\{[^}]*['"]${USER_KEY}['"]\s*:|dict\s*\([^)]*\b${USER_KEY}\s*=)`), new RegExp(String.raw`['"]metadata['"]\s*:\s*\{[^}]*['"]${USER_KEY}['"]\s*:`)],
    'session.placeholder-reference': [
      /\bclient_reference_id\s*=\s*(?:'[^'\n]*'|"[^"\n]*")/,
      new RegExp(String.raw`['"](?:client_reference_id|${USER_KEY})['"]\s*:\s*(?:'[^'\n]*'|"[^"\n]*")`),
    ],
    'session.idempotency-key': [/\bidempotency_key\s*[=:]/, /['"]idempotency_key['"]/],
    'client.construct': [/\bStripeClient\s*\(/, /\bstripe\.api_key\s*=/],
    'client.api-version': [
      /\bstripe\.api_version\s*=\s*['"]([^'"]+)['"]/,
      /\bstripe_version\s*=\s*['"]([^'"]+)['"]/,
      // From a settings constant (`settings.STRIPE_API_VERSION`): pinned where the constant is defined.
      /\bstripe\.api_version\s*=\s*((?:settings|config|conf|app\.config)\.[A-Z][A-Z0-9_]{2,}|[A-Z][A-Z0-9_]{2,})\b/,
    ],
    'webhook.verify': [new RegExp(String.raw`\b(?:${VERIFY})\s*\(`)],
    'manifest.sdk': [
      /^\s*stripe\s*((?:[=<>~!]=?|===)\s*[^\s#;,]+)?\s*(?:#.*)?$/m,
      /['"]stripe\s*((?:[=<>~!]=?|===)[^'"]*)?['"]/,
      /^\s*stripe\s*=\s*['"]([^'"]+)['"]/m,
      /name\s*=\s*"stripe"\s*\r?\nversion\s*=\s*"([^"]+)"/,
      /"stripe"\s*:\s*\{[^}]*"version"\s*:\s*"([^"]+)"/,
    ],
  },
};

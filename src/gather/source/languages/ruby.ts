// stripe-ruby: `Stripe::Identity::VerificationSession.create(...)` and
// `Stripe::StripeClient.new(...).v1.identity.verification_sessions.create(...)`.
// Names from stripe/stripe-ruby lib/stripe/resources/identity/verification_session.rb and webhook.rb.
import type { LanguageSpec } from './spec.js';

const USER_KEY = String.raw`(?:user_?id|user|uid|account_?id|customer_?id|member_?id)`;

export const ruby: LanguageSpec = {
  id: 'ruby',
  extensions: ['.rb', '.rake', '.ru'],
  manifests: ['Gemfile', 'Gemfile.lock', /\.gemspec$/],
  typing: 'dynamic',
  lexer: { lineComments: ['#'], blockComments: [], quotes: ["'", '"'], multilineQuotes: true, heredocs: 'ruby', rubyBlockComments: true },
  idioms: {
    'session.create': [/\bIdentity::VerificationSession\.create\b/, /\bverification_sessions\.create\b/],
    'session.retrieve': [/\bIdentity::VerificationSession\.retrieve\b/, /\bverification_sessions\.retrieve\b/],
    'session.cancel': [/\bIdentity::VerificationSession\.cancel\b/, /\bverification_sessions\.cancel\b/, /(?:session|\bvs)\w*\.cancel\b/],
    'session.redact': [/\bIdentity::VerificationSession\.redact\b/, /\bverification_sessions\.redact\b/, /(?:session|\bvs)\w*\.redact\b/],
    'session.list': [/\bIdentity::VerificationSession\.list\b/, /\bverification_sessions\.list\b/],
    'session.reference': [/\bclient_reference_id:\s/, /[:'"]client_reference_id['"]?\s*=>/],
    'session.related-customer': [/\brelated_customer:\s/, /[:'"]related_customer['"]?\s*=>/],
    'session.metadata-user': [new RegExp(String.raw`\bmetadata:\s*\{[^}]*\b${USER_KEY}(?::\s|['"]?\s*=>)`)],
    'session.placeholder-reference': [new RegExp(String.raw`\b(?:client_reference_id|${USER_KEY})(?::|['"]?\s*=>)\s*(?:'[^'\n]*'|"(?:[^"#\n]|#(?!\{))*")`)],
    'session.idempotency-key': [/\bidempotency_key:/, /['"]Idempotency-Key['"]/i],
    'client.construct': [/\bStripe\.api_key\s*=/, /\bStripe::StripeClient\.new\b/],
    'client.api-version': [/\bStripe\.api_version\s*=\s*['"]([^'"]+)['"]/, /\bstripe_version:\s*['"]([^'"]+)['"]/],
    'webhook.verify': [/\bWebhook\.construct_event\b/, /\bconstruct_event\b/, /\bverify_header\b/],
    'manifest.sdk': [/^\s*gem\s+['"]stripe['"](?:\s*,\s*['"]([^'"]+)['"])?/m, /^\s{4}stripe \(([^)]+)\)/m],
  },
};

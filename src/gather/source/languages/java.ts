// stripe-java (also used from Kotlin): `VerificationSession.create(params)` (static) and
// `client.v1().identity().verificationSessions().create(params)` (StripeClient). Names from
// stripe/stripe-java com/stripe/service/identity/VerificationSessionService.java and net/Webhook.java.
import type { LanguageSpec } from './spec.js';

const USER_KEY = String.raw`(?:user_?id|userId|user|uid|account_?id|customer_?id|member_?id)`;
const SESSIONS = /\bVerificationSession\b/;

export const java: LanguageSpec = {
  id: 'java',
  extensions: ['.java', '.kt', '.kts', '.groovy', '.scala'],
  manifests: ['pom.xml', 'build.gradle', 'build.gradle.kts', 'gradle.lockfile', 'libs.versions.toml'],
  typing: 'typed',
  lexer: { lineComments: ['//'], blockComments: [['/*', '*/']], quotes: ['"', "'"], tripleQuotes: ['"""'] },
  idioms: {
    'session.create': [/\bVerificationSession\.create\s*\(/, /\.verificationSessions\(\)\s*\.create\s*\(/],
    'session.retrieve': [/\bVerificationSession\.retrieve\s*\(/, /\.verificationSessions\(\)\s*\.retrieve\s*\(/],
    'session.cancel': [/\.verificationSessions\(\)\s*\.cancel\s*\(/, { regex: /(?:[sS]ession|\bvs)\w*\.cancel\s*\(/, fileMustMatch: SESSIONS }],
    'session.redact': [/\.verificationSessions\(\)\s*\.redact\s*\(/, /\bVerificationSession\.retrieve\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*\.redact\s*\(/, { regex: /(?:[sS]ession|\bvs)\w*\.redact\s*\(/, fileMustMatch: SESSIONS }],
    'session.list': [/\bVerificationSession\.list\s*\(/, /\.verificationSessions\(\)\s*\.list\s*\(/],
    'session.reference': [/\.setClientReferenceId\s*\(/],
    'session.related-customer': [/\.setRelatedCustomer\s*\(/],
    'session.metadata-user': [new RegExp(String.raw`\.putMetadata\s*\(\s*"${USER_KEY}"`)],
    'session.placeholder-reference': [/\.setClientReferenceId\s*\(\s*"[^"]*"\s*\)/, new RegExp(String.raw`\.putMetadata\s*\(\s*"${USER_KEY}"\s*,\s*"[^"]*"\s*\)`)],
    'session.idempotency-key': [/\.setIdempotencyKey\s*\(/],
    'client.construct': [/\bStripe\.apiKey\s*=/, /\bnew\s+StripeClient\s*\(/, /\bStripeClient\.builder\s*\(/],
    'webhook.verify': [/\bWebhook\.constructEvent\s*\(/, /\bWebhook\.Signature\.verifyHeader\s*\(/, /\.constructEvent\s*\(/],
    'manifest.sdk': [
      /<artifactId>\s*stripe-java\s*<\/artifactId>\s*(?:<version>\s*([^<]*?)\s*<\/version>)?/,
      /['"]com\.stripe:stripe-java:([^'"\s]+)['"]/,
      /\bname:\s*['"]stripe-java['"]\s*,\s*version:\s*['"]([^'"]+)['"]/,
      /^com\.stripe:stripe-java:([^=\s]+)/m,
      // The version through a Maven property: `<stripe.version>28.0.0</stripe.version>` read by `${stripe.version}`.
      /<stripe[\w.-]*version>\s*(\d[^<]*?)\s*<\/stripe[\w.-]*version>/,
    ],
  },
};

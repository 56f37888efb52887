// stripe-go: `verificationsession.New(params)` (package functions, deprecated) and
// `sc.V1IdentityVerificationSessions.Create(ctx, params)` (stripe.Client). Names from
// stripe/stripe-go identity/verificationsession/client.go, webhook/client.go, event.go.
import type { LanguageSpec } from './spec.js';

const USER_KEY = String.raw`(?:user_?id|userId|user|uid|account_?id|customer_?id|member_?id)`;
const VERIFY = String.raw`ConstructEvent\w*|ValidatePayload\w*`;

export const go: LanguageSpec = {
  id: 'go',
  extensions: ['.go'],
  manifests: ['go.mod'],
  typing: 'typed',
  lexer: { lineComments: ['//'], blockComments: [['/*', '*/']], quotes: ['"', "'"], rawBackticks: true },
  idioms: {
    'session.create': [/\bverificationsession\.New\s*\(/, /\.V1IdentityVerificationSessions\.Create\s*\(/, /\.IdentityVerificationSessions\.New\s*\(/],
    'session.retrieve': [/\bverificationsession\.Get\s*\(/, /\.V1IdentityVerificationSessions\.Retrieve\s*\(/, /\.IdentityVerificationSessions\.Get\s*\(/],
    'session.cancel': [/\bverificationsession\.Cancel\s*\(/, /\.V1IdentityVerificationSessions\.Cancel\s*\(/, /\.IdentityVerificationSessions\.Cancel\s*\(/],
    'session.redact': [/\bverificationsession\.Redact\s*\(/, /\.V1IdentityVerificationSessions\.Redact\s*\(/, /\.IdentityVerificationSessions\.Redact\s*\(/],
    'session.list': [/\bverificationsession\.List\s*\(/, /\.V1IdentityVerificationSessions\.List\s*\(/, /\.IdentityVerificationSessions\.List\s*\(/],
    'session.reference': [/\bClientReferenceID\s*:/, /\.ClientReferenceID\s*=(?!=)/],
    'session.related-customer': [/\bRelatedCustomer\s*:/, /\.RelatedCustomer\s*=(?!=)/],
    'session.metadata-user': [new RegExp(String.raw`\.AddMetadata\s*\(\s*"${USER_KEY}"`), new RegExp(String.raw`\bMetadata\s*:\s*map\[string\]string\s*\{[^}]*"${USER_KEY}"\s*:`)],
    'session.placeholder-reference': [
      /\bClientReferenceID\s*:\s*stripe\.String\s*\(\s*"[^"]*"\s*\)/,
      new RegExp(String.raw`\.AddMetadata\s*\(\s*"${USER_KEY}"\s*,\s*"[^"]*"\s*\)`),
    ],
    'session.idempotency-key': [/\bIdempotencyKey\s*[:=]/, /\.SetIdempotencyKey\s*\(/],
    'client.construct': [/\bstripe\.NewClient\s*\(/, /\bstripe\.Key\s*=/, /\bclient\.New\s*\(/],
    'webhook.verify': [new RegExp(String.raw`\b(?:webhook|stripe)\.(?:${VERIFY})\s*\(`), /\.ConstructEvent\s*\(/],
    'event.constant': [/\bEventTypeIdentityVerificationSession([A-Z]\w*)\b/],
    'last-error.fallback-code': [/\bIdentityVerificationSessionLastErrorCode(ConsentDeclined|UnderSupportedAge|DeviceNotSupported|CountryNotSupported)\b/],
    'manifest.sdk': [/\bgithub\.com\/stripe\/stripe-go(?:\/v\d+)?\s+(v[^\s]+)/],
  },
};

// Stripe.net: `new VerificationSessionService().Create(options)` and
// `client.V1.Identity.VerificationSessions.Create(options)`. Names from stripe/stripe-dotnet
// Services/Identity/VerificationSessions/VerificationSessionService.cs and Services/Events/EventUtility.cs.
import type { LanguageSpec } from './spec.js';

const USER_KEY = String.raw`(?:user_?id|userId|UserId|user|uid|account_?id|customer_?id|member_?id)`;
const SERVICE = /\bVerificationSessionService\b/;

export const dotnet: LanguageSpec = {
  id: 'dotnet',
  extensions: ['.cs', '.csx'],
  manifests: [/\.(?:cs|vb|fs)proj$/, 'Directory.Packages.props', 'packages.config', 'packages.lock.json'],
  typing: 'typed',
  lexer: { lineComments: ['//'], blockComments: [['/*', '*/']], quotes: ['"', "'"], tripleQuotes: ['"""'], verbatimStrings: true },
  idioms: {
    'session.create': [/\bVerificationSessions\.Create(?:Async)?\s*\(/, /\bnew\s+(?:Stripe\.Identity\.)?VerificationSessionCreateOptions\b/],
    'session.retrieve': [/\bVerificationSessions\.Get(?:Async)?\s*\(/, { regex: /[sS]ervice\w*\.Get(?:Async)?\s*\(/, fileMustMatch: SERVICE }],
    'session.cancel': [/\bVerificationSessions\.Cancel(?:Async)?\s*\(/, { regex: /[sS]ervice\w*\.Cancel(?:Async)?\s*\(/, fileMustMatch: SERVICE }],
    'session.redact': [/\bVerificationSessions\.Redact(?:Async)?\s*\(/, /\bVerificationSessionService\s*\([^()]*\)\s*\.Redact(?:Async)?\s*\(/, { regex: /[sS]ervice\w*\.Redact(?:Async)?\s*\(/, fileMustMatch: SERVICE }],
    'session.list': [/\bVerificationSessions\.List(?:Async|AutoPaging\w*)?\s*\(/, { regex: /[sS]ervice\w*\.List(?:Async|AutoPaging\w*)?\s*\(/, fileMustMatch: SERVICE }],
    'session.reference': [/\bClientReferenceId\s*=(?!=)/],
    'session.related-customer': [/\bRelatedCustomer\s*=(?!=)/],
    'session.metadata-user': [new RegExp(String.raw`\bMetadata\s*=\s*new\s*(?:Dictionary<string,\s*string>)?\s*(?:\(\s*\))?\s*\{[^;]*"${USER_KEY}"`)],
    'session.placeholder-reference': [/\bClientReferenceId\s*=\s*"[^"]*"\s*(?=[,;}\r\n])/, new RegExp(String.raw`\{\s*"${USER_KEY}"\s*,\s*"[^"]*"\s*\}`)],
    'session.idempotency-key': [/\bIdempotencyKey\s*=(?!=)/],
    'client.construct': [/\bStripeConfiguration\.ApiKey\s*=/, /\bnew\s+StripeClient\s*\(/],
    'webhook.verify': [/\bEventUtility\.ConstructEvent\s*\(/, /\bEventUtility\.ValidateSignature\s*\(/, /\.ConstructEvent\s*\(/],
    'event.constant': [/\b(?:EventTypes|Events)\.IdentityVerificationSession([A-Z]\w*)\b/],
    'manifest.sdk': [
      /<PackageReference\s+Include\s*=\s*"Stripe\.net"(?:\s+Version\s*=\s*"([^"]*)")?/i,
      /<PackageVersion\s+Include\s*=\s*"Stripe\.net"\s+Version\s*=\s*"([^"]*)"/i,
      /<package\s+id\s*=\s*"Stripe\.net"\s+version\s*=\s*"([^"]*)"/i,
      /"Stripe\.net"\s*:\s*\{[^}]*"resolved"\s*:\s*"([^"]+)"/,
    ],
  },
};

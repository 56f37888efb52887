// stripe-php: `$stripe->identity->verificationSessions->create([...])` (StripeClient) and
// `\Stripe\Identity\VerificationSession::create([...])`. Names from stripe/stripe-php
// lib/Service/Identity/VerificationSessionService.php, lib/Webhook.php, lib/WebhookSignature.php.
import type { LanguageSpec } from './spec.js';

const USER_KEY = String.raw`(?:user_?id|userId|user|uid|account_?id|customer_?id|member_?id)`;

export const php: LanguageSpec = {
  id: 'php',
  extensions: ['.php', '.phtml'],
  manifests: ['composer.json', 'composer.lock'],
  typing: 'dynamic',
  lexer: { lineComments: ['//', '#'], blockComments: [['/*', '*/']], quotes: ["'", '"'], multilineQuotes: true, heredocs: 'php', hashBracketIsCode: true },
  idioms: {
    'session.create': [/->identity->verificationSessions->create\s*\(/, /\bVerificationSession::create\s*\(/],
    'session.retrieve': [/->identity->verificationSessions->retrieve\s*\(/, /\bVerificationSession::retrieve\s*\(/],
    'session.cancel': [/->identity->verificationSessions->cancel\s*\(/, /(?:[sS]ession|\$vs)\w*->cancel\s*\(/],
    'session.redact': [/->identity->verificationSessions->redact\s*\(/, /(?:[sS]ession|\$vs)\w*->redact\s*\(/],
    'session.list': [/->identity->verificationSessions->all\s*\(/, /\bVerificationSession::all\s*\(/],
    'session.reference': [/['"]client_reference_id['"]\s*=>/],
    'session.related-customer': [/['"]related_customer['"]\s*=>/],
    'session.metadata-user': [new RegExp(String.raw`['"]metadata['"]\s*=>\s*(?:\[|array\s*\()[^\])]*['"]${USER_KEY}['"]\s*=>`)],
    'session.placeholder-reference': [new RegExp(String.raw`['"](?:client_reference_id|${USER_KEY})['"]\s*=>\s*(?:'[^'\n]*'|"[^"$\n]*")`)],
    'session.idempotency-key': [/['"]idempotency_key['"]\s*=>/],
    'client.construct': [/\bnew\s+\\?(?:Stripe\\)?StripeClient\s*\(/, /\bStripe::setApiKey\s*\(/],
    'client.api-version': [/\bStripe::setApiVersion\s*\(\s*['"]([^'"]+)['"]/, /['"]stripe_version['"]\s*=>\s*['"]([^'"]+)['"]/],
    'webhook.verify': [/\bWebhook::constructEvent\s*\(/, /\bWebhookSignature::verifyHeader\s*\(/],
    'event.constant': [/\bEvent::IDENTITY_VERIFICATION_SESSION_([A-Z_]+)\b/],
    'manifest.sdk': [/"stripe\/stripe-php"\s*:\s*"([^"]*)"/, /"name"\s*:\s*"stripe\/stripe-php"\s*,\s*"version"\s*:\s*"([^"]+)"/],
  },
};

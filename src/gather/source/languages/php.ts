// stripe-php: `$stripe->identity->verificationSessions->create([...])` (StripeClient) and
// `\Stripe\Identity\VerificationSession::create([...])`. Names from stripe/stripe-php
// lib/Service/Identity/VerificationSessionService.php, lib/Webhook.php, lib/WebhookSignature.php.
import type { LanguageSpec } from './spec.js';
import { braceCatchWithoutExit, lastArgumentZero } from './common.js';

const USER_KEY = String.raw`(?:user_?id|userId|user|uid|account_?id|customer_?id|member_?id)`;
const VERIFY = String.raw`constructEvent|verifyHeader`;

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
    'webhook.tolerance-zero': [lastArgumentZero(VERIFY)],
    'webhook.verify-error-swallowed': [braceCatchWithoutExit(VERIFY, String.raw`\b(?:return|throw|exit|die|abort)\b|http_response_code\s*\(\s*4|setStatusCode\s*\(\s*4|,\s*4\d\d\s*\)`)],
    'webhook.verify-parsed-body': [new RegExp(String.raw`\b(?:${VERIFY})\s*\(\s*(?:json_encode\s*\(|\$request->(?:all|json)\s*\(\))`)],
    'webhook.unverified-parse': [/\$(?:event|evt)\w*\s*=\s*(?:json_decode\s*\(\s*(?:\$payload|\$body|@?file_get_contents\s*\(\s*['"]php:\/\/input)|\\?(?:Stripe\\)?Event::constructFrom\s*\(\s*json_decode)/],
    'event.constant': [/\bEvent::IDENTITY_VERIFICATION_SESSION_([A-Z_]+)\b/],
    'manifest.sdk': [/"stripe\/stripe-php"\s*:\s*"([^"]*)"/, /"name"\s*:\s*"stripe\/stripe-php"\s*,\s*"version"\s*:\s*"([^"]+)"/],
  },
};

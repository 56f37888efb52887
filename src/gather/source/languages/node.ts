// stripe-node (npm `stripe`): resources hang off the client, camelCase, snake_case parameters.
// Names from stripe/stripe-node src/resources/Identity/VerificationSessions.ts and Webhooks.ts.
import type { LanguageSpec } from './spec.js';

const VERIFY = String.raw`constructEvent(?:Async)?|verifyHeader(?:Async)?`;
const USER_KEY = String.raw`(?:user_?id|userId|user|uid|account_?id|accountId|customer_?id|customerId|member_?id|memberId)`;

export const node: LanguageSpec = {
  id: 'node',
  extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'],
  manifests: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'],
  typing: 'typed-when-typescript',
  lexer: { lineComments: ['//'], blockComments: [['/*', '*/']], quotes: ["'", '"'], templateLiterals: true, regexLiterals: true },
  idioms: {
    'session.create': [/\bverificationSessions\.create\s*\(/],
    'session.retrieve': [/\bverificationSessions\.retrieve\s*\(/],
    'session.cancel': [/\bverificationSessions\.cancel\s*\(/],
    'session.redact': [/\bverificationSessions\.redact\s*\(/],
    'session.list': [/\bverificationSessions\.list\s*\(/],
    'session.reference': [/['"]?\bclient_reference_id['"]?\s*:/],
    'session.related-customer': [/['"]?\brelated_customer['"]?\s*:/],
    'session.metadata-user': [new RegExp(String.raw`\bmetadata\s*:\s*\{[^}]*['"]?\b${USER_KEY}['"]?\s*:`)],
    'session.placeholder-reference': [new RegExp(String.raw`['"]?\b(?:client_reference_id|${USER_KEY})['"]?\s*:\s*(?:'[^'\n]*'|"[^"\n]*"|\`[^\`$\n]*\`)`)],
    'session.idempotency-key': [/\bidempotencyKey\s*:/, /['"]Idempotency-Key['"]/i],
    'client.construct': [/\bnew\s+Stripe\s*\(/, /\brequire\(\s*['"]stripe['"]\s*\)\s*\(/, /\bStripe\s*\(\s*process\.env/],
    'client.api-version': [/\bapiVersion\s*:\s*['"]([^'"]+)['"]/, /\b[sS]tripe\.apiVersion\s*=\s*['"]([^'"]+)['"]/, /\bsetApiVersion\s*\(\s*['"]([^'"]+)['"]/],
    'client.side': [/^\s*['"]use client['"]/m],
    'webhook.verify': [new RegExp(String.raw`\b(?:${VERIFY})\s*\(`)],
    'manifest.sdk': [
      /"stripe"\s*:\s*"([^"]*)"/,
      /"node_modules\/stripe"\s*:\s*\{\s*"version"\s*:\s*"([^"]+)"/,
      /^"?stripe@[^\n]*:\r?\n\s+version:?\s+"?([^"\s]+)/m,
      /^\s+['"]?\/?stripe@(\d[^:'"\s(]*)/m,
    ],
  },
};

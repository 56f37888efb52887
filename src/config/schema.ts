// The config file's schema: one source for validation, the `defineConfig` type and the shipped
// JSON Schema (`npm run build` regenerates schema/identity-golive.schema.json; a test checks it).
import * as z from 'zod';
import { LANGUAGES } from '../gather/source/types.js';

const severity = z.enum(['error', 'warn', 'off']);

const httpsUrl = z
  .url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' })
  .describe('An absolute URL; https is required for the check to pass.');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date such as 2027-05-01');

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .record(z.string(), severity)
    .optional()
    .describe('Severity per rule id: "error" fails the run, "warn" reports only, "off" skips the rule.'),
  stripe: z
    .strictObject({
      apiBase: z
        .url()
        .optional()
        .describe('Stripe API base URL (a local double or stripe-mock). Plain http only to loopback.'),
      windowDays: z.int().min(1).max(30).default(30).describe('How far back to read events and sessions (Stripe keeps events 30 days).'),
      maxObjects: z.int().min(1).max(10_000).default(1000).describe('The most objects read from one list.'),
      timeoutMs: z.int().min(1000).max(120_000).default(20_000).describe('Per-request timeout.'),
      requestsPerSecond: z.number().min(1).max(25).default(20).describe('Self-imposed rate, below Stripe test mode\'s 25/s.'),
    })
    .prefault({}),
  privacyPolicyUrl: httpsUrl.optional().describe('Your public privacy policy (checklist: privacy-policy URL and text).'),
  faqUrl: httpsUrl.optional().describe('Your customer FAQ about ID verification.'),
  deletionUrl: httpsUrl.optional().describe('The page telling users how to delete their verification data.'),
  pages: z
    .strictObject({
      timeoutMs: z.int().min(100).max(120_000).default(10_000).describe('Time allowed to fetch one page, redirects included.'),
    })
    .prefault({}),
  maxAttemptsPerUser: z.int().min(1).default(3).describe('The most verification sessions one user may start.'),
  source: z
    .strictObject({
      include: z.array(z.string()).optional().describe('Globs of files to scan (default: all).'),
      exclude: z.array(z.string()).optional().describe('Globs of files to skip, on top of .gitignore.'),
      languages: z.array(z.enum(LANGUAGES)).optional().describe('The SDK languages of your integration (detected by `init`); default: all seven.'),
    })
    .prefault({}),
  webhook: z
    .strictObject({
      url: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' }).optional().describe('Your webhook handler URL for `probe` (a local http URL is fine).'),
      path: z.string().regex(/^\//, 'expected a route such as /webhooks/stripe').optional().describe('The route of your webhook handler in your code (detected by `init`), e.g. /webhooks/stripe.'),
      secretEnv: z.string().default('STRIPE_WEBHOOK_SECRET').describe('Environment variable holding the signing secret.'),
    })
    .prefault({}),
  attestations: z
    .strictObject({
      file: z.string().default('.identity-golive/attestations.json'),
      expiresAfterDays: z.int().min(1).max(3650).default(180),
    })
    .prefault({}),
  expiryWarningDays: z
    .int()
    .min(0)
    .max(365)
    .default(14)
    .describe('Warn about attestations and suppressions that expire within this many days (0: only once expired).'),
  snapshot: z
    .strictObject({
      maxAgeDays: z.int().min(1).max(365).default(7).describe('`check --snapshot` warns when the snapshot was gathered longer ago than this.'),
    })
    .prefault({}),
  suppressions: z
    .array(
      z.strictObject({
        rule: z.string(),
        target: z.string().optional().describe('A file glob or a Stripe object id.'),
        reason: z.string().min(1, 'a suppression needs a reason'),
        expires: isoDate,
      }),
    )
    .default([]),
});

/** What users write (defaults optional). */
export type UserConfig = z.input<typeof configSchema>;
/** What the engine reads (defaults filled). */
export type ResolvedConfig = z.output<typeof configSchema> & {
  /** The file it came from, or null for built-in defaults. */
  readonly filepath: string | null;
};

/** Typed config for `identity-golive.config.{js,mjs,ts}`. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

// https://docs.stripe.com/webhooks#best-practices: verify events are sent from Stripe, on the raw body.
// Judges the IntegrationModel's webhook handlers (syntax trees, issue #11): paths, order, branches.
import { defineRule, outcome, type Finding, type Location } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { Evidence, NO_INTEGRATION_MESSAGE, noIntegration } from './support/source.js';
import type { Cited, ManualVerification, SdkVerification, WebhookHandler } from '../src/gather/source/model/types.js';

type Id =
  | 'noIntegration'
  | 'verified'
  | 'noModel'
  | 'unparsed'
  | 'noVerification'
  | 'onlyInTests'
  | 'unverifiedFallback'
  | 'withoutVerification'
  | 'toleranceZero'
  | 'toleranceTooLarge'
  | 'errorSwallowed'
  | 'notRawBody'
  | 'jsonParserFirst'
  | 'emptySecret'
  | 'secretLogged'
  | 'sideEffectFirst'
  | 'timingUnsafe'
  | 'noTimestamp';

/** Stripe's default is 300 s; beyond an hour the replay window is no longer a window. */
const MAX_TOLERANCE_SECONDS = 3600;

export default defineRule({
  meta: {
    id: 'webhook-signature-verified',
    item: 'webhooks',
    title: 'The webhook handler verifies the Stripe signature on the raw body',
    failureTitle: 'Webhook events are not (always) signature-verified',
    neutralTitle: 'Webhook signature verification',
    docsUrl: 'https://docs.stripe.com/webhooks#verify-events',
    requiredArtifacts: ['Source'],
    defaultSeverity: 'error',
    sourceModel: true,
    patterns: [{ id: 'create', idiom: 'session.create' }],
    messages: {
      noIntegration: NO_INTEGRATION_MESSAGE,
      verified: 'Stripe signatures are verified at {{where}}.',
      noModel: {
        text: 'The source scan ran without the syntax-tree model, so webhook handlers could not be judged.',
        fix: 'Run `identity-golive check` with this rule selected (the model is built for the rules that read it).',
      },
      unparsed: {
        text: '{{count}} candidate file(s) could not be parsed ({{files}}: too slow to parse, or a language without a bundled grammar, such as Kotlin): their webhook handlers were not judged.',
        fix: 'Review those handlers by hand; exclude generated or minified files with config `source.exclude`.',
      },
      noVerification: {
        text: 'No Stripe webhook signature verification found in {{files}} scanned files{{context}}.',
        fix: "Verify every webhook with your SDK's constructEvent (stripe.webhooks.constructEvent, stripe.Webhook.construct_event, webhook.ConstructEvent, EventUtility.ConstructEvent ...) on the raw request body before reading the event.",
      },
      onlyInTests: {
        text: 'Signature verification appears only in tests ({{where}}); production code does not verify webhooks.',
        fix: 'Call constructEvent in the production webhook handler, not only in tests.',
      },
      unverifiedFallback: {
        text: '{{file}}:{{line}} builds the event from the request body without a signature check{{when}}: `{{code}}`.',
        fix: 'Remove the unverified path: when the signing secret is missing (or in any mode), fail closed (HTTP 500) instead of trusting the body.',
      },
      withoutVerification: {
        text: '{{file}}:{{line}} constructs the event without verifying its signature: `{{code}}`.',
        fix: 'Use constructEvent (which verifies), or call verifyHeader first in the same handler.',
      },
      toleranceZero: {
        text: '{{file}}:{{line}} disables the timestamp check (tolerance 0 or ignored): `{{code}}`.',
        fix: "Keep the SDK's default tolerance (300 s): Stripe's docs say not to use a tolerance of 0, which allows replayed events.",
      },
      toleranceTooLarge: {
        text: '{{file}}:{{line}} accepts events up to {{seconds}} s old: `{{code}}`.',
        fix: "Keep the SDK's default tolerance (300 s): a wide window lets a captured event be replayed.",
      },
      errorSwallowed: {
        text: '{{file}}:{{line}} catches the signature verification error and carries on{{answers}}: `{{code}}`.',
        fix: 'When verification fails, answer 400 and stop: return (or throw) from the error branch.',
      },
      notRawBody: {
        text: '{{file}}:{{line}} verifies a re-serialised body, not the raw one: `{{code}}`.',
        fix: 'Pass the raw request bytes (express.raw, request.get_data(), request.body.read, file_get_contents("php://input"), io.ReadAll(r.Body) ...).',
      },
      jsonParserFirst: {
        text: '{{file}}:{{line}} parses the body as JSON before the webhook route runs, so the raw body is gone: `{{code}}`.',
        fix: "Register the webhook route (with express.raw({ type: 'application/json' })) before app.use(express.json()), or keep the raw bytes with express.json({ verify: (req, res, buf) => { req.rawBody = buf } }); in Next.js Pages, export config = { api: { bodyParser: false } }.",
      },
      emptySecret: {
        text: '{{file}}:{{line}} falls back to an empty signing secret: `{{code}}`.',
        fix: 'Fail at startup (or answer 500) when the webhook signing secret is missing; never verify against an empty secret.',
      },
      secretLogged: {
        text: '{{file}}:{{line}} logs the webhook signing secret: `{{code}}`.',
        fix: 'Never log the signing secret; log that it is set, if anything.',
      },
      sideEffectFirst: {
        text: '{{file}}:{{line}} acts on the request before its signature is verified: `{{code}}`.',
        fix: 'Verify first; write, send or fulfil only after constructEvent succeeded.',
      },
      timingUnsafe: {
        text: '{{file}}:{{line}} compares the hand-computed signature with a plain comparison, not a constant-time one: `{{code}}`.',
        fix: "Compare with crypto.timingSafeEqual / hmac.compare_digest / hash_equals / Rack::Utils.secure_compare / hmac.Equal / MessageDigest.isEqual / CryptographicOperations.FixedTimeEquals, or use the SDK's constructEvent.",
      },
      noTimestamp: {
        text: '{{file}}:{{line}} verifies the HMAC by hand without checking the timestamp `t` against the clock: `{{code}}`.',
        fix: 'Reject events whose `t` is more than 300 s from now (replay protection), or use the SDK\'s constructEvent.',
      },
    },
  },
  check({ Source }) {
    const index = use(Source);
    const model = index.model;
    if (!model) return outcome.of('error', { messageId: 'noModel' as Id });
    const missing = noIntegration('noIntegration', index, new Evidence(index, 'webhook-signature-verified'), []);
    if (missing) return missing;
    // A handler is judged when it is Stripe's, or when a Stripe handler delegates verification to it
    // (issue #11 §4: another provider's HMAC webhook is not judged).
    const delegatedTo = new Set(model.webhooks.flatMap((handler) => (handler.stripe.length > 0 ? handler.verifications : [])).flatMap((v) => (v.kind === 'delegated' ? [v.callee] : [])));
    const handlers = model.webhooks.filter((handler) => !handler.inTest && (handler.stripe.length > 0 || (handler.name !== null && delegatedTo.has(handler.name))));
    const findings: Finding<Id>[] = [];
    const flaw = (messageId: Id, cited: Cited, data: Record<string, string | number> = {}): void => {
      findings.push({ messageId, level: 'fail', data: { file: cited.file, line: cited.line, code: quote(cited.code), ...data }, location: at(cited) });
    };

    for (const handler of handlers) judgeHandler(handler, flaw);

    const verifications = handlers.flatMap((handler) => handler.verifications);
    // Never a false fail either: a file with no grammar (Kotlin, Groovy, Scala) may hold the verification.
    if (verifications.length === 0 && model.unparsed.length > 0 && findings.length === 0) {
      return outcome.of('error', { messageId: 'unparsed', data: { count: model.unparsed.length, files: model.unparsed.slice(0, 3).map((file) => file.file).join(', ') } });
    }
    if (verifications.length === 0) {
      const inTests = model.webhooks.filter((handler) => handler.inTest).flatMap((handler) => handler.verifications);
      if (inTests.length > 0) findings.unshift({ messageId: 'onlyInTests', level: 'fail', data: { where: where(inTests.map((v) => v.at)) }, location: at(inTests[0]!.at) });
      else {
        const dispatch = handlers.filter((handler) => handler.stripe.includes('event-types'));
        findings.unshift({
          messageId: 'noVerification',
          level: 'fail',
          data: { files: index.filesScanned, context: dispatch.length > 0 ? ` (events are dispatched at ${where(dispatch.map((handler) => handler.at))})` : '' },
          ...(dispatch[0] ? { location: at(dispatch[0].at) } : {}),
        });
      }
    }
    if (findings.length > 0) return outcome.from(findings);
    // Never a false pass: a candidate file that could not be parsed may hold the flaw.
    if (model.unparsed.length > 0) {
      return outcome.of('error', { messageId: 'unparsed', data: { count: model.unparsed.length, files: model.unparsed.slice(0, 3).map((file) => file.file).join(', ') } });
    }
    return outcome.pass({ messageId: 'verified', data: { where: where(verifications.map((v) => v.at)) }, location: at(verifications[0]!.at) });
  },
});

function judgeHandler(handler: WebhookHandler, flaw: (messageId: Id, cited: Cited, data?: Record<string, string | number>) => void): void {
  const condition = handler.verifications.find((v): v is SdkVerification => v.kind === 'sdk' && v.onlyIf !== null)?.onlyIf;
  for (const event of handler.unverifiedEvents) flaw('unverifiedFallback', event, { when: condition ? ` (verification runs only when \`${quote(condition.code)}\`)` : '' });
  if (!handler.verifications.some((v) => v.kind === 'sdk' && v.callee.toLowerCase().includes('verify'))) for (const call of handler.withoutVerification) flaw('withoutVerification', call);
  for (const verification of handler.verifications) {
    if (verification.kind === 'sdk') judgeSdk(verification, flaw);
    else if (verification.kind === 'manual') judgeManual(verification, flaw);
    // A delegated verification is judged where the helper is defined (its own handler entry).
  }
  if (handler.jsonParserFirst) flaw('jsonParserFirst', handler.jsonParserFirst);
  for (const logged of handler.secretLogged) flaw('secretLogged', logged);
  for (const effect of handler.sideEffectsFirst) flaw('sideEffectFirst', effect);
}

function judgeSdk(verification: SdkVerification, flaw: (messageId: Id, cited: Cited, data?: Record<string, string | number>) => void): void {
  const { tolerance, failure } = verification;
  if (tolerance.kind === 'ignored') flaw('toleranceZero', tolerance.at);
  if (tolerance.kind === 'seconds' && tolerance.seconds > MAX_TOLERANCE_SECONDS) flaw('toleranceTooLarge', tolerance.at, { seconds: tolerance.seconds });
  if (failure.kind === 'continues') flaw('errorSwallowed', failure.at, { answers: failure.answers2xx ? ' (and answers 2xx)' : '' });
  if (verification.body === 'parsed' && verification.bodyAt) flaw('notRawBody', verification.bodyAt);
  if (verification.emptySecret) flaw('emptySecret', verification.emptySecret);
}

function judgeManual(verification: ManualVerification, flaw: (messageId: Id, cited: Cited, data?: Record<string, string | number>) => void): void {
  if (!verification.constantTime) flaw('timingUnsafe', verification.plainCompare ?? verification.at);
  if (!verification.timestampChecked) flaw('noTimestamp', verification.at);
}

function at(cited: { file: string; line: number; column: number }): Location {
  return { file: cited.file, line: cited.line, column: cited.column };
}

/** `a.ts:3, b.py:9 (+2 more)`. */
function where(locations: readonly { file: string; line: number }[], max = 3): string {
  const unique = [...new Set(locations.map((location) => `${location.file}:${location.line}`))];
  const shown = unique.slice(0, max).join(', ');
  return unique.length > max ? `${shown} (+${unique.length - max} more)` : shown;
}

/** Template-style `{{NAME}}` in code is spaced out so a rendered message never looks unfilled. */
function quote(code: string): string {
  return code.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }').replace(/`/g, "'");
}

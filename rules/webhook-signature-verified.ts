// https://docs.stripe.com/webhooks#best-practices: verify events are sent from Stripe, on the raw body.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { at, Evidence, snippet, where } from './support/source.js';

type Id = 'verified' | 'noVerification' | 'onlyInTests' | 'unverifiedFallback' | 'withoutVerification' | 'toleranceZero' | 'errorSwallowed' | 'notRawBody';

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
    patterns: [
      { id: 'verify', idiom: 'webhook.verify' },
      { id: 'without-verification', idiom: 'webhook.verify-without-signature' },
      { id: 'tolerance-zero', idiom: 'webhook.tolerance-zero' },
      { id: 'swallowed', idiom: 'webhook.verify-error-swallowed' },
      { id: 'parsed-body', idiom: 'webhook.verify-parsed-body' },
      { id: 'unverified-parse', idiom: 'webhook.unverified-parse' },
      { id: 'secret-guard', idiom: 'webhook.secret-guard' },
      { id: 'dispatch', idiom: 'event.dispatch' },
    ],
    messages: {
      verified: 'Stripe signatures are verified at {{where}}.',
      noVerification: {
        text: 'No Stripe webhook signature verification found in {{files}} scanned files{{context}}.',
        fix: "Verify every webhook with your SDK's constructEvent (stripe.webhooks.constructEvent, stripe.Webhook.construct_event, webhook.ConstructEvent, EventUtility.ConstructEvent ...) on the raw request body before reading the event.",
      },
      onlyInTests: {
        text: 'Signature verification appears only in tests ({{where}}); production code does not verify webhooks.',
        fix: 'Call constructEvent in the production webhook handler, not only in tests.',
      },
      unverifiedFallback: {
        text: '{{file}}:{{line}} builds the event from the request body without a signature check: `{{code}}`.',
        fix: 'Remove the unverified path: when the signing secret is missing, fail closed (HTTP 500) instead of trusting the body.',
      },
      withoutVerification: {
        text: '{{file}}:{{line}} constructs the event without verifying its signature: `{{code}}`.',
        fix: 'Use constructEvent (which verifies), or call verifyHeader first in the same handler.',
      },
      toleranceZero: {
        text: '{{file}}:{{line}} disables the timestamp check (tolerance 0 or ignored): `{{code}}`.',
        fix: "Keep the SDK's default tolerance (300 s): Stripe's docs say not to use a tolerance of 0, which allows replayed events.",
      },
      errorSwallowed: {
        text: '{{file}}:{{line}} catches the signature verification error and carries on: `{{code}}`.',
        fix: 'When verification fails, answer 400 and stop: return (or throw) from the error branch.',
      },
      notRawBody: {
        text: '{{file}}:{{line}} verifies a re-serialised body, not the raw one: `{{code}}`.',
        fix: 'Pass the raw request bytes (express.raw, request.get_data(), request.body.read, file_get_contents("php://input"), io.ReadAll(r.Body) ...).',
      },
    },
  },
  check({ Source }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'webhook-signature-verified');
    const verify = evidence.prod('verify');
    const verifyFiles = evidence.files('verify');
    const findings: Finding<Id>[] = [];
    const flaw = (messageId: Id) => (hit: (typeof verify)[number]) =>
      findings.push({ messageId, level: 'fail', data: { file: hit.file, line: hit.line, code: snippet(hit) }, location: at(hit) });

    // A body parsed into an event is a fallback where the handler verifies only when the secret is
    // set, or where it dispatches events without verifying at all. (Parsing first and then always
    // verifying, as Stripe's Go sample does, is not.)
    const guarded = evidence.files('secret-guard');
    const handlerFiles = new Set(evidence.files('dispatch'));
    evidence
      .prod('unverified-parse')
      .filter((hit) => (verifyFiles.has(hit.file) ? guarded.has(hit.file) : handlerFiles.has(hit.file)))
      .forEach(flaw('unverifiedFallback'));
    evidence.prod('without-verification').filter((hit) => !verifyFiles.has(hit.file)).forEach(flaw('withoutVerification'));
    evidence.prod('tolerance-zero').forEach(flaw('toleranceZero'));
    evidence.prod('swallowed').forEach(flaw('errorSwallowed'));
    evidence.prod('parsed-body').forEach(flaw('notRawBody'));

    if (verify.length === 0) {
      const inTests = evidence.onlyInTests('verify');
      if (inTests.length > 0) findings.unshift({ messageId: 'onlyInTests', level: 'fail', data: { where: where(inTests) }, location: at(inTests[0]!) });
      else {
        const dispatch = evidence.prod('dispatch');
        findings.unshift({
          messageId: 'noVerification',
          level: 'fail',
          data: { files: index.filesScanned, context: dispatch.length > 0 ? ` (events are dispatched at ${where(dispatch)})` : '' },
          ...(dispatch[0] ? { location: at(dispatch[0]) } : {}),
        });
      }
      return outcome.from(findings);
    }
    if (findings.length > 0) return outcome.from(findings);
    return outcome.pass({ messageId: 'verified', data: { where: where(verify) }, location: at(verify[0]!) });
  },
});

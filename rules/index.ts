// The rule registry: every rule, sorted by id. A test fails when a rule lacks its doc page,
// its table test, or its entry here.
import type { AnyRule } from '../src/engine/rule.js';
import alternativeVerificationOffered from './alternative-verification-offered.js';
import attemptLimitDecided from './attempt-limit-decided.js';
import brandingConfigured from './branding-configured.js';
import deletionExplained from './deletion-explained.js';
import developmentChecklistFollowed from './development-checklist-followed.js';
import faqPublished from './faq-published.js';
import identityBrandingReviewed from './identity-branding-reviewed.js';
import pricingConfirmed from './pricing-confirmed.js';
import privacyPolicyDisclosesStripe from './privacy-policy-discloses-stripe.js';
import privacyPolicyUrl from './privacy-policy-url.js';
import testModeEventsHandled from './test-mode-events-handled.js';
import useCaseSupported from './use-case-supported.js';
import webhookEndpointRegistered from './webhook-endpoint-registered.js';
import webhookHandlerAcknowledgesEvents from './webhook-handler-acknowledges-events.js';
import webhookHandlerToleratesDuplicatesAndUnknownTypes from './webhook-handler-tolerates-duplicates-and-unknown-types.js';
import webhookHandlerVerifiesSignature from './webhook-handler-verifies-signature.js';
import webhooksTestedEndToEnd from './webhooks-tested-end-to-end.js';

export const RULES: readonly AnyRule[] = [
  alternativeVerificationOffered,
  attemptLimitDecided,
  brandingConfigured,
  deletionExplained,
  developmentChecklistFollowed,
  faqPublished,
  identityBrandingReviewed,
  pricingConfirmed,
  privacyPolicyDisclosesStripe,
  privacyPolicyUrl,
  testModeEventsHandled,
  useCaseSupported,
  webhookEndpointRegistered,
  webhookHandlerAcknowledgesEvents,
  webhookHandlerToleratesDuplicatesAndUnknownTypes,
  webhookHandlerVerifiesSignature,
  webhooksTestedEndToEnd,
];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

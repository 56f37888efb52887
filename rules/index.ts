// The rule registry: every rule, sorted by id. A test fails when a rule lacks its doc page,
// its table test, or its entry here.
import type { AnyRule } from '../src/engine/rule.js';
import alternativeVerificationOffered from './alternative-verification-offered.js';
import apiVersionPinned from './api-version-pinned.js';
import attemptLimitDecided from './attempt-limit-decided.js';
import attemptsLimited from './attempts-limited.js';
import brandingConfigured from './branding-configured.js';
import deletionExplained from './deletion-explained.js';
import developmentChecklistFollowed from './development-checklist-followed.js';
import fallbackOffered from './fallback-offered.js';
import faqPublished from './faq-published.js';
import identityBrandingReviewed from './identity-branding-reviewed.js';
import identityEventsHandled from './identity-events-handled.js';
import noSecretsInCode from './no-secrets-in-code.js';
import pricingConfirmed from './pricing-confirmed.js';
import privacyPolicyDisclosesStripe from './privacy-policy-discloses-stripe.js';
import privacyPolicyUrl from './privacy-policy-url.js';
import redactionImplemented from './redaction-implemented.js';
import sensitiveDataMinimised from './sensitive-data-minimised.js';
import sessionLinkRefreshed from './session-link-refreshed.js';
import testModeEventsHandled from './test-mode-events-handled.js';
import useCaseSupported from './use-case-supported.js';
import userAuthenticated from './user-authenticated.js';
import webhookEndpointRegistered from './webhook-endpoint-registered.js';
import webhookHandlerAcknowledgesEvents from './webhook-handler-acknowledges-events.js';
import webhookHandlerToleratesDuplicatesAndUnknownTypes from './webhook-handler-tolerates-duplicates-and-unknown-types.js';
import webhookHandlerVerifiesSignature from './webhook-handler-verifies-signature.js';
import webhookSignatureVerified from './webhook-signature-verified.js';
import webhooksTestedEndToEnd from './webhooks-tested-end-to-end.js';

export const RULES: readonly AnyRule[] = [
  alternativeVerificationOffered,
  apiVersionPinned,
  attemptLimitDecided,
  attemptsLimited,
  brandingConfigured,
  deletionExplained,
  developmentChecklistFollowed,
  fallbackOffered,
  faqPublished,
  identityBrandingReviewed,
  identityEventsHandled,
  noSecretsInCode,
  pricingConfirmed,
  privacyPolicyDisclosesStripe,
  privacyPolicyUrl,
  redactionImplemented,
  sensitiveDataMinimised,
  sessionLinkRefreshed,
  testModeEventsHandled,
  useCaseSupported,
  userAuthenticated,
  webhookEndpointRegistered,
  webhookHandlerAcknowledgesEvents,
  webhookHandlerToleratesDuplicatesAndUnknownTypes,
  webhookHandlerVerifiesSignature,
  webhookSignatureVerified,
  webhooksTestedEndToEnd,
];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

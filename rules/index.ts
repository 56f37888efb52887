// The rule registry: every rule, sorted by id. A test fails when a rule lacks its doc page,
// its table test, or its entry here.
import type { AnyRule } from '../src/engine/rule.js';
import apiVersionPinned from './api-version-pinned.js';
import attemptsLimited from './attempts-limited.js';
import fallbackOffered from './fallback-offered.js';
import identityEventsHandled from './identity-events-handled.js';
import noSecretsInCode from './no-secrets-in-code.js';
import redactionImplemented from './redaction-implemented.js';
import sensitiveDataMinimised from './sensitive-data-minimised.js';
import sessionLinkRefreshed from './session-link-refreshed.js';
import userAuthenticated from './user-authenticated.js';
import webhookSignatureVerified from './webhook-signature-verified.js';

export const RULES: readonly AnyRule[] = [
  apiVersionPinned,
  attemptsLimited,
  fallbackOffered,
  identityEventsHandled,
  noSecretsInCode,
  redactionImplemented,
  sensitiveDataMinimised,
  sessionLinkRefreshed,
  userAuthenticated,
  webhookSignatureVerified,
];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

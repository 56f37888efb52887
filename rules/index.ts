// The rule registry: every rule, sorted by id. A test fails when a rule lacks its doc page,
// its table test, or its entry here.
import type { AnyRule } from '../src/engine/rule.js';
import brandingConfigured from './branding-configured.js';
import testModeEventsHandled from './test-mode-events-handled.js';
import webhookEndpointRegistered from './webhook-endpoint-registered.js';

export const RULES: readonly AnyRule[] = [brandingConfigured, testModeEventsHandled, webhookEndpointRegistered];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

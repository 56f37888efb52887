// The rule registry: every rule, sorted by id. A test fails when a rule lacks its doc page,
// its table test, or its entry here.
import type { AnyRule } from '../src/engine/rule.js';
import webhookHandlerAcknowledgesEvents from './webhook-handler-acknowledges-events.js';
import webhookHandlerToleratesDuplicatesAndUnknownTypes from './webhook-handler-tolerates-duplicates-and-unknown-types.js';
import webhookHandlerVerifiesSignature from './webhook-handler-verifies-signature.js';

export const RULES: readonly AnyRule[] = [
  webhookHandlerAcknowledgesEvents,
  webhookHandlerToleratesDuplicatesAndUnknownTypes,
  webhookHandlerVerifiesSignature,
];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

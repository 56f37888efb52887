import rule from './webhook-endpoint-registered.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { endpoint, failure, modes } from '../test/support/facts.js';
import type { WebhookEndpointFacts } from '../src/engine/artifacts.js';

const VERIFIED = 'identity.verification_session.verified';
const REQUIRES_INPUT = 'identity.verification_session.requires_input';
const REDACTED = 'identity.verification_session.redacted';
const E = (list: WebhookEndpointFacts[]) => list;

ruleTester(rule, [
  { name: 'one enabled https endpoint with all three events', artifacts: { WebhookEndpoints: modes({ live: E([endpoint()]) }) }, status: 'pass', messageIds: ['registered'] },
  {
    name: 'a v2 event destination counts',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ id: 'ed_1', kind: 'event_destination', enabledEvents: [VERIFIED, REQUIRES_INPUT, REDACTED] })]) }) },
    status: 'pass',
    mentions: ['event destination ed_1'],
  },
  {
    name: '`*` counts for verified and requires_input, but redacted is then missing',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ enabledEvents: ['*'] })]) }) },
    status: 'warn',
    messageIds: ['registered', 'redactedNotExplicit'],
    mentions: ['explicitly'],
  },
  { name: 'no pinned api version', artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ apiVersion: null })]) }) }, status: 'warn', messageIds: ['registered', 'unpinnedApiVersion'] },
  {
    name: 'two endpoints receive the same identity events',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ id: 'we_a' }), endpoint({ id: 'we_b', kind: 'event_destination', enabledEvents: [VERIFIED] })]) }) },
    status: 'warn',
    messageIds: ['registered', 'duplicateEndpoints'],
    mentions: ['we_a, we_b'],
  },
  {
    name: 'an extra http endpoint beside a good one',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ id: 'we_ok', enabledEvents: ['*'] }), endpoint({ id: 'we_http', url: 'http://hooks.example.com/stripe', enabledEvents: [REDACTED] })]) }) },
    status: 'warn',
    messageIds: ['registered', 'redactedNotExplicit', 'notHttps'],
  },
  {
    name: 'disabled endpoints are listed but do not count',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ id: 'we_ok' }), endpoint({ id: 'we_off', status: 'disabled' })]) }) },
    status: 'pass',
    messageIds: ['registered', 'disabled'],
  },
  { name: 'no endpoint at all', artifacts: { WebhookEndpoints: modes({ live: E([]) }) }, status: 'fail', messageIds: ['noEndpoint'], mentions: ['live mode'] },
  {
    name: 'only a disabled endpoint',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ status: 'disabled' })]) }) },
    status: 'fail',
    messageIds: ['noEndpoint', 'disabled'],
  },
  {
    name: 'only http',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ id: 'we_http', url: 'http://hooks.example.com/stripe?token=abc' })]) }) },
    status: 'fail',
    messageIds: ['notHttps'],
    mentions: ['http://hooks.example.com'],
    never: ['token=abc', '/stripe'],
  },
  {
    name: 'endpoint misses requires_input',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ enabledEvents: [VERIFIED, REDACTED] })]) }) },
    status: 'fail',
    messageIds: ['missingEvents'],
    mentions: [REQUIRES_INPUT],
  },
  {
    name: 'endpoints for other events only',
    artifacts: { WebhookEndpoints: modes({ live: E([endpoint({ enabledEvents: ['payment_intent.succeeded'] })]) }) },
    status: 'fail',
    messageIds: ['noEndpoint'],
  },
  {
    name: 'a good test endpoint does not make up for a missing live one',
    artifacts: { WebhookEndpoints: modes({ live: E([]), test: E([endpoint({ livemode: false })]) }) },
    status: 'fail',
    messageIds: ['noEndpoint'],
  },
  {
    name: 'only a test key: test endpoints checked, with a warning',
    artifacts: { WebhookEndpoints: modes({ test: E([endpoint({ livemode: false })]) }) },
    status: 'warn',
    messageIds: ['testModeOnly', 'registered'],
    mentions: ['STRIPE_LIVE_API_KEY'],
  },
  { name: 'only a test key, no test endpoint', artifacts: { WebhookEndpoints: modes({ test: E([]) }) }, status: 'fail', messageIds: ['testModeOnly', 'noEndpoint'] },
  { name: 'no key → skipped', artifacts: { WebhookEndpoints: modes<WebhookEndpointFacts[]>({}) }, status: 'skipped' },
  {
    name: 'live permission error → error even with good test endpoints',
    artifacts: { WebhookEndpoints: modes({ live: failure<WebhookEndpointFacts[]>('permission'), test: E([endpoint()]) }) },
    status: 'error',
  },
  { name: 'network failure → error', artifacts: { WebhookEndpoints: modes({ live: failure<WebhookEndpointFacts[]>('network') }) }, status: 'error' },
]);

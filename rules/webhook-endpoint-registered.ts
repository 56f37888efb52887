// Checklist item 9, "Follow webhook best practices": https://docs.stripe.com/identity/handle-verification-outcomes
// Your integration learns a verification's outcome from identity.verification_session.verified and
// .requires_input, so live mode needs an enabled https endpoint receiving both (v1 endpoints and
// v2 event destinations alike). `redacted` is delivered only when listed explicitly, never to `*`.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { preferLive } from '../src/engine/modes.js';
import type { WebhookEndpointFacts } from '../src/engine/artifacts.js';

export const REQUIRED_EVENTS = ['identity.verification_session.verified', 'identity.verification_session.requires_input'] as const;
export const REDACTED_EVENT = 'identity.verification_session.redacted';
const IDENTITY_PREFIX = 'identity.verification_session.';
const WEBHOOKS_DASHBOARD = 'https://dashboard.stripe.com/webhooks';

type MessageId =
  | 'registered'
  | 'noEndpoint'
  | 'missingEvents'
  | 'notHttps'
  | 'disabled'
  | 'redactedNotExplicit'
  | 'unpinnedApiVersion'
  | 'duplicateEndpoints'
  | 'testModeOnly';

/** `*` delivers every event except those that need explicit selection (redacted). */
export function receives(endpoint: WebhookEndpointFacts, event: string): boolean {
  return endpoint.enabledEvents.includes(event) || (event !== REDACTED_EVENT && endpoint.enabledEvents.includes('*'));
}

const receivesIdentity = (endpoint: WebhookEndpointFacts) =>
  endpoint.enabledEvents.includes('*') || endpoint.enabledEvents.some((event) => event.startsWith(IDENTITY_PREFIX));
const isHttps = (endpoint: WebhookEndpointFacts) => endpoint.url?.startsWith('https://') ?? false;

/** Host only: the path or a token in the URL is nobody's business in a report. */
function host(endpoint: WebhookEndpointFacts): string {
  if (!endpoint.url) return 'URL not readable';
  try {
    const url = new URL(endpoint.url);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'URL not readable';
  }
}

const describe = (endpoint: WebhookEndpointFacts) => ({
  endpoint: endpoint.kind === 'event_destination' ? `event destination ${endpoint.id}` : endpoint.id,
  host: host(endpoint),
});

export default defineRule<'WebhookEndpoints', MessageId>({
  meta: {
    id: 'webhook-endpoint-registered',
    item: 'webhooks',
    title: 'An enabled https endpoint receives the Identity outcome events',
    failureTitle: 'The webhook endpoint for Identity outcome events is missing or needs attention',
    neutralTitle: 'Webhook endpoint for Identity outcome events',
    docsUrl: 'https://docs.stripe.com/identity/handle-verification-outcomes',
    requiredArtifacts: ['WebhookEndpoints'],
    modes: ['live', 'test'],
    defaultSeverity: 'error',
    messages: {
      registered: '{{endpoint}} ({{host}}) receives verified and requires_input in {{mode}} mode.',
      noEndpoint: {
        text: 'No enabled https endpoint receives identity.verification_session.verified and .requires_input in {{mode}} mode.',
        fix: `Add an https endpoint for identity.verification_session.verified, .requires_input and .redacted at ${WEBHOOKS_DASHBOARD}.`,
      },
      missingEvents: {
        text: '{{endpoint}} ({{host}}) receives Identity events but not {{missing}}.',
        fix: `Add {{missing}} to its events at ${WEBHOOKS_DASHBOARD}.`,
      },
      notHttps: {
        text: '{{endpoint}} ({{host}}) receives Identity events over plain http; Stripe requires https in live mode.',
        fix: 'Serve the handler over https (TLS 1.2 or 1.3) and update the endpoint URL.',
      },
      disabled: {
        text: '{{endpoint}} ({{host}}) is disabled and receives nothing.',
        fix: `Enable it at ${WEBHOOKS_DASHBOARD} if it is your handler, or delete it.`,
      },
      redactedNotExplicit: {
        text: 'No enabled https endpoint lists identity.verification_session.redacted explicitly ({{mode}} mode); an endpoint on `*` never receives it, so you will not learn when a redaction completes.',
        fix: 'Add identity.verification_session.redacted to your endpoint\'s events by name.',
      },
      unpinnedApiVersion: {
        text: "{{endpoint}} has no pinned API version: its events follow the account's default version and change shape when that is upgraded.",
        fix: "Create the endpoint with an api_version matching your SDK's pinned version, then delete the old one.",
      },
      duplicateEndpoints: {
        text: '{{count}} enabled endpoints receive the Identity outcome events ({{endpoints}}); each gets its own copy of every event.',
        fix: 'Keep one endpoint per handler, and make handlers deduplicate by event id.',
      },
      testModeOnly: {
        text: 'Only a test-mode key was given, so only test-mode endpoints were checked; go-live needs the live-mode endpoint.',
        fix: 'Run again with STRIPE_LIVE_API_KEY set to a live-mode restricted key (rk_live_…) with Webhook Endpoints: Read.',
      },
    },
  },
  check({ WebhookEndpoints }) {
    const { mode, value: endpoints, fellBack } = preferLive(WebhookEndpoints);
    const findings: Finding<MessageId>[] = [];
    const at = (endpoint: WebhookEndpointFacts) => ({ stripe: endpoint.id });
    if (fellBack) findings.push({ messageId: 'testModeOnly', level: 'warn' });

    const enabled = endpoints.filter((endpoint) => endpoint.status === 'enabled');
    const receivesRequired = (endpoint: WebhookEndpointFacts) => REQUIRED_EVENTS.every((event) => receives(endpoint, event));
    const qualifying = enabled.filter((endpoint) => isHttps(endpoint) && receivesRequired(endpoint));

    if (qualifying.length === 0) {
      for (const endpoint of enabled.filter(receivesIdentity)) {
        if (!isHttps(endpoint)) findings.push({ messageId: 'notHttps', level: 'fail', data: describe(endpoint), location: at(endpoint) });
        const missing = REQUIRED_EVENTS.filter((event) => !receives(endpoint, event));
        if (missing.length > 0) findings.push({ messageId: 'missingEvents', level: 'fail', data: { ...describe(endpoint), missing: missing.join(', ') }, location: at(endpoint) });
      }
      if (!findings.some((finding) => finding.level === 'fail')) findings.push({ messageId: 'noEndpoint', level: 'fail', data: { mode } });
    } else {
      for (const endpoint of qualifying) findings.push({ messageId: 'registered', level: 'info', data: { ...describe(endpoint), mode }, location: at(endpoint) });
      if (!enabled.some((endpoint) => isHttps(endpoint) && endpoint.enabledEvents.includes(REDACTED_EVENT))) findings.push({ messageId: 'redactedNotExplicit', level: 'warn', data: { mode } });
      for (const endpoint of qualifying.filter((e) => e.apiVersion === null)) {
        findings.push({ messageId: 'unpinnedApiVersion', level: 'warn', data: describe(endpoint), location: at(endpoint) });
      }
      const overlapping = enabled.filter((endpoint) => REQUIRED_EVENTS.some((event) => receives(endpoint, event)));
      if (overlapping.length > 1) {
        findings.push({ messageId: 'duplicateEndpoints', level: 'warn', data: { count: overlapping.length, endpoints: overlapping.map((e) => e.id).join(', ') } });
      }
      for (const endpoint of enabled.filter((e) => receivesIdentity(e) && !isHttps(e))) {
        findings.push({ messageId: 'notHttps', level: 'warn', data: describe(endpoint), location: at(endpoint) });
      }
    }
    for (const endpoint of endpoints.filter((e) => e.status === 'disabled')) {
      findings.push({ messageId: 'disabled', level: 'info', data: describe(endpoint), location: at(endpoint) });
    }
    return outcome.from(findings);
  },
});

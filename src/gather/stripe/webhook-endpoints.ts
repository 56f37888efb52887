// Webhook endpoints: every v1 endpoint (GET /v1/webhook_endpoints, all pages) plus the v2 event
// destinations of type webhook_endpoint (GET /v2/core/event_destinations), both at once.
//
// A v2 failure: 404 means the account or API base has no event destinations API, so there are
// none to add. Any other failure (403, 429, 5xx, network) fails the whole artifact for that mode:
// an unseen destination could change the verdict (a duplicate, a disabled or http endpoint), so
// the rule reports `error`, never a pass built on half the evidence.
import type Stripe from 'stripe';
import type { PerMode, WebhookEndpointFacts } from '../../engine/artifacts.js';
import type { ArtifactDemand, GatherContext } from '../context.js';
import type { StripeAccess } from './client.js';
import { StripeAccessError, shapeFailure } from './errors.js';
import { allSettledOrThrow, listAll } from './paging.js';
import { perMode } from './per-mode.js';
import { eventDestinationFacts, webhookEndpointFacts } from './project.js';

const V2_PATH = '/v2/core/event_destinations';
/** Stripe allows 16 event destinations per account; the cap guards against a page loop. */
const V2_MAX_PAGES = 10;

export async function gatherWebhookEndpoints(ctx: GatherContext, demand: ArtifactDemand): Promise<PerMode<WebhookEndpointFacts[]>> {
  const { maxObjects } = ctx.config.stripe;
  return perMode(ctx, demand, 'WebhookEndpoints', async (access) => {
    const [v1, v2] = await allSettledOrThrow([
      listAll(access, 'webhookEndpoints', maxObjects, (stripe, cursor) => stripe.webhookEndpoints.list(cursor)),
      listEventDestinations(access),
    ]);
    return [...v1.items.map(webhookEndpointFacts), ...v2.filter((d) => {
      if (d === null || typeof d !== 'object') throw shapeFailure('eventDestinations', 'a list item that is null');
      return d.type === 'webhook_endpoint';
    }).map(eventDestinationFacts)];
  });
}

async function listEventDestinations(access: StripeAccess): Promise<Stripe.V2.Core.EventDestination[]> {
  const destinations: Stripe.V2.Core.EventDestination[] = [];
  try {
    let page: Stripe.V2List<Stripe.V2.Core.EventDestination> = await access.call('eventDestinations', (stripe) =>
      stripe.v2.core.eventDestinations.list({ limit: 20, include: ['webhook_endpoint.url'] }),
    );
    for (let pages = 1; ; pages += 1) {
      if (!page || !Array.isArray(page.data)) throw shapeFailure('eventDestinations', 'not a list');
      destinations.push(...page.data);
      const next = page.next_page_url;
      if (!next) return destinations;
      // Follow only our own list's pages, never a path that arrived in a response elsewhere.
      if (!next.startsWith(`${V2_PATH}?`) || pages >= V2_MAX_PAGES) throw shapeFailure('eventDestinations', 'an unexpected next_page_url');
      page = await access.call('eventDestinations', (stripe) => stripe.rawRequest('GET', next) as Promise<Stripe.V2List<Stripe.V2.Core.EventDestination>>);
    }
  } catch (error) {
    if (error instanceof StripeAccessError && error.status === 404) return [];
    throw error;
  }
}

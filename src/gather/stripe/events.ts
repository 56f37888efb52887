// Identity events of the window (GET /v1/events?type=identity.verification_session.*), and at the
// same time the subset whose delivery is pending or failed (`delivery_success=false`).
import type Stripe from 'stripe';
import type { EventWindow, PerMode } from '../../engine/artifacts.js';
import type { ArtifactDemand, GatherContext } from '../context.js';
import { allSettledOrThrow, listAll, windowStart } from './paging.js';
import { perMode } from './per-mode.js';
import { eventFacts } from './project.js';

export const IDENTITY_EVENT_PATTERN = 'identity.verification_session.*';
const IDENTITY_EVENT_PREFIX = 'identity.verification_session.';

export async function gatherEvents(ctx: GatherContext, demand: ArtifactDemand): Promise<PerMode<EventWindow>> {
  const { windowDays, maxObjects } = ctx.config.stripe;
  const filter = { type: IDENTITY_EVENT_PATTERN, created: { gte: windowStart(ctx.now, windowDays) } };
  return perMode(ctx, demand, 'Events', async (access) => {
    const list = (extra: Partial<Stripe.EventListParams>) =>
      listAll(access, 'events', maxObjects, (stripe, cursor) => stripe.events.list({ ...filter, ...extra, ...cursor }));
    const [all, undelivered] = await allSettledOrThrow([list({}), list({ delivery_success: false })]);
    const failedIds = new Set(undelivered.items.map((event) => event.id));
    const byId = new Map<string, Stripe.Event>();
    // An event can arrive between the two queries; keep every one either returned.
    // The API's filters are not trusted alone: an event of another type, or from before the window, is not ours to judge.
    const since = windowStart(ctx.now, windowDays);
    for (const event of [...all.items, ...undelivered.items]) if (event.type.startsWith(IDENTITY_EVENT_PREFIX) && event.created >= since) byId.set(event.id, event);
    return {
      events: [...byId.values()].sort((a, b) => b.created - a.created).map((event) => eventFacts(event, failedIds.has(event.id))),
      windowDays,
      truncated: all.truncated || undelivered.truncated,
    };
  });
}

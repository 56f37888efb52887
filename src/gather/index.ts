// The gatherer map. Each entry imports its module lazily: a run that selects no Stripe rule never
// loads the stripe SDK, and `--help` loads none of them.
import type { GathererMap } from '../engine/runner.js';

export const GATHERERS: GathererMap = {
  Config: async (ctx) => ctx.config,
  Account: async (ctx, demand) => (await import('./stripe/account.js')).gatherAccount(ctx, demand),
  WebhookEndpoints: async (ctx, demand) => (await import('./stripe/webhook-endpoints.js')).gatherWebhookEndpoints(ctx, demand),
  Events: async (ctx, demand) => (await import('./stripe/events.js')).gatherEvents(ctx, demand),
  VerificationSessions: async (ctx, demand) => (await import('./stripe/verification-sessions.js')).gatherVerificationSessions(ctx, demand),
  Source: async (ctx, demand) => (await import('./source/gather.js')).gatherSource(ctx, demand),
  Attestations: async (ctx) => (await import('./attestations/gather.js')).gatherAttestations(ctx),
  Pages: async (ctx, demand) => (await import('./pages/gather.js')).gatherPages(ctx, demand),
  Probe: async (ctx) => (await import('./probe/gather.js')).gatherProbe(ctx),
};


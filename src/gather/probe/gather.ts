// The Probe gatherer: send the fixed plan to the vetted target, one request at a time, and record
// each answer. Only `probe` and `check --probe` give it a target; otherwise the rules skip.
import { randomBytes } from 'node:crypto';
import { failed, gathered, type Gathered } from '../../engine/gathered.js';
import { STALE_SIGNATURE_AGE_SECONDS, type SignatureKind } from '../../probe/plan.js';
import type { GatherContext } from '../context.js';
import { buildPlan } from './events.js';
import { sendProbe } from './send.js';
import { forgerySecret, signatureHeader } from './sign.js';
import type { ProbeExchange, ProbeRecord } from './types.js';

export const PROBE_NOT_REQUESTED_FIX = 'Run `identity-golive probe` or `check --probe`.';

export async function gatherProbe(ctx: GatherContext): Promise<Gathered<ProbeRecord>> {
  const request = ctx.probe;
  if (!request) return failed('not_configured', 'the webhook handler was not probed', PROBE_NOT_REQUESTED_FIX);
  if (ctx.offline) return failed('offline', '--offline: the webhook handler was not probed', 'Drop --offline to probe the handler.');

  // Only for its pinned API version: the events are rendered as this SDK would parse them.
  const { default: Stripe } = await import('stripe');
  const { target, secret, timeoutMs } = request;
  const plan = buildPlan({ runId: randomBytes(6).toString('hex'), nowSeconds: Math.floor(ctx.now / 1000), apiVersion: Stripe.API_VERSION });
  const exchanges: ProbeExchange[] = [];
  for (const [index, planned] of plan.entries()) {
    ctx.progress?.(`${index + 1}/${plan.length} ${planned.step.label}`);
    const signature = headerFor(planned.step.signature, planned.body, secret.reveal());
    const result = await sendProbe(target, { body: planned.body, signature }, timeoutMs, secret.reveal());
    // Nothing listening: the rest of the plan would only repeat the refusal.
    if (index === 0 && result.kind === 'network') {
      return failed('network', `could not connect to ${target.display} (${result.code})`, 'Start your webhook handler, then check the URL (--url or webhook.url) and port.');
    }
    exchanges.push({ step: planned.step.id as ProbeExchange['step'], eventId: planned.event.id, eventType: planned.event.type, result });
  }
  return gathered({ url: target.display, budgetMs: timeoutMs, apiVersion: Stripe.API_VERSION, exchanges });
}

/** Signed at send time, as Stripe signs each delivery attempt afresh. */
function headerFor(kind: SignatureKind, body: string, secret: string): string | null {
  const now = Math.floor(Date.now() / 1000);
  switch (kind) {
    case 'valid':
      return signatureHeader(body, secret, now);
    case 'wrong_secret':
      return signatureHeader(body, forgerySecret(), now);
    case 'stale':
      return signatureHeader(body, secret, now - STALE_SIGNATURE_AGE_SECONDS);
    case 'missing':
      return null;
  }
}

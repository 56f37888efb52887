// Builders for the Probe artifact as rules see it: every step answered as a sound handler would
// (2xx for real events, 400 for forgeries) unless a case says otherwise.
import type { ProbeRecord, ProbeResult } from '../../src/gather/probe/types.js';
import { gathered, failed, type Gathered } from '../../src/engine/gathered.js';
import { PROBE_STEPS, type ProbeStepId } from '../../src/probe/plan.js';

/** A status number is shorthand for a response with that status. */
export type Answer = ProbeResult | number | 'timeout' | 'refused';

export function answer(value: Answer, excerpt = ''): ProbeResult {
  if (value === 'timeout') return { kind: 'timeout', latencyMs: 5000 };
  if (value === 'refused') return { kind: 'network', code: 'ECONNRESET', latencyMs: 3 };
  if (typeof value !== 'number') return value;
  return {
    kind: 'response',
    status: value,
    latencyMs: 4,
    excerpt: excerpt || (value < 300 ? '{"received":true}' : value < 400 ? 'Moved' : value < 500 ? '{"error":"No signatures found matching the expected signature for payload"}' : '{"error":"Internal error"}'),
    location: value >= 300 && value < 400 ? 'http://127.0.0.1:4242/webhooks/stripe' : null,
  };
}

export function probeRecord(answers: Partial<Record<ProbeStepId, Answer>> = {}, { omit = [] as ProbeStepId[] } = {}): ProbeRecord {
  return {
    url: 'http://127.0.0.1:4242/webhook',
    budgetMs: 5000,
    apiVersion: '2026-10-28.endive',
    exchanges: PROBE_STEPS.filter((step) => !omit.includes(step.id)).map((step) => ({
      step: step.id,
      eventId: `evt_golive_probe_000000000000_${step.id}`,
      eventType: step.eventType,
      result: answer(answers[step.id] ?? (step.expect === 'accept' ? 200 : 400)),
    })),
  };
}

export const probed = (answers: Partial<Record<ProbeStepId, Answer>> = {}, options?: { omit?: ProbeStepId[] }): { Probe: Gathered<ProbeRecord> } => ({
  Probe: gathered(probeRecord(answers, options)),
});

export const notProbed = { Probe: failed<ProbeRecord>('not_configured', 'the webhook handler was not probed', 'Run `identity-golive probe` or `check --probe`.') };
export const probeUnreachable = { Probe: failed<ProbeRecord>('network', 'could not connect to http://127.0.0.1:4242/webhook (ECONNREFUSED)', 'Start your webhook handler.') };

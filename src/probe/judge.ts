// Pure judgement of recorded probe exchanges, shared by the three webhook-handler rules: each
// exchange is held against what its plan step expects, and described as finding data.
import type { ProbeExchange, ProbeRecord } from '../gather/probe/types.js';
import { PROBE_STEPS_BY_ID, type Expectation, type ProbeStepId } from './plan.js';
import { maskSecrets } from '../util/mask.js';
import { outcome, type Finding, type Outcome } from '../engine/rule.js';

/** Why an exchange missed its expectation; `null` when it met it. */
export type Miss =
  | 'accepted' // a 2xx where a 4xx was due (a forgery went through)
  | 'rejected' // a 4xx (or other non-2xx) where a 2xx was due
  | 'redirected' // any 3xx: Stripe counts it as a failed delivery and does not follow it
  | 'serverError' // a 5xx
  | 'timedOut' // no answer within the budget
  | 'connectionFailed';

export function missOf(exchange: ProbeExchange, expect: Expectation): Miss | null {
  const { result } = exchange;
  if (result.kind === 'timeout') return 'timedOut';
  if (result.kind === 'network') return 'connectionFailed';
  const { status } = result;
  if (status >= 300 && status < 400) return 'redirected';
  if (status >= 500) return 'serverError';
  const success = status >= 200 && status < 300;
  if (expect === 'accept') return success ? null : 'rejected';
  if (status >= 400 && status < 500) return null;
  return success ? 'accepted' : 'rejected';
}

/**
 * Everything a message template may name about one exchange; every key always present. Finding
 * data lands in the JSON report as is, so text from the handler is masked here as well.
 */
export function evidence(exchange: ProbeExchange, record: ProbeRecord): Record<string, string | number> {
  const step = PROBE_STEPS_BY_ID.get(exchange.step);
  const { result } = exchange;
  const data: Record<string, string | number> = {
    step: exchange.step,
    request: step?.label ?? exchange.step,
    eventId: exchange.eventId,
    status: result.kind === 'response' ? result.status : result.kind === 'timeout' ? 'no answer' : 'no connection',
    latencyMs: Math.round(result.latencyMs),
    excerpt: result.kind === 'response' ? result.excerpt || '(empty body)' : '(none)',
    location: result.kind === 'response' && result.location ? result.location : '(no Location header)',
    code: result.kind === 'network' ? result.code : '',
    budget: formatBudget(record.budgetMs),
    url: record.url,
  };
  for (const [key, value] of Object.entries(data)) if (typeof value === 'string') data[key] = maskSecrets(value);
  return data;
}

export function formatBudget(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export interface JudgedStep {
  readonly step: ProbeStepId;
  /** null when the record holds no exchange for the step (an older or partial record). */
  readonly exchange: ProbeExchange | null;
  readonly miss: Miss | null;
}

/** The rule's steps, each with its exchange and verdict, in plan order. */
export function judgeSteps(record: ProbeRecord, steps: readonly ProbeStepId[]): JudgedStep[] {
  return steps.map((id) => {
    const exchange = record.exchanges.find((candidate) => candidate.step === id) ?? null;
    const expect = PROBE_STEPS_BY_ID.get(id)?.expect ?? 'accept';
    return { step: id, exchange, miss: exchange ? missOf(exchange, expect) : null };
  });
}

/** The message every probe rule has for a record that lacks one of its steps. */
export const NOT_PROBED_MESSAGE = {
  text: 'The probe record holds no answer to {{request}}.',
  fix: 'Run `identity-golive probe` again with this version.',
} as const;

/**
 * A probe rule's outcome: `error` when a step has no recorded exchange (never a pass without it),
 * else an info finding per step that held and a failing one per step that missed.
 */
export function probeOutcome<M extends string>(
  record: ProbeRecord,
  steps: readonly ProbeStepId[],
  messages: { held: M; notProbed: M; missed: (step: ProbeStepId, miss: Miss) => M },
): Outcome<M> {
  const judged = judgeSteps(record, steps);
  const missing = judged.find((entry) => entry.exchange === null);
  if (missing) return outcome.of('error', { messageId: messages.notProbed, data: { request: missing.step } });
  const findings: Finding<M>[] = judged.map(({ step, exchange, miss }) => {
    const data = evidence(exchange!, record);
    return miss === null ? { messageId: messages.held, level: 'info', data } : { messageId: messages.missed(step, miss), level: 'fail', data };
  });
  return outcome.from(findings);
}

// The fault matrix: every rule that reads Stripe, for every Stripe route it depends on, under every
// way an API can fail. Both keys are given, so the evidence was asked for: no rule may pass, the
// run never says "ready" (exit 2, or 1 when something else truly failed), and it ends within its
// deadline. Real SDK, real HTTP, the double; the good Node fixture project supplies the code side.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { runCheckCommand } from '../../src/app/check.js';
import { isStripeArtifact, type StripeArtifactId } from '../../src/engine/artifacts.js';
import type { Report } from '../../src/report/types.js';
import { RULES } from '../../rules/index.js';
import { memoryIo } from '../support/memory-io.js';
import { startStripeDouble, type FaultKind, type RouteId } from '../support/stripe-double.js';

const FAULTS: readonly FaultKind[] = ['forbidden', 'server_error', 'rate_limit', 'reset', 'malformed_json', 'hang', 'drip_headers', 'drip_body', 'switching_protocols', 'endless_body'];

const ROUTES_OF: Record<StripeArtifactId, readonly RouteId[]> = {
  Account: ['account'],
  WebhookEndpoints: ['webhook_endpoints', 'event_destinations'],
  Events: ['events'],
  VerificationSessions: ['verification_sessions'],
};
const ROUTES = Object.values(ROUTES_OF).flat();

const STRIPE_RULES = RULES.filter((rule) => rule.meta.requiredArtifacts.some(isStripeArtifact) && !rule.meta.requiredArtifacts.includes('Probe'));
const readsRoute = (route: RouteId) =>
  STRIPE_RULES.filter((rule) => rule.meta.requiredArtifacts.some((id) => isStripeArtifact(id) && ROUTES_OF[id].includes(route))).map((rule) => rule.meta.id);

/** The good Node project with a config that keeps the per-request deadline short. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'golive-faults-'));
  cpSync(path.resolve(import.meta.dirname, '../../fixtures/projects/node-good'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'identity-golive.config.json'), JSON.stringify({ stripe: { timeoutMs: 1000 } }));
  return dir;
}

describe.concurrent('fault matrix: evidence asked for but not read never passes', () => {
  const cases = FAULTS.flatMap((fault) => ROUTES.map((route) => [fault, route] as const));
  it.each(cases)('%s on %s', async (fault, route) => {
    // Each case owns its double and closes it itself: the cases run concurrently, and a shared
    // afterEach would close a running case's double, freeing its port for another case's.
    const double = await startStripeDouble({ scenario: 'ready', faults: [{ route, kind: fault }] });
    try {
      await checkUnderFault(double.url, fault, route);
    } finally {
      await double.close();
    }
  }, 40_000);
});

async function checkUnderFault(apiBase: string, fault: FaultKind, route: RouteId): Promise<void> {
  const dir = project();
  const io = memoryIo(dir, { NO_COLOR: '1', STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveRestricted, STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted });
  const started = Date.now();
  const code = await runCheckCommand({ format: 'json', apiBase, only: STRIPE_RULES.map((rule) => rule.meta.id).join(',') }, io);
  const report = JSON.parse(io.out()) as Report;
  const affected = readsRoute(route);
  expect(affected.length).toBeGreaterThan(0);
  for (const id of affected) {
    const result = report.results.find((r) => r.ruleId === id);
    expect(result?.status, `${id} under ${fault} on ${route}`).not.toBe('pass');
  }
  expect(code, io.err()).not.toBe(0);
  expect(report.exitCode).toBe(code);
  // Three attempts of a 1 s deadline plus the SDK's backoff: far below the drip's hours.
  expect(Date.now() - started).toBeLessThan(25_000);
}

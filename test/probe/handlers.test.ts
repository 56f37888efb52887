// Each sample handler in fixtures/webhooks/, run for real on 127.0.0.1, probed for real: exactly
// its expected failing findings (rule/message@step), nothing more, nothing less.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/app/probe.js';
import type { Report } from '../../src/report/types.js';
import {FIXTURE_SECRET, startHandler, type RunningHandler } from '../support/webhook-handlers.js';
import { memoryIo } from '../support/memory-io.js';

const ACK = 'webhook-handler-acknowledges-events';
const SIG = 'webhook-handler-verifies-signature';
const TOL = 'webhook-handler-tolerates-duplicates-and-unknown-types';
const LIFECYCLE = ['created', 'processing', 'requires_input', 'verified', 'canceled', 'redacted'];

interface Row {
  handler: string;
  /** Failing findings as `rule/messageId@step`. */
  failing: string[];
  exitCode: 0 | 1;
  timeout?: string;
}

const TABLE: Row[] = [
  { handler: 'node-sdk.mjs', failing: [], exitCode: 0 },
  { handler: 'python_handler.py', failing: [], exitCode: 0 },
  {
    handler: 'unsigned-fallback.mjs',
    failing: [`${SIG}/acceptedWrongSignature@wrong_signature`, `${SIG}/acceptedMissingSignature@missing_signature`, `${SIG}/acceptedStaleTimestamp@stale_timestamp`],
    exitCode: 1,
  },
  { handler: 'ignores-timestamp.mjs', failing: [`${SIG}/acceptedStaleTimestamp@stale_timestamp`], exitCode: 1 },
  // Sleeps 10 s on first-seen verified/requires_input; a 1 s budget keeps the test short.
  { handler: 'slow.mjs', failing: [`${ACK}/timedOut@requires_input`, `${ACK}/timedOut@verified`], exitCode: 1, timeout: '1' },
  { handler: 'fails-unknown-types.mjs', failing: [`${TOL}/serverError@unknown_type`], exitCode: 1 },
  {
    handler: 'redirects.mjs',
    failing: [
      ...LIFECYCLE.map((step) => `${ACK}/redirected@${step}`),
      `${TOL}/redirected@duplicate`,
      `${TOL}/redirected@unknown_type`,
      ...['wrong_signature', 'missing_signature', 'stale_timestamp'].map((step) => `${SIG}/redirected@${step}`),
    ],
    exitCode: 1,
  },
];

function failingOf(report: Report): string[] {
  return report.results.flatMap((result) => result.findings.filter((finding) => finding.level === 'fail').map((finding) => `${result.ruleId}/${finding.messageId}@${finding.data.step}`)).sort();
}

describe('probe against the sample handlers', () => {
  const running = new Map<string, RunningHandler>();
  let cwd: string;

  beforeAll(async () => {
    cwd = mkdtempSync(path.join(tmpdir(), 'golive-probe-'));
    const started = await Promise.all(TABLE.map(async (row) => [row.handler, await startHandler(row.handler)] as const));
    for (const [name, handler] of started) running.set(name, handler);
  });
  afterAll(async () => {
    await Promise.all([...running.values()].map((handler) => handler.stop()));
    rmSync(cwd, { recursive: true, force: true });
  });

  it.each(TABLE.map((row) => [row.handler, row] as const))('%s', async (_name, row) => {
    const handler = running.get(row.handler)!;
    const io = memoryIo(cwd, { STRIPE_WEBHOOK_SECRET: FIXTURE_SECRET });
    const report = await runProbe({ url: handler.url, timeout: row.timeout, format: 'json' }, io);
    expect(failingOf(report)).toEqual([...row.failing].sort());
    expect(report.results.map((result) => result.status)).toEqual(report.results.map((result) => (row.failing.some((id) => id.startsWith(`${result.ruleId}/`)) ? 'fail' : 'pass')));
    expect(report.results).toHaveLength(3);
    expect(report.exitCode).toBe(row.exitCode);
    // Every exchange is in the report as evidence: 6 + 2 + 3 findings.
    expect(report.results.reduce((count, result) => count + result.findings.length, 0)).toBe(11);
    const text = JSON.stringify(report) + io.out() + io.err();
    expect(text).not.toContain(FIXTURE_SECRET);
    expect(text).not.toContain(FIXTURE_SECRET.slice('whsec_'.length));
  });
});

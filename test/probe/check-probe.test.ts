// `check` and the probe rules: they stay out of a plain run, are skipped (never passed) when named
// without a probe, and fold into the webhooks item with --probe.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/app/check.js';
import type { CheckOptions } from '../../src/cli/commands/check.js';
import { UserError } from '../../src/util/user-error.js';
import {FIXTURE_SECRET, startHandler, type RunningHandler } from '../support/webhook-handlers.js';
import { memoryIo } from '../support/memory-io.js';

const PROBE_RULES = ['webhook-handler-acknowledges-events', 'webhook-handler-tolerates-duplicates-and-unknown-types', 'webhook-handler-verifies-signature'];
const options = (extra: Partial<CheckOptions> = {}): CheckOptions => ({ format: 'json', ...extra });

describe('check and the probe rules', () => {
  let cwd: string;
  let handler: RunningHandler;
  const env = { STRIPE_WEBHOOK_SECRET: FIXTURE_SECRET };

  beforeAll(async () => {
    cwd = mkdtempSync(path.join(tmpdir(), 'golive-check-probe-'));
    handler = await startHandler('ignores-timestamp.mjs');
  });
  afterAll(async () => {
    await handler.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('a plain check does not select them, and says once how to run them', async () => {
    const report = await runCheck(options({ cwd }), memoryIo(cwd, env));
    expect(report.results.filter((result) => PROBE_RULES.includes(result.ruleId))).toEqual([]);
    expect(report.notices.filter((notice) => notice.message.includes('not probed'))).toHaveLength(1);
  });

  it('named without --probe, they are skipped with the fix, never passed', async () => {
    const report = await runCheck(options({ cwd, rule: PROBE_RULES }), memoryIo(cwd, env));
    expect(report.results.map((result) => [result.ruleId, result.status])).toEqual(PROBE_RULES.map((id) => [id, 'skipped']));
    for (const result of report.results) expect(result.findings[0]?.fix).toBe('Run `identity-golive probe` or `check --probe`.');
    // Only skipped rules: nothing was checked, so the run cannot say "ready".
    expect(report.exitCode).toBe(2);
  });

  it('--probe-url folds the probe into the webhooks item', async () => {
    const report = await runCheck(options({ cwd, probeUrl: handler.url }), memoryIo(cwd, env));
    const probeResults = report.results.filter((result) => PROBE_RULES.includes(result.ruleId));
    expect(probeResults.map((result) => [result.ruleId, result.item, result.status])).toEqual([
      ['webhook-handler-acknowledges-events', 'webhooks', 'pass'],
      ['webhook-handler-tolerates-duplicates-and-unknown-types', 'webhooks', 'pass'],
      ['webhook-handler-verifies-signature', 'webhooks', 'fail'],
    ]);
    expect(report.exitCode).toBe(1);
    expect(report.notices.some((notice) => notice.message.startsWith('Probe: 11 requests to'))).toBe(true);
    expect(JSON.stringify(report)).not.toContain(FIXTURE_SECRET);
  });

  it('--probe takes the URL from config webhook.url', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-check-probe-config-'));
    try {
      writeFileSync(path.join(dir, 'identity-golive.config.json'), JSON.stringify({ webhook: { url: handler.url } }));
      const report = await runCheck(options({ cwd: dir, probe: true }), memoryIo(dir, env));
      expect(report.results.find((result) => result.ruleId === 'webhook-handler-verifies-signature')?.findings.find((finding) => finding.level === 'fail')?.messageId).toBe('acceptedStaleTimestamp');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--probe cannot replay a snapshot or run offline', async () => {
    await expect(runCheck(options({ cwd, probe: true, snapshot: 'x.json' }), memoryIo(cwd, env))).rejects.toThrow(UserError);
    await expect(runCheck(options({ cwd, probe: true, offline: true }), memoryIo(cwd, env))).rejects.toThrow(/--offline/);
  });
});

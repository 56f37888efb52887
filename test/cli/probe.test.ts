// The built CLI, spawned as users run it (NO_COLOR=1), against real handlers on 127.0.0.1.
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_SECRET, startHandler, type RunningHandler } from '../support/webhook-handlers.js';
import { runCli, type CliRun } from '../support/cli.js';

type Run = CliRun;

const cli = (args: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string> }): Promise<Run> => runCli(args, { cwd, env });

/** The secret, whole or without its prefix, appears nowhere. */
function expectNoSecret(run: Run): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toContain(FIXTURE_SECRET);
    expect(text).not.toContain(FIXTURE_SECRET.slice('whsec_'.length));
  }
}

/** A server that counts requests and answers 500 with the secret in its body (a handler dumping its config). */
async function startLeakyServer(): Promise<{ port: number; count: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    count += 1;
    req.resume();
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`misconfigured: secret=${FIXTURE_SECRET} raw=${FIXTURE_SECRET.slice(6)}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, count: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('identity-golive probe (CLI)', () => {
  let cwd: string;
  let good: RunningHandler;
  let fallback: RunningHandler;
  const secretEnv = { STRIPE_WEBHOOK_SECRET: FIXTURE_SECRET };

  beforeAll(async () => {
    cwd = mkdtempSync(path.join(tmpdir(), 'golive-probe-cli-'));
    [good, fallback] = await Promise.all([startHandler('node-sdk.mjs'), startHandler('unsigned-fallback.mjs')]);
  });
  afterAll(async () => {
    await Promise.all([good.stop(), fallback.stop()]);
    rmSync(cwd, { recursive: true, force: true });
  });

  it('exits 0 for a sound handler, with a plain-text report', async () => {
    const run = await cli(['probe', '--url', good.url], { cwd, env: secretEnv });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('9. Follow webhook best practices');
    expect(run.stdout).toContain('3 pass');
    // Three rules are not the checklist: a sound handler is not "ready to go live".
    expect(run.stdout.replace(/\n/g, ' ')).toContain('The selected rules pass; this is not a go-live verdict (run `check` for the whole checklist).');
    expect(run.stdout).not.toContain('Ready to go live');
    expect(run.stdout).toContain('whsec_…');
    expect(run.stdout).not.toContain('\u001b[');
    expectNoSecret(run);
  });

  it('takes the URL as a positional argument too, and refuses two different URLs', async () => {
    const run = await cli(['probe', good.url, '--format', 'json'], { cwd, env: secretEnv });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.pass).toBe(3);
    const same = await cli(['probe', good.url, '--url', good.url, '--format', 'json'], { cwd, env: secretEnv });
    expect(same.code).toBe(0);
    const both = await cli(['probe', good.url, '--url', fallback.url], { cwd, env: secretEnv });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`Two URLs to probe: "${good.url}" and --url "${fallback.url}".`);
    expect(both.stdout).toBe('');
    expectNoSecret(both);
  });

  it('exits 1 for a handler that falls back to the unsigned body, in pretty and json', async () => {
    const pretty = await cli(['probe', '--url', fallback.url], { cwd, env: secretEnv });
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain('Accepted a forged event');
    expectNoSecret(pretty);
    const json = await cli(['probe', '--url', fallback.url, '--format', 'json'], { cwd, env: secretEnv });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { exitCode: number; results: { ruleId: string; status: string }[] };
    expect(report.exitCode).toBe(1);
    expect(Object.fromEntries(report.results.map((result) => [result.ruleId, result.status]))).toEqual({
      'webhook-handler-acknowledges-events': 'pass',
      'webhook-handler-tolerates-duplicates-and-unknown-types': 'pass',
      'webhook-handler-verifies-signature': 'fail',
    });
    expectNoSecret(json);
  });

  it('never prints a secret the handler echoes back', async () => {
    const leaky = await startLeakyServer();
    try {
      for (const format of ['pretty', 'json']) {
        const run = await cli(['probe', '--url', `http://127.0.0.1:${leaky.port}/webhook`, '--format', format], { cwd, env: secretEnv });
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('misconfigured: secret=whsec_…');
        expectNoSecret(run);
      }
      expect(leaky.count()).toBe(22);
    } finally {
      await leaky.close();
    }
  });

  it('reads the URL from config webhook.url and the secret from webhook.secretEnv', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-probe-config-'));
    try {
      writeFileSync(path.join(dir, '.identity-goliverc.json'), JSON.stringify({ webhook: { url: good.url, secretEnv: 'ACME_HOOK_SECRET' } }));
      const missing = await cli(['probe'], { cwd: dir, env: secretEnv });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('ACME_HOOK_SECRET is not set');
      const run = await cli(['probe'], { cwd: dir, env: { ACME_HOOK_SECRET: FIXTURE_SECRET } });
      expect(run.code).toBe(0);
      expectNoSecret(run);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 naming the variable when the secret is missing or malformed', async () => {
    const missing = await cli(['probe', '--url', good.url], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('STRIPE_WEBHOOK_SECRET is not set');
    expect(missing.stdout).toBe('');
    const malformed = await cli(['probe', '--url', good.url], { cwd, env: { STRIPE_WEBHOOK_SECRET: 'sk_test_notAWebhookSecret123' } });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('does not look like a webhook signing secret');
    expect(malformed.stderr).not.toContain('notAWebhookSecret123');
  });

  it('exits 2 with how to give a URL when there is none', async () => {
    const run = await cli(['probe'], { cwd, env: secretEnv });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No webhook URL to probe');
    expect(run.stderr).toContain('--url http://127.0.0.1:4242/webhook');
    expect(run.stderr).toContain('webhook.url');
  });

  it('suggests the route init found in the code (webhook.path)', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'probe-path-'));
    writeFileSync(path.join(project, 'identity-golive.config.json'), JSON.stringify({ webhook: { path: '/hooks/stripe-identity' } }));
    const run = await cli(['probe'], { cwd: project, env: secretEnv });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--url http://127.0.0.1:4242/hooks/stripe-identity');
    rmSync(project, { recursive: true, force: true });
  });

  it('exits 2 (could not decide) when nothing listens there', async () => {
    const closed = await startLeakyServer();
    await closed.close();
    const run = await cli(['probe', '--url', `http://127.0.0.1:${closed.port}/webhook`], { cwd, env: secretEnv });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('ECONNREFUSED');
    expect(run.stdout).toContain('Start your webhook handler');
  });

  it('refuses a non-local address without --allow-remote, before sending anything', async () => {
    const counter = await startLeakyServer();
    try {
      // Control: on this machine 0.0.0.0 reaches the listener on 127.0.0.1, so a request sent there would be counted.
      await new Promise<void>((resolve) => http.request({ host: '0.0.0.0', port: counter.port, method: 'POST', path: '/webhook' }, (res) => res.resume().on('end', resolve)).end());
      expect(counter.count()).toBe(1);
      const run = await cli(['probe', '--url', `http://0.0.0.0:${counter.port}/webhook`], { cwd, env: secretEnv });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('not a loopback or private address');
      expect(run.stderr).toContain('--allow-remote');
      expect(counter.count()).toBe(1);
      const remote = await cli(['probe', '--url', 'https://203.0.113.10/webhook'], { cwd, env: secretEnv });
      expect(remote.code).toBe(2);
      expect(remote.stderr).toContain('Refusing to probe https://203.0.113.10/webhook');
      expectNoSecret(run);
    } finally {
      await counter.close();
    }
  });

  it('rejects a bad --timeout', async () => {
    const run = await cli(['probe', '--url', good.url, '--timeout', '90'], { cwd, env: secretEnv });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--timeout must be between 0.1 and 30 seconds');
  });
});

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';
import { TmuxSession, tmuxAvailable } from '../support/tmux.js';
import { detectProject } from '../../src/init/detect.js';
import { FIXTURE_SECRET, startHandler } from '../support/webhook-handlers.js';

let project: string;
beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'init-'));
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

async function files(tree: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(tree)) {
    await mkdir(path.dirname(path.join(project, file)), { recursive: true });
    await writeFile(path.join(project, file), content);
  }
}

const config = async () => JSON.parse(await readFile(path.join(project, 'identity-golive.config.json'), 'utf8')) as Record<string, unknown>;

describe('project detection', () => {
  it.each([
    ['express (node)', 'src/routes/hooks.ts', "router.get('/health', ok);\nrouter.post('/webhooks/stripe', express.raw(), (req, res) => {\n  const event = stripe.webhooks.constructEvent(req.body, sig, secret);\n});\n", 'node', '/webhooks/stripe', 3],
    ['flask (python)', 'app.py', "@app.route('/stripe/webhook', methods=['POST'])\ndef hook():\n    event = stripe.Webhook.construct_event(payload, sig, secret)\n", 'python', '/stripe/webhook', 3],
    ['sinatra (ruby)', 'app.rb', "post '/hooks' do\n  event = Stripe::Webhook.construct_event(payload, sig, secret)\nend\n", 'ruby', '/hooks', 2],
    ['laravel (php)', 'routes/web.php', "<?php\nRoute::post('/stripe/webhook', function () {\n  $event = \\Stripe\\Webhook::constructEvent($payload, $sig, $secret);\n});\n", 'php', '/stripe/webhook', 3],
    ['net/http (go)', 'main.go', 'package main\nfunc main() {\n  http.HandleFunc("/webhook", handle)\n}\nfunc handle() { event, err := webhook.ConstructEvent(payload, sig, secret) }\n', 'go', '/webhook', 5],
    ['spring (java)', 'src/main/java/Hooks.java', '@PostMapping("/stripe/events")\npublic String hook() { Event event = Webhook.constructEvent(payload, sig, secret); }\n', 'java', '/stripe/events', 2],
    ['asp.net (dotnet)', 'Controllers/Hooks.cs', '[Route("api/stripe/webhook")]\npublic class Hooks { void Post() { var e = EventUtility.ConstructEvent(json, sig, secret); } }\n', 'dotnet', '/api/stripe/webhook', 2],
  ])('finds the webhook of %s', async (_name, file, content, language, route, line) => {
    await files({ [file]: content, 'node_modules/pkg/index.js': 'stripe.webhooks.constructEvent(a, b, c)', 'README.md': '# x' });
    const detection = await detectProject(project);
    expect(detection.languages).toEqual([language]);
    expect(detection.webhook).toEqual({ file, line, route });
  });

  it('ignores tests that sign fake events, and reports no webhook when there is none', async () => {
    await files({ 'test/webhook.test.ts': "app.post('/x', () => stripe.webhooks.constructEvent(a, b, c))", 'src/index.js': 'console.log(1)' });
    const detection = await detectProject(project);
    expect(detection.webhook).toBeNull();
    expect(detection.filesByLanguage).toEqual({ node: 2 });
  });
});

describe('identity-golive init', () => {
  const webhook = { 'src/server.ts': "app.post('/webhooks/stripe', (req, res) => { stripe.webhooks.constructEvent(req.body, sig, secret); });\n", 'scripts/seed.py': 'print(1)\n', 'scripts/more.py': 'print(2)\n' };

  it('--yes writes the detected defaults and the given URLs, with a $schema reference', async () => {
    await files(webhook);
    const run = await runCli(['init', '--yes', '--privacy-policy-url', 'https://example.com/privacy', '--faq-url', 'https://example.com/faq'], { cwd: project });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('languages python (2 files), node (1 file)');
    expect(await config()).toEqual({
      $schema: 'node_modules/identity-golive/schema/identity-golive.schema.json',
      privacyPolicyUrl: 'https://example.com/privacy',
      faqUrl: 'https://example.com/faq',
      source: { languages: ['python', 'node'] },
      webhook: { path: '/webhooks/stripe' },
    });
    const check = await runCli(['check', '--print-config'], { cwd: project });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ faqUrl: 'https://example.com/faq', webhook: { path: '/webhooks/stripe' } });
  });

  it.each([
    ['a local run over http', 'http://127.0.0.1:4242/webhooks/stripe'],
    ['localhost', 'http://localhost:3000/hooks'],
    ['a private address', 'http://192.168.1.20:8080/hooks'],
    ['https anywhere', 'https://api.example.com/webhooks/stripe'],
  ])('--webhook-url accepts %s', async (_name, url) => {
    await files(webhook);
    const run = await runCli(['init', '--yes', '--webhook-url', url], { cwd: project });
    expect(run.code).toBe(0);
    expect((await config()).webhook).toEqual({ url, path: '/webhooks/stripe' });
    const check = await runCli(['check', '--print-config'], { cwd: project });
    expect(JSON.parse(check.stdout)).toMatchObject({ webhook: { url } });
  });

  it('a local http webhook URL from init is what `probe` then sends to', async () => {
    const handler = await startHandler('node-sdk.mjs');
    try {
      await files(webhook);
      expect((await runCli(['init', '--yes', '--webhook-url', handler.url], { cwd: project })).code).toBe(0);
      const probe = await runCli(['probe', '--format', 'json'], { cwd: project, env: { STRIPE_WEBHOOK_SECRET: FIXTURE_SECRET } });
      expect(probe.code).toBe(0);
      const report = JSON.parse(probe.stdout) as { results: { status: string }[] };
      expect(report.results.map((result) => result.status)).toEqual(['pass', 'pass', 'pass']);
    } finally {
      await handler.stop();
    }
  });

  it('never overwrites an existing config without --force', async () => {
    await files({ 'identity-golive.config.json': '{"faqUrl": "https://keep.example.com/faq"}' });
    const refused = await runCli(['init', '--yes'], { cwd: project });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(await config()).toEqual({ faqUrl: 'https://keep.example.com/faq' });
    const forced = await runCli(['init', '--yes', '--force'], { cwd: project });
    expect(forced.code).toBe(0);
    expect(await config()).toEqual({ $schema: 'node_modules/identity-golive/schema/identity-golive.schema.json' });
  });

  it('refuses when another config would take precedence', async () => {
    await files({ 'package.json': JSON.stringify({ name: 'x', 'identity-golive': { faqUrl: 'https://example.com/faq' } }) });
    const run = await runCli(['init', '--yes', '--force'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('package.json ("identity-golive" key)');
  });

  it.each([
    ['a plain http URL', ['init', '--yes', '--privacy-policy-url', 'http://example.com/privacy'], '--privacy-policy-url must be an absolute https:// URL'],
    ['no terminal and no --yes', ['init'], 'identity-golive init --yes'],
    ['a public plain-http webhook URL', ['init', '--yes', '--webhook-url', 'http://api.example.com/hooks'], 'Plain http only for a local run (127.0.0.1, localhost, a private address)'],
    ['a webhook URL that is not one', ['init', '--yes', '--webhook-url', 'ftp://127.0.0.1/hooks'], 'An http(s) URL such as http://127.0.0.1:4242/webhooks/stripe'],
  ])('exits 2 on %s, writing nothing', async (_name, args, message) => {
    const run = await runCli(args, { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    await expect(readFile(path.join(project, 'identity-golive.config.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  describe.skipIf(!tmuxAvailable())('interactively (needs tmux)', () => {
    let terminal: TmuxSession;
    afterEach(() => terminal.stop());

    it('asks, prefilled with what it detected, and writes the answers', async () => {
      await files(webhook);
      terminal = new TmuxSession(project);
      terminal.start(`env -u CI NO_COLOR=1 node ${BIN} init --faq-url https://example.com/faq`, project);
      await terminal.waitFor(/Languages of your Stripe integration/);
      terminal.press('Enter'); // keep the detected languages
      await terminal.waitFor(/Privacy policy URL/);
      terminal.type('http://example.com/privacy');
      terminal.press('Enter');
      await terminal.waitFor(/An https:\/\/ URL/);
      terminal.press('C-u');
      terminal.type('https://example.com/privacy');
      terminal.press('Enter');
      await terminal.waitFor(/Customer FAQ URL/);
      terminal.press('Enter'); // keep the --faq-url default
      await terminal.waitFor(/Data-deletion page URL/);
      terminal.press('Enter');
      await terminal.waitFor(/Route of your webhook handler/);
      terminal.press('Enter'); // keep the detected route
      await terminal.waitFor(/URL of that handler for `probe`/);
      terminal.type('http://api.example.com/webhooks/stripe');
      terminal.press('Enter');
      await terminal.waitFor(/Plain http only for a local run/);
      terminal.press('C-u');
      terminal.type('http://127.0.0.1:4242/webhooks/stripe');
      terminal.press('Enter');
      expect(await terminal.exitCode()).toBe(0);
      expect(await config()).toEqual({
        $schema: 'node_modules/identity-golive/schema/identity-golive.schema.json',
        privacyPolicyUrl: 'https://example.com/privacy',
        faqUrl: 'https://example.com/faq',
        source: { languages: ['node', 'python'] },
        webhook: { url: 'http://127.0.0.1:4242/webhooks/stripe', path: '/webhooks/stripe' },
      });
    });
  });
});

// The discretion promise, end to end: every command and every format, run with planted secrets
// (API keys, a webhook secret, client_secrets, session urls and metadata values in the Stripe
// fixtures, secrets committed in the scanned code), and none of them may appear in stdout,
// stderr or any file the tool writes.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_KEYS, PLANTED } from '../fixtures/stripe/index.js';
import { REPORTER_NAMES } from '../src/report/names.js';
import { REPO_ROOT, runCli, type CliRun } from './support/cli.js';
import { startStripeDouble, type StripeDouble } from './support/stripe-double.js';
import { startPageServer, type PageServer } from './support/page-server.js';
import { startHandler, type RunningHandler } from './support/webhook-handlers.js';

const WEBHOOK_SECRET = `whsec_${PLANTED}0123456789abcdef`;
const CODE_LIVE_KEY = `sk_live_${PLANTED}4242424242424242`;
const CODE_WEBHOOK_SECRET = `whsec_${PLANTED}committed0000000000`;
/** Generated shapes on long code lines, at every offset around the snippet cut (160 characters): mask first, then cut. */
const LONG_LINE_SECRETS = Array.from({ length: 12 }, (_, i) => `${['sk_live_', 'rk_live_', 'whsec_'][i % 3]}${PLANTED}${'Q7mZ2pLx9RkT'.slice(0, 4 + (i % 8))}${i % 4 === 0 ? '_rotated' : ''}`);
const LONG_LINES = LONG_LINE_SECRETS.map(
  (secret, i) => `const s${i} = await stripe.identity.verificationSessions.create({ type: 'document' }); // ${'x'.repeat(60 + i * 9)} ${secret} ${'y'.repeat(80)}\n`,
).join('');
const SECRETS = [PLANTED, WEBHOOK_SECRET, CODE_LIVE_KEY, CODE_WEBHOOK_SECRET, ...LONG_LINE_SECRETS, ...Object.values(FIXTURE_KEYS)];

let project: string;
let out: string;
let stripe: StripeDouble;
let pages: PageServer;
let handler: RunningHandler;
let env: Record<string, string>;
const runs: { name: string; run: CliRun }[] = [];

async function record(name: string, args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  const run = await runCli(args, { cwd: project, env: { ...env, ...extraEnv } });
  runs.push({ name, run });
  return run;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  [stripe, pages] = await Promise.all([startStripeDouble({ scenario: 'not-ready' }), startPageServer()]);
  handler = await startHandler('node-sdk.mjs', { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
  project = await mkdtemp(path.join(tmpdir(), 'golive-leak-'));
  out = path.join(project, 'out');
  await cp(path.join(REPO_ROOT, 'fixtures/projects/node-flawed'), project, { recursive: true });
  // A secret committed in code: the no-secrets-in-code rule must report it masked.
  await writeFile(path.join(project, 'src', 'leaky-config.js'), `module.exports = { key: '${CODE_LIVE_KEY}', hook: '${CODE_WEBHOOK_SECRET}' };\n`);
  await writeFile(path.join(project, 'src', 'long-lines.js'), LONG_LINES);
  await writeFile(path.join(project, 'identity-golive.config.json'), JSON.stringify({ privacyPolicyUrl: `${pages.https}/privacy`, faqUrl: `${pages.https}/faq`, webhook: { url: handler.url } }));
  env = {
    STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveRestricted,
    STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.url,
    NODE_EXTRA_CA_CERTS: pages.caFile,
  };

  const reports = REPORTER_NAMES.flatMap((format) => ['--report', `${format}=${path.join(out, `report.${format}`)}`]);
  await record('check, every format to files', ['check', ...reports]);
  for (const format of REPORTER_NAMES) await record(`check --format ${format}`, ['check', '--format', format]);
  await record('check --debug', ['check', '--debug', '--format', 'json']);
  await record('gather', ['gather', '-o', path.join(out, 'snapshot.json')]);
  await record('check --snapshot', ['check', '--snapshot', path.join(out, 'snapshot.json'), '--format', 'json']);
  await record('probe', ['probe', '--format', 'json']);
  await record('probe, pretty', ['probe']);
  await record('check --probe', ['check', '--probe', '--format', 'json']);
  await record('check --print-config', ['check', '--print-config']);
  await record('attest', ['attest', 'pricing-confirmed', '--note', 'Budget approved']);
  await record('attest --list', ['attest', '--list', '--format', 'json']);
  await record('rules', ['rules', '--format', 'json']);
  await record('explain', ['explain', 'no-secrets-in-code']);
  await record('init --yes', ['init', '--yes', '--force']);
  await record('rejected key (401)', ['check', '--format', 'json'], { STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveUnknown, STRIPE_TEST_API_KEY: FIXTURE_KEYS.testUnknown });
  await record('bad key format', ['check'], { STRIPE_LIVE_API_KEY: `pk_live_${PLANTED}`, STRIPE_TEST_API_KEY: '' });
}, 120_000);

afterAll(async () => {
  await Promise.all([stripe?.close(), pages?.close(), handler?.stop()]);
  if (project) await rm(project, { recursive: true, force: true });
});

describe('no secret leaves identity-golive', () => {
  it('ran every command it meant to, with real verdicts', () => {
    const byName = Object.fromEntries(runs.map(({ name, run }) => [name, run.code]));
    expect(byName['check, every format to files']).toBe(1);
    expect(byName.gather).toBe(0);
    expect(byName.probe).toBe(0);
    expect(byName['rejected key (401)']).toBe(2);
    expect(byName['bad key format']).toBe(2);
    // The committed secret was found (and so had a chance to leak).
    const json = JSON.parse(runs.find(({ name }) => name === 'check --format json')!.run.stdout) as { results: { ruleId: string; status: string }[] };
    expect(json.results.find((result) => result.ruleId === 'no-secrets-in-code')?.status).toBe('fail');
  });

  it.each(SECRETS.map((secret) => [secret.slice(0, 24), secret]))('%s… is in no stdout or stderr', (_short, secret) => {
    for (const { name, run } of runs) {
      expect({ name, stream: 'stdout', leaked: run.stdout.includes(secret) }).toEqual({ name, stream: 'stdout', leaked: false });
      expect({ name, stream: 'stderr', leaked: run.stderr.includes(secret) }).toEqual({ name, stream: 'stderr', leaked: false });
    }
  });

  it('writes no secret to any file (reports, snapshot, attestations, config)', async () => {
    const planted = [path.join('src', 'leaky-config.js'), path.join('src', 'long-lines.js')];
    const written = (await filesUnder(project)).filter((file) => !planted.some((own) => file.endsWith(own)));
    expect(written.some((file) => file.endsWith('snapshot.json'))).toBe(true);
    expect(written.filter((file) => path.basename(file).startsWith('report.'))).toHaveLength(REPORTER_NAMES.length);
    for (const file of written) {
      const text = await readFile(file, 'utf8');
      for (const secret of SECRETS) expect({ file, secret, leaked: text.includes(secret) }).toEqual({ file, secret, leaked: false });
    }
  });

  it('shows keys masked, so users still know which key was used', () => {
    const rejected = runs.find(({ name }) => name === 'rejected key (401)')!.run;
    expect(rejected.stdout + rejected.stderr).toContain('rk_live_…00L9');
  });
});

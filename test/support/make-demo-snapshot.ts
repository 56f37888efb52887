// `npm run demo:snapshot`: regenerate fixtures/demo/golive-snapshot.json with the real `gather`
// over real HTTP: the Stripe API double (scenario `ready`) and the HTTPS page server. The only
// rewrite afterwards is the page server's throwaway origin, replaced by the demo's configured one.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { startStripeDouble } from './stripe-double.js';
import { startPageServer } from './page-server.js';
import { memoryIo } from './memory-io.js';

const DEMO = path.resolve(import.meta.dirname, '../../fixtures/demo');
const DEMO_ORIGIN = 'https://fixture-labs.example';

const stripe = await startStripeDouble({ scenario: 'ready' });
const pages = await startPageServer();
const work = await mkdtemp(path.join(tmpdir(), 'golive-demo-'));
try {
  const demoConfig = JSON.parse(await readFile(path.join(DEMO, 'identity-golive.config.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _schema, ...config } = demoConfig;
  const configFile = path.join(work, 'config.json');
  await writeFile(configFile, JSON.stringify(config).replaceAll(DEMO_ORIGIN, pages.https));
  const output = path.join(work, 'snapshot.json');
  const io = memoryIo(DEMO, { STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveRestricted, STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted, NODE_EXTRA_CA_CERTS: pages.caFile });
  const code = await main(['gather', '--cwd', DEMO, '--config', configFile, '--api-base', stripe.url, '-o', output], io);
  if (code !== 0) throw new Error(`gather exited ${code}: ${io.err()}`);
  const snapshot = (await readFile(output, 'utf8')).replaceAll(pages.https, DEMO_ORIGIN);
  await writeFileAtomic(path.join(DEMO, 'golive-snapshot.json'), snapshot);
  process.stdout.write(`wrote fixtures/demo/golive-snapshot.json (${stripe.log.length} Stripe requests, ${pages.requests.length} page requests)\n`);
} finally {
  await Promise.all([stripe.close(), pages.close(), rm(work, { recursive: true, force: true })]);
}

import rule from './no-secrets-in-code.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure } from '../test/support/facts.js';
import { sourceOf } from '../test/support/source.js';
import { fakeSecret } from '../test/support/fake-secrets.js';

const LIVE = fakeSecret('sk_live', 'Ab12');
const RESTRICTED = fakeSecret('rk_live', 'Cd34');
const WHSEC = fakeSecret('whsec', 'Ef56');
const TEST = fakeSecret('sk_test', 'Gh78');

ruleTester(rule, [
  { name: 'keys from the environment', artifacts: { Source: await sourceOf(rule, { 'server.js': "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n// keys look like sk_live_xxxxxxxxxxxx\n" }) }, status: 'pass', messageIds: ['clean'] },
  {
    name: 'a live key in code, a restricted key in YAML, a webhook secret in a comment',
    artifacts: {
      Source: await sourceOf(rule, {
        'config.py': `stripe.api_key = "${LIVE}"\n`,
        'deploy/values.yaml': `stripeKey: ${RESTRICTED}\n`,
        'Hook.java': `// old secret: ${WHSEC}\n`,
      }),
    },
    status: 'fail',
    messageIds: ['liveSecret', 'liveSecret', 'liveSecret'],
    mentions: ['sk_live_…Ab12', 'rk_live_…Cd34', 'whsec_…'],
    never: [LIVE, RESTRICTED, WHSEC],
  },
  { name: 'a live key in a test file still fails', artifacts: { Source: await sourceOf(rule, { 'test/stripe.test.js': `const key = '${LIVE}';` }) }, status: 'fail', never: [LIVE] },
  { name: 'a test key warns', artifacts: { Source: await sourceOf(rule, { '.env.example': `STRIPE_SECRET_KEY=${TEST}\n` }) }, status: 'warn', messageIds: ['testSecret'], never: [TEST] },
  { name: 'scan unavailable', artifacts: { Source: failure('io') }, status: 'error' },
  // Bytes, not text: every encoding and size the code scan passes over.
  { name: 'a live key in a UTF-16 .env (Windows tools)', artifacts: { Source: await sourceOf(rule, { '.env': Buffer.from(`\uFEFFSTRIPE_SECRET_KEY=${LIVE}\r\n`, 'utf16le') }) }, status: 'fail', messageIds: ['liveSecret'], mentions: ['UTF-16'], never: [LIVE] },
  { name: 'a live key in a binary file (a NUL byte)', artifacts: { Source: await sourceOf(rule, { 'dump.log': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(` key=${LIVE}\n`)]) }) }, status: 'fail', never: [LIVE] },
  { name: 'a live key in Latin-1 text', artifacts: { Source: await sourceOf(rule, { 'notes.txt': Buffer.from(`caf\xe9 ${LIVE}\n`, 'latin1') }) }, status: 'fail', never: [LIVE] },
  { name: 'a live key past 1 MiB, in a file the code scan skips for size', artifacts: { Source: await sourceOf(rule, { 'big.sql': `${'-- filler line\n'.repeat(80_000)}INSERT INTO keys VALUES ('${LIVE}');\n` }) }, status: 'fail', mentions: ['big.sql:80001'], never: [LIVE] },
  {
    name: 'placeholders and documentation examples are not secrets (length and entropy)',
    artifacts: {
      Source: await sourceOf(rule, {
        'openapi.yaml': "secret:\n  example: 'whsec_...'\n  other: whsec_your_signing_secret_here\n",
        'README.md': 'export STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\nsk_live_000000000000000000000000 sk_live_1234\n',
      }),
    },
    status: 'pass',
    messageIds: ['clean'],
  },
]);

import rule from './no-secrets-in-code.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure } from '../test/support/facts.js';
import { sourceOf } from '../test/support/source.js';

const LIVE = ['sk', 'live', 'fixture0000000000000000Ab12'].join('_');
const RESTRICTED = ['rk', 'live', 'fixture1111111111111111Cd34'].join('_');
const WHSEC = ['whsec', 'fixture2222222222222222Ef56'].join('_');
const TEST = ['sk', 'test', 'fixture3333333333333333Gh78'].join('_');

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
]);

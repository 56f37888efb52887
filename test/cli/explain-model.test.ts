// `identity-golive explain --model`: the built CLI prints the integration model as JSON, with
// locations and classifications, never a value.
import { expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { writeTree } from '../support/source.js';

it('prints the model of a project: handlers, verifications, REST calls; no secret', async () => {
  const secret = ['whsec', 'fixture0000000000000000000000'].join('_');
  const dir = writeTree({
    'server.js': `const endpointSecret = '${secret}';\napp.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {\n  let event;\n  try {\n    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], endpointSecret);\n  } catch (err) {\n    return res.status(400).end();\n  }\n  if (event.type === 'identity.verification_session.verified') res.json({});\n});\n`,
    'rest.py': "requests.post('https://api.stripe.com/v1/identity/verification_sessions', data={}, auth=(key, ''))\n",
  });
  const run = await runCli(['explain', '--model', '--cwd', dir]);
  expect(run.code, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout) as { model: { webhooks: { file: string; verifications: { kind: string; at: { line: number; column: number }; failure: { kind: string } }[]; eventTypes: string[] }[]; rest: { operation: string; file: string }[] } };
  const [handler] = out.model.webhooks;
  expect(handler).toMatchObject({ file: 'server.js', eventTypes: ['verified'] });
  expect(handler?.verifications).toMatchObject([{ kind: 'sdk', at: { line: 5, column: 13 }, failure: { kind: 'exits' } }]);
  expect(out.model.rest).toMatchObject([{ operation: 'create', file: 'rest.py' }]);
  expect(run.stdout).not.toContain(secret);
});

it('explain without a rule or --model is a usage error (exit 2)', async () => {
  const run = await runCli(['explain']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--model');
});

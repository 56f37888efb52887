import type { SessionWindow } from '../src/engine/artifacts.js';
import rule from './user-authenticated.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure, modes, session } from '../test/support/facts.js';
import { code, sourceOf } from '../test/support/source.js';

const window = (sessions: ReturnType<typeof session>[]) => ({ sessions, windowDays: 30, truncated: false });
const noKeys = modes<SessionWindow>({});

const nodeGood = code`
  app.post('/verify', requireAuth, async (req, res) => {
    const verificationSession = await stripe.identity.verificationSessions.create({
      type: 'document',
      client_reference_id: req.user.id,
    });
    res.json({ client_secret: verificationSession.client_secret });
  });
`;

ruleTester(rule, [
  { name: 'node: client_reference_id from the user, no key', artifacts: { Source: await sourceOf(rule, { 'server.js': nodeGood }), VerificationSessions: noKeys }, status: 'pass', messageIds: ['referenced', 'apiUnavailable'] },
  {
    name: 'python: metadata user id (dict), API all referenced',
    artifacts: {
      Source: await sourceOf(rule, { 'views.py': 'session = stripe.identity.VerificationSession.create(\n    type="document",\n    metadata={"user_id": str(request.user.id)},\n)\n' }),
      VerificationSessions: modes({ live: window([session(), session({ id: 'vs_2', clientReferenceDigest: null, hasRelatedCustomer: true })]) }),
    },
    status: 'pass',
    messageIds: ['referenced', 'apiUnavailable', 'apiReferenced'],
    mentions: ['live mode was checked'],
  },
  {
    name: 'node: the docs placeholder {{USER_ID}}',
    artifacts: { Source: await sourceOf(rule, { 'server.js': "await stripe.identity.verificationSessions.create({\n  type: 'document',\n  metadata: {\n    user_id: '{{USER_ID}}',\n  },\n});" }), VerificationSessions: noKeys },
    status: 'fail',
    messageIds: ['placeholderReference', 'apiUnavailable'],
    mentions: ['server.js:4', "user_id: '{ {USER_ID} }'"],
  },
  {
    name: 'go: literal ClientReferenceID',
    artifacts: { Source: await sourceOf(rule, { 'main.go': 'params := &stripe.IdentityVerificationSessionCreateParams{\n\tType: stripe.String("document"),\n\tClientReferenceID: stripe.String("user_123"),\n}\nvs, _ := sc.V1IdentityVerificationSessions.Create(ctx, params)\n' }), VerificationSessions: noKeys },
    status: 'fail',
    messageIds: ['placeholderReference', 'apiUnavailable'],
  },
  {
    name: 'java builder with a real id; .NET options with a real id',
    artifacts: {
      Source: await sourceOf(rule, {
        'Verify.java': 'VerificationSessionCreateParams params = VerificationSessionCreateParams.builder()\n  .setType(VerificationSessionCreateParams.Type.DOCUMENT)\n  .setClientReferenceId(user.getId())\n  .build();\nVerificationSession vs = VerificationSession.create(params);\n',
        'Verify.cs': 'var options = new VerificationSessionCreateOptions\n{\n    Type = "document",\n    ClientReferenceId = user.Id,\n};\nvar session = service.Create(options);\n',
      }),
      VerificationSessions: noKeys,
    },
    status: 'pass',
  },
  {
    name: 'ruby and php: no reference at all',
    artifacts: {
      Source: await sourceOf(rule, {
        'app.rb': "session = Stripe::Identity::VerificationSession.create({ type: 'document' })\n",
        'verify.php': "<?php $vs = $stripe->identity->verificationSessions->create(['type' => 'document']);",
      }),
      VerificationSessions: noKeys,
    },
    status: 'fail',
    messageIds: ['noReference', 'noReference', 'apiUnavailable'],
  },
  {
    name: 'ruby interpolation counts as real',
    artifacts: { Source: await sourceOf(rule, { 'app.rb': 'Stripe::Identity::VerificationSession.create({ type: "document", client_reference_id: "user-#{current_user.id}" })\n' }), VerificationSessions: noKeys },
    status: 'pass',
  },
  {
    name: 'created in client-side code',
    artifacts: { Source: await sourceOf(rule, { 'app/verify.tsx': `'use client';\n${nodeGood}` }), VerificationSessions: noKeys },
    status: 'fail',
    messageIds: ['clientSide', 'referenced', 'apiUnavailable'],
  },
  {
    name: 'API: live sessions without a reference fail even when the code is right',
    artifacts: {
      Source: await sourceOf(rule, { 'server.js': nodeGood }),
      VerificationSessions: modes({ live: window([session(), session({ id: 'vs_anon', clientReferenceDigest: null, fromVerificationFlow: true })]) }),
    },
    status: 'fail',
    messageIds: ['referenced', 'apiUnavailable', 'apiUnreferenced'],
    mentions: ['vs_anon', '50%'],
  },
  {
    name: 'API: test-mode sessions without a reference only warn',
    artifacts: { Source: await sourceOf(rule, { 'server.js': nodeGood }), VerificationSessions: modes({ test: window([session({ clientReferenceDigest: null })]) }) },
    status: 'warn',
    messageIds: ['referenced', 'apiUnavailable', 'apiUnreferenced'],
  },
  {
    // No integration in production code is not a verdict (issue #11): error, naming the test that creates sessions.
    name: 'creation only in a test: no integration',
    artifacts: { Source: await sourceOf(rule, { 'tests/test_verify.py': 'stripe.identity.VerificationSession.create(type="document", client_reference_id=user.id)' }), VerificationSessions: noKeys },
    status: 'error',
    messageIds: ['noIntegration'],
    mentions: ['only tests create sessions'],
  },
  {
    // Issue #11 §3: a REST integration is an integration (no "No VerificationSession creation found").
    name: 'WordPress: REST creation with the signed-in user',
    artifacts: {
      Source: await sourceOf(rule, {
        'wp-content/plugins/idv/idv.php': code`
          <?php
          function idv_start() {
            $response = wp_remote_post('https://api.stripe.com/v1/identity/verification_sessions', [
              'headers' => ['Authorization' => 'Bearer ' . IDV_KEY],
              'body' => ['type' => 'document', 'client_reference_id' => get_current_user_id()],
            ]);
          }
        `,
      }),
      VerificationSessions: noKeys,
    },
    status: 'pass',
    messageIds: ['referenced', 'apiUnavailable'],
    mentions: ['wp-content/plugins/idv/idv.php:3'],
  },
  {
    // Issue #11 §5: a reference from the request body on a route with no authentication is not the signed-in user.
    name: 'node: client_reference_id: req.body.userId, no authentication',
    artifacts: {
      Source: await sourceOf(rule, {
        'index.js': code`
          app.post('/verify', async (req, res) => {
            const verificationSession = await stripe.identity.verificationSessions.create({
              type: 'document',
              client_reference_id: req.body.userId,
            });
            res.json({ url: verificationSession.url });
          });
        `,
      }),
      VerificationSessions: noKeys,
    },
    status: 'fail',
    messageIds: ['requestReference', 'apiUnavailable'],
    mentions: ['{"file":"index.js","line":4,"column":5}'],
  },
  {
    name: 'node: the same reference behind passport authentication',
    artifacts: {
      Source: await sourceOf(rule, {
        'index.js': "app.post('/verify', passport.authenticate('jwt'), async (req, res) => {\n  await stripe.identity.verificationSessions.create({ type: 'document', client_reference_id: req.body.userId });\n});\n",
      }),
      VerificationSessions: noKeys,
    },
    status: 'pass',
  },
  { name: 'scan unavailable', artifacts: { Source: failure('io'), VerificationSessions: noKeys }, status: 'error' },
]);

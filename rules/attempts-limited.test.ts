import type { SessionWindow } from '../src/engine/artifacts.js';
import rule from './attempts-limited.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { config, failure, modes, session } from '../test/support/facts.js';
import { code, sourceOf } from '../test/support/source.js';

const window = (sessions: ReturnType<typeof session>[]) => ({ sessions, windowDays: 30, truncated: false });
const noKeys = modes<SessionWindow>({});
const Config = config();

const reuse = code`
  async function verificationFor(user) {
    if (user.verificationSessionId) {
      return stripe.identity.verificationSessions.retrieve(user.verificationSessionId);
    }
    return stripe.identity.verificationSessions.create({ type: 'document', client_reference_id: user.id });
  }
`;
const unguarded = "const vs = await stripe.identity.verificationSessions.create({ type: 'document', client_reference_id: user.id });\n";
const sameUser = (count: number) => Array.from({ length: count }, (_, i) => session({ id: `vs_${i}`, clientReferenceDigest: 'd-heavy', clientReferenceMasked: 'usr_…42' }));

ruleTester(rule, [
  { name: 'node: reuses the stored session', artifacts: { Source: await sourceOf(rule, { 'verify.js': reuse }), VerificationSessions: noKeys, Config }, status: 'pass', messageIds: ['guarded', 'apiUnavailable'] },
  {
    name: 'python: idempotency key',
    artifacts: { Source: await sourceOf(rule, { 'views.py': 'stripe.identity.VerificationSession.create(type="document", client_reference_id=uid, idempotency_key=f"verify-{uid}")\n' }), VerificationSessions: noKeys, Config },
    status: 'pass',
    mentions: ['an idempotency key'],
  },
  {
    name: 'ruby: attempt counter',
    artifacts: { Source: await sourceOf(rule, { 'verify.rb': "raise TooMany if user.verification_attempts >= MAX_ATTEMPTS\nStripe::Identity::VerificationSession.create({ type: 'document' })\n" }), VerificationSessions: noKeys, Config },
    status: 'pass',
  },
  {
    name: 'go and .NET: idempotency keys',
    artifacts: {
      Source: await sourceOf(rule, {
        'main.go': 'params := &stripe.IdentityVerificationSessionCreateParams{}\nparams.SetIdempotencyKey("verify-" + user.ID)\nvs, err := sc.V1IdentityVerificationSessions.Create(ctx, params)\n',
        'Verify.cs': 'var options = new VerificationSessionCreateOptions { Type = "document" };\nvar session = await service.CreateAsync(options, new RequestOptions { IdempotencyKey = $"verify-{user.Id}" });\n',
      }),
      VerificationSessions: noKeys,
      Config,
    },
    status: 'pass',
  },
  {
    // corpus: php-laravel-model-trait. A retrieve wrapper beside the create wrapper reuses nothing.
    name: 'php: create and retrieve wrappers side by side in a trait are no lookup-first',
    artifacts: {
      Source: await sourceOf(rule, {
        'app/Traits/StripeVerifiable.php': code`
          <?php
          trait StripeVerifiable {
              public function createVerificationSession() {
                  return $this->stripe()->identity->verificationSessions->create(['type' => 'document']);
              }
              public function getVerificationSession(string $id) {
                  return $this->stripe()->identity->verificationSessions->retrieve($id);
              }
          }
        `,
      }),
      VerificationSessions: noKeys,
      Config,
    },
    status: 'fail',
    messageIds: ['unguarded', 'apiUnavailable'],
  },
  { name: 'node: a new session on every request', artifacts: { Source: await sourceOf(rule, { 'verify.js': unguarded }), VerificationSessions: noKeys, Config }, status: 'fail', messageIds: ['unguarded', 'apiUnavailable'], mentions: ['verify.js:1'] },
  {
    name: 'php: unguarded, retrieve only in a test',
    artifacts: {
      Source: await sourceOf(rule, {
        'src/verify.php': "<?php $vs = $stripe->identity->verificationSessions->create(['type' => 'document']);",
        'tests/VerifyTest.php': "<?php $stripe->identity->verificationSessions->retrieve($id);",
      }),
      VerificationSessions: noKeys,
      Config,
    },
    status: 'fail',
    messageIds: ['unguarded', 'apiUnavailable'],
  },
  {
    name: 'API: a live user over the limit fails and is named masked',
    artifacts: { Source: await sourceOf(rule, { 'verify.js': reuse }), VerificationSessions: modes({ live: window(sameUser(5)) }), Config },
    status: 'fail',
    messageIds: ['guarded', 'apiUnavailable', 'apiTooMany'],
    mentions: ['usr_…42 (5)', 'limit of 3'],
    never: ['d-heavy'],
  },
  {
    name: 'API: within a configured limit',
    artifacts: { Source: await sourceOf(rule, { 'verify.js': reuse }), VerificationSessions: modes({ live: window(sameUser(5)), test: window([]) }), Config: config({ maxAttemptsPerUser: 5 }) },
    status: 'pass',
    messageIds: ['guarded', 'apiWithinLimit', 'apiWithinLimit'],
  },
  {
    name: 'API: test mode over the limit warns',
    artifacts: { Source: await sourceOf(rule, { 'verify.js': reuse }), VerificationSessions: modes({ test: window(sameUser(4)) }), Config },
    status: 'warn',
  },
  // No integration is not a verdict (issue #11): the code rules end in error, saying what was scanned.
  { name: 'no integration', artifacts: { Source: await sourceOf(rule, { 'a.py': 'print(1)' }), VerificationSessions: noKeys, Config }, status: 'error', messageIds: ['noIntegration'] },
  { name: 'scan unavailable', artifacts: { Source: failure('io'), VerificationSessions: noKeys, Config }, status: 'error' },
]);

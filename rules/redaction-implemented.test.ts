import rule from './redaction-implemented.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure } from '../test/support/facts.js';
import { sourceOf } from '../test/support/source.js';

const handler = "switch (event.type) { case 'identity.verification_session.redacted': forget(); break; }\n";

ruleTester(rule, [
  { name: 'node: redact and handle redacted', artifacts: { Source: await sourceOf(rule, { 'delete.js': 'await stripe.identity.verificationSessions.redact(user.vsId);\n', 'hook.js': handler }) }, status: 'pass', messageIds: ['implemented'] },
  {
    name: 'python instance redact and php client redact',
    artifacts: {
      Source: await sourceOf(rule, {
        'gdpr.py': 'session = stripe.identity.VerificationSession.retrieve(sid)\nsession.redact()\n',
        'hook.php': "<?php $stripe->identity->verificationSessions->redact($id, []);\nif ($event->type === 'identity.verification_session.redacted') {}",
      }),
    },
    status: 'pass',
  },
  { name: 'go: Redact and constant', artifacts: { Source: await sourceOf(rule, { 'gdpr.go': 'sc.V1IdentityVerificationSessions.Redact(ctx, params)\nswitch event.Type {\ncase stripe.EventTypeIdentityVerificationSessionRedacted:\n}\n' }) }, status: 'pass' },
  { name: 'java and .NET', artifacts: { Source: await sourceOf(rule, { 'Gdpr.java': 'client.v1().identity().verificationSessions().redact(id, params);\n', 'Hook.cs': 'if (stripeEvent.Type == EventTypes.IdentityVerificationSessionRedacted) {}' }) }, status: 'pass' },
  { name: 'no redact call', artifacts: { Source: await sourceOf(rule, { 'hook.js': handler }) }, status: 'fail', messageIds: ['noRedact'] },
  { name: 'redact only in a test, event unhandled', artifacts: { Source: await sourceOf(rule, { 'spec/gdpr_spec.rb': 'Stripe::Identity::VerificationSession.redact(id)\n', 'server/create.js': "await stripe.identity.verificationSessions.create({ type: 'document' });\n" }) }, status: 'fail', messageIds: ['redactOnlyInTests'] },
  { name: 'commented-out redact', artifacts: { Source: await sourceOf(rule, { 'gdpr.py': '# stripe.identity.VerificationSession.redact(sid)\n', 'hook.js': handler }) }, status: 'fail', messageIds: ['noRedact'] },
  // The rule passes on the redact call; the unhandled event is identity-events-handled's warning (issue #11 §5).
  { name: 'redacted only subscribed, not handled', artifacts: { Source: await sourceOf(rule, { 'gdpr.js': "stripe.identity.verificationSessions.redact(id);\nstripe.webhookEndpoints.create({ enabled_events: ['identity.verification_session.redacted'] });\n" }) }, status: 'pass', messageIds: ['redactedNotTracked'] },
  {
    name: 'REST: POST /v1/identity/verification_sessions/:id/redact',
    artifacts: { Source: await sourceOf(rule, { 'gdpr.py': "requests.post(f'https://api.stripe.com/v1/identity/verification_sessions/{sid}/redact', auth=(key, ''))\n", 'views.py': "requests.post('https://api.stripe.com/v1/identity/verification_sessions', data=params, auth=(key, ''))\n" }) },
    status: 'pass',
    messageIds: ['redactedNotTracked'],
    mentions: ['gdpr.py:1'],
  },
  { name: 'scan unavailable', artifacts: { Source: failure('io') }, status: 'error' },
]);

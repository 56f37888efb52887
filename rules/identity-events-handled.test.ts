import rule from './identity-events-handled.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure } from '../test/support/facts.js';
import { code, sourceOf } from '../test/support/source.js';

/** An Identity integration for handlers that name no event in full: a production file creating sessions. */
const SESSIONS = { 'server/create.js': "await stripe.identity.verificationSessions.create({ type: 'document' });\n" };

const allFour = code`
  switch (event.type) {
    case 'identity.verification_session.verified': unlock(event.data.object); break;
    case 'identity.verification_session.requires_input': retry(event.data.object.last_error); break;
    case 'identity.verification_session.canceled': close(); break;
    case 'identity.verification_session.redacted': forget(); break;
  }
`;

ruleTester(rule, [
  { name: 'node: all four events and last_error', artifacts: { Source: await sourceOf(rule, { 'webhook.js': allFour }) }, status: 'pass', messageIds: ['handled'] },
  {
    name: 'node: names built by concatenation and templates',
    artifacts: {
      Source: await sourceOf(rule, {
        ...SESSIONS,
        'webhook.ts': code`
          const PREFIX = 'identity.verification_session.';
          if (event.type === PREFIX + 'verified') unlock();
          if (event.type === \`\${PREFIX}requires_input\`) retry(session.last_error);
          if (event.type === PREFIX + 'canceled') close();
          if (event.type === PREFIX + 'redacted') forget();
        `,
      }),
    },
    status: 'pass',
  },
  {
    name: 'go: SDK constants',
    artifacts: {
      Source: await sourceOf(rule, {
        'hook.go': code`
          switch event.Type {
          case stripe.EventTypeIdentityVerificationSessionVerified:
          case stripe.EventTypeIdentityVerificationSessionRequiresInput:
          	log.Print(session.LastError.Code)
          case stripe.EventTypeIdentityVerificationSessionCanceled, stripe.EventTypeIdentityVerificationSessionRedacted:
          }
        `,
      }),
    },
    status: 'pass',
  },
  {
    name: '.NET: EventTypes constants; php: Event:: constants',
    artifacts: {
      Source: await sourceOf(rule, {
        'Hook.cs': 'if (stripeEvent.Type == EventTypes.IdentityVerificationSessionVerified) {}\nelse if (stripeEvent.Type == EventTypes.IdentityVerificationSessionRequiresInput) { var c = session.LastError.Code; }',
        'hook.php': "<?php switch ($event->type) { case \\Stripe\\Event::IDENTITY_VERIFICATION_SESSION_CANCELED: case \\Stripe\\Event::IDENTITY_VERIFICATION_SESSION_REDACTED: break; }",
      }),
    },
    status: 'pass',
  },
  {
    name: 'python: constants module used by the handler',
    artifacts: {
      Source: await sourceOf(rule, {
        'events.py': 'VERIFIED = "identity.verification_session.verified"\nREQUIRES_INPUT = "identity.verification_session.requires_input"\n',
        'views.py': 'if event["type"] == VERIFIED:\n    pass\nelif event["type"] == REQUIRES_INPUT:\n    code = session["last_error"]["code"]\n',
      }),
    },
    status: 'warn',
    messageIds: ['missingRecommended', 'missingRecommended', 'handled'],
  },
  {
    name: 'ruby: requires_input missing, last_error unread',
    artifacts: { Source: await sourceOf(rule, { 'hooks.rb': "case event.type\nwhen 'identity.verification_session.verified'\n  unlock\nend\n" }) },
    status: 'fail',
    messageIds: ['missingRequired', 'lastErrorUnread', 'missingRecommended', 'missingRecommended', 'handled'],
    mentions: ['requires_input'],
  },
  {
    name: 'handled only in a commented-out block',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'webhook.js': `switch (event.type) {}\n/*\n${allFour}\n*/\n` }) },
    status: 'fail',
    messageIds: ['missingRequired', 'missingRequired', 'lastErrorUnread', 'missingRecommended', 'missingRecommended'],
  },
  {
    name: 'events named only in endpoint registration do not count',
    artifacts: {
      Source: await sourceOf(rule, {
        'setup.js': "await stripe.webhookEndpoints.create({ url, enabled_events: ['identity.verification_session.verified', 'identity.verification_session.requires_input'] });",
        'hook.js': 'switch (event.type) {}',
      }),
    },
    status: 'fail',
    messageIds: ['missingRequired', 'missingRequired', 'lastErrorUnread', 'missingRecommended', 'missingRecommended'],
  },
  { name: 'handled only in tests', artifacts: { Source: await sourceOf(rule, { '__tests__/webhook.js': allFour, 'server/create.js': "await stripe.identity.verificationSessions.create({ type: 'document' });\n" }) }, status: 'fail', messageIds: ['noDispatch'] },
  { name: 'sessions created, no handler at all', artifacts: { Source: await sourceOf(rule, { 'server/create.js': "await stripe.identity.verificationSessions.create({ type: 'document' });\n" }) }, status: 'fail', messageIds: ['noDispatch'] },
  // No integration is not a verdict (issue #11): the code rules end in error, saying what was scanned.
  { name: 'no integration at all', artifacts: { Source: await sourceOf(rule, { 'index.js': 'console.log(1)' }) }, status: 'error', messageIds: ['noIntegration'] },
  { name: 'scan unavailable', artifacts: { Source: failure('io') }, status: 'error' },
]);

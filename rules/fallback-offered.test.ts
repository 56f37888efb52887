import rule from './fallback-offered.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure } from '../test/support/facts.js';
import { sourceOf } from '../test/support/source.js';

const create = "await stripe.identity.verificationSessions.create({ type: 'document' });\n";

ruleTester(rule, [
  { name: 'node: branches on consent_declined', artifacts: { Source: await sourceOf(rule, { 'hook.js': `${create}if (session.last_error?.code === 'consent_declined') offerManualReview();\n` }) }, status: 'pass', messageIds: ['handled'] },
  { name: 'go: SDK constants', artifacts: { Source: await sourceOf(rule, { 'hook.go': 'verificationsession.New(params)\nif s.LastError.Code == stripe.IdentityVerificationSessionLastErrorCodeUnderSupportedAge {}\n' }) }, status: 'pass', mentions: ['under_supported_age'] },
  { name: 'no fallback: warn', artifacts: { Source: await sourceOf(rule, { 'hook.js': create }) }, status: 'warn', messageIds: ['noFallback'] },
  { name: 'fallback only in a test: warn', artifacts: { Source: await sourceOf(rule, { 'hook.js': create, 'hook.spec.js': "expect(code).toBe('device_not_supported')" }) }, status: 'warn' },
  // Issue #11 §5: an empty branch is no fallback; a case that falls through to an action is one.
  {
    name: "node: case 'consent_declined': break; is no fallback",
    artifacts: { Source: await sourceOf(rule, { 'hook.js': `${create}switch (session.last_error.code) {\n  case 'consent_declined':\n    break;\n  default:\n    retry();\n}\n` }) },
    status: 'warn',
    messageIds: ['noFallback'],
  },
  {
    name: 'php: an empty case beside one that acts counts only the one that acts',
    artifacts: { Source: await sourceOf(rule, { 'hook.php': `<?php\n$stripe->identity->verificationSessions->create([]);\nswitch ($code) {\n  case 'consent_declined':\n    break;\n  case 'under_supported_age':\n    manual_review($user);\n    break;\n}\n` }) },
    status: 'pass',
    mentions: ['under_supported_age', 'hook.php:6'],
  },
  {
    name: 'node: an empty case falling through to an action is a fallback',
    artifacts: { Source: await sourceOf(rule, { 'hook.js': `${create}switch (code) {\n  case 'consent_declined':\n  case 'under_supported_age':\n    manualReview();\n    break;\n}\n` }) },
    status: 'pass',
  },
  // No integration is not a verdict (issue #11): the code rules end in error, saying what was scanned.
  { name: 'no integration', artifacts: { Source: await sourceOf(rule, { 'x.rb': '' }) }, status: 'error', messageIds: ['noIntegration'] },
  { name: 'scan unavailable', artifacts: { Source: failure('io') }, status: 'error' },
]);

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
  // No integration is not a verdict (issue #11): the code rules end in error, saying what was scanned.
  { name: 'no integration', artifacts: { Source: await sourceOf(rule, { 'x.rb': '' }) }, status: 'error', messageIds: ['noIntegration'] },
  { name: 'scan unavailable', artifacts: { Source: failure('io') }, status: 'error' },
]);

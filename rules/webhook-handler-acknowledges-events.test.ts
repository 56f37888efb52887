import rule from './webhook-handler-acknowledges-events.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { notProbed, probed, probeUnreachable } from '../test/support/probe-facts.js';

const six = ['acknowledged', 'acknowledged', 'acknowledged', 'acknowledged', 'acknowledged', 'acknowledged'];

ruleTester(rule, [
  { name: 'every Identity event acknowledged with 2xx', artifacts: probed(), status: 'pass', messageIds: six, mentions: ['200 in 4 ms'] },
  { name: '202 and 204 count as acknowledgements', artifacts: probed({ created: 202, verified: 204 }), status: 'pass', messageIds: six },
  {
    name: 'verified refused with 400 (raw body or secret wrong)',
    artifacts: probed({ verified: 400 }),
    status: 'fail',
    messageIds: ['acknowledged', 'acknowledged', 'acknowledged', 'rejected', 'acknowledged', 'acknowledged'],
    mentions: ['identity.verification_session.verified', 'raw request body'],
  },
  {
    name: 'requires_input not answered within the budget',
    artifacts: probed({ requires_input: 'timeout' }),
    status: 'fail',
    messageIds: ['acknowledged', 'acknowledged', 'timedOut', 'acknowledged', 'acknowledged', 'acknowledged'],
    mentions: ['within 5 s'],
  },
  {
    name: 'a redirect, a 5xx and a dropped connection each fail',
    artifacts: probed({ created: 308, canceled: 500, redacted: 'refused' }),
    status: 'fail',
    messageIds: ['redirected', 'acknowledged', 'acknowledged', 'acknowledged', 'serverError', 'connectionFailed'],
    mentions: ['http://127.0.0.1:4242/webhooks/stripe', 'ECONNRESET', 'retries'],
  },
  {
    name: 'a secret echoed in the response is masked',
    artifacts: probed({ verified: { kind: 'response', status: 500, latencyMs: 3, excerpt: 'bad secret whsec_leakedValue12345', location: null } }),
    status: 'fail',
    never: ['whsec_leakedValue12345'],
  },
  { name: 'not probed: skipped, never passed', artifacts: notProbed, status: 'skipped', messageIds: ['$unavailable'], mentions: ['identity-golive probe', 'check --probe'] },
  { name: 'handler unreachable: could not check', artifacts: probeUnreachable, status: 'error', messageIds: ['$unavailable'], mentions: ['ECONNREFUSED'] },
  { name: 'a record without the verified step is no evidence', artifacts: probed({}, { omit: ['verified'] }), status: 'error', messageIds: ['notProbed'] },
]);

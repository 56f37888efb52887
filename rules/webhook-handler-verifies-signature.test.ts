import rule from './webhook-handler-verifies-signature.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { notProbed, probed, probeUnreachable } from '../test/support/probe-facts.js';

ruleTester(rule, [
  { name: 'all three forgeries refused with 4xx', artifacts: probed(), status: 'pass', messageIds: ['refused', 'refused', 'refused'], mentions: ['refused with 400'] },
  { name: 'any 4xx is a refusal', artifacts: probed({ wrong_signature: 401, missing_signature: 403, stale_timestamp: 422 }), status: 'pass', messageIds: ['refused', 'refused', 'refused'] },
  {
    name: 'unsigned fallback: every forgery accepted',
    artifacts: probed({ wrong_signature: 200, missing_signature: 200, stale_timestamp: 200 }),
    status: 'fail',
    messageIds: ['acceptedWrongSignature', 'acceptedMissingSignature', 'acceptedStaleTimestamp'],
    mentions: ['constructEvent', 'never fall back'],
  },
  {
    name: 'timestamp ignored: only the stale signature accepted',
    artifacts: probed({ stale_timestamp: 204 }),
    status: 'fail',
    messageIds: ['refused', 'refused', 'acceptedStaleTimestamp'],
    mentions: ['300 s tolerance'],
  },
  {
    name: 'a 5xx, a redirect or a crash is not a refusal',
    artifacts: probed({ wrong_signature: 500, missing_signature: 302, stale_timestamp: 'refused' }),
    status: 'fail',
    messageIds: ['serverError', 'redirected', 'connectionFailed'],
  },
  { name: 'no answer in time is not a refusal', artifacts: probed({ missing_signature: 'timeout' }), status: 'fail', messageIds: ['refused', 'timedOut', 'refused'] },
  { name: 'not probed: skipped, never passed', artifacts: notProbed, status: 'skipped', messageIds: ['$unavailable'], mentions: ['identity-golive probe'] },
  { name: 'handler unreachable: could not check', artifacts: probeUnreachable, status: 'error', messageIds: ['$unavailable'] },
  { name: 'a record without the stale step is no evidence', artifacts: probed({}, { omit: ['stale_timestamp'] }), status: 'error', messageIds: ['notProbed'] },
]);

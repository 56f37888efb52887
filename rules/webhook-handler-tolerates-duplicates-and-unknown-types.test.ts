import rule from './webhook-handler-tolerates-duplicates-and-unknown-types.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { notProbed, probed, probeUnreachable } from '../test/support/probe-facts.js';

ruleTester(rule, [
  { name: 'duplicate and unknown type both acknowledged', artifacts: probed(), status: 'pass', messageIds: ['acknowledged', 'acknowledged'] },
  {
    name: 'duplicate refused with 409',
    artifacts: probed({ duplicate: 409 }),
    status: 'fail',
    messageIds: ['duplicateRefused', 'acknowledged'],
    mentions: ['same event id', 'ids of processed events'],
  },
  {
    name: 'unknown type refused with 400',
    artifacts: probed({ unknown_type: 400 }),
    status: 'fail',
    messageIds: ['acknowledged', 'unknownTypeRefused'],
    mentions: ['golive_probe_unknown', 'default:'],
  },
  { name: 'unknown type crashes with 500', artifacts: probed({ unknown_type: 500 }), status: 'fail', messageIds: ['acknowledged', 'serverError'] },
  { name: 'duplicate hangs, unknown type redirects', artifacts: probed({ duplicate: 'timeout', unknown_type: 307 }), status: 'fail', messageIds: ['timedOut', 'redirected'] },
  { name: 'connection dropped on the unknown type', artifacts: probed({ unknown_type: 'refused' }), status: 'fail', messageIds: ['acknowledged', 'connectionFailed'] },
  { name: 'not probed: skipped, never passed', artifacts: notProbed, status: 'skipped', messageIds: ['$unavailable'], mentions: ['identity-golive probe'] },
  { name: 'handler unreachable: could not check', artifacts: probeUnreachable, status: 'error', messageIds: ['$unavailable'] },
  { name: 'a record without the duplicate step is no evidence', artifacts: probed({}, { omit: ['duplicate'] }), status: 'error', messageIds: ['notProbed'] },
]);

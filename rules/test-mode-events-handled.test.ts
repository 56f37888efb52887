import rule from './test-mode-events-handled.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { event, failure, modes } from '../test/support/facts.js';
import type { EventFacts, EventWindow } from '../src/engine/artifacts.js';

const windowOf = (events: EventFacts[], truncated = false): EventWindow => ({ events, windowDays: 30, truncated });
const REQUIRES_INPUT = 'identity.verification_session.requires_input';
const both = [event({ id: 'evt_v' }), event({ id: 'evt_r', type: REQUIRES_INPUT })];

ruleTester(rule, [
  { name: 'verified and requires_input delivered', artifacts: { Events: modes({ test: windowOf(both) }) }, status: 'pass', messageIds: ['delivered'], mentions: ['2 Identity events'] },
  { name: 'truncated window still passes, with a note', artifacts: { Events: modes({ test: windowOf(both, true) }) }, status: 'pass', messageIds: ['delivered', 'truncated'] },
  { name: 'no events → warn with how to produce them', artifacts: { Events: modes({ test: windowOf([]) }) }, status: 'warn', messageIds: ['noEvents'], mentions: ['stripe trigger', 'identity-golive probe', 'browser'] },
  {
    name: 'only created events → outcomes untested',
    artifacts: { Events: modes({ test: windowOf([event({ type: 'identity.verification_session.created' })]) }) },
    status: 'warn',
    messageIds: ['outcomesUntested', 'delivered'],
  },
  {
    name: 'pending webhook → fail naming the event',
    artifacts: { Events: modes({ test: windowOf([...both, event({ id: 'evt_pending', pendingWebhooks: 2, deliveryFailed: true })]) }) },
    status: 'fail',
    messageIds: ['undelivered'],
    mentions: ['evt_pending', '2 endpoints still pending', 'identity.verification_session.verified'],
  },
  {
    name: 'failed delivery without pending webhooks → fail',
    artifacts: { Events: modes({ test: windowOf([event({ id: 'evt_v' }), event({ id: 'evt_failed', type: REQUIRES_INPUT, deliveryFailed: true })]) }) },
    status: 'fail',
    messageIds: ['undelivered'],
    mentions: ['evt_failed', 'delivery failed', REQUIRES_INPUT],
  },
  {
    name: 'many failures are counted past ten',
    artifacts: { Events: modes({ test: windowOf([...both, ...Array.from({ length: 13 }, (_, i) => event({ id: `evt_f${i}`, deliveryFailed: true }))]) }) },
    status: 'fail',
    messageIds: [...Array.from({ length: 10 }, () => 'undelivered'), 'moreUndelivered'],
    mentions: ['3 more'],
  },
  { name: 'live mode is not read: no test key → skipped', artifacts: { Events: modes({ live: windowOf(both) }) }, status: 'skipped' },
  { name: 'permission error → error', artifacts: { Events: modes({ test: failure<EventWindow>('permission') }) }, status: 'error' },
  { name: 'rate limited → error', artifacts: { Events: modes({ test: failure<EventWindow>('rate_limit') }) }, status: 'error' },
]);

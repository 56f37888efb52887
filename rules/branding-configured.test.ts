import rule from './branding-configured.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { account, failure, modes } from '../test/support/facts.js';
import type { AccountFacts } from '../src/engine/artifacts.js';

ruleTester(rule, [
  { name: 'fully branded in live mode', artifacts: { Account: modes({ live: account(), test: account({ mode: 'test' }) }) }, status: 'pass', messageIds: ['branded', 'identityTab'], mentions: ['Fixture Labs', '#635bff'] },
  { name: 'display name stands in for the business name, logo only', artifacts: { Account: modes({ live: account({ businessName: null, branding: { hasIcon: false } }) }) }, status: 'pass', mentions: ['"Fixture"', 'a logo'] },
  { name: 'only a test key: test mode is read, branding is account-wide', artifacts: { Account: modes({ test: account({ mode: 'test' }) }) }, status: 'pass', messageIds: ['branded', 'checkedTestMode', 'identityTab'] },
  {
    name: 'nothing set',
    artifacts: { Account: modes({ live: account({ businessName: null, dashboardDisplayName: null, branding: { hasIcon: false, hasLogo: false, primaryColor: null } }) }) },
    status: 'fail',
    messageIds: ['missingName', 'missingImage', 'missingColor', 'identityTab'],
    mentions: ['https://dashboard.stripe.com/settings/branding', 'settings.branding.primary_color', 'business_profile.name'],
  },
  { name: 'colour missing only', artifacts: { Account: modes({ live: account({ branding: { primaryColor: null } }) }) }, status: 'fail', messageIds: ['missingColor', 'identityTab'] },
  { name: 'live fails even when test is fine', artifacts: { Account: modes({ live: account({ branding: { hasIcon: false, hasLogo: false } }), test: account() }) }, status: 'fail', messageIds: ['missingImage', 'identityTab'] },
  { name: 'no key at all → skipped', artifacts: { Account: modes<AccountFacts>({}) }, status: 'skipped', messageIds: ['$unavailable'] },
  { name: 'live permission error → error, not a test-mode pass', artifacts: { Account: modes({ live: failure<AccountFacts>('permission'), test: account() }) }, status: 'error' },
  { name: 'live key, account read rate-limited → error', artifacts: { Account: modes({ live: failure<AccountFacts>('rate_limit') }) }, status: 'error' },
  { name: 'offline → skipped', artifacts: { Account: modes({ live: failure<AccountFacts>('offline'), test: failure<AccountFacts>('offline') }) }, status: 'skipped' },
]);

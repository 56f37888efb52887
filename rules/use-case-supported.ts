// Checklist item 1: Identity is offered to businesses in some countries only, and for some uses only.
// The account's country is checked against Stripe's lists; the use case needs a person's word.
// https://docs.stripe.com/identity/use-cases
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use, isSkipFailure } from '../src/engine/gathered.js';
import type { AccountFacts, PerMode } from '../src/engine/artifacts.js';
import { ATTESTATION_MESSAGES, attestationFindings } from './support/attested.js';

/** Generally available (https://docs.stripe.com/identity/use-cases). */
export const GENERALLY_AVAILABLE = ['GB', 'JP', 'US'] as const;
/** Self-serve public beta, from the same page. */
export const PUBLIC_BETA = [
  'AT', 'AU', 'BE', 'BG', 'CA', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL',
  'NO', 'NZ', 'PL', 'PT', 'RO', 'SE', 'SI',
] as const;

const messages = {
  ...ATTESTATION_MESSAGES,
  countryAvailable: 'The account is based in {{country}}, where Stripe Identity is generally available.',
  countryBeta: {
    text: 'The account is based in {{country}}, where Stripe Identity is in public beta.',
    fix: 'Check the beta terms and limits on https://docs.stripe.com/identity/use-cases before going live.',
  },
  countryUnsupported: {
    text: 'The account is based in {{country}}, where Stripe Identity is not offered (generally available: GB, JP, US; public beta: 31 European and Pacific countries).',
    fix: 'Check https://docs.stripe.com/identity/use-cases; Identity eligibility follows the business location, not the users\'.',
  },
  countryUnknown: {
    text: 'The account ({{account}}) has no country yet, so availability cannot be checked.',
    fix: 'Complete the business details in the Dashboard, then check the country against https://docs.stripe.com/identity/use-cases.',
  },
} as const;

export default defineRule({
  meta: {
    id: 'use-case-supported',
    item: 'use-case',
    title: 'Business location and use case supported by Stripe Identity',
    failureTitle: 'Business location or use case not supported, or not confirmed',
    neutralTitle: 'Business location and use case',
    docsUrl: 'https://docs.stripe.com/identity/use-cases',
    requiredArtifacts: ['Account', 'Attestations'],
    modes: ['live', 'test'],
    messages,
    defaultSeverity: 'error',
  },
  check({ Account, Attestations }, ctx) {
    const account = accountOf(Account);
    const country = account.country?.toUpperCase() ?? null;
    const findings: Finding<keyof typeof messages>[] = [];
    const location = { stripe: account.id };
    if (country === null) findings.push({ messageId: 'countryUnknown', level: 'manual', data: { account: account.id }, location });
    else if ((GENERALLY_AVAILABLE as readonly string[]).includes(country)) findings.push({ messageId: 'countryAvailable', level: 'info', data: { country }, location });
    else if ((PUBLIC_BETA as readonly string[]).includes(country)) findings.push({ messageId: 'countryBeta', level: 'warn', data: { country }, location });
    else findings.push({ messageId: 'countryUnsupported', level: 'fail', data: { country }, location });
    findings.push(...attestationFindings(use(Attestations), ['use-case-supported'], ctx.now));
    return outcome.from(findings);
  },
});

/** The account as the live key sees it, else the test key (one account, one country). */
function accountOf(perMode: PerMode<AccountFacts>): AccountFacts {
  if (perMode.live.ok) return perMode.live.value;
  // A live key that was given but could not read the account is an error, not a reason to fall back.
  if (!isSkipFailure(perMode.live.failure)) return use(perMode.live);
  if (perMode.test.ok) return perMode.test.value;
  // Neither mode: report the live failure unless it is only a missing key and test says more.
  const live = perMode.live.failure;
  return use(isSkipFailure(live) && !isSkipFailure(perMode.test.failure) ? perMode.test : perMode.live);
}

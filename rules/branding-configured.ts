// Checklist item 2, "Setup branding": https://docs.stripe.com/identity/before-going-live
// Identity's verification pages show the account's name, icon or logo, and brand colour.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { preferLive } from '../src/engine/modes.js';

const BRANDING_SETTINGS = 'https://dashboard.stripe.com/settings/branding';

type MessageId = 'branded' | 'missingName' | 'missingImage' | 'missingColor' | 'identityTab' | 'checkedTestMode';

export default defineRule<'Account', MessageId>({
  meta: {
    id: 'branding-configured',
    item: 'branding',
    title: 'Account branding is set up (name, icon or logo, colour)',
    failureTitle: 'Account branding is incomplete',
    neutralTitle: 'Account branding: name, icon or logo, colour',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#setup-branding',
    requiredArtifacts: ['Account'],
    modes: ['live', 'test'],
    defaultSeverity: 'error',
    messages: {
      branded: 'Account {{account}} shows "{{name}}" with {{image}} and colour {{color}}.',
      missingName: {
        text: 'No customer-facing name: business_profile.name and settings.dashboard.display_name are both empty on {{account}}.',
        fix: `Set the public business name at https://dashboard.stripe.com/settings/public (and check it at ${BRANDING_SETTINGS}).`,
      },
      missingImage: {
        text: 'Neither an icon nor a logo is set (settings.branding.icon / settings.branding.logo) on {{account}}.',
        fix: `Upload an icon or a logo (square, at least 128×128 px) at ${BRANDING_SETTINGS}.`,
      },
      missingColor: {
        text: 'No brand colour is set (settings.branding.primary_color) on {{account}}.',
        fix: `Choose a primary colour at ${BRANDING_SETTINGS}.`,
      },
      identityTab: {
        text: "Identity's own branding tab is not exposed by the Stripe API, so it was not checked here; a person confirms it (attestation).",
        fix: `Review it at ${BRANDING_SETTINGS}?tab=identity.`,
      },
      checkedTestMode: 'Read with the test-mode key (no live key given); branding is account-wide, so this holds for live mode too.',
    },
  },
  check({ Account }) {
    const { value: account, fellBack } = preferLive(Account);
    const where = { stripe: account.id };
    const data = { account: account.id };
    const findings: Finding<MessageId>[] = [];
    const name = account.businessName ?? account.dashboardDisplayName;
    const { hasIcon, hasLogo, primaryColor } = account.branding;
    if (!name) findings.push({ messageId: 'missingName', level: 'fail', data, location: where });
    if (!hasIcon && !hasLogo) findings.push({ messageId: 'missingImage', level: 'fail', data, location: where });
    if (!primaryColor) findings.push({ messageId: 'missingColor', level: 'fail', data, location: where });
    if (findings.length === 0) {
      const image = hasIcon && hasLogo ? 'an icon and a logo' : hasIcon ? 'an icon' : 'a logo';
      findings.push({ messageId: 'branded', level: 'info', data: { ...data, name: name!, image, color: primaryColor! }, location: where });
    }
    if (fellBack) findings.push({ messageId: 'checkedTestMode', level: 'info' });
    findings.push({ messageId: 'identityTab', level: 'info' });
    return outcome.from(findings);
  },
});

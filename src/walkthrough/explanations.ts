// What each checklist item means and why it matters, in our words, for the walkthrough.
import type { ChecklistItemId } from '../engine/checklist.js';

export const EXPLANATIONS: Readonly<Record<ChecklistItemId, string>> = {
  'use-case':
    'Stripe offers Identity to businesses in some countries only, and for some uses only (reselling verification is not one of them). Check your business location and your use case before you build further: an unsupported one can be switched off after launch.',
  branding:
    "Your users see your name, logo and colours on Stripe's verification pages; an unbranded flow looks like phishing. Identity has its own tab in the Dashboard's branding settings, which the API cannot read.",
  pricing:
    'Every completed verification is billed, whether the person is verified or not. Know the price per verification and how it is taken from your balance before real users arrive.',
  'submission-attempts':
    'Each attempt costs money, and fraudsters retry. Decide how many attempts one user gets, reuse one session per user, and enforce the limit in your code.',
  'sensitive-data':
    "Keep only what you need: don't copy ID numbers, dates of birth or document images into your database or logs, and fetch sensitive results only when you must, with a restricted key.",
  'user-authentication':
    'Create verification sessions on your server, behind your login, and tie each one to a user, so nobody can verify on someone else’s behalf.',
  'session-link-expiry':
    "A session's link works once and expires after 48 hours. Don't store it or email it: retrieve the session again for a fresh link when a user comes back.",
  'alternative-verification':
    "Some users can't or won't finish Identity (no camera, an unsupported document, declined consent). Your support team needs another way to verify them.",
  webhooks:
    'Results arrive by webhook. Register an https endpoint for verified, requires_input and (explicitly) redacted; verify signatures on the raw body; answer 2xx fast; cope with duplicates and any order.',
  'development-checklist':
    "Stripe's general go-live checklist: handle every error type, log nothing sensitive, follow API announcements, and rotate keys before launch.",
  'privacy-policy': "Tell your users that Stripe verifies their identity for you, and link to Stripe's privacy policy.",
  'privacy-policy-url':
    'Identity links to the privacy policy set in your account settings: set it there, and keep the page reachable over https.',
  'customer-faq': 'Explain why you verify people, how it works, who sees the data, how to delete it, and what else they can do if Identity does not work for them.',
  'data-deletion':
    "Tell users how to have their verification data deleted: by you (you redact the session) and by Stripe, which keeps its own copy (Stripe support, privacy@stripe.com).",
};

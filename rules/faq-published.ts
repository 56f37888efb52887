// Checklist item 13: a customer FAQ explains ID verification and Stripe Identity; checked for the
// questions Stripe's "Explain Identity" page suggests answering.
// https://docs.stripe.com/identity/explaining-identity
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { ATTESTATION_MESSAGES, attestationFindings } from './support/attested.js';
import { PAGE_MESSAGES, explainsDeletion, reviewPage } from './support/page-checks.js';

/** The usual questions, each with the phrasings that answer it (matched on normalised text). */
export const FAQ_TOPICS = [
  {
    topic: 'how verification works',
    question: 'How does identity verification work?',
    answered: (text: string) => /how (does|do|is|will|can) [^.?!]{0,60}verif|how [^.?!]{0,40}verification (works?|process)|how (does|do) [^.?!]{0,40}identity[^.?!]{0,30} work/.test(text),
  },
  {
    topic: 'who can access the data',
    question: 'Who has access to my verification data?',
    answered: (text: string) => /who (has|have|can|will have|gets) (access|see|view)|who (can|will) (see|view|access)|access to (my|your|the|their) [^.?!]{0,40}(data|information|documents?)/.test(text),
  },
  {
    topic: 'how to delete the data',
    question: 'How can I access or delete my verification data?',
    answered: explainsDeletion,
  },
  {
    topic: 'alternatives to Stripe Identity',
    question: 'Can I get verified using a different method?',
    answered: (text: string) => /(different|alternative|another|other|manual) (method|way|means|option|process)|without (using )?(stripe|a camera|an id|a selfie|a photo)/.test(text),
  },
  {
    topic: 'Stripe Identity',
    question: 'Who is Stripe, and why do they verify me?',
    answered: (text: string) => /\bstripe\b/.test(text),
  },
] as const;

const messages = {
  ...PAGE_MESSAGES,
  ...ATTESTATION_MESSAGES,
  faqComplete: 'The FAQ answers the usual questions ({{count}} topics found).',
  faqMissingTopic: {
    text: 'The FAQ at {{url}} does not seem to cover {{topic}} (e.g. "{{question}}").',
    fix: 'Add an answer to "{{question}}"; Stripe\'s suggested wording is at https://docs.stripe.com/identity/explaining-identity.',
  },
} as const;

export default defineRule({
  meta: {
    id: 'faq-published',
    item: 'customer-faq',
    title: 'Customer FAQ about ID verification published',
    failureTitle: 'Customer FAQ about ID verification missing or incomplete',
    neutralTitle: 'Customer FAQ about ID verification',
    docsUrl: 'https://docs.stripe.com/identity/explaining-identity',
    requiredArtifacts: ['Config', 'Pages', 'Attestations'],
    pages: ['faq'],
    messages,
    defaultSeverity: 'error',
  },
  check({ Config, Pages, Attestations }, ctx) {
    const findings: Finding<keyof typeof messages>[] = [];
    if (Config.faqUrl === undefined) findings.push({ messageId: 'pageNotChecked', level: 'info', data: { key: 'faqUrl' } });
    else {
      const page = use(Pages.faq);
      const review = reviewPage(page, 'faqUrl');
      findings.push(...review.findings);
      if (review.text !== null) {
        const text = review.text;
        const missing = FAQ_TOPICS.filter((topic) => !topic.answered(text));
        for (const { topic, question } of missing) findings.push({ messageId: 'faqMissingTopic', level: 'fail', data: { url: page.requestedUrl, topic, question }, location: { url: page.finalUrl } });
        if (missing.length === 0) findings.push({ messageId: 'faqComplete', level: 'info', data: { count: FAQ_TOPICS.length } });
      }
    }
    findings.push(...attestationFindings(use(Attestations), ['faq-published'], ctx.now));
    return outcome.from(findings);
  },
});

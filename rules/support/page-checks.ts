// Shared by the page rules: is the page reachable over https with a 2xx, and what does its visible
// text say. Matching is on normalised text (case, quotes and whitespace folded), never on markup.
import type { PageFacts } from '../../src/gather/pages/types.js';
import type { Finding, MessageSpec } from '../../src/engine/rule.js';

export const PAGE_MESSAGES = {
  pageReachable: '{{url}} answered HTTP {{status}}{{after}}',
  pageNotHttps: {
    text: '{{url}} is served over plain http{{after}}',
    fix: 'Serve the page over https (TLS) and set "{{key}}" to its https:// URL.',
  },
  pageBadStatus: {
    text: '{{url}} answered HTTP {{status}}{{after}}',
    fix: 'Publish the page at that URL, or correct "{{key}}" in the config.',
  },
  pageRedirectLoop: {
    text: '{{url}} redirects in a loop (back to {{finalUrl}} after {{redirects}} redirects)',
    fix: 'Fix the redirect rules of your site so the page is reachable.',
  },
  pageTooManyRedirects: {
    text: '{{url}} redirects more than {{limit}} times (stopped at {{finalUrl}})',
    fix: 'Point "{{key}}" at the final URL, or shorten the redirect chain.',
  },
  pageNoLocation: {
    text: '{{url}} answered a redirect (HTTP {{status}}) without a usable Location header',
    fix: 'Fix the redirect on your site, or point "{{key}}" at the final URL.',
  },
  pageNotText: {
    text: '{{url}} is not a text page ({{contentType}}), so its content cannot be checked',
    fix: 'Point "{{key}}" at the HTML page itself.',
  },
  pageNotChecked: 'No "{{key}}" in the config: the page itself was not checked; set it to have its text checked on every run.',
} as const satisfies Record<string, MessageSpec>;

export type PageMessageId = keyof typeof PAGE_MESSAGES;

export const REDIRECT_LIMIT = 5;

export interface PageReview {
  findings: Finding<PageMessageId>[];
  /** Normalised visible text when the page answered 2xx with text; null otherwise. */
  text: string | null;
}

/** Reachability findings (https, status, redirects) and the text for content checks. */
export function reviewPage(page: PageFacts, key: string): PageReview {
  const url = page.requestedUrl;
  const location = { url: page.finalUrl };
  const after = page.redirects > 0 ? ` after ${page.redirects} redirect${page.redirects > 1 ? 's' : ''} to ${page.finalUrl}` : '';
  const base = { url, key, finalUrl: page.finalUrl, redirects: page.redirects, status: page.status, after };
  if (page.redirectProblem === 'loop') return { findings: [{ messageId: 'pageRedirectLoop', level: 'fail', data: base, location }], text: null };
  if (page.redirectProblem === 'too_many') return { findings: [{ messageId: 'pageTooManyRedirects', level: 'fail', data: { ...base, limit: REDIRECT_LIMIT }, location }], text: null };
  if (page.redirectProblem === 'no_location') return { findings: [{ messageId: 'pageNoLocation', level: 'fail', data: base, location }], text: null };

  const findings: Finding<PageMessageId>[] = [];
  const plain = (page.visited ?? [page.requestedUrl, page.finalUrl]).find((hop) => !hop.startsWith('https://'));
  if (plain !== undefined) findings.push({ messageId: 'pageNotHttps', level: 'fail', data: { ...base, after: plain === url ? '' : ` (via ${plain})` }, location });
  const ok = page.status >= 200 && page.status < 300;
  if (!ok) return { findings: [...findings, { messageId: 'pageBadStatus', level: 'fail', data: base, location }], text: null };
  if (page.text === null) return { findings: [...findings, { messageId: 'pageNotText', level: 'fail', data: { ...base, contentType: page.contentType ?? 'unknown type' }, location }], text: null };
  if (findings.length === 0) findings.push({ messageId: 'pageReachable', level: 'info', data: base, location });
  return { findings, text: normalizeText(page.text) };
}

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ');
}

export function hasLink(page: PageFacts, pattern: RegExp): boolean {
  return page.links.some((href) => pattern.test(href));
}

/** stripe.com/privacy, with or without www and a locale segment (stripe.com/en-gb/privacy). */
export const STRIPE_PRIVACY_LINK = /^https?:\/\/(www\.)?stripe\.com\/([a-z]{2}(-[a-z]{2,4})?\/)?privacy\/?([?#].*)?$/i;

export function mentionsStripePrivacyUrl(text: string): boolean {
  return /\bstripe\.com\/([a-z]{2}(-[a-z]{2,4})?\/)?privacy\b/.test(text);
}

/** Stripe named together with identity verification (the privacy paragraph Stripe suggests). */
export function mentionsStripeIdentity(text: string): boolean {
  if (!/\bstripe\b/.test(text)) return false;
  return /stripe identity|identity verification|identity[- ]document|id verification|verify(ing)? (your |their |the user's |a user's |users' )?identity|verification of (your |their )?identity|identity checks?\b/.test(text);
}

/** Tells the reader how to have their data deleted. */
export function explainsDeletion(text: string): boolean {
  return /(delet|eras|remov)\w*[^.?!]{0,80}\b(data|information|verification)|(data|information|verification)[^.?!]{0,80}\b(delet|eras|remov)\w*/.test(text);
}

/** Points to Stripe for Stripe's own copy: privacy@stripe.com or Stripe support. */
export function mentionsStripeContact(page: PageFacts, text: string): boolean {
  if (text.includes('privacy@stripe.com') || hasLink(page, /^mailto:privacy@stripe\.com/i) || hasLink(page, /^https?:\/\/support\.stripe\.com\//i)) return true;
  return /contact(ing)? stripe\b|stripe('s)? support\b|support\.stripe\.com/.test(text);
}

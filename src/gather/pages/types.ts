// The Pages artifact: the public pages the config names, fetched over HTTP(S).

export const PAGE_IDS = ['privacyPolicy', 'faq', 'deletion'] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** The config key naming each page, for `not_configured` fixes and messages. */
export const PAGE_CONFIG_KEYS: Readonly<Record<PageId, 'privacyPolicyUrl' | 'faqUrl' | 'deletionUrl'>> = {
  privacyPolicy: 'privacyPolicyUrl',
  faq: 'faqUrl',
  deletion: 'deletionUrl',
};

export interface PageFacts {
  requestedUrl: string;
  finalUrl: string;
  /** The last response's status (a 3xx when the redirects stopped on a problem). */
  status: number;
  redirects: number;
  contentType: string | null;
  /** Visible text of the page (HTML parsed, markup dropped); null when the body was not text. */
  text: string | null;
  /** Absolute hrefs of the page's links. */
  links: string[];
  /** Every URL requested, in order (the first is requestedUrl): an http hop fails the https check. */
  visited?: string[];
  /** Why following redirects stopped short of a page: a URL seen twice, or more than the limit. */
  redirectProblem?: 'loop' | 'too_many' | 'no_location';
}

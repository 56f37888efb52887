// The Pages artifact: the public pages the config names, fetched over HTTPS.

export const PAGE_IDS = ['privacyPolicy', 'faq', 'deletion'] as const;
export type PageId = (typeof PAGE_IDS)[number];

export interface PageFacts {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  redirects: number;
  contentType: string | null;
  /** Visible text of the page (HTML parsed, markup dropped); null when the body was not text. */
  text: string | null;
  /** Absolute hrefs of the page's links. */
  links: string[];
}

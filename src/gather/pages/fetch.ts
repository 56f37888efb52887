// Fetch one public page with node:http(s): one deadline for the whole chain, redirects followed by
// hand (counted; a loop or more than MAX_REDIRECTS stops with the problem recorded), the body capped.
// node:https, not global fetch, because it honours extra CAs (NODE_EXTRA_CA_CERTS) the user trusts.
import http from 'node:http';
import https from 'node:https';
import type { PageFacts } from './types.js';
import { extractContent } from './html.js';
import { VERSION } from '../../version.js';

export const MAX_REDIRECTS = 5;
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface PageFetchOptions {
  timeoutMs: number;
  /** Replaces the default CA list when set (root certificates plus the user's extra ones). */
  ca?: string[];
}

/** An outside-world problem fetching a page: becomes a Gathered failure, never a throw out of the gatherer. */
export class PageFetchError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'PageFetchError';
  }
}

interface RawResponse {
  status: number;
  location: string | null;
  contentType: string | null;
  body: Buffer | null;
}

export async function fetchPage(requestedUrl: string, options: PageFetchOptions): Promise<PageFacts> {
  const deadline = Date.now() + options.timeoutMs;
  const visited: string[] = [];
  let url = new URL(requestedUrl);
  for (;;) {
    visited.push(url.href);
    const response = await requestOnce(url, options, deadline, requestedUrl);
    const facts = (redirectProblem?: PageFacts['redirectProblem']): PageFacts => ({
      requestedUrl,
      finalUrl: url.href,
      status: response.status,
      redirects: visited.length - 1,
      contentType: response.contentType,
      ...content(response, url.href),
      visited,
      ...(redirectProblem ? { redirectProblem } : {}),
    });
    if (!REDIRECT_STATUSES.has(response.status)) return facts();
    const next = response.location === null ? null : safeUrl(response.location, url);
    if (next === null) return facts('no_location');
    if (visited.includes(next.href)) return facts('loop');
    if (visited.length > MAX_REDIRECTS) return facts('too_many');
    url = next;
  }
}

function safeUrl(location: string, base: URL): URL | null {
  try {
    const next = new URL(location, base);
    return next.protocol === 'https:' || next.protocol === 'http:' ? next : null;
  } catch {
    return null;
  }
}

function content(response: RawResponse, url: string): Pick<PageFacts, 'text' | 'links'> {
  if (response.body === null) return { text: null, links: [] };
  const type = response.contentType?.toLowerCase() ?? '';
  const text = decode(response.body, type);
  if (type.includes('html') || (type === '' && /<html|<body|<p[\s>]/i.test(text))) return extractContent(text, url);
  return { text: text.replace(/[ \t\u00a0]+/g, ' ').trim(), links: [] };
}

function decode(body: Buffer, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** Text bodies are read (capped); others only report their status. */
function isText(contentType: string | null): boolean {
  return contentType === null || /^(text\/|application\/xhtml)/i.test(contentType);
}

function requestOnce(url: URL, options: PageFetchOptions, deadline: number, requestedUrl: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(timeoutError(requestedUrl, options.timeoutMs));
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(url, {
      method: 'GET',
      headers: { 'user-agent': `identity-golive/${VERSION} (+go-live checklist page check)`, accept: 'text/html,text/plain;q=0.9,*/*;q=0.1' },
      ...(secure && options.ca ? { ca: options.ca } : {}),
      // A fresh connection per request: no keep-alive pool holding the process open afterwards.
      agent: false,
    });
    let settled = false;
    const finish = (error: Error | null, value?: RawResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    const timer = setTimeout(() => {
      finish(timeoutError(requestedUrl, options.timeoutMs));
      request.destroy();
    }, remaining);
    request.on('error', (error: NodeJS.ErrnoException) => finish(new PageFetchError('network', `${url.origin}: ${describeNetworkError(error)}`)));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const contentType = response.headers['content-type'] ?? null;
      const location = response.headers.location ?? null;
      if (REDIRECT_STATUSES.has(status) || !isText(contentType)) {
        response.resume();
        finish(null, { status, location, contentType, body: null });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        else {
          // Enough to judge the page; stop downloading.
          finish(null, { status, location, contentType, body: Buffer.concat(chunks) });
          response.destroy();
        }
      });
      response.on('end', () => finish(null, { status, location, contentType, body: Buffer.concat(chunks) }));
      response.on('error', (error) => finish(new PageFetchError('network', `${url.origin}: ${describeNetworkError(error)}`)));
    });
    request.end();
  });
}

function timeoutError(url: string, timeoutMs: number): PageFetchError {
  return new PageFetchError('timeout', `${url} did not answer within ${timeoutMs} ms`);
}

function describeNetworkError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (DNS)';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY') {
    return `TLS certificate not trusted (${code})`;
  }
  if (code === 'CERT_HAS_EXPIRED') return 'TLS certificate expired';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'TLS certificate does not match the host name';
  return code ? `${code}: ${error.message}` : error.message;
}

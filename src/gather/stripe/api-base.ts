// --api-base / STRIPE_API_BASE: a local double or stripe-mock. A key must never cross a network in
// clear, so plain http is refused unless the host is loopback.
import { isIP } from 'node:net';
import { UserError } from '../../util/user-error.js';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

export function parseApiBase(raw: string | undefined): URL | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`--api-base is not a URL: ${raw}`, 'Use e.g. http://127.0.0.1:12111 for stripe-mock.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`--api-base must be http(s), got ${url.protocol}`, 'Use e.g. https://api.stripe.com or http://127.0.0.1:12111.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UserError(
      `Refusing plain http to ${url.hostname}: your API key would cross the network unencrypted.`,
      'Use https, or a loopback address (127.0.0.1, localhost, [::1]) for a local double.',
    );
  }
  return url;
}

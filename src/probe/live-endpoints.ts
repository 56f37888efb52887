// Is the probe URL one of the account's live-mode webhook endpoints? Compared on scheme, host,
// port and path (query and trailing slash ignored), so near-identical spellings still match.
import type { WebhookEndpointFacts } from '../engine/artifacts.js';

function comparable(raw: string): string | null {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

export function liveEndpointsAt(url: URL, endpoints: readonly WebhookEndpointFacts[]): WebhookEndpointFacts[] {
  const wanted = comparable(url.href);
  return endpoints.filter((endpoint) => endpoint.livemode && endpoint.url !== null && comparable(endpoint.url) === wanted);
}

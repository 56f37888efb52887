// One probe request over node:http(s): POST the raw body, never follow a redirect, give up at the
// time budget, read at most a few KB of the answer. No retries: one plan step, one request.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { maskAndCut, maskSecrets } from '../../util/mask.js';
import { VERSION } from '../../version.js';
import type { ProbeResult, ProbeTarget } from './types.js';

/** Enough of the body for an excerpt; the rest is not read. */
const MAX_BODY_BYTES = 4096;
const EXCERPT_CHARS = 160;

export interface OutgoingProbe {
  readonly body: string;
  /** The Stripe-Signature header value; null sends none. */
  readonly signature: string | null;
}

/**
 * Connect to vetted addresses only: the hostname is not looked up again (no DNS rebinding). All of
 * them are offered, so `localhost` reaching ::1 and 127.0.0.1 works whichever the handler binds.
 */
function pinnedLookup(target: ProbeTarget): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? target.addresses.filter((entry) => entry.family === options.family) : target.addresses;
    if (options.all) (callback as unknown as (error: null, addresses: readonly { address: string; family: number }[]) => void)(null, wanted);
    else if (wanted[0]) callback(null, wanted[0].address, wanted[0].family);
    else callback(Object.assign(new Error(`no vetted IPv${String(options.family)} address`), { code: 'ENOTFOUND' }), '', 0);
  };
}

export function sendProbe(target: ProbeTarget, outgoing: OutgoingProbe, timeoutMs: number, secretValue: string): Promise<ProbeResult> {
  const { url } = target;
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(outgoing.body),
    'Cache-Control': 'no-cache',
    Accept: '*/*',
    'User-Agent': `identity-golive-probe/${VERSION} (+https://docs.stripe.com/identity/before-going-live)`,
  };
  if (outgoing.signature !== null) headers['Stripe-Signature'] = outgoing.signature;

  return new Promise<ProbeResult>((resolve) => {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    let settled = false;
    let onTimeout: () => void = () => settle({ kind: 'timeout', latencyMs: elapsed() });
    const timer = setTimeout(() => onTimeout(), timeoutMs);
    const settle = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };

    const request = client.request(
      {
        protocol: url.protocol,
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers,
        agent: false,
        lookup: pinnedLookup(target),
      },
      (response) => {
        const latencyMs = elapsed();
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = () =>
          settle({
            kind: 'response',
            status: response.statusCode ?? 0,
            latencyMs,
            excerpt: excerptOf(Buffer.concat(chunks).toString('utf8'), secretValue),
            location: response.statusCode && response.statusCode >= 300 && response.statusCode < 400 ? displayLocation(response.headers.location, url) : null,
          });
        // Headers came in time: a body still trickling in at the deadline does not undo the answer.
        onTimeout = answer;
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_BODY_BYTES) answer();
        });
        response.on('end', answer);
        response.on('error', answer);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => settle({ kind: 'network', code: error.code ?? error.name, latencyMs: elapsed() }));
    request.end(outgoing.body);
  });
}

/** One line, secrets masked before cutting, so a cut can never leave part of a secret behind. */
export function excerptOf(text: string, secretValue: string): string {
  // The secret is also dropped without its prefix, in case the handler prints only its tail.
  const bare = secretValue.replace(/^whsec_/, '');
  const withoutSecret = text.split(secretValue).join('whsec_…');
  const flat = maskSecrets(bare.length >= 8 ? withoutSecret.split(bare).join('…') : withoutSecret)
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  return `${flat.slice(0, EXCERPT_CHARS).replace(/whsec_\S*$/, 'whsec_…')}…`;
}

/** A URL for reports: no userinfo, query masked (webhook URLs sometimes carry a token there). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
}

function displayLocation(location: string | undefined, base: URL): string | null {
  if (!location) return null;
  try {
    return displayUrl(new URL(location, base));
  } catch {
    return maskAndCut(location, EXCERPT_CHARS, '');
  }
}

// Where the probe may send: loopback and private addresses only, unless --allow-remote. The
// hostname is resolved first and every address it resolves to is vetted; the socket then
// connects to a vetted address, never to a second lookup's answer.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { UserError } from '../../util/user-error.js';
import { displayUrl } from './send.js';
import type { ProbeTarget } from './types.js';

export type AddressScope = ProbeTarget['scope'];

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const PRIVATE = new BlockList();
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** `::ffff:10.0.0.1` is 10.0.0.1: judge the IPv4 address it carries. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

export function addressScope(address: string): AddressScope {
  const plain = unmapped(address);
  const family = isIP(plain);
  if (family === 0) throw new Error(`not an IP address: ${address}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (LOOPBACK.check(plain, type)) return 'loopback';
  if (PRIVATE.check(plain, type)) return 'private';
  return 'public';
}

export function parseProbeUrl(raw: string, source: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`${source} is not a URL: ${raw}`, 'Give the full URL of your webhook route, e.g. http://127.0.0.1:4242/webhook.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`${source} must be http(s), got ${url.protocol}`, 'Give the full URL of your webhook route, e.g. http://127.0.0.1:4242/webhook.');
  }
  return url;
}

type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true });

/** Resolve and vet; refusing (exit 2) before any request when an address is public and remote probing was not allowed. */
export async function resolveProbeTarget(url: URL, { allowRemote, resolve = systemResolver }: { allowRemote: boolean; resolve?: Resolver }): Promise<ProbeTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const display = displayUrl(url);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UserError(`Cannot resolve ${host} (${code}) for the probe URL ${display}.`, 'Check the hostname, or use an IP address such as 127.0.0.1.');
    }
  }
  if (addresses.length === 0) throw new UserError(`${host} resolved to no address.`, 'Check the hostname, or use an IP address such as 127.0.0.1.');
  const scoped = addresses.map((entry) => ({ ...entry, scope: addressScope(entry.address) }));
  const outside = scoped.find((entry) => entry.scope === 'public');
  if (outside && !allowRemote) {
    const via = outside.address === host ? '' : ` (${host} resolves to ${outside.address})`;
    throw new UserError(
      `Refusing to probe ${display}: ${outside.address} is not a loopback or private address${via}. The probe sends forged and test events, so it only targets local handlers unless told otherwise.`,
      'Point --url at a local run of your handler (127.0.0.1, localhost, a private network address), or pass --allow-remote if you mean to probe that server.',
    );
  }
  // Local addresses first when a name resolves to both kinds (only possible with --allow-remote).
  const ordered = [...scoped.filter((entry) => entry.scope !== 'public'), ...scoped.filter((entry) => entry.scope === 'public')];
  const vetted = ordered.map((entry) => ({ address: entry.address, family: entry.family === 6 ? (6 as const) : (4 as const) }));
  const scope = scoped.some((entry) => entry.scope === 'public') ? 'public' : scoped.some((entry) => entry.scope === 'private') ? 'private' : 'loopback';
  return { url, display, addresses: [vetted[0]!, ...vetted.slice(1)], scope };
}

// Where the probe may send, and when a live endpoint stops it: decided before any request.
import { describe, expect, it } from 'vitest';
import { addressScope, parseProbeUrl, resolveProbeTarget } from '../../src/gather/probe/target.js';
import { displayUrl, excerptOf } from '../../src/gather/probe/send.js';
import { guardLiveEndpoints, parseProbeTimeout } from '../../src/app/probe-setup.js';
import { liveEndpointsAt } from '../../src/probe/live-endpoints.js';
import { failed, gathered } from '../../src/engine/gathered.js';
import { UserError } from '../../src/util/user-error.js';
import { endpoint } from '../support/facts.js';

import { memoryIo } from '../support/memory-io.js';

describe('addressScope', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.20', 'private'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['::ffff:192.168.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['11.0.0.1', 'public'],
    ['169.254.169.254', 'public'],
    ['0.0.0.0', 'public'],
    ['8.8.8.8', 'public'],
    ['fe80::1', 'public'],
    ['2606:4700::1111', 'public'],
  ] as const)('%s is %s', (address, scope) => {
    expect(addressScope(address)).toBe(scope);
  });
});

describe('resolveProbeTarget', () => {
  const url = (raw: string) => parseProbeUrl(raw, '--url');

  it('accepts loopback and private literals, connecting to exactly that address', async () => {
    await expect(resolveProbeTarget(url('http://127.0.0.1:4242/webhook'), { allowRemote: false })).resolves.toMatchObject({ addresses: [{ address: '127.0.0.1', family: 4 }], scope: 'loopback' });
    await expect(resolveProbeTarget(url('http://[::1]:4242/webhook'), { allowRemote: false })).resolves.toMatchObject({ addresses: [{ address: '::1', family: 6 }], scope: 'loopback' });
    await expect(resolveProbeTarget(url('https://10.0.0.5/hooks'), { allowRemote: false })).resolves.toMatchObject({ scope: 'private' });
  });

  it('resolves localhost with the system resolver before deciding', async () => {
    const target = await resolveProbeTarget(url('http://localhost:4242/webhook'), { allowRemote: false });
    expect(target.scope).toBe('loopback');
  });

  it('refuses a public address without --allow-remote', async () => {
    await expect(resolveProbeTarget(url('http://203.0.113.10/webhook'), { allowRemote: false })).rejects.toThrow(/not a loopback or private address/);
  });

  it('refuses a name that resolves to any public address, naming it', async () => {
    const resolve = async () => [
      { address: '10.0.0.2', family: 4 },
      { address: '93.184.216.34', family: 4 },
    ];
    await expect(resolveProbeTarget(url('https://hooks.example.com/stripe'), { allowRemote: false, resolve })).rejects.toThrow(/hooks\.example\.com resolves to 93\.184\.216\.34/);
  });

  it('allows a public address with --allow-remote', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    await expect(resolveProbeTarget(url('https://hooks.example.com/stripe?token=abc'), { allowRemote: true, resolve })).resolves.toMatchObject({
      addresses: [{ address: '93.184.216.34', family: 4 }],
      scope: 'public',
      display: 'https://hooks.example.com/stripe?…',
    });
  });

  it('turns an unresolvable name into a clear error', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(resolveProbeTarget(url('http://nowhere.invalid/webhook'), { allowRemote: false, resolve })).rejects.toThrow(/Cannot resolve nowhere\.invalid \(ENOTFOUND\)/);
  });

  it.each(['not a url', 'ftp://127.0.0.1/webhook'])('rejects %s', (raw) => {
    expect(() => parseProbeUrl(raw, '--url')).toThrow(UserError);
  });
});

describe('display and excerpts', () => {
  it('drops userinfo and masks the query', () => {
    expect(displayUrl(new URL('https://user:pass@hooks.example.com:8443/stripe?token=s3cret'))).toBe('https://hooks.example.com:8443/stripe?…');
  });

  it('masks the secret, whole or cut, and keeps one short line', () => {
    const secret = 'whsec_fixtureProbeSecret0123456789abcdef';
    expect(excerptOf(`{"error":"expected ${secret}"}`, secret)).toBe('{"error":"expected whsec_…"}');
    expect(excerptOf(`bad\n\n  secret: fixtureProbeSecret0123456789abcdef`, 'fixtureProbeSecret0123456789abcdef')).toBe('bad secret: whsec_…');
    const long = `${'x'.repeat(150)} whsec_abcdefghijklmnopqrstuvwxyz`;
    const cut = excerptOf(long, 'unrelated');
    expect(cut).not.toMatch(/whsec_[a-z]/);
    expect(cut.length).toBeLessThanOrEqual(161);
  });
});

describe('parseProbeTimeout', () => {
  it.each([
    [undefined, 5000],
    ['5', 5000],
    ['2.5s', 2500],
    ['800ms', 800],
  ] as const)('%s → %s ms', (raw, ms) => {
    expect(parseProbeTimeout(raw, '--timeout')).toBe(ms);
  });
  it.each(['0', '31', 'soon', '50ms'])('refuses %s', (raw) => {
    expect(() => parseProbeTimeout(raw, '--timeout')).toThrow(/between 0.1 and 30 seconds/);
  });
});

describe('live-endpoint guard', () => {
  const live = endpoint({ id: 'we_live1', url: 'https://hooks.example.com/stripe/', livemode: true });
  const url = new URL('https://hooks.example.com/stripe');
  const target = { url, display: 'https://hooks.example.com/stripe', addresses: [{ address: '93.184.216.34', family: 4 as const }] as const, scope: 'public' as const };
  const local = { ...target, addresses: [{ address: '127.0.0.1', family: 4 as const }] as const, scope: 'loopback' as const };

  it('matches on scheme, host, port and path, ignoring a trailing slash and query', () => {
    expect(liveEndpointsAt(new URL('https://HOOKS.example.com/stripe?x=1'), [live])).toEqual([live]);
    expect(liveEndpointsAt(new URL('https://hooks.example.com:8443/stripe'), [live])).toEqual([]);
    expect(liveEndpointsAt(new URL('https://hooks.example.com/stripe'), [{ ...live, livemode: false }])).toEqual([]);
  });

  it('refuses a live endpoint without --allow-remote', async () => {
    const io = memoryIo('/', {});
    await expect(guardLiveEndpoints(io, { url, target, allowRemote: false }, gathered([live]))).rejects.toThrow(/registered on live-mode webhook endpoint we_live1/);
  });

  it('refuses a live endpoint in CI or without a terminal, even with --allow-remote', async () => {
    await expect(guardLiveEndpoints(memoryIo('/', {}), { url, target, allowRemote: true }, gathered([live]))).rejects.toThrow(/we_live1/);
    await expect(guardLiveEndpoints(memoryIo('/', { CI: 'true' }, { tty: true, ttyStdout: false, input: 'yes\n' }), { url, target, allowRemote: true }, gathered([live]))).rejects.toMatchObject({
      message: expect.stringContaining('we_live1'),
      hint: expect.stringContaining('cannot be given without a terminal'),
    });
  });

  it('sends to a live endpoint only after a typed "yes" at a terminal', async () => {
    const yes = memoryIo('/', {}, { tty: true, ttyStdout: false, input: 'yes\n' });
    await expect(guardLiveEndpoints(yes, { url, target, allowRemote: true }, gathered([live]))).resolves.toEqual([{ level: 'warn', message: 'Probed live-mode endpoint we_live1 after confirmation.' }]);
    expect(yes.err()).toContain('Type "yes"');
    const no = memoryIo('/', {}, { tty: true, ttyStdout: false, input: 'y\n' });
    await expect(guardLiveEndpoints(no, { url, target, allowRemote: true }, gathered([live]))).rejects.toThrow(/cancelled: nothing was sent/);
  });

  it('asks for confirmation when the live list cannot be read and the target is public', async () => {
    const unreadable = failed<never>('permission', '403 from /v1/webhook_endpoints', 'grant Webhook Endpoints: Read');
    await expect(guardLiveEndpoints(memoryIo('/', {}), { url, target, allowRemote: true }, unreadable)).rejects.toThrow(/may be one of them/);
    await expect(guardLiveEndpoints(memoryIo('/', {}), { url, target: local, allowRemote: false }, unreadable)).resolves.toMatchObject([{ level: 'warn' }]);
  });

  it('lets other URLs through, warning when a remote one could not be compared', async () => {
    await expect(guardLiveEndpoints(memoryIo('/', {}), { url: new URL('https://staging.example.com/stripe'), target, allowRemote: true }, gathered([live]))).resolves.toEqual([]);
    await expect(guardLiveEndpoints(memoryIo('/', {}), { url, target: local, allowRemote: false }, null)).resolves.toEqual([]);
    await expect(guardLiveEndpoints(memoryIo('/', {}), { url, target, allowRemote: true }, null)).resolves.toMatchObject([{ level: 'warn', message: expect.stringContaining('no live key') }]);
  });
});

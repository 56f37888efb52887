// Overlap: the SDK preload starts only for runs that will call Stripe, and the local gatherers
// wait until it is loaded while the remote ones start at once, each result passed through as is.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { remoteFirst, willCallStripe } from '../../src/app/overlap.js';
import type { GathererMap } from '../../src/engine/runner.js';
import type { ArtifactDemand, GatherContext } from '../../src/gather/context.js';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';

const withKey = { STRIPE_API_KEY: FIXTURE_KEYS.testRestricted };

describe('willCallStripe', () => {
  it.each([
    ['a key, every rule', {}, withKey, true],
    ['a live key in its own variable', {}, { STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveRestricted }, true],
    ['a key and a Stripe rule among the named ones', { only: 'fallback-offered,branding-configured' }, withKey, true],
    ['a key and --rule naming a Stripe rule', { rule: ['webhook-endpoint-registered'] }, withKey, true],
    ['no key', {}, {}, false],
    ['--offline', { offline: true }, withKey, false],
    ['--snapshot', { snapshot: 'golive-snapshot.json' }, withKey, false],
    ['only code and attestation rules named', { only: 'fallback-offered,no-secrets-in-code,attempt-limit-decided' }, withKey, false],
    ['an unknown rule named (prepare reports it)', { only: 'no-such-rule' }, withKey, false],
  ])('%s → %s', (_label, options, env, expected) => {
    expect(willCallStripe(options, env)).toBe(expected);
  });
});

describe('remoteFirst', () => {
  it('starts remote gatherers at once and local ones only after the SDK has loaded', async () => {
    const started: string[] = [];
    const record = (id: string) => async () => {
      started.push(id);
      return id as never;
    };
    const gatherers = Object.fromEntries(
      ['Config', 'Account', 'WebhookEndpoints', 'Events', 'VerificationSessions', 'Source', 'Attestations', 'Pages', 'Probe'].map((id) => [id, record(id)]),
    ) as unknown as GathererMap;
    let loaded!: () => void;
    const sdkLoaded = new Promise<void>((resolve) => (loaded = resolve));
    const ordered = remoteFirst(gatherers, sdkLoaded);
    const ctx = {} as GatherContext;
    const demand = { modes: new Set(), rules: [] } as ArtifactDemand;
    const results = Promise.all([ordered.Source(ctx, demand), ordered.Account(ctx, demand), ordered.Attestations(ctx, demand), ordered.Pages(ctx, demand), ordered.Config(ctx, demand)]);
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['Account', 'Pages']);
    loaded();
    expect(await results).toEqual(['Source', 'Account', 'Attestations', 'Pages', 'Config']);
    expect(started.slice(2).sort()).toEqual(['Attestations', 'Config', 'Source']);
  });

  it('holds a CPU-bound local gatherer until the remote request is on the wire, and lets them overlap', async () => {
    let flushed = false;
    let answer = (): void => undefined;
    const server = http.createServer((_request, response) => {
      answer = () => response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen: { flushedWhenLocalStarted?: boolean; remoteDoneWhenLocalEnded?: boolean } = {};
      let remoteDone = false;
      const remote = async () => {
        await new Promise<void>((resolve, reject) => {
          const request = http.get(`http://127.0.0.1:${port}/`, (response) => response.resume().on('end', resolve)).on('error', reject);
          request.on('finish', () => (flushed = true));
        });
        remoteDone = true;
        return 'remote' as never;
      };
      const local = async () => {
        seen.flushedWhenLocalStarted = flushed;
        // A synchronous scan: nothing else runs meanwhile, so the request had to be written before.
        const until = Date.now() + 30;
        while (Date.now() < until);
        seen.remoteDoneWhenLocalEnded = remoteDone;
        // The server answers once the local work is done: the remote request spanned it.
        setTimeout(() => answer(), 10);
        return 'local' as never;
      };
      const ordered = remoteFirst({ Source: local, Account: remote } as unknown as GathererMap, Promise.resolve());
      const ctx = {} as GatherContext;
      const demand = { modes: new Set(), rules: [] } as ArtifactDemand;
      expect(await Promise.all([ordered.Source(ctx, demand), ordered.Account(ctx, demand)])).toEqual(['local', 'remote']);
      expect(seen).toEqual({ flushedWhenLocalStarted: true, remoteDoneWhenLocalEnded: false });
    } finally {
      server.close();
    }
  });
});

// One probe request over real sockets: pinned addresses, no redirect followed, a timeout, a cap on
// what is read, and the exact bytes and headers Stripe would send.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendProbe } from '../../src/gather/probe/send.js';
import { parseProbeUrl, resolveProbeTarget } from '../../src/gather/probe/target.js';

const SECRET = 'whsec_fixtureSendSecret0123456789';
const servers: http.Server[] = [];

async function serve(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

const target = (raw: string, resolve?: () => Promise<{ address: string; family: number }[]>) => resolveProbeTarget(parseProbeUrl(raw, '--url'), { allowRemote: false, resolve });

describe('sendProbe', () => {
  it('sends the raw body and Stripe-shaped headers, and records the answer', async () => {
    const seen: { headers: http.IncomingHttpHeaders; body: string; method?: string; url?: string }[] = [];
    const port = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body, method: req.method, url: req.url });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received": true}');
      });
    });
    const body = '{\n  "id": "evt_golive_probe_x"\n}';
    const result = await sendProbe(await target(`http://127.0.0.1:${port}/webhook?source=stripe`), { body, signature: 't=1,v1=abc' }, 2000, SECRET);
    expect(result).toMatchObject({ kind: 'response', status: 200, excerpt: '{"received": true}', location: null });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/webhook?source=stripe', body });
    expect(seen[0]!.headers).toMatchObject({ 'stripe-signature': 't=1,v1=abc', 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) });
    expect(seen[0]!.headers['user-agent']).toMatch(/^identity-golive-probe\//);
  });

  it('sends no Stripe-Signature header when told to', async () => {
    let header: string | undefined = 'unset';
    const port = await serve((req, res) => {
      header = req.headers['stripe-signature'] as string | undefined;
      req.resume().on('end', () => res.writeHead(400).end());
    });
    await sendProbe(await target(`http://127.0.0.1:${port}/webhook`), { body: '{}', signature: null }, 2000, SECRET);
    expect(header).toBeUndefined();
  });

  it('records a redirect without following it', async () => {
    let followed = 0;
    const elsewhere = await serve((_req, res) => {
      followed += 1;
      res.writeHead(200).end();
    });
    const port = await serve((req, res) => req.resume().on('end', () => res.writeHead(307, { Location: `http://127.0.0.1:${elsewhere}/new?token=abc` }).end()));
    const result = await sendProbe(await target(`http://127.0.0.1:${port}/webhook`), { body: '{}', signature: null }, 2000, SECRET);
    expect(result).toMatchObject({ kind: 'response', status: 307, location: `http://127.0.0.1:${elsewhere}/new?…` });
    expect(followed).toBe(0);
  });

  it('gives up at the budget when no answer comes', async () => {
    const port = await serve((req) => req.resume());
    const result = await sendProbe(await target(`http://127.0.0.1:${port}/webhook`), { body: '{}', signature: null }, 200, SECRET);
    expect(result.kind).toBe('timeout');
  });

  it('reads only the start of a huge answer and keeps one short line', async () => {
    const port = await serve((req, res) => req.resume().on('end', () => res.writeHead(200).end('x'.repeat(1_000_000))));
    const result = await sendProbe(await target(`http://127.0.0.1:${port}/webhook`), { body: '{}', signature: null }, 2000, SECRET);
    expect(result.kind === 'response' && result.excerpt.length).toBe(161);
  });

  it('reports a refused connection as a network result', async () => {
    const port = await serve(() => {});
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const result = await sendProbe(await target(`http://127.0.0.1:${port}/webhook`), { body: '{}', signature: null }, 2000, SECRET);
    expect(result).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
  });

  it('connects only to the vetted addresses of a name, trying each (::1 then 127.0.0.1)', async () => {
    const port = await serve((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
    const resolve = async () => [
      { address: '::1', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ];
    const vetted = await target(`http://handler.probe.invalid:${port}/webhook`, resolve);
    expect(vetted.addresses.map((entry) => entry.address)).toEqual(['::1', '127.0.0.1']);
    const result = await sendProbe(vetted, { body: '{}', signature: null }, 3000, SECRET);
    expect(result).toMatchObject({ kind: 'response', status: 204 });
  });
});

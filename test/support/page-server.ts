// Public pages on 127.0.0.1 for the page checks: the fixtures in fixtures/pages/ over HTTPS (a
// throwaway self-signed certificate made with openssl at test time) and over plain HTTP, plus
// routes for 404, redirect chains and loops, a page that never answers, and a non-HTML body.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/pages');

export interface PageServer {
  /** https://127.0.0.1:<port> */
  https: string;
  /** http://127.0.0.1:<port> */
  http: string;
  /** PEM file of the certificate: point NODE_EXTRA_CA_CERTS at it. */
  caFile: string;
  /** Paths requested so far, in order (both servers). */
  requests: string[];
  close(): Promise<void>;
}

/** Null when openssl is missing: the caller skips with that reason. */
export function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function makeCertificate(dir: string): { key: string; cert: string; file: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), file: certFile };
}

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

const PAGES: Record<string, string> = {
  '/privacy': 'privacy-policy.html',
  '/privacy-missing': 'privacy-policy-no-disclosure.html',
  '/faq': 'faq.html',
  '/faq-incomplete': 'faq-incomplete.html',
};

export async function startPageServer(): Promise<PageServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pages-tls-'));
  const { key, cert, file } = makeCertificate(dir);
  let httpOrigin = '';
  const requests: string[] = [];
  const handler: http.RequestListener = (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const route = url.pathname;
    const page = PAGES[route];
    if (page) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fixture(page));
      return;
    }
    const hop = /^\/hop\/(\d+)$/.exec(route);
    if (hop) {
      const left = Number(hop[1]);
      response.writeHead(302, { location: left === 0 ? '/privacy' : `/hop/${left - 1}` });
      response.end();
      return;
    }
    switch (route) {
      case '/loop-a':
        response.writeHead(301, { location: '/loop-b' });
        return void response.end();
      case '/loop-b':
        response.writeHead(302, { location: '/loop-a' });
        return void response.end();
      case '/to-http':
        response.writeHead(301, { location: `${httpOrigin}/privacy` });
        return void response.end();
      case '/no-location':
        response.writeHead(302);
        return void response.end();
      case '/slow':
        // Never answers: the client's deadline must end it.
        return;
      case '/pdf':
        response.writeHead(200, { 'content-type': 'application/pdf' });
        return void response.end('%PDF-1.4');
      default:
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>Not found</h1>');
    }
  };
  const secure = https.createServer({ key, cert }, handler);
  const plain = http.createServer(handler);
  await Promise.all([new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve)), new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))]);
  httpOrigin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  return {
    https: `https://127.0.0.1:${(secure.address() as AddressInfo).port}`,
    http: httpOrigin,
    caFile: file,
    requests,
    async close() {
      for (const server of [secure, plain]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

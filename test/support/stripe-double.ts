// A local Stripe API double: node:http on 127.0.0.1 (ephemeral port), serving a scenario from
// fixtures/stripe/ the way Stripe does (auth, per-resource permissions, list envelopes, paging,
// filters), with fault injection per route and a log of every request (keys masked).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type Stripe from 'stripe';
import { SCENARIOS, type ScenarioName } from '../../fixtures/stripe/index.js';
import { API_VERSION } from '../../fixtures/stripe/build.js';
import type { KeyGrant, Mode, ModeFixture, Permission, StripeScenario } from '../../fixtures/stripe/types.js';
import { maskKey } from '../../src/util/mask.js';

export type RouteId = 'account' | 'webhook_endpoints' | 'event_destinations' | 'events' | 'verification_sessions';

export type FaultKind =
  | 'latency' // wait `latencyMs`, then answer normally
  | 'rate_limit' // 429, no Stripe-Should-Retry (the SDK does not retry it)
  | 'rate_limit_should_retry' // 429 with Stripe-Should-Retry: true (the SDK retries it)
  | 'server_error' // 500
  | 'malformed_json' // 200 with a truncated body
  | 'reset' // the connection is destroyed before any answer
  | 'forbidden' // 403: the key lacks the route's permission
  | 'hang' // never answers, never closes
  | 'drip_headers' // the status line and headers, one byte every 100 ms, forever
  | 'drip_body' // 200 and headers at once, then the body one byte every 100 ms, forever
  | 'endless_body' // 200, then an endless JSON-looking body as fast as the client reads
  | 'switching_protocols'; // 101 Switching Protocols, then silence

export interface Fault {
  route: RouteId | '*';
  kind: FaultKind;
  /** Only the first N matching requests (default: every one). */
  times?: number;
  /** For `latency`. */
  latencyMs?: number;
  /** Only requests made with a key of this mode. */
  mode?: Mode;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Query;
  /** The bearer key, masked (`rk_test_…T2`), or null. */
  key: string | null;
  route: RouteId | null;
  status: number;
  fault: FaultKind | null;
  at: number;
}

export interface StripeDoubleOptions {
  scenario: ScenarioName | StripeScenario;
  faults?: readonly Fault[];
  /** Added to every request. */
  latencyMs?: number;
  /** The double's clock (ms); scenarios are built against it. */
  now?: number;
  /** Answer lists as if no filter (type, created, delivery_success) had been sent: an API whose filters cannot be trusted. */
  ignoreFilters?: boolean;
  /** Hold every answer until this many requests are in flight at once (or 3 s pass): proves concurrency without timing. */
  holdUntilInFlight?: number;
}

export interface StripeDouble {
  url: string;
  port: number;
  scenario: StripeScenario;
  log: LoggedRequest[];
  /** The most requests that were being answered at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const PERMISSION_OF: Record<RouteId, Permission> = {
  account: 'account',
  webhook_endpoints: 'webhook_endpoints',
  event_destinations: 'event_destinations',
  events: 'events',
  verification_sessions: 'identity',
};

/** The Dashboard name of each permission, as Stripe's 403 would name it. */
const PERMISSION_LABEL: Record<Permission, string> = {
  account: 'connected_account_read',
  webhook_endpoints: 'webhook_endpoint_read',
  event_destinations: 'event_destination_read',
  events: 'event_read',
  identity: 'identity_verification_session_read',
};

const ROUTES: readonly [string, RouteId][] = [
  ['/v1/account', 'account'],
  ['/v1/webhook_endpoints', 'webhook_endpoints'],
  ['/v2/core/event_destinations', 'event_destinations'],
  ['/v1/events', 'events'],
  ['/v1/identity/verification_sessions', 'verification_sessions'],
];

export async function startStripeDouble(options: StripeDoubleOptions): Promise<StripeDouble> {
  const now = options.now ?? Date.now();
  const scenario = typeof options.scenario === 'string' ? SCENARIOS[options.scenario](now) : options.scenario;
  const faults = (options.faults ?? []).map((fault) => ({ ...fault, used: 0 }));
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let requestCount = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const waiting = new Set<() => void>();
  const barrier = () =>
    new Promise<void>((resolve) => {
      if (!options.holdUntilInFlight || maxInFlight >= options.holdUntilInFlight) return resolve();
      const release = () => {
        waiting.delete(release);
        resolve();
      };
      waiting.add(release);
      void delay(3000).then(release);
    });

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** Writes `text` one byte every 100 ms until the peer goes away. */
  const drip = (socket: Socket, text: string): void => {
    let at = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || at >= text.length) {
        clearInterval(timer);
        timers.delete(timer);
        return;
      }
      socket.write(text[at++]!);
    }, 100);
    timers.add(timer);
  };
  /** Writes filler for as long as the client reads, honouring backpressure. */
  const endless = (res: ServerResponse): void => {
    const chunk = Buffer.from(`{"id": "${'x'.repeat(65_000)}"},`);
    res.write('{"object": "list", "data": [');
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk)) {
        /* keep writing until the socket's buffer is full */
      }
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  };

  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (options.holdUntilInFlight && maxInFlight >= options.holdUntilInFlight) for (const release of [...waiting]) release();
    void barrier()
      .then(() => handle(req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { error: { type: 'api_error', message: `double crashed: ${String(error)}` } });
      })
      .finally(() => {
        inFlight -= 1;
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requestCount += 1;
    const url = new URL(req.url ?? '/', 'http://double.local');
    const key = bearer(req);
    const grant = key ? scenario.keys[key] : undefined;
    const route = ROUTES.find(([path]) => path === url.pathname)?.[1] ?? null;
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: parseQuery(url.searchParams),
      key: key ? maskKey(key) : null,
      route,
      status: 0,
      fault: null,
      at: Date.now(),
    };
    log.push(entry);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      send(res, status, body, { 'Request-Id': `req_double_${requestCount}`, ...headers });
    };

    if (options.latencyMs) await delay(options.latencyMs);
    if (entry.method !== 'GET') {
      return reply(405, { error: { type: 'invalid_request_error', message: `The double is read-only: ${entry.method} is not allowed.` } });
    }
    if (!key || !grant) {
      const shown = key ? `${key.slice(0, 8)}****${key.slice(-4)}` : 'none';
      return reply(401, { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${shown}` } });
    }
    const fault = route ? faults.find((f) => (f.route === '*' || f.route === route) && (!f.mode || f.mode === grant.mode) && (f.times === undefined || f.used < f.times)) : undefined;
    if (fault) {
      fault.used += 1;
      entry.fault = fault.kind;
      switch (fault.kind) {
        case 'latency':
          await delay(fault.latencyMs ?? 1000);
          break;
        case 'rate_limit':
          return reply(429, { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly.' } });
        case 'rate_limit_should_retry':
          return reply(429, { error: { type: 'invalid_request_error', code: 'lock_timeout', message: 'This object cannot be accessed right now.' } }, { 'Stripe-Should-Retry': 'true' });
        case 'server_error':
          return reply(500, { error: { type: 'api_error', message: 'An unknown error occurred.' } });
        case 'malformed_json':
          entry.status = 200;
          res.writeHead(200, { 'Content-Type': 'application/json', 'Request-Id': `req_double_${requestCount}` });
          res.end('{"object": "list", "data": [{"id": ');
          return;
        case 'reset':
          entry.status = -1;
          req.socket.destroy();
          return;
        case 'forbidden':
          return reply(403, { error: { type: 'invalid_request_error', message: `The provided key '${maskKey(key)}' does not have the required permissions for this endpoint.` } });
        case 'hang':
          entry.status = -1;
          return;
        case 'drip_headers':
          entry.status = -1;
          return drip(req.socket, 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: ' + 'a'.repeat(1_000_000));
        case 'drip_body':
          entry.status = 200;
          // A declared length makes the raw bytes a valid (endlessly slow) body.
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000000', 'Request-Id': `req_double_${requestCount}` });
          res.flushHeaders();
          return drip(req.socket, '{"object": "list", "data": [' + ' '.repeat(999_972));
        case 'endless_body':
          entry.status = 200;
          res.writeHead(200, { 'Content-Type': 'application/json', 'Request-Id': `req_double_${requestCount}` });
          return endless(res);
        case 'switching_protocols':
          entry.status = 101;
          req.socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
          return;
      }
    }
    if (!route) return reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `Unrecognized request URL (GET: ${url.pathname}).` } });
    if (!grant.permissions.includes(PERMISSION_OF[route])) {
      return reply(403, {
        error: {
          type: 'invalid_request_error',
          message: `The provided key '${maskKey(key)}' does not have the required permissions for this endpoint on account '${scenario[grant.mode].account.id}'. Having the '${PERMISSION_LABEL[PERMISSION_OF[route]]}' permission would allow this request to continue.`,
        },
      });
    }
    const query = options.ignoreFilters ? Object.fromEntries(Object.entries(entry.query).filter(([name]) => ['limit', 'starting_after', 'ending_before', 'page'].includes(name))) : entry.query;
    const result = answer(route, scenario[grant.mode], query, url.pathname);
    reply(result.status, result.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    scenario,
    log,
    get maxInFlight() {
      return maxInFlight;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer (.+)$/.exec(header) : null;
  if (match) return match[1]!;
  // Stripe also accepts the key as basic-auth user name.
  const basic = header ? /^Basic (.+)$/.exec(header) : null;
  return basic ? Buffer.from(basic[1]!, 'base64').toString().split(':')[0]! : null;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Stripe-Version': API_VERSION, ...headers });
  res.end(text);
}

// ---- query parsing: `a[b]=1`, `a[0]=x`, `a[]=y` as Stripe's form encoding has them ----

export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };
export type Query = { [key: string]: QueryValue };
type Slots = Record<string | number, QueryValue | undefined>;

export function parseQuery(params: URLSearchParams): Query {
  const root: Query = {};
  for (const [rawKey, value] of params) {
    const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(rawKey);
    const segments = match ? [match[1]!, ...[...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)] : [rawKey];
    let node: Query | QueryValue[] = root;
    for (const [index, segment] of segments.entries()) {
      const slots = node as unknown as Slots;
      const slot = Array.isArray(node) ? (segment === '' ? node.length : Number(segment)) : segment;
      if (index === segments.length - 1) {
        slots[slot] = value;
        break;
      }
      slots[slot] ??= /^\d*$/.test(segments[index + 1]!) ? [] : {};
      node = slots[slot] as Query | QueryValue[];
    }
  }
  return root;
}

// ---- answering a route from the mode's fixture ----

interface Answer {
  status: number;
  body: unknown;
}

const invalid = (message: string, param?: string): Answer => ({ status: 400, body: { error: { type: 'invalid_request_error', message, ...(param && { param }) } } });

function answer(route: RouteId, fixture: ModeFixture, query: Query, path: string): Answer {
  switch (route) {
    case 'account':
      return { status: 200, body: fixture.account };
    case 'webhook_endpoints':
      return list(path, fixture.webhookEndpoints, query, () => true);
    case 'event_destinations':
      return v2List(path, fixture.eventDestinations, query);
    case 'events': {
      if (query.type !== undefined && query.types !== undefined) return invalid('You may pass either type or types, but not both.', 'types');
      const failed = new Set(fixture.failedDeliveries);
      const typeMatch = eventTypeMatcher(query);
      const delivery = query.delivery_success;
      return list(path, fixture.events, query, (event: Stripe.Event) => {
        if (!typeMatch(event.type)) return false;
        const undelivered = event.pending_webhooks > 0 || failed.has(event.id);
        if (delivery === 'false') return undelivered;
        if (delivery === 'true') return !undelivered;
        return true;
      });
    }
    case 'verification_sessions':
      return list(path, fixture.verificationSessions, query, (session: Stripe.Identity.VerificationSession) => {
        if (typeof query.status === 'string' && session.status !== query.status) return false;
        if (typeof query.client_reference_id === 'string' && session.client_reference_id !== query.client_reference_id) return false;
        if (typeof query.related_customer === 'string' && session.related_customer !== query.related_customer) return false;
        return true;
      });
  }
}

function eventTypeMatcher(query: Query): (type: string) => boolean {
  if (typeof query.type === 'string') {
    const pattern = new RegExp(`^${query.type.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return (type) => pattern.test(type);
  }
  const types = query.types;
  if (Array.isArray(types) || (types && typeof types === 'object')) {
    const wanted = new Set(Object.values(types).filter((t): t is string => typeof t === 'string'));
    return (type) => wanted.has(type);
  }
  return () => true;
}

function createdMatcher(query: Query): ((created: number) => boolean) | Answer {
  const created = query.created;
  if (created === undefined) return () => true;
  if (typeof created === 'string') {
    const exact = Number(created);
    return Number.isInteger(exact) ? (value) => value === exact : invalid('Invalid integer: created', 'created');
  }
  if (Array.isArray(created)) return invalid('Invalid hash: created', 'created');
  const bounds: [string, (value: number, bound: number) => boolean][] = [
    ['gte', (v, b) => v >= b],
    ['gt', (v, b) => v > b],
    ['lte', (v, b) => v <= b],
    ['lt', (v, b) => v < b],
  ];
  const checks: ((value: number) => boolean)[] = [];
  for (const [name, value] of Object.entries(created)) {
    const test = bounds.find(([bound]) => bound === name)?.[1];
    const bound = typeof value === 'string' ? Number(value) : NaN;
    if (!test || !Number.isInteger(bound)) return invalid(`Invalid created[${name}]`, `created[${name}]`);
    checks.push((v) => test(v, bound));
  }
  return (value) => checks.every((check) => check(value));
}

function list<T extends { id: string; created: number }>(path: string, items: readonly T[], query: Query, keep: (item: T) => boolean): Answer {
  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid('Invalid limit: must be an integer between 1 and 100.', 'limit');
  const created = createdMatcher(query);
  if (typeof created !== 'function') return created;
  if (query.starting_after !== undefined && query.ending_before !== undefined) return invalid('You may only specify one of starting_after and ending_before.');
  // Stripe lists newest first.
  const sorted = items.filter((item) => keep(item) && created(item.created)).sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  let page: T[];
  let hasMore: boolean;
  if (typeof query.starting_after === 'string') {
    const index = sorted.findIndex((item) => item.id === query.starting_after);
    if (index < 0) return invalid(`No such object: '${query.starting_after}'`, 'starting_after');
    page = sorted.slice(index + 1, index + 1 + limit);
    hasMore = index + 1 + limit < sorted.length;
  } else if (typeof query.ending_before === 'string') {
    const index = sorted.findIndex((item) => item.id === query.ending_before);
    if (index < 0) return invalid(`No such object: '${query.ending_before}'`, 'ending_before');
    const start = Math.max(0, index - limit);
    page = sorted.slice(start, index);
    hasMore = start > 0;
  } else {
    page = sorted.slice(0, limit);
    hasMore = limit < sorted.length;
  }
  return { status: 200, body: { object: 'list', data: page, has_more: hasMore, url: path } };
}

function v2List(path: string, items: readonly Stripe.V2.Core.EventDestination[] | null, query: Query): Answer {
  if (items === null) return { status: 404, body: { error: { type: 'not_found', code: 'not_found', message: 'Unrecognized request URL.' } } };
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 20) return invalid('limit must be between 1 and 20', 'limit');
  const offset = typeof query.page === 'string' ? Number(Buffer.from(query.page, 'base64url').toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) return invalid('Invalid page token', 'page');
  const includes = Object.values(typeof query.include === 'object' ? query.include : {});
  const withUrl = includes.includes('webhook_endpoint.url') || query.include === 'webhook_endpoint.url';
  const data = items.slice(offset, offset + limit).map((item) => {
    if (!item.webhook_endpoint) return item;
    // Stripe returns the URL only when asked with `include`; the planted signing secret is sent anyway, to prove it is dropped.
    const { signing_secret: planted, url, ...rest } = item.webhook_endpoint;
    return { ...item, webhook_endpoint: { ...rest, signing_secret: planted, ...(withUrl && { url }) } };
  });
  const pageUrl = (start: number) => `${path}?limit=${limit}${withUrl ? '&include[0]=webhook_endpoint.url' : ''}&page=${Buffer.from(String(start)).toString('base64url')}`;
  return {
    status: 200,
    body: {
      data,
      next_page_url: offset + limit < items.length ? pageUrl(offset + limit) : null,
      previous_page_url: offset > 0 ? pageUrl(Math.max(0, offset - limit)) : null,
    },
  };
}

export type { KeyGrant };

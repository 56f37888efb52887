// The SDK's transport, with the bounds its own Node client lacks: a total deadline per request
// (headers and body, so a drip cannot keep a run alive), a cap on the response size (an endless
// body must not exhaust memory), and an answer for every way a connection can end (a `101
// Switching Protocols` or a close before any response must not leave a promise that never settles).
import http from 'node:http';
import https from 'node:https';
import type StripeSdk from 'stripe';

/** Larger than any list page we ask for (100 objects), far below what hurts memory. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Codes our transport errors carry; `errors.ts` turns them into clear failures. */
export const TRANSPORT_CODES = {
  tooLarge: 'E_RESPONSE_TOO_LARGE',
  upgrade: 'E_UNEXPECTED_UPGRADE',
  closed: 'E_CLOSED_WITHOUT_RESPONSE',
} as const;

type StripeModule = typeof StripeSdk;
type HttpClientInstance = InstanceType<StripeModule['HttpClient']>;

function transportError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** A Stripe.HttpClient over node:http(s) whose every request settles within `timeout` ms. */
export function createGuardedHttpClient(Stripe: StripeModule, maxBytes = MAX_RESPONSE_BYTES): HttpClientInstance {
  const { HttpClient, HttpClientResponse } = Stripe;

  class BufferedResponse extends HttpClientResponse {
    constructor(
      statusCode: number,
      headers: Record<string, string>,
      private readonly body: string,
      private readonly raw: http.IncomingMessage,
    ) {
      super(statusCode, headers);
    }
    override getRawResponse(): http.IncomingMessage {
      return this.raw;
    }
    override toStream(): never {
      throw new Error('identity-golive does not stream Stripe responses.');
    }
    override toJSON(): Promise<unknown> {
      try {
        return Promise.resolve(JSON.parse(this.body) as unknown);
      } catch (error) {
        // The SDK reports a body that is not JSON as "Invalid JSON received".
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  class GuardedHttpClient extends HttpClient {
    override getClientName(): string {
      return 'node';
    }

    override makeRequest(
      host: string,
      port: string,
      path: string,
      method: string,
      headers: Record<string, string | number | string[]>,
      requestData: string | null,
      protocol: string,
      timeout: number,
    ): Promise<InstanceType<StripeModule['HttpClientResponse']>> {
      const insecure = protocol === 'http';
      return new Promise((resolve, reject) => {
        let settled = false;
        const finish = (outcome: () => void): void => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          outcome();
        };
        const fail = (error: Error): void => finish(() => reject(error));
        const req = (insecure ? http : https).request({ host, port, path, method, headers, agent: insecure ? agents.http : agents.https });
        // One deadline for the whole exchange: an idle-socket timeout never fires on a drip.
        const deadline = setTimeout(() => {
          const error = HttpClient.makeTimeoutError();
          req.destroy(error);
          fail(error);
        }, timeout);
        req.on('error', fail);
        req.on('upgrade', (response, socket) => {
          socket.destroy();
          fail(transportError(TRANSPORT_CODES.upgrade, `the server answered HTTP ${response.statusCode ?? 101} (switching protocols)`));
        });
        let responded = false;
        req.on('close', () => {
          if (!responded) fail(transportError(TRANSPORT_CODES.closed, 'the connection closed before a response arrived'));
        });
        req.on('response', (response) => {
          responded = true;
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              response.destroy();
              req.destroy();
              fail(HttpClient.makeResponseBodyError(transportError(TRANSPORT_CODES.tooLarge, `the response exceeded ${maxBytes} bytes`)));
              return;
            }
            chunks.push(chunk);
          });
          response.on('error', (error) => fail(HttpClient.makeResponseBodyError(error)));
          response.on('close', () => {
            if (!response.complete) fail(HttpClient.makeResponseBodyError(transportError(TRANSPORT_CODES.closed, 'the connection closed mid-response')));
          });
          response.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            finish(() => resolve(new BufferedResponse(response.statusCode ?? 0, response.headers as Record<string, string>, body, response)));
          });
        });
        if (requestData) req.write(requestData);
        req.end();
      });
    }
  }

  return new GuardedHttpClient();
}

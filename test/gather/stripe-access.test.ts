// Pieces of the access layer that need no server: the throttle, the backoff, metadata classes.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/gather/stripe/limiter.js';
import { RATE_LIMIT_BACKOFF, backoffMs } from '../../src/gather/stripe/client.js';
import { classifyMetadata } from '../../src/gather/stripe/metadata.js';
import { endpointUrl } from '../../src/gather/stripe/project.js';

describe('RateLimiter', () => {
  it('never starts more than the limit in any one-second window, and lets a burst up to it through at once', async () => {
    let now = 0;
    const limiter = new RateLimiter(5, {
      clock: () => now,
      // A virtual clock: waiting moves time forward instead of sleeping.
      wait: async (ms) => {
        now += ms;
      },
    });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 23 }, () => limiter.acquire().then(() => starts.push(now))));
    expect(starts).toHaveLength(23);
    expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    for (const start of starts) expect(starts.filter((other) => other >= start && other < start + 1000).length).toBeLessThanOrEqual(5);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('treats a fractional or tiny rate as at least one request per second', async () => {
    let now = 0;
    const limiter = new RateLimiter(0.5, { clock: () => now, wait: async (ms) => void (now += ms) });
    await limiter.acquire();
    await limiter.acquire();
    expect(now).toBeGreaterThanOrEqual(1000);
  });
});

describe('backoff on a bare 429', () => {
  it('grows exponentially with jitter in [d/2, d], capped', () => {
    expect([1, 2, 3].map((attempt) => backoffMs(attempt, () => 0))).toEqual([125, 250, 500]);
    expect([1, 2, 3].map((attempt) => backoffMs(attempt, () => 1))).toEqual([250, 500, 1000]);
    expect(backoffMs(20, () => 1)).toBe(RATE_LIMIT_BACKOFF.maxMs);
  });
});

describe('metadata classification', () => {
  const now = Date.UTC(2026, 10, 22);
  it.each([
    ['email', 'jane@example.com', 'email'],
    ['contact', ' Jane.Doe+id@mail.example.co.uk ', 'email'],
    ['phone', '+1 415 555 0142', 'phone'],
    ['mobile', '4155550142', 'phone'],
    ['x', '(415) 555-0142', 'phone'],
    ['dob', '1984-03-12', 'date_of_birth'],
    ['birthday', '12/03/1984', 'date_of_birth'],
    ['ssn', '123-45-6789', 'id_number'],
    ['cpf', '123.456.789-09', 'id_number'],
    ['passport_number', 'X1234567', 'id_number'],
    ['user_id', 'usr_123', null],
    ['order', '12345', null],
    ['plan', 'pro', null],
    ['created_on', '2026-11-01', null],
    ['amount', '1999', null],
    ['empty', '', null],
  ] as const)('%s = %j → %s', (key, value, expected) => {
    expect(classifyMetadata(key, value, now)).toBe(expected);
  });
});

describe('endpoint URLs', () => {
  it('keep scheme, host and path; drop query, fragment and userinfo', () => {
    expect(endpointUrl('https://user:pw@hooks.example.com:8443/stripe?token=abc#x')).toBe('https://hooks.example.com:8443/stripe');
    expect(endpointUrl('not a url')).toBeNull();
    expect(endpointUrl(undefined)).toBeNull();
  });
});

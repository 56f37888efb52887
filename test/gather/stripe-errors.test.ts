// Transport failures the SDK reports as bare connection errors get a message that names the cause.
import { describe, expect, it } from 'vitest';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { failureFor } from '../../src/gather/stripe/errors.js';
import { parseKey } from '../../src/gather/stripe/keys.js';

const context = { resource: 'account' as const, key: parseKey(FIXTURE_KEYS.testRestricted, 'STRIPE_API_KEY'), host: '127.0.0.1:8443', timeoutMs: 1000, requestsPerSecond: 20, attempts: 1 };

describe('failureFor: certificates', () => {
  it.each(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID'])('%s names the certificate problem, not "report this"', (code) => {
    const failure = failureFor({ type: 'StripeConnectionError', detail: { code } }, context);
    expect(failure.kind).toBe('network');
    expect(failure.message).toContain(`not trusted`);
    expect(failure.message).toContain(code);
    expect(failure.fix).toContain('NODE_EXTRA_CA_CERTS');
    expect(`${failure.message} ${failure.fix}`).not.toMatch(/Report this/);
  });
});

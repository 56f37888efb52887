import { describe, expect, it } from 'vitest';
import { LiteralMatcher } from '../../src/gather/source/literal-matcher.js';

const found = (literals: string[], text: string): string[] => {
  const matcher = new LiteralMatcher(literals);
  const present = new Uint8Array(literals.length);
  matcher.scan(Buffer.from(text), present);
  return literals.filter((_, id) => present[id] === 1);
};

describe('LiteralMatcher', () => {
  it('finds every literal in one pass, overlapping and nested ones included', () => {
    expect(found(['he', 'she', 'his', 'hers', 'ushers'], 'ushers')).toEqual(['he', 'she', 'hers', 'ushers']);
    expect(found(['verificationSessions.create', 'Sessions', 'ficationS', 'create('], 'stripe.identity.verificationSessions.create({')).toEqual(['verificationSessions.create', 'Sessions', 'ficationS', 'create(']);
  });
  it('folds ASCII case (a superset is all a prefilter needs)', () => {
    expect(found(['Webhook', 'CONSTRUCT'], 'webhook.constructEvent')).toEqual(['Webhook', 'CONSTRUCT']);
  });
  it('reports nothing absent, and handles non-ASCII text', () => {
    expect(found(['stripe', 'whsec_'], 'Zahlung über Stripé')).toEqual([]);
    expect(found(['über'], 'Zahlung über')).toEqual(['über']);
  });
});

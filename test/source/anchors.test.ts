import { describe, expect, it } from 'vitest';
import { anchorsOf, anchorsPresent } from '../../src/gather/source/anchors.js';

describe('anchorsOf', () => {
  it.each([
    [/stripe\.identity\.verificationSessions\.create\s*\(/, [['stripe.identity.verificationSessions.create']]],
    [/\b(?:expand|Expand)\b[\s\S]{0,120}?['"]((?:data\.object\.)?verified_outputs(?:\.[\w.]+)?)['"]/, [['expand', 'Expand'], ['verified_outputs']]],
    [/\b(?:expand|Expand)\b/, [['expand', 'Expand']]],
    [/foo|barbaz/, [['foo', 'barbaz']]],
    [/foo\w+bar|bazqux/, [['foo', 'bazqux']]],
    [/ab?cdef/, [['cdef']]],
    [/(?:abc)?defg/, [['defg']]],
    [/(?!nope)hello/, [['hello']]],
    [/x+yz12/, [['yz12']]],
    [/Webhook/i, [['webhook']]],
    [/(?:[sS]ession|\bvs)\w*\.(?:url|URL)/, [['url', 'URL']]],
  ])('%s', (regex, clauses) => {
    expect(anchorsOf(regex)?.clauses).toEqual(clauses);
  });
  it('a file must satisfy every clause', () => {
    const anchors = anchorsOf(/\bconsole\.log\([^)]*client_secret/);
    expect(anchorsPresent(anchors, 'console.log(x); const client_secret = 1', () => '')).toBe(true);
    expect(anchorsPresent(anchors, 'console.log(x)', () => '')).toBe(false);
  });
  it.each([[/a|\w+/], [/\w+\s*=\s*\d/], [/(?:ab)?/], [/a.b/]])('%s has none', (regex) => {
    expect(anchorsOf(regex)).toBeNull();
  });
});

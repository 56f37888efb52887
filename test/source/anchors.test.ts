import { describe, expect, it } from 'vitest';
import { anchorsOf } from '../../src/gather/source/anchors.js';

describe('anchorsOf', () => {
  it.each([
    [/stripe\.identity\.verificationSessions\.create\s*\(/, ['stripe.identity.verificationSessions.create']],
    [/\b(?:expand|Expand)\b[\s\S]{0,120}?['"]((?:data\.object\.)?verified_outputs(?:\.[\w.]+)?)['"]/, ['verified_outputs']],
    [/\b(?:expand|Expand)\b/, ['expand', 'Expand']],
    [/foo|barbaz/, ['foo', 'barbaz']],
    [/ab?cdef/, ['cdef']],
    [/(?:abc)?defg/, ['defg']],
    [/(?!nope)hello/, ['hello']],
    [/x+yz12/, ['yz12']],
    [/Webhook/i, ['webhook']],
  ])('%s', (regex, literals) => {
    expect(anchorsOf(regex)?.literals).toEqual(literals);
  });
  it.each([[/a|\w+/], [/\w+\s*=\s*\d/], [/(?:ab)?/], [/a.b/]])('%s has none', (regex) => {
    expect(anchorsOf(regex)).toBeNull();
  });
});

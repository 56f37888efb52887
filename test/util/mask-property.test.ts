// A property test over generated secret shapes: whatever the key's prefix, body, suffix and place
// in a long line, no part of its body survives masking, nor masking and cutting, nor a snippet.
import { describe, expect, it } from 'vitest';
import { maskAndCut, maskSecrets } from '../../src/util/mask.js';
import { excerptOf } from '../../src/gather/probe/send.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FILLER = 'abc XYZ_= "\'/:;,.()[]{}<>\t-+*?!0123456789';

/** A seeded generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick(next: () => number, chars: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += chars[Math.floor(next() * chars.length)];
  return out;
}

const PREFIXES = ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'pk_live_', 'whsec_'];
const SUFFIXES = ['', '_rotated', '_old', '.', '"', 'é', '\\n', ')'];

describe('masking never lets a secret body through', () => {
  it('holds for 3,000 generated shapes at every position of long lines', () => {
    const next = random(20261202);
    for (let i = 0; i < 3000; i += 1) {
      const prefix = PREFIXES[i % PREFIXES.length]!;
      const body = pick(next, ALNUM, 12 + Math.floor(next() * 90));
      const secret = `${prefix}${body}${SUFFIXES[Math.floor(next() * SUFFIXES.length)]}`;
      const before = pick(next, FILLER, Math.floor(next() * 400));
      const line = `${before}${secret}${pick(next, FILLER, Math.floor(next() * 200))}`;
      const cut = Math.floor(next() * line.length);
      // The part of the body a reader could reuse: any 10 characters of it.
      const tail = body.slice(-10);
      for (const shown of [maskSecrets(line), maskAndCut(line, cut), excerptOf(line, 'whsec_unrelatedSecretValue1')]) {
        expect(shown, `case ${i}: ${prefix}… at ${before.length}, cut ${cut}`).not.toContain(tail);
      }
    }
  });

  it('masks a key followed by an underscore word (sk_live_51…_rotated)', () => {
    const key = `sk_live_51${'Ab3'.repeat(8)}_rotated`;
    expect(maskSecrets(`OLD_KEY=${key}`)).not.toContain('Ab3Ab3');
  });
});

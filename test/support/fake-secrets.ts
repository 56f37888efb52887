// Committed-secret fixtures: random-looking enough for the detector's entropy test, obviously fake
// to a person (they say "fixture"), and assembled at run time so no scanner flags this repository.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic base62 noise from a small LCG: the same tag gives the same key in every run. */
function noise(seed: number, length: number): string {
  let state = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += ALPHABET[state % ALPHABET.length];
  }
  return out;
}

/** `fakeSecret('sk_live', 'Ab12')` → `sk_live_fixture<24 noise>Ab12`; the tag ends it, so masks show it. */
export function fakeSecret(prefix: 'sk_live' | 'rk_live' | 'sk_test' | 'rk_test' | 'whsec', tag: string): string {
  const seed = [...`${prefix}${tag}`].reduce((sum, char) => Math.imul(sum, 31) + char.charCodeAt(0), 7);
  return `${prefix}_fixture${noise(seed, 24)}${tag}`;
}

// Secrets never leave the process whole: keys are shown as `rk_live_…4xYz`, anything else that
// looks secret (webhook secrets, client secrets, session links) is redacted wherever text is printed.

const KEY_PREFIX = /^((?:sk|rk|pk)_(?:test|live)_)/;

/** `rk_live_51Hx…4xYz`-style: the prefix says which key, the last four tell two keys apart. */
export function maskKey(key: string): string {
  const prefix = KEY_PREFIX.exec(key)?.[1] ?? '';
  const tail = key.length - prefix.length > 8 ? key.slice(-4) : '';
  return `${prefix}…${tail}`;
}

/** Mask a non-secret but personal reference (a user id): enough to recognise, not to reuse. */
export function maskReference(value: string): string {
  if (value.length <= 4) return '…';
  return `${value.slice(0, Math.min(4, Math.floor(value.length / 3)))}…${value.slice(-2)}`;
}

const SECRET_PATTERNS: readonly [RegExp, (match: string) => string][] = [
  // No word boundaries: `sk_live_51…_rotated` or `KEY_sk_live_…` must not slip past on an underscore.
  [/(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]{6,}/g, maskKey],
  [/whsec_[A-Za-z0-9+/=]{6,}/g, () => 'whsec_…'],
  // VerificationSession client secrets: vs_XXX_secret_YYY
  [/\b(?:vs|pi|seti|cs)_[A-Za-z0-9]+_secret_[A-Za-z0-9_]+/g, () => '[client_secret]'],
  // Hosted verification links are single-use credentials for one person's session.
  [/https:\/\/verify\.stripe\.com\/[^\s"'<>)]*/g, () => 'https://verify.stripe.com/[redacted]'],
];

/** Mask first, then cut: a cut can never leave part of a secret's body behind. */
export function maskAndCut(text: string, max: number, ellipsis = '…'): string {
  const masked = maskSecrets(text);
  return masked.length <= max ? masked : `${masked.slice(0, max)}${ellipsis}`;
}

export function maskSecrets(text: string): string {
  let masked = text;
  for (const [pattern, replace] of SECRET_PATTERNS) masked = masked.replace(pattern, replace);
  return masked;
}

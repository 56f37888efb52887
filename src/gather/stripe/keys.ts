// API keys come from the environment only (never a flag that lands in shell history).
import { inspect } from 'node:util';
import type { Mode } from '../../engine/artifacts.js';
import { maskKey } from '../../util/mask.js';
import { UserError } from '../../util/user-error.js';

export type KeyKind = 'secret' | 'restricted';

/** A key whose value is reachable only through `reveal()`; printing or serialising it masks it. */
export class ApiKey {
  readonly #value: string;
  readonly masked: string;
  constructor(
    value: string,
    readonly mode: Mode,
    readonly kind: KeyKind,
    /** The environment variable it came from. */
    readonly source: string,
  ) {
    this.#value = value;
    this.masked = maskKey(value);
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return this.masked;
  }
  toJSON(): { mode: Mode; kind: KeyKind; masked: string; source: string } {
    return { mode: this.mode, kind: this.kind, masked: this.masked, source: this.source };
  }
  [inspect.custom](): string {
    return `ApiKey(${this.masked} from ${this.source})`;
  }
}

export type KeySet = Partial<Record<Mode, ApiKey>>;

export const KEY_ENV = {
  generic: ['STRIPE_API_KEY', 'STRIPE_SECRET_KEY'],
  live: 'STRIPE_LIVE_API_KEY',
  test: 'STRIPE_TEST_API_KEY',
} as const;

const KEY_SHAPE = /^(sk|rk|pk)_(test|live)_[A-Za-z0-9_]+$/;

export function parseKey(value: string, source: string): ApiKey {
  const match = KEY_SHAPE.exec(value.trim());
  if (!match) {
    throw new UserError(
      `${source} does not look like a Stripe API key (expected sk_test_…, sk_live_…, rk_test_… or rk_live_…).`,
      `Copy a key from https://dashboard.stripe.com/apikeys into ${source}.`,
    );
  }
  const [, type, mode] = match as unknown as [string, 'sk' | 'rk' | 'pk', Mode];
  if (type === 'pk') {
    throw new UserError(
      `${source} holds a publishable key (${maskKey(value)}), which cannot read your account.`,
      'Use a restricted key (rk_…) with read permissions; see `identity-golive check --help`.',
    );
  }
  return new ApiKey(value.trim(), mode, type === 'sk' ? 'secret' : 'restricted', source);
}

/** Read the keys: STRIPE_API_KEY (else STRIPE_SECRET_KEY) plus the per-mode variables. */
export function keysFromEnv(env: NodeJS.ProcessEnv): KeySet {
  const keys: KeySet = {};
  const genericName = KEY_ENV.generic.find((name) => env[name]);
  if (genericName) {
    const key = parseKey(env[genericName]!, genericName);
    keys[key.mode] = key;
  }
  for (const mode of ['live', 'test'] as const) {
    const name = KEY_ENV[mode];
    const value = env[name];
    if (!value) continue;
    const key = parseKey(value, name);
    if (key.mode !== mode) {
      throw new UserError(`${name} holds a ${key.mode}-mode key (${key.masked}); it must be a ${mode}-mode key.`, `Put a ${mode}-mode key in ${name}.`);
    }
    const existing = keys[mode];
    if (existing && existing.reveal() !== key.reveal()) {
      throw new UserError(`Two different ${mode}-mode keys: ${existing.source} (${existing.masked}) and ${name} (${key.masked}).`, 'Set only one of them.');
    }
    keys[mode] = key;
  }
  return keys;
}

/** How to get a key for a mode, for `skipped` results. */
export function keyHint(mode: Mode): string {
  return `Set ${KEY_ENV[mode]} (or STRIPE_API_KEY) to a ${mode}-mode restricted key (rk_${mode}_…) with read permissions.`;
}

// The webhook signing secret: read from the environment only, reachable only through `reveal()`;
// printing or serialising it gives `whsec_…`.
import { inspect } from 'node:util';
import { UserError } from '../../util/user-error.js';

export const MASKED_SECRET = 'whsec_…';

export class WebhookSecret {
  readonly #value: string;
  readonly masked = MASKED_SECRET;
  constructor(
    value: string,
    /** The environment variable it came from. */
    readonly source: string,
  ) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return this.masked;
  }
  toJSON(): string {
    return this.masked;
  }
  [inspect.custom](): string {
    return `WebhookSecret(${this.masked} from ${this.source})`;
  }
}

const SECRET_SHAPE = /^whsec_[A-Za-z0-9+/=_-]+$/;

/** The secret from `name` (default STRIPE_WEBHOOK_SECRET); a missing or malformed one is a UserError. */
export function readWebhookSecret(env: NodeJS.ProcessEnv, name: string): WebhookSecret {
  const value = env[name]?.trim();
  if (!value) {
    throw new UserError(
      `${name} is not set: the probe needs your endpoint's signing secret to sign its events.`,
      `Set ${name}=whsec_… (the endpoint's "Signing secret" in the Dashboard, or the one \`stripe listen\` prints); webhook.secretEnv in the config names another variable.`,
    );
  }
  if (!SECRET_SHAPE.test(value)) {
    throw new UserError(`${name} does not look like a webhook signing secret (expected whsec_…).`, `Copy the endpoint's signing secret (whsec_…) into ${name}.`);
  }
  return new WebhookSecret(value, name);
}

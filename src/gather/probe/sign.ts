// Sign exactly as Stripe does: `Stripe-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "t.rawBody">`.
// https://docs.stripe.com/webhooks#verify-manually
import { createHmac, randomBytes } from 'node:crypto';

export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}

/** A well-formed secret that is not the endpoint's: what a forger would sign with. */
export function forgerySecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

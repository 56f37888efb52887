// Builds the IntegrationModel from the scan's candidate files: a literal prefilter over each file's
// bytes (only files that can hold a webhook handler or a REST call are kept), then one parse per
// candidate, grammars loaded only for the languages present.
import { LiteralMatcher } from '../literal-matcher.js';
import { parse } from '../syntax/parser.js';
import { grammarOf } from '../syntax/tables.js';
import { isTestPath } from '../test-files.js';
import type { Language } from '../types.js';
import { extractFacts } from './extract.js';
import type { IntegrationModel, RestCall, UnparsedFile, WebhookHandler } from './types.js';

/** Literals (ASCII case-folded) one of which a file must hold to be parsed. */
export const MODEL_ANCHORS = [
  'constructevent', 'construct_event', 'verifyheader', 'verify_header', 'verify_signature_header', 'validatepayload', 'validatesignature', 'parseevent',
  'stripe-signature', 'stripe_signature', 'identity.verification_session.', 'v1/identity/verification_sessions', 'hmac',
];

interface Candidate {
  readonly file: string;
  readonly language: Language;
  readonly text: string;
}

export class ModelCollector {
  private readonly matcher = new LiteralMatcher(MODEL_ANCHORS);
  private readonly present = new Uint8Array(MODEL_ANCHORS.length);
  private readonly candidates: Candidate[] = [];

  /** Keeps the file when it holds an anchor (its bytes are copied out of the scan's shared buffer). */
  offer(file: string, language: Language, bytes: Buffer): void {
    this.present.fill(0);
    if (this.matcher.scan(bytes, this.present) === 0) return;
    this.candidates.push({ file, language, text: bytes.toString('utf8') });
  }

  async build(): Promise<IntegrationModel> {
    const webhooks: WebhookHandler[] = [];
    const rest: RestCall[] = [];
    const parsed: Partial<Record<Language, number>> = {};
    const unparsed: UnparsedFile[] = [];
    let slowest: { file: string; ms: number } | null = null;
    for (const candidate of this.candidates) {
      const outcome = await parse(grammarOf(candidate.language, candidate.file), candidate.text);
      if (!slowest || outcome.ms > slowest.ms) slowest = { file: candidate.file, ms: Math.round(outcome.ms * 10) / 10 };
      if (!('tree' in outcome)) {
        unparsed.push({ file: candidate.file, reason: 'parse-timeout' });
        continue;
      }
      try {
        parsed[candidate.language] = (parsed[candidate.language] ?? 0) + 1;
        const facts = extractFacts(candidate.file, candidate.language, isTestPath(candidate.file), outcome.tree.rootNode);
        webhooks.push(...facts.webhooks);
        rest.push(...facts.rest);
      } finally {
        outcome.tree.delete();
      }
    }
    this.candidates.length = 0;
    return { webhooks, rest, parsed, unparsed, slowest };
  }
}

// Builds the IntegrationModel from the scan's candidate files: a literal prefilter over each file's
// bytes (only files that can hold a webhook handler or a REST call are kept), then one parse per
// candidate, grammars loaded only for the languages present.
import { LiteralMatcher } from '../literal-matcher.js';
import { parse } from '../syntax/parser.js';
import { grammarOf } from '../syntax/tables.js';
import { isTestPath } from '../test-files.js';
import type { Language } from '../types.js';
import { extractFacts } from './extract.js';
import type { AppJsonParser, Cited, IntegrationModel, SessionScope, SessionSink, VerifiedCopy, RestCall, UnparsedFile, WebhookHandler } from './types.js';

/** Literals (ASCII case-folded) one of which a file must hold to be parsed. */
export const MODEL_ANCHORS = [
  'constructevent', 'construct_event', 'verifyheader', 'verify_header', 'verify_signature_header', 'validatepayload', 'validatesignature', 'parseevent',
  'stripe-signature', 'stripe_signature', 'identity.verification_session.', 'identity/verification_sessions', 'hmac',
  // An app file mounting a JSON parser before another file's webhook router.
  'express.json(', 'bodyparser.json(',
  // Files that create or retrieve sessions: a whole session object may be logged or stored there.
  'verificationsession', 'verification_session',
  'consent_declined', 'under_supported_age', 'device_not_supported', 'country_not_supported',
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
    const appJsonParsers: AppJsonParser[] = [];
    const sessionSinks: SessionSink[] = [];
    const verifiedCopies: VerifiedCopy[] = [];
    const sessionScopes: SessionScope[] = [];
    const emptyFallbacks: Cited[] = [];
    const parsed: Partial<Record<Language, number>> = {};
    const unparsed: UnparsedFile[] = [];
    let slowest: { file: string; ms: number } | null = null;
    for (const candidate of this.candidates) {
      const grammar = grammarOf(candidate.language, candidate.file);
      if (!grammar) {
        unparsed.push({ file: candidate.file, reason: 'no-grammar' });
        continue;
      }
      const outcome = await parse(grammar, candidate.text);
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
        appJsonParsers.push(...facts.appJsonParsers);
        sessionSinks.push(...facts.sessionSinks);
        verifiedCopies.push(...facts.verifiedCopies);
        sessionScopes.push(...facts.sessionScopes);
        emptyFallbacks.push(...facts.emptyFallbacks);
      } finally {
        outcome.tree.delete();
      }
    }
    this.candidates.length = 0;
    return { webhooks: linkAcrossFiles(webhooks, appJsonParsers), rest, sessionSinks, verifiedCopies, sessionScopes, emptyFallbacks, appJsonParsers, parsed, unparsed, slowest };
  }
}

/**
 * What one file cannot see: a handler that calls a verifying helper (defined in any file) is
 * verified by it from that call on; a Node handler verifying `req.body` in a file other than the
 * app's is behind the app's JSON parser.
 */
function linkAcrossFiles(handlers: readonly WebhookHandler[], appJsonParsers: readonly AppJsonParser[]): WebhookHandler[] {
  const verifying = new Set(handlers.filter((handler) => handler.name && handler.verifications.some((v) => v.kind !== 'delegated')).map((handler) => handler.name!));
  return handlers.map((handler) => {
    let next = handler;
    if (handler.verifications.length === 0) {
      const call = handler.calls.find((candidate) => verifying.has(candidate.name) && candidate.name !== handler.name);
      if (call) {
        next = {
          ...next,
          verifications: [{ kind: 'delegated', at: call.at, callee: call.name }],
          unverifiedEvents: next.unverifiedEvents.filter((event) => event.line < call.at.line),
        };
      }
    }
    const module = handler.file.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '');
    const parser = appJsonParsers.find((candidate) => candidate.at.file !== handler.file && candidate.mountedAfter.includes(module))?.at;
    const parsedBody = handler.verifications.some((v) => v.kind === 'sdk' && v.bodyAt !== null && ['req.body', 'request.body'].includes(v.bodyAt.code));
    if (!next.jsonParserFirst && parser && handler.language === 'node' && parsedBody) next = { ...next, jsonParserFirst: parser };
    return next;
  });
}

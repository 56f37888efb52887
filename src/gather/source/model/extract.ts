// The model engine: reads one parsed file through its language's syntax table and vocabulary and
// returns the facts the code rules judge (webhook handlers, REST calls). No regex runs over the
// file: only node types, callee names and literal checks on short node texts.
import path from 'node:path';
import { maskSecrets } from '../../../util/mask.js';
import type { SyntaxNode } from '../syntax/parser.js';
import { SYNTAX, type SyntaxTable } from '../syntax/tables.js';
import type { Language } from '../types.js';
import type { AppJsonParser, SessionScope, SessionSink, VerifiedCopy, Cited, FailureHandling, ManualVerification, NamedCall, RestCall, SdkVerification, SessionOperation, StripeEvidence, Tolerance, WebhookHandler } from './types.js';
import * as V from './vocabulary.js';

/** A value that is a session's verified outputs (`session.verified_outputs`, `->verified_outputs`, `.VerifiedOutputs`, `getVerifiedOutputs()`). */
const VERIFIED_OUTPUTS = /(?:\.|->|\[['"])(?:verified_outputs|verifiedoutputs|getverifiedoutputs\(\))['"]?\]?$/;

const CODE_CHARS = 120;
/** Longer texts are not inspected by the literal checks (a minified blob is no assignment to judge). */
const MAX_INSPECTED = 2000;
const ABSURD_TOLERANCE_SECONDS = 3600;
const IDENTIFIER_TYPES = ['identifier', 'property_identifier', 'field_identifier', 'name', 'constant', 'instance_variable', 'shorthand_property_identifier'];

export interface FileFacts {
  readonly webhooks: WebhookHandler[];
  readonly rest: RestCall[];
  readonly appJsonParsers: AppJsonParser[];
  readonly sessionSinks: SessionSink[];
  readonly verifiedCopies: VerifiedCopy[];
  readonly emptyFallbacks: Cited[];
  readonly sessionScopes: SessionScope[];
}

export function extractFacts(file: string, language: Language, inTest: boolean, root: SyntaxNode): FileFacts {
  return new FileExtractor(file, language, inTest, root).run();
}

class FileExtractor {
  private readonly syntax: SyntaxTable;
  private readonly calls: SyntaxNode[];
  private readonly strings: SyntaxNode[];
  private readonly lowerFile: boolean;

  constructor(
    private readonly file: string,
    private readonly language: Language,
    private readonly inTest: boolean,
    private readonly root: SyntaxNode,
  ) {
    this.syntax = SYNTAX[language];
    this.calls = nodes(root, this.syntax.calls);
    this.strings = nodes(root, this.syntax.strings);
    this.lowerFile = root.text.length < 4_000_000 && root.text.toLowerCase().includes('stripe');
  }

  run(): FileFacts {
    return { webhooks: this.webhooks(), rest: this.restCalls(), appJsonParsers: this.appJsonParsers(), sessionSinks: this.sessionSinks(), emptyFallbacks: this.emptyFallbacks(), verifiedCopies: this.verifiedCopies(), sessionScopes: this.sessionScopes() };
  }

  // ---- webhooks -------------------------------------------------------------------------------

  private webhooks(): WebhookHandler[] {
    const verifiers = this.calls.filter((call) => this.isVerifier(call));
    const hmacs = this.calls.filter((call) => includesAny(lowerText(call), V.HMAC_MARKERS));
    const headerReads = this.strings.filter((node) => includesAny(lowerText(node), V.SIGNATURE_HEADER_MARKERS));
    const eventNames = this.strings.filter((node) => node.text.includes(V.IDENTITY_EVENT_PREFIX));
    const unverifying = this.calls.filter((call) => V.WITHOUT_VERIFICATION.has(this.nameOf(call)));
    const scopes = new Map<number, SyntaxNode>();
    for (const node of [...verifiers, ...hmacs, ...headerReads, ...eventNames, ...unverifying]) {
      const scope = this.scopeOf(node);
      scopes.set(scope.id, scope);
    }
    const handlers: WebhookHandler[] = [];
    for (const scope of scopes.values()) {
      const inScope = (node: SyntaxNode): boolean => this.scopeOf(node).id === scope.id;
      const stripe: StripeEvidence[] = [];
      const scopeVerifiers = verifiers.filter(inScope);
      if (scopeVerifiers.length > 0 || unverifying.some(inScope)) stripe.push('verifier');
      const fileReadsHeader = headerReads.length > 0;
      if (headerReads.some(inScope)) stripe.push('signature-header');
      const types = eventNames.filter(inScope);
      if (types.length > 0) stripe.push('event-types');
      const scopeHmacs = fileReadsHeader || this.lowerFile ? hmacs.filter(inScope) : [];
      if (stripe.length === 0 && scopeHmacs.length === 0) continue;
      const sdk = scopeVerifiers.map((call) => this.sdkVerification(call, scope));
      const manual = scopeHmacs.length > 0 && sdk.length === 0 ? [this.manualVerification(scopeHmacs[0]!)] : [];
      const verifications = [...sdk, ...manual];
      const firstVerify = verifiers.find(inScope) ?? scopeHmacs[0];
      handlers.push({
        file: this.file,
        language: this.language,
        inTest: this.inTest,
        at: this.location(scope),
        name: functionName(scope),
        stripe,
        verifications,
        unverifiedEvents: this.unverifiedEvents(scope, sdk, manual.length > 0, scopeVerifiers),
        withoutVerification: unverifying.filter(inScope).map((call) => this.cite(call)),
        jsonParserFirst: this.jsonParserFirst(scope, scopeVerifiers),
        secretLogged: this.secretLogged(scopeVerifiers),
        sideEffectsFirst: firstVerify ? this.sideEffectsBefore(scope, firstVerify) : [],
        eventTypes: [...new Set(types.map((node) => eventSuffixOf(node.text)).filter((suffix) => suffix !== ''))],
        calls: this.namedCalls(scope),
      });
    }
    return handlers;
  }

  /** Calls in the scope to names worth following (helpers such as `verifyStripeSignature`, `parseWebhook`). */
  private namedCalls(scope: SyntaxNode): NamedCall[] {
    const seen = new Set<string>();
    const out: NamedCall[] = [];
    for (const call of this.calls) {
      const name = this.nameOf(call);
      if (name.length < 4 || seen.has(name) || this.scopeOf(call).id !== scope.id) continue;
      seen.add(name);
      out.push({ name, at: this.cite(call) });
      if (out.length >= 200) break;
    }
    return out;
  }

  /** `app.use(express.json())`, with the imported modules whose routers are mounted after it in this file. */
  private appJsonParsers(): AppJsonParser[] {
    if (this.language !== 'node') return [];
    const mounts = this.calls.filter((call) => V.MOUNTS.has(this.nameOf(call)));
    const routes = this.calls.filter((call) => V.ROUTE_METHODS.has(this.nameOf(call)));
    const imports = this.imports();
    return mounts
      .filter((call) => this.argumentsOf(call).some((arg) => this.syntax.calls.includes(arg.type) && V.JSON_PARSERS.some((parser) => lowerText(arg).startsWith(parser)) && !arg.text.includes('verify')))
      .map((call) => {
        const later = routes.filter((route) => route.startIndex > call.endIndex);
        const mountedAfter = new Set<string>();
        for (const route of later) {
          for (const arg of this.argumentsOf(route)) {
            const module = imports.get(arg.type === 'identifier' ? arg.text : lastSegment(arg.text.split('.')[0] ?? ''));
            if (module) mountedAfter.add(module);
          }
        }
        return { at: this.cite(call), mountedAfter: [...mountedAfter] };
      })
      .filter((parser) => parser.mountedAfter.length > 0);
  }

  /** Local binding -> imported module, resolved against this file (`./routes/webhooks` -> `routes/webhooks`); relative imports only. */
  private imports(): Map<string, string> {
    const out = new Map<string, string>();
    const resolve = (raw: string): string | null => {
      const spec = raw.replace(/^['"`]|['"`]$/g, '');
      if (!spec.startsWith('.')) return null;
      const joined = path.posix.normalize(path.posix.join(path.posix.dirname(this.file), spec));
      return joined.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '');
    };
    for (const node of nodes(this.root, ['import_statement'])) {
      const source = node.childForFieldName('source');
      const module = source ? resolve(source.text) : null;
      if (!module) continue;
      for (const id of nodes(node, ['identifier'])) out.set(id.text, module);
    }
    for (const { node, target, value } of this.assignments()) {
      if (node.type !== 'variable_declarator' || !this.syntax.calls.includes(value.type) || this.nameOf(value) !== 'require') continue;
      const spec = this.argumentsOf(value)[0];
      const module = spec ? resolve(spec.text) : null;
      if (module) out.set(target, module);
    }
    return out;
  }

  private isVerifier(call: SyntaxNode): boolean {
    if (!V.VERIFIERS.has(this.nameOf(call))) return false;
    const callee = this.calleeText(call);
    // A bare `constructEvent(...)` (imported) counts in a file that names Stripe.
    return includesAny(callee, V.VERIFIER_RECEIVER_MARKERS) || this.lowerFile;
  }

  private sdkVerification(call: SyntaxNode, scope: SyntaxNode): SdkVerification {
    const args = this.argumentsOf(call);
    const name = this.nameOf(call);
    const body = args[0];
    const bodyText = body ? lowerText(body) : '';
    return {
      kind: 'sdk',
      at: this.cite(call),
      callee: name,
      body: body ? (includesAny(bodyText, V.PARSED_BODY_MARKERS) ? 'parsed' : 'raw') : 'unknown',
      bodyAt: body ? this.cite(body) : null,
      emptySecret: this.emptySecret(args[V.SECRET_POSITION]),
      tolerance: this.tolerance(call, name, args),
      failure: this.failure(call, scope),
      onlyIf: this.condition(call, scope),
    };
  }

  private manualVerification(hmac: SyntaxNode): ManualVerification {
    const constantTime = this.calls.find((call) => V.CONSTANT_TIME.has(this.nameOf(call)));
    const clock = this.calls.find((call) => includesAny(lowerText(call), V.CLOCK_MARKERS));
    const compare = constantTime ? undefined : nodes(this.root, ['binary_expression', 'comparison_operator', 'binary']).find((node) => isEqualityOnSignature(node));
    return {
      kind: 'manual',
      at: this.cite(hmac),
      constantTime: constantTime ? this.cite(constantTime) : null,
      timestampChecked: clock ? this.cite(clock) : null,
      plainCompare: compare ? this.cite(compare) : null,
    };
  }

  /** Events bound from the request body on a path verification does not guard. */
  private unverifiedEvents(scope: SyntaxNode, sdk: readonly SdkVerification[], manual: boolean, verifierCalls: readonly SyntaxNode[]): Cited[] {
    // An early return of the parsed body skips a verification below it (`if mock_mode: return json.loads(body)`).
    const firstVerifier = verifierCalls[0];
    const earlyReturns = firstVerifier
      ? nodes(scope, ['return_statement', 'return']).filter(
          (node) => node.startIndex < firstVerifier.startIndex && this.scopeOf(node).id === scope.id && includesAny(lowerText(node), V.BODY_MARKERS),
        )
      : [];
    const unconditional = manual || sdk.some((verification) => verification.onlyIf === null);
    if (unconditional) return earlyReturns.map((node) => this.cite(node));
    // Conditional verification: the bodies of its conditions are the verified paths.
    const guarded = verifierCalls.map((call) => this.guardBranch(call, scope)).filter((node): node is SyntaxNode => node !== null);
    const out: Cited[] = [];
    for (const { node, target, value } of this.assignments()) {
      {
        if (this.scopeOf(node).id !== scope.id || !V.EVENTISH.test(target)) continue;
        const valueText = lowerText(value);
        if (!includesAny(valueText, V.BODY_MARKERS)) continue;
        if (verifierCalls.some((call) => contains(value, call))) continue;
        if (guarded.some((branch) => contains(branch, node))) continue;
        out.push(this.cite(node));
      }
    }
    // Go: json.Unmarshal(body, &event) binds without an assignment.
    for (const call of this.calls) {
      if (this.scopeOf(call).id !== scope.id || this.nameOf(call) !== 'Unmarshal') continue;
      const target = this.argumentsOf(call)[1];
      if (!target || !V.EVENTISH.test(lastSegment(target.text.replace(/^&/, '')))) continue;
      if (guarded.some((branch) => contains(branch, call))) continue;
      out.push(this.cite(call));
    }
    out.push(...earlyReturns.map((node) => this.cite(node)));
    return out.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /** The nearest conditional (inside the scope) whose branch holds the call, not its condition. */
  private condition(call: SyntaxNode, scope: SyntaxNode): Cited | null {
    const found = this.conditionalAbove(call, scope);
    return found ? this.cite(found.condition) : null;
  }

  private guardBranch(call: SyntaxNode, scope: SyntaxNode): SyntaxNode | null {
    return this.conditionalAbove(call, scope)?.branch ?? null;
  }

  private conditionalAbove(call: SyntaxNode, scope: SyntaxNode): { condition: SyntaxNode; branch: SyntaxNode } | null {
    let child = call;
    for (let node = call.parent; node && node.id !== scope.id; child = node, node = node.parent) {
      if (!this.syntax.conditionals.includes(node.type)) continue;
      const condition = node.childForFieldName('condition');
      if (!condition || contains(condition, call)) continue;
      return { condition, branch: child };
    }
    return null;
  }

  private emptySecret(secret: SyntaxNode | undefined): Cited | null {
    if (!secret) return null;
    if (hasEmptyFallback(secret.text)) return this.cite(secret);
    const name = lastSegment(secret.text);
    if (name.length < 3) return null;
    for (const { node, value } of this.assignmentsTo(name)) {
      if (value.endIndex - value.startIndex < MAX_INSPECTED && hasEmptyFallback(value.text)) return this.cite(node);
    }
    // Class fields and properties (`private readonly secret = process.env.X ?? ''`).
    for (const node of nodes(this.root, ['public_field_definition', 'field_definition', 'property_declaration', 'const_declaration', 'property_element'])) {
      const text = node.text;
      if (text.length < MAX_INSPECTED && text.includes(name) && hasEmptyFallback(text)) return this.cite(node);
    }
    return null;
  }

  private tolerance(call: SyntaxNode, name: string, args: readonly SyntaxNode[]): Tolerance {
    if (V.IGNORING_TOLERANCE.has(name)) return { kind: 'ignored', at: this.cite(call) };
    let value: SyntaxNode | null = null;
    for (const arg of args) {
      const named = this.namedValue(arg, 'tolerance');
      if (named) value = named;
    }
    const positional = args[V.TOLERANCE_POSITION];
    if (!value && positional && !this.isNamed(positional)) value = positional;
    if (!value) return { kind: 'default' };
    // A named constant (`signatureTolerance`, `TOLERANCE`): its definition in this file.
    if (value.endIndex - value.startIndex < 100 && secondsOf(value.text) === null) {
      const definition = this.assignmentsTo(lastSegment(value.text))[0];
      if (definition) value = definition.value;
    }
    const seconds = secondsOf(value.text);
    if (seconds === null) return { kind: 'default' };
    return seconds === 0 ? { kind: 'ignored', at: this.cite(value) } : { kind: 'seconds', seconds, at: this.cite(value) };
  }

  private isNamed(arg: SyntaxNode): boolean {
    return this.syntax.namedArguments.some((spec) => spec.type === arg.type) || arg.type === 'hash' || arg.type === 'object';
  }

  /** `tolerance=0` (Python), `tolerance: 0` (Ruby pair or hash, C# named argument). */
  private namedValue(arg: SyntaxNode, wanted: string): SyntaxNode | null {
    for (const spec of this.syntax.namedArguments) {
      const candidates = arg.type === spec.type ? [arg] : nodes(arg, [spec.type]);
      for (const node of candidates) {
        const key = node.childForFieldName(spec.name);
        if (key && key.text.replace(/[:'"]/g, '') === wanted) return node.childForFieldName(spec.value);
      }
    }
    const text = arg.text;
    if (text.startsWith(`${wanted}:`)) return lastNamedChild(arg);
    return null;
  }

  private failure(call: SyntaxNode, scope: SyntaxNode): FailureHandling {
    let child = call;
    for (let node = call.parent; node; child = node, node = node.parent) {
      if (this.syntax.inlineCatches.includes(node.type)) {
        const handler = node.childForFieldName('handler');
        if (handler && (this.syntax.exits.includes(handler.type) || this.exitsIn(handler))) return { kind: 'exits', at: this.cite(node) };
        return { kind: 'continues', at: this.cite(node), answers2xx: false };
      }
      const catches = this.syntax.tries.includes(node.type) ? node.namedChildren.filter((c): c is SyntaxNode => c !== null && this.syntax.catches.includes(c.type)) : [];
      if (catches.length > 0 && !this.syntax.catches.includes(child.type)) {
        const open = catches.find((branch) => !this.exitsIn(branch));
        if (!open) return { kind: 'exits', at: this.cite(catches[0]!) };
        // A catch that ends the function ends the request; at a script's top level it carries on.
        const ends = scope.id !== this.root.id && !hasCodeAfter(node, scope);
        return ends ? { kind: 'exits', at: this.cite(open) } : { kind: 'continues', at: this.cite(open), answers2xx: answers2xx(open) };
      }
      if (node.id === scope.id) break;
    }
    if (this.syntax.errorValues) return this.errorValueCheck(call, scope);
    return { kind: 'propagates' };
  }

  /** Go: the error returned beside the event must be checked, and the check must return. */
  private errorValueCheck(call: SyntaxNode, scope: SyntaxNode): FailureHandling {
    let statement = call;
    while (statement.parent && statement.parent.id !== scope.id && !this.syntax.blocks.includes(statement.parent.type)) {
      if (statement.parent.type === 'if_statement') {
        const consequence = statement.parent.childForFieldName('consequence');
        if (consequence) return this.exitsIn(consequence) ? { kind: 'exits', at: this.cite(statement.parent) } : { kind: 'continues', at: this.cite(statement.parent), answers2xx: answers2xx(consequence) };
      }
      statement = statement.parent;
    }
    const left = statement.childForFieldName('left');
    const errName = left ? lastSegment(left.text.split(',').pop() ?? '') : '';
    if (!left || errName === '_' || errName === '') return { kind: 'continues', at: this.cite(statement), answers2xx: false };
    for (let next = statement.nextNamedSibling, seen = 0; next && seen < 4; next = next.nextNamedSibling, seen += 1) {
      const condition = next.type === 'if_statement' ? next.childForFieldName('condition') : null;
      if (!condition || !condition.text.includes(errName)) continue;
      const consequence = next.childForFieldName('consequence');
      if (consequence && this.exitsIn(consequence)) return { kind: 'exits', at: this.cite(next) };
      return { kind: 'continues', at: this.cite(next), answers2xx: consequence ? answers2xx(consequence) : false };
    }
    return { kind: 'continues', at: this.cite(statement), answers2xx: false };
  }

  private exitsIn(node: SyntaxNode): boolean {
    if (nodes(node, this.syntax.exits).length > 0 || this.syntax.exits.includes(node.type)) return true;
    return nodes(node, this.syntax.calls).some((call) => {
      const name = this.nameOf(call);
      if (this.syntax.exitCalls.includes(name)) return true;
      // Ruby's `raise`, `halt 400` and PHP's `exit()` parse as plain identifiers in statement position.
      return false;
    }) || nodes(node, ['identifier']).some((id) => this.syntax.exitCalls.includes(id.text) && id.parent?.type !== 'call');
  }

  /** Express: `app.use(express.json())` before the route of this handler (same file). */
  private jsonParserFirst(scope: SyntaxNode, verifierCalls: readonly SyntaxNode[]): Cited | null {
    if (this.language !== 'node' || verifierCalls.length === 0) return null;
    const bodies = verifierCalls.map((call) => lowerText(this.argumentsOf(call)[0] ?? call));
    if (bodies.every((body) => body.includes('rawbody') || body.includes('buf') || body.includes('text()') || body.includes('raw'))) return null;
    // Next.js Pages Router: the default body parser runs unless the route turns it off.
    if (/(^|\/)pages\/api\//.test(this.file) && !this.root.text.includes('bodyParser: false') && bodies.some((body) => body === 'req.body')) {
      return this.cite(this.argumentsOf(verifierCalls[0]!)[0] ?? verifierCalls[0]!);
    }
    const route = this.routeOf(scope);
    if (!route) return null;
    const parser = this.calls.find(
      (call) =>
        V.MOUNTS.has(this.nameOf(call)) &&
        call.startIndex < route.startIndex &&
        this.argumentsOf(call).some((arg) => this.syntax.calls.includes(arg.type) && V.JSON_PARSERS.some((parser) => lowerText(arg).startsWith(parser)) && !arg.text.includes('verify')),
    );
    return parser ? this.cite(parser) : null;
  }

  /** The route registration holding (or naming) the handler: `app.post('/webhook', ..., handler)`. */
  private routeOf(scope: SyntaxNode): SyntaxNode | null {
    for (let node = scope.parent; node; node = node.parent) {
      if (this.syntax.calls.includes(node.type) && V.ROUTE_METHODS.has(this.nameOf(node))) return node;
    }
    const name = functionName(scope);
    if (!name) return null;
    return this.calls.find((call) => V.ROUTE_METHODS.has(this.nameOf(call)) && this.argumentsOf(call).some((arg) => lastSegment(arg.text) === name)) ?? null;
  }

  private secretLogged(verifierCalls: readonly SyntaxNode[]): Cited[] {
    const names = new Set(['webhook_secret', 'webhooksecret', 'endpoint_secret', 'endpointsecret', 'signing_secret', 'signingsecret', 'stripe_webhook_secret']);
    for (const call of verifierCalls) {
      const secret = this.argumentsOf(call)[V.SECRET_POSITION];
      const name = secret ? lastSegment(secret.text).toLowerCase() : '';
      if (name.length >= 4) names.add(name);
    }
    const out: Cited[] = [];
    for (const call of this.calls) {
      if (!this.isLogCall(call)) continue;
      const args = call.childForFieldName(this.syntax.argumentsField);
      if (!args) continue;
      const argsText = lowerText(args);
      if (![...names].some((name) => argsText.includes(name)) && !argsText.includes('secret')) continue;
      const named = nodes(args, IDENTIFIER_TYPES).some((id) => names.has(id.text.replace(/^[$@]/, '').toLowerCase()));
      if (named) out.push(this.cite(call));
    }
    return out;
  }

  private isLogCall(call: SyntaxNode): boolean {
    const name = this.nameOf(call);
    if (!V.LOG_CALLEES.has(name)) return false;
    const callee = this.calleeText(call);
    return callee === name.toLowerCase() || V.LOGGER_RECEIVERS.some((receiver) => callee.startsWith(receiver) || callee.includes(`.${receiver}`) || callee.includes(`${receiver}.`) || callee.includes(`${receiver}->`));
  }

  private sideEffectsBefore(scope: SyntaxNode, firstVerify: SyntaxNode): Cited[] {
    return this.calls
      .filter((call) => {
        if (call.startIndex >= firstVerify.startIndex || this.scopeOf(call).id !== scope.id || contains(call, firstVerify)) return false;
        if (!V.SIDE_EFFECTS.has(this.nameOf(call))) return false;
        const callee = this.calleeText(call);
        return !['res.', 'response.', 'reply.', 'hmac', 'hash', 'digest', 'mac.', 'sha', 'crypto', 'headers', 'params'].some((marker) => callee.includes(marker));
      })
      .map((call) => this.cite(call));
  }

  // ---- fallback branches ----------------------------------------------------------------------

  /** `case 'consent_declined': break;`: a fallback code named, and nothing done for it. */
  private emptyFallbacks(): Cited[] {
    const out: Cited[] = [];
    for (const node of this.strings) {
      if (node.endIndex - node.startIndex > 40 || !V.FALLBACK_CODES.some((code) => node.text.includes(code))) continue;
      let branch: SyntaxNode | null = node.parent;
      for (let depth = 0; branch && depth < 2 && !isCaseNode(branch.type); depth += 1) branch = branch.parent;
      if (!branch || !isCaseNode(branch.type)) continue;
      const statements = branch.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== 'comment' && !contains(child, node));
      const flat = statements.length === 1 && this.syntax.blocks.includes(statements[0]!.type) ? statements[0]!.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== 'comment') : statements;
      // An empty case falls through to the next one; a lone `break`/`pass` ends it having done nothing.
      if (flat.length > 0 && flat.every((statement) => V.NO_OP_STATEMENTS.includes(statement.type))) out.push(this.cite(node));
    }
    return out;
  }

  // ---- where session calls sit -----------------------------------------------------------------

  /** The function around each VerificationSession call (lines), so a rule can tell "in the same function" from "next to it". */
  private sessionScopes(): SessionScope[] {
    const out = new Map<number, SessionScope>();
    for (const call of this.calls) {
      if (!V.SESSION_CALLS.has(this.nameOf(call))) continue;
      const callee = this.calleeText(call);
      if (!callee.includes('verificationsession') && !callee.includes('verification_session')) continue;
      const scope = this.scopeOf(call);
      if (scope.id === this.root.id || out.has(scope.id)) continue;
      out.set(scope.id, { file: this.file, startLine: scope.startPosition.row + 1, endLine: scope.endPosition.row + 1 });
    }
    return [...out.values()];
  }

  // ---- verified data through a variable --------------------------------------------------------

  /** `outputs = session.verified_outputs` then `profile.first_name = outputs.first_name`: verified data copied onto an object's field. */
  private verifiedCopies(): VerifiedCopy[] {
    const aliases = new Set<string>();
    for (const { target, value } of this.assignments()) if (VERIFIED_OUTPUTS.test(lowerText(value).trim())) aliases.add(target);
    if (aliases.size === 0) return [];
    const out: VerifiedCopy[] = [];
    for (const { node, value } of this.assignments()) {
      const left = node.text.slice(0, Math.max(0, value.startIndex - node.startIndex));
      // Onto a field (`profile.dob`, `$user->dob`, `row['dob']`), not into another local.
      if (!/(?:\.|->|\[)\s*['"]?\w+['"]?\]?\s*[:=]/.test(left)) continue;
      const read = /[$@]?([A-Za-z_]\w*)\s*(?:\.|->|\[)/.exec(value.text);
      if (read && aliases.has(read[1]!)) out.push({ at: this.cite(node), file: this.file, inTest: this.inTest });
    }
    return out;
  }

  // ---- whole session objects -------------------------------------------------------------------

  /** `console.log('created', vs)`, `log.info("%s", vs)`, `redis.set(k, JSON.stringify(vs))`, `repo.save(vs)`. */
  private sessionSinks(): SessionSink[] {
    const names = new Set<string>();
    const service = this.root.text.length < 4_000_000 && this.root.text.includes('VerificationSessionService');
    for (const { target, value } of this.assignments()) {
      // The value is the session call itself (awaited or not), not its parameters.
      let call: SyntaxNode | null = value;
      while (call && !this.syntax.calls.includes(call.type) && call.namedChildCount === 1) call = call.namedChild(0);
      if (!call || !this.syntax.calls.includes(call.type) || !V.SESSION_CALLS.has(this.nameOf(call))) continue;
      const callee = this.calleeText(call);
      if (callee.includes('verificationsession') || callee.includes('verification_session') || service) names.add(target);
    }
    if (names.size === 0) return [];
    const out: SessionSink[] = [];
    for (const call of this.calls) {
      const kind = this.isLogCall(call) ? 'log' : this.sinkKind(call);
      if (!kind) continue;
      if (!this.argumentsOf(call).some((arg) => this.isWholeSession(arg, names))) continue;
      out.push({ kind, at: this.cite(call), file: this.file, inTest: this.inTest });
    }
    return out;
  }

  private sinkKind(call: SyntaxNode): 'store' | 'cache' | null {
    const name = this.nameOf(call);
    const callee = this.calleeText(call);
    if (V.CACHE_CALLEES.has(name) && V.CACHE_RECEIVERS.some((receiver) => callee.includes(receiver))) return 'cache';
    if (V.STORE_CALLEES.has(name) && !['res.', 'response.', 'reply.', 'json', 'headers', 'params', 'set.', 'map.', 'list.'].some((marker) => callee.includes(marker))) return 'store';
    return null;
  }

  /** The session variable itself, or it serialised (`JSON.stringify(vs)`, `json.dumps(vs)`, `str(vs)`, `vs.to_json`). */
  private isWholeSession(arg: SyntaxNode, names: ReadonlySet<string>): boolean {
    if (names.has(arg.text.replace(/^[$@]/, ''))) return true;
    if (this.syntax.calls.includes(arg.type) && ['stringify', 'dumps', 'str', 'repr', 'json_encode', 'Marshal', 'toJson', 'Serialize', 'SerializeObject'].includes(this.nameOf(arg))) {
      const inner = this.argumentsOf(arg);
      return inner.length === 1 && names.has(inner[0]!.text.replace(/^[$@]/, ''));
    }
    return false;
  }

  // ---- REST ------------------------------------------------------------------------------------

  private restCalls(): RestCall[] {
    const out: RestCall[] = [];
    for (const node of this.strings) {
      const text = node.text;
      const at = text.indexOf('identity/verification_sessions');
      if (at === -1) continue;
      // The path may go on in a concatenation: `".../verification_sessions/" + id + "/cancel"`.
      let whole: SyntaxNode = node;
      while (whole.parent && /binary|concatenat|template|interpolat/.test(whole.parent.type) && whole.parent.endIndex - whole.parent.startIndex < 400) whole = whole.parent;
      const wholeText = whole.text;
      const rest = wholeText.slice(wholeText.indexOf('identity/verification_sessions') + 'identity/verification_sessions'.length);
      const operation = restOperation(rest, this.enclosingCallText(node));
      out.push({ operation, at: this.cite(node), file: this.file, language: this.language, inTest: this.inTest });
    }
    return out;
  }

  private enclosingCallText(node: SyntaxNode): string {
    let current: SyntaxNode | null = node.parent;
    for (let depth = 0; current && depth < 4; depth += 1, current = current.parent) {
      if (this.syntax.calls.includes(current.type)) return lowerText(current);
    }
    return '';
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** The call's text before its arguments, lower case: receiver and callee (`\\stripe\\webhook::constructevent`). */
  private calleeText(call: SyntaxNode): string {
    const list = call.childForFieldName(this.syntax.argumentsField);
    const text = list ? call.text.slice(0, list.startIndex - call.startIndex) : call.text;
    return (text.length > MAX_INSPECTED ? text.slice(0, MAX_INSPECTED) : text).toLowerCase();
  }

  private argumentsOf(call: SyntaxNode): SyntaxNode[] {
    const list = call.childForFieldName(this.syntax.argumentsField);
    if (!list) return [];
    return list.namedChildren
      .filter((child): child is SyntaxNode => child !== null && child.type !== 'comment')
      .map((child) => (this.syntax.argumentWrappers.includes(child.type) && child.namedChildCount === 1 ? child.namedChildren[0]! : child));
  }

  private readonly scopes = new Map<number, SyntaxNode>();

  /** The enclosing function (or the file), memoised: every fact asks it of many nodes. */
  private scopeOf(node: SyntaxNode): SyntaxNode {
    const cached = this.scopes.get(node.id);
    if (cached) return cached;
    const parent = node.parent;
    const scope = !parent ? this.root : this.syntax.functions.includes(parent.type) ? parent : this.scopeOf(parent);
    this.scopes.set(node.id, scope);
    return scope;
  }

  private readonly names = new Map<number, string>();

  private nameOf(call: SyntaxNode): string {
    let name = this.names.get(call.id);
    if (name === undefined) this.names.set(call.id, (name = calleeName(call, this.syntax)));
    return name;
  }

  private byTarget: Map<string, { node: SyntaxNode; target: string; value: SyntaxNode }[]> | null = null;

  private assignmentsTo(name: string): { node: SyntaxNode; target: string; value: SyntaxNode }[] {
    if (!this.byTarget) {
      this.byTarget = new Map();
      for (const entry of this.assignments()) {
        const list = this.byTarget.get(entry.target) ?? [];
        list.push(entry);
        this.byTarget.set(entry.target, list);
      }
    }
    return this.byTarget.get(name) ?? [];
  }

  private assignmentCache: { node: SyntaxNode; target: string; value: SyntaxNode }[] | null = null;

  /** Every assignment in the file, once: (node, the target's last name segment, the value). */
  private assignments(): { node: SyntaxNode; target: string; value: SyntaxNode }[] {
    if (this.assignmentCache) return this.assignmentCache;
    const out: { node: SyntaxNode; target: string; value: SyntaxNode }[] = [];
    for (const { type, left, right } of this.syntax.assignments) {
      for (const node of nodes(this.root, [type])) {
        const target = left ? node.childForFieldName(left) : null;
        const value = right ? node.childForFieldName(right) : lastNamedChild(node);
        // `vs, err := ...` binds its first name to the value.
        if (target && value && target.endIndex - target.startIndex < 200) out.push({ node, target: lastSegment(target.text.split(',')[0] ?? ''), value });
      }
    }
    return (this.assignmentCache = out);
  }

  private location(node: SyntaxNode): { file: string; line: number; column: number } {
    return { file: this.file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
  }

  private cite(node: SyntaxNode): Cited {
    const text = node.text;
    const newline = text.indexOf('\n');
    // Mask the line before cutting it: a cut must never leave part of a secret behind.
    const firstLine = maskSecrets((newline === -1 ? text : text.slice(0, newline)).trim());
    const code = firstLine.length > CODE_CHARS ? `${firstLine.slice(0, CODE_CHARS - 1)}…` : firstLine;
    return { ...this.location(node), code };
  }
}

/** Case branches of switch/match statements in the seven grammars. */
function isCaseNode(type: string): boolean {
  return ['switch_case', 'case_statement', 'switch_section', 'expression_case', 'switch_block_statement_group', 'case_clause', 'when', 'switch_rule'].includes(type);
}

function nodes(root: SyntaxNode, types: readonly string[]): SyntaxNode[] {
  if (types.length === 0) return [];
  return root.descendantsOfType([...types]).filter((node): node is SyntaxNode => node !== null);
}

function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

function lastNamedChild(node: SyntaxNode): SyntaxNode | null {
  return node.namedChildCount > 0 ? node.namedChild(node.namedChildCount - 1) : null;
}

function calleeNode(call: SyntaxNode, syntax: SyntaxTable): SyntaxNode | null {
  for (const field of syntax.calleeFields) {
    const node = call.childForFieldName(field);
    if (node) return node;
  }
  return null;
}

/** The callee's last name segment: `stripe.webhooks.constructEvent` -> `constructEvent`. */
function calleeName(call: SyntaxNode, syntax: SyntaxTable): string {
  const callee = calleeNode(call, syntax);
  if (!callee) return '';
  // PHP and Java name the method in its own field; the receiver is elsewhere.
  if (call.type === 'member_call_expression' || call.type === 'scoped_call_expression' || call.type === 'nullsafe_member_call_expression' || call.type === 'method_invocation') return callee.text;
  if (syntax === SYNTAX.ruby) return callee.text;
  return lastSegment(callee.text);
}

/** The trailing identifier of a short text (`a.b.c` -> `c`, `$x->y` -> `y`, `Foo::bar` -> `bar`). */
function lastSegment(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\n)'.includes(text[end - 1]!)) end -= 1;
  let start = end;
  while (start > 0 && /[\w$!?]/.test(text[start - 1]!)) start -= 1;
  return text.slice(start, end);
}

function lowerText(node: SyntaxNode): string {
  const text = node.text;
  return (text.length > MAX_INSPECTED ? text.slice(0, MAX_INSPECTED) : text).toLowerCase();
}

function includesAny(text: string, markers: readonly string[]): boolean {
  return markers.some((marker) => text.includes(marker));
}

function functionName(scope: SyntaxNode): string | null {
  const name = scope.childForFieldName('name');
  if (name) return name.text;
  // `const handler = (req, res) => {...}`
  const parent = scope.parent;
  if (parent && (parent.type === 'variable_declarator' || parent.type === 'assignment_expression')) {
    const target = parent.childForFieldName('name') ?? parent.childForFieldName('left');
    if (target) return lastSegment(target.text);
  }
  return null;
}

/** `x || ''`, `x ?? ""`, `getenv('X') ?: ''`, `os.environ.get('X', '')`, `ENV.fetch('X', '')`, `x or ''`. */
export function hasEmptyFallback(raw: string): boolean {
  if (raw.length > MAX_INSPECTED) return false;
  const text = raw.replace(/\s+/g, '').replace(/;$/, '').replace(/\)+$/, (closing) => (closing.length > 0 ? ')' : ''));
  const empty = ["''", '""', '``', 'string.Empty', 'String.Empty'];
  for (const value of empty) {
    for (const operator of ['||', '??', '?:', 'or']) if (text.endsWith(`${operator}${value}`) || text.endsWith(`${operator}${value})`)) return true;
    if (text.endsWith(`,${value})`)) return true;
  }
  return false;
}

/** Seconds from a short literal product (`0`, `300`, `0L`, `5 * 60`, `365 * 24 * time.Hour`); null when not a literal. */
export function secondsOf(raw: string): number | null {
  const text = raw.replace(/\s+/g, '');
  if (text === '' || text.length > 80) return null;
  if (text === 'time.Duration(0)') return 0;
  const UNITS: Record<string, number> = { 'time.Second': 1, 'time.Minute': 60, 'time.Hour': 3600, 'time.Millisecond': 0.001, 'time.Nanosecond': 1e-9 };
  let product = 1;
  for (const factor of text.split('*')) {
    const unit = UNITS[factor];
    if (unit !== undefined) product *= unit;
    else if (/^\d+[lL]?$/.test(factor)) product *= Number(factor.replace(/[lL]$/, ''));
    else return null;
  }
  return product;
}

/** Whether any statement runs after `node` in its function (siblings after it or after an enclosing statement). */
function hasCodeAfter(node: SyntaxNode, scope: SyntaxNode): boolean {
  for (let current: SyntaxNode | null = node; current && current.id !== scope.id; current = current.parent) {
    for (let next = current.nextNamedSibling; next; next = next.nextNamedSibling) if (next.type !== 'comment') return true;
  }
  return false;
}

function answers2xx(node: SyntaxNode): boolean {
  const text = node.text.length > MAX_INSPECTED ? '' : node.text;
  if (/\b2\d\d\b/.test(text)) return true;
  return ['StatusOK', 'HttpStatus.OK', 'head :ok', 'Ok()', 'status: :ok', 'HTTP_200'].some((marker) => text.includes(marker));
}

function isEqualityOnSignature(node: SyntaxNode): boolean {
  const text = node.text;
  if (text.length > 300) return false;
  const lower = text.toLowerCase();
  if (!['==', '!=', '.equals(', 'eq '].some((operator) => lower.includes(operator))) return false;
  return ['sig', 'hmac', 'digest', 'expected', 'computed'].some((marker) => lower.includes(marker));
}

export { ABSURD_TOLERANCE_SECONDS };

function eventSuffixOf(text: string): string {
  const at = text.indexOf(V.IDENTITY_EVENT_PREFIX);
  const rest = text.slice(at + V.IDENTITY_EVENT_PREFIX.length);
  let end = 0;
  while (end < rest.length && /[a-z_]/.test(rest[end]!)) end += 1;
  return rest.slice(0, end);
}

function restOperation(rest: string, callText: string): SessionOperation {
  if (rest.includes('/redact')) return 'redact';
  if (rest.includes('/cancel')) return 'cancel';
  if (rest.startsWith('/')) return 'retrieve';
  if (callText.includes('post')) return 'create';
  if (callText.includes('get')) return 'list';
  return 'create';
}

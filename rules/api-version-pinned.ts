// https://docs.stripe.com/get-started/checklist/go-live#set-the-api-version: dynamic languages set
// the API version in code; typed ones (Go, Java, .NET, TypeScript) pin it through the SDK version.
// Webhook events follow the endpoint's version, so it should match what the code expects.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import type { WebhookEndpointFacts } from '../src/engine/artifacts.js';
import { LANGUAGE_SPECS } from '../src/gather/source/languages/index.js';
import type { Language, SourceHit } from '../src/gather/source/types.js';
import { at, creations, Evidence, where, NO_INTEGRATION_MESSAGE, noIntegration } from './support/source.js';
import { API_UNAVAILABLE_MESSAGE, apiEvidence, apiUnavailable } from './support/stripe.js';

type Id =
  | 'noIntegration'
  | 'pinnedInCode'
  | 'pinnedBySdk'
  | 'codeUnpinned'
  | 'sdkUnpinned'
  | 'noManifest'
  | 'versionsDiffer'
  | 'endpointMatches'
  | 'endpointMismatch'
  | 'endpointAccountDefault'
  | 'apiNoEndpoint'
  | 'apiNotComparable'
  | 'apiUnavailable';

const TYPESCRIPT = /\.(?:ts|tsx|mts|cts)$/;

/** A version spec that names a version (`^23.1.0`, `~> 13.0`, `==12.0.0`, `v86.0.0`), not "anything" (`*`, `latest`, `>=7`, `21.+`). */
export function isPinnedSpec(spec: string | undefined): boolean {
  const value = spec?.trim() ?? '';
  if (value === '' || value.includes('+')) return false;
  if (/^(?:\*|x|latest|LATEST|RELEASE|master|main)$/i.test(value)) return false;
  // Lower bound only: nothing stops a new major version (and its API version) from coming in.
  if (/^>=?/.test(value) && !/[<,]/.test(value)) return false;
  return /\d/.test(value);
}

function relevant(endpoint: WebhookEndpointFacts): boolean {
  return endpoint.status === 'enabled' && endpoint.enabledEvents.some((event) => event === '*' || event.startsWith('identity.verification_session.'));
}

export default defineRule({
  meta: {
    id: 'api-version-pinned',
    item: 'development-checklist',
    title: 'The Stripe API version is pinned and matches the webhook endpoint',
    failureTitle: 'The Stripe API version is not pinned, or differs from the webhook endpoint',
    neutralTitle: 'Stripe API version pinning',
    docsUrl: 'https://docs.stripe.com/get-started/checklist/go-live',
    sourceModel: true,
    requiredArtifacts: ['Source', 'WebhookEndpoints'],
    modes: ['live', 'test'],
    defaultSeverity: 'error',
    patterns: [
      { id: 'create', idiom: 'session.create' },
      { id: 'verify', idiom: 'webhook.verify' },
      { id: 'construct', idiom: 'client.construct' },
      { id: 'api-version', idiom: 'client.api-version' },
      { id: 'manifest', idiom: 'manifest.sdk' },
    ],
    messages: {
      noIntegration: NO_INTEGRATION_MESSAGE,
      pinnedInCode: '{{language}}: the client pins API version {{version}} ({{where}}).',
      pinnedBySdk: '{{language}}: the SDK version is pinned ({{spec}} in {{file}}), which pins the API version.',
      codeUnpinned: {
        text: '{{language}}: the Stripe client sets no API version ({{where}}); requests follow the account default, which changes when someone upgrades it.',
        fix: '{{fix}}',
      },
      sdkUnpinned: {
        text: '{{language}}: the Stripe SDK is not pinned to a version ({{file}}: {{spec}}).',
        fix: 'Depend on a specific SDK version (a caret range within one major is fine): typed SDKs pin the API version through their own version.',
      },
      noManifest: {
        text: '{{language}}: no dependency manifest declares the Stripe SDK, so its version (and API version) is not pinned.',
        fix: 'Declare the Stripe SDK with a version in {{manifests}}.',
      },
      versionsDiffer: {
        text: 'The code pins different API versions: {{versions}}.',
        fix: 'Use one API version across the integration.',
      },
      endpointMatches: 'Stripe API ({{mode}} mode): webhook endpoint(s) {{endpoints}} use {{version}}, as the code does.',
      endpointMismatch: {
        text: 'Stripe API ({{mode}} mode): webhook endpoint {{endpoint}} sends events in API version {{endpointVersion}}, the code pins {{codeVersion}}.',
        fix: 'Create the endpoint with the api_version the code pins (or upgrade the code), so event payloads have the shape the handler expects.',
      },
      endpointAccountDefault: {
        text: "Stripe API ({{mode}} mode): webhook endpoint {{endpoint}} has no API version of its own: its events follow the account's default version, which may differ from {{codeVersion}}.",
        fix: 'Create the endpoint with api_version set to the version the code pins.',
      },
      apiNoEndpoint: 'Stripe API ({{mode}} mode): no enabled endpoint receives Identity events, so there is no endpoint version to compare.',
      apiNotComparable: 'Stripe API ({{mode}} mode): the version is pinned through the SDK, so endpoint versions ({{versions}}) cannot be compared here; check them against the SDK changelog.',
      apiUnavailable: API_UNAVAILABLE_MESSAGE,
    },
  },
  check({ Source, WebhookEndpoints }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'api-version-pinned');
    const stripeCode = [...creations(evidence), ...evidence.prod('verify'), ...evidence.prod('construct')];
    // No Stripe code at all is no integration to judge: an error, not a failure.
    const missing = noIntegration('noIntegration', index, evidence, []);
    if (missing) return missing;
    const languages = [...new Set(stripeCode.map((hit) => hit.language))].filter((language): language is Language => language !== 'other').sort();

    const findings: Finding<Id>[] = [];
    const pins = evidence.prod('api-version');
    const manifests = evidence.all('manifest');
    for (const language of languages) {
      const spec = LANGUAGE_SPECS[language];
      const own = (hits: readonly SourceHit[]) => hits.filter((hit) => hit.language === language);
      const codePins = own(pins);
      if (codePins.length > 0) {
        findings.push({ messageId: 'pinnedInCode', level: 'info', data: { language, version: codePins[0]!.capture ?? '', where: where(codePins, 2) }, location: at(codePins[0]!) });
        continue;
      }
      const typed = spec.typing === 'typed' || (spec.typing === 'typed-when-typescript' && own(stripeCode).some((hit) => TYPESCRIPT.test(hit.file)));
      if (!typed) {
        const clients = own(evidence.prod('construct'));
        const anchor = clients[0] ?? own(stripeCode)[0]!;
        findings.push({ messageId: 'codeUnpinned', level: 'fail', data: { language, where: where(clients.length > 0 ? clients : [anchor], 2), fix: PIN_IN_CODE[language] }, location: at(anchor) });
        continue;
      }
      const declared = own(manifests);
      const pinned = declared.find((hit) => isPinnedSpec(hit.capture));
      if (pinned) findings.push({ messageId: 'pinnedBySdk', level: 'info', data: { language, spec: pinned.capture ?? '', file: pinned.file }, location: at(pinned) });
      else if (declared.length > 0) findings.push({ messageId: 'sdkUnpinned', level: 'fail', data: { language, file: declared[0]!.file, spec: declared[0]!.capture || '(no version)' }, location: at(declared[0]!) });
      else findings.push({ messageId: 'noManifest', level: 'fail', data: { language, manifests: spec.manifests.filter((manifest) => typeof manifest === 'string').join(', ') || 'the project file' } });
    }

    // Only dated versions compare: a pin through a named constant (`STRIPE_VERSION`) is pinned, but its value is elsewhere.
    const codeVersions = [...new Set(pins.map((hit) => hit.capture ?? ''))].filter((version) => /^\d{4}-\d{2}-\d{2}/.test(version));
    if (codeVersions.length > 1) findings.push({ messageId: 'versionsDiffer', level: 'warn', data: { versions: codeVersions.join(', ') } });

    const api = apiEvidence(WebhookEndpoints);
    const unavailable = apiUnavailable('apiUnavailable', api);
    if (unavailable) findings.push(unavailable);
    for (const { mode, value } of api.available) {
      const endpoints = value.filter(relevant);
      if (endpoints.length === 0) {
        findings.push({ messageId: 'apiNoEndpoint', level: 'info', data: { mode } });
        continue;
      }
      if (codeVersions.length === 0) {
        findings.push({ messageId: 'apiNotComparable', level: 'info', data: { mode, versions: [...new Set(endpoints.map((endpoint) => endpoint.apiVersion ?? 'account default'))].join(', ') } });
        continue;
      }
      const codeVersion = codeVersions.join(' / ');
      const matching: string[] = [];
      for (const endpoint of endpoints) {
        const data = { mode, endpoint: endpoint.id, endpointVersion: endpoint.apiVersion ?? '', codeVersion };
        if (endpoint.apiVersion === null) findings.push({ messageId: 'endpointAccountDefault', level: 'warn', data, location: { stripe: endpoint.id } });
        else if (!codeVersions.includes(endpoint.apiVersion)) findings.push({ messageId: 'endpointMismatch', level: mode === 'live' ? 'fail' : 'warn', data, location: { stripe: endpoint.id } });
        else matching.push(endpoint.id);
      }
      if (matching.length > 0) findings.push({ messageId: 'endpointMatches', level: 'info', data: { mode, endpoints: matching.join(', '), version: codeVersion } });
    }
    return outcome.from(findings);
  },
});

const PIN_IN_CODE: Readonly<Record<Language, string>> = {
  node: "Pass apiVersion when constructing the client: new Stripe(key, { apiVersion: '2026-10-28.endive' }) (use your account's version).",
  python: "Set stripe.api_version = '...' or StripeClient(key, stripe_version='...').",
  ruby: "Set Stripe.api_version = '...' or Stripe::StripeClient.new(key, stripe_version: '...').",
  php: "Call \\Stripe\\Stripe::setApiVersion('...') or pass 'stripe_version' => '...' to new \\Stripe\\StripeClient([...]).",
  go: 'Pin github.com/stripe/stripe-go in go.mod.',
  java: 'Pin com.stripe:stripe-java in pom.xml or build.gradle.',
  dotnet: 'Pin the Stripe.net PackageReference Version in the .csproj.',
};

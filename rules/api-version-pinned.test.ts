import type { WebhookEndpointFacts } from '../src/engine/artifacts.js';
import rule, { isPinnedSpec } from './api-version-pinned.js';
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../test/support/rule-tester.js';
import { endpoint, failure, modes } from '../test/support/facts.js';
import { sourceOf } from '../test/support/source.js';

const noKeys = modes<WebhookEndpointFacts[]>({});
const VERSION = '2026-10-28.endive';
const nodeJs = `const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY, { apiVersion: '${VERSION}' });\nstripe.identity.verificationSessions.create({ type: 'document' });\n`;

ruleTester(rule, [
  { name: 'node JS: apiVersion in code, no key', artifacts: { Source: await sourceOf(rule, { 'server.js': nodeJs }), WebhookEndpoints: noKeys }, status: 'pass', messageIds: ['pinnedInCode', 'apiUnavailable'] },
  {
    name: 'node JS: endpoint on the same version',
    artifacts: { Source: await sourceOf(rule, { 'server.js': nodeJs }), WebhookEndpoints: modes({ live: [endpoint({ apiVersion: VERSION })], test: [] }) },
    status: 'pass',
    messageIds: ['pinnedInCode', 'endpointMatches', 'apiNoEndpoint'],
  },
  {
    name: 'node JS: live endpoint on another version fails',
    artifacts: { Source: await sourceOf(rule, { 'server.js': nodeJs }), WebhookEndpoints: modes({ live: [endpoint({ id: 'we_old', apiVersion: '2024-06-20' })] }) },
    status: 'fail',
    messageIds: ['pinnedInCode', 'apiUnavailable', 'endpointMismatch'],
    mentions: ['we_old', '2024-06-20'],
  },
  {
    name: 'node JS: endpoint on the account default warns',
    artifacts: { Source: await sourceOf(rule, { 'server.js': nodeJs }), WebhookEndpoints: modes({ live: [endpoint({ apiVersion: null })] }) },
    status: 'warn',
  },
  {
    name: 'node JS without apiVersion fails even with package.json',
    artifacts: { Source: await sourceOf(rule, { 'server.js': "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\nstripe.identity.verificationSessions.create({});\n", 'package.json': '{"dependencies":{"stripe":"^23.1.0"}}' }), WebhookEndpoints: noKeys },
    status: 'fail',
    messageIds: ['codeUnpinned', 'apiUnavailable'],
  },
  {
    name: 'TypeScript: pinned through package.json',
    artifacts: { Source: await sourceOf(rule, { 'src/server.ts': "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\nawait stripe.identity.verificationSessions.create({ type: 'document' });\n", 'package.json': '{"dependencies":{"stripe":"^23.1.0"}}' }), WebhookEndpoints: modes({ live: [endpoint()] }) },
    status: 'pass',
    messageIds: ['pinnedBySdk', 'apiUnavailable', 'apiNotComparable'],
  },
  { name: 'TypeScript: stripe "*" is not pinned', artifacts: { Source: await sourceOf(rule, { 'src/server.ts': 'new Stripe(key);\nawait stripe.identity.verificationSessions.create({});\n', 'package.json': '{"dependencies":{"stripe":"*"}}' }), WebhookEndpoints: noKeys }, status: 'fail', messageIds: ['sdkUnpinned', 'apiUnavailable'] },
  { name: 'python: no api_version', artifacts: { Source: await sourceOf(rule, { 'app.py': 'stripe.api_key = os.environ["STRIPE_SECRET_KEY"]\nstripe.identity.VerificationSession.create(type="document")\n', 'requirements.txt': 'stripe==12.0.0\n' }), WebhookEndpoints: noKeys }, status: 'fail', messageIds: ['codeUnpinned', 'apiUnavailable'] },
  {
    name: 'python, ruby, php: versions in code',
    artifacts: {
      Source: await sourceOf(rule, {
        'app.py': `client = StripeClient(key, stripe_version="${VERSION}")\nclient.identity.verification_sessions.create()\n`,
        'app.rb': `Stripe.api_version = '${VERSION}'\nStripe::Identity::VerificationSession.create({})\n`,
        'app.php': `<?php $stripe = new \\Stripe\\StripeClient(['api_key' => $key, 'stripe_version' => '${VERSION}']);\n$stripe->identity->verificationSessions->create([]);`,
      }),
      WebhookEndpoints: noKeys,
    },
    status: 'pass',
    messageIds: ['pinnedInCode', 'pinnedInCode', 'pinnedInCode', 'apiUnavailable'],
  },
  {
    name: 'go, java, .NET: manifests',
    artifacts: {
      Source: await sourceOf(rule, {
        'main.go': 'sc := stripe.NewClient(key)\nsc.V1IdentityVerificationSessions.Create(ctx, params)\n',
        'go.mod': 'module x\n\nrequire github.com/stripe/stripe-go/v86 v86.0.0\n',
        'src/main/java/App.java': 'StripeClient client = new StripeClient(key);\nclient.identity().verificationSessions().create(params);\n',
        'build.gradle': "implementation 'com.stripe:stripe-java:29.4.0'\n",
        'Api/Verify.cs': 'StripeConfiguration.ApiKey = key;\nvar options = new VerificationSessionCreateOptions();\n',
        'Api/Api.csproj': '<Project><ItemGroup><PackageReference Include="Stripe.net" Version="48.1.0" /></ItemGroup></Project>',
      }),
      WebhookEndpoints: noKeys,
    },
    status: 'pass',
    messageIds: ['pinnedBySdk', 'pinnedBySdk', 'pinnedBySdk', 'apiUnavailable'],
  },
  {
    name: 'java: gradle dynamic version; .NET: no Version',
    artifacts: {
      Source: await sourceOf(rule, {
        'App.java': 'Stripe.apiKey = key;\nVerificationSession.create(params);\n',
        'build.gradle': "implementation 'com.stripe:stripe-java:29.+'\n",
        'Verify.cs': 'var client = new StripeClient(key);\nvar options = new VerificationSessionCreateOptions();\n',
        'Api.csproj': '<PackageReference Include="Stripe.net" />',
      }),
      WebhookEndpoints: noKeys,
    },
    status: 'fail',
    messageIds: ['sdkUnpinned', 'sdkUnpinned', 'apiUnavailable'],
  },
  { name: 'go without go.mod', artifacts: { Source: await sourceOf(rule, { 'main.go': 'stripe.Key = key\nverificationsession.New(params)\n' }), WebhookEndpoints: noKeys }, status: 'fail', messageIds: ['noManifest', 'apiUnavailable'] },
  {
    name: 'node: a module-level Stripe.apiVersion assignment (issue #11 §4)',
    artifacts: { Source: await sourceOf(rule, { 'server.js': `const stripe = require('stripe')(key);\nstripe.apiVersion = '${VERSION}';\nstripe.identity.verificationSessions.create({});\n` }), WebhookEndpoints: noKeys },
    status: 'pass',
    messageIds: ['pinnedInCode', 'apiUnavailable'],
    mentions: ['server.js:2'],
  },
  {
    name: 'python: a module-level stripe.api_version assignment',
    artifacts: { Source: await sourceOf(rule, { 'app.py': `import stripe\nstripe.api_version = '${VERSION}'\nstripe.identity.VerificationSession.create(type="document")\n` }), WebhookEndpoints: noKeys },
    status: 'pass',
    messageIds: ['pinnedInCode', 'apiUnavailable'],
  },
  {
    name: 'php REST: the Stripe-Version header pins the version',
    artifacts: {
      Source: await sourceOf(rule, {
        'idv.php': `<?php\nwp_remote_post('https://api.stripe.com/v1/identity/verification_sessions', ['headers' => ['Stripe-Version' => '${VERSION}'], 'body' => $body]);\n`,
      }),
      WebhookEndpoints: noKeys,
    },
    status: 'pass',
    messageIds: ['pinnedInCode', 'apiUnavailable'],
  },
  // No integration is not a verdict (issue #11): the code rules end in error, saying what was scanned.
  // Pins through a name, as real projects write them (corpus: java-spring-boot-good, python-django-…, hono-workers-rest-hmac, php-wordpress-rest-hmac).
  {
    name: 'java: the version through a Maven property',
    artifacts: {
      Source: await sourceOf(rule, {
        'src/main/java/App.java': 'Stripe.apiKey = key;\nVerificationSession.create(params);\n',
        'pom.xml': '<project><properties><stripe.version>28.0.0</stripe.version></properties><dependencies><dependency><groupId>com.stripe</groupId><artifactId>stripe-java</artifactId><version>${stripe.version}</version></dependency></dependencies></project>\n',
      }),
      WebhookEndpoints: noKeys,
    },
    status: 'pass',
    messageIds: ['pinnedBySdk', 'apiUnavailable'],
  },
  {
    name: 'python: stripe.api_version from a settings constant',
    artifacts: { Source: await sourceOf(rule, { 'views.py': 'stripe.api_version = settings.STRIPE_API_VERSION\nstripe.identity.VerificationSession.create(type="document")\n' }), WebhookEndpoints: noKeys },
    status: 'pass',
    messageIds: ['pinnedInCode', 'apiUnavailable'],
  },
  {
    name: 'TypeScript REST: the Stripe-Version header from a constant',
    artifacts: { Source: await sourceOf(rule, { 'src/index.ts': "const STRIPE_VERSION = '2024-06-20';\nawait fetch('https://api.stripe.com/v1/identity/verification_sessions', { method: 'POST', headers: { 'Stripe-Version': STRIPE_VERSION } });\n" }), WebhookEndpoints: noKeys },
    status: 'pass',
  },
  { name: 'no Stripe code', artifacts: { Source: await sourceOf(rule, { 'main.go': 'package main\n' }), WebhookEndpoints: noKeys }, status: 'error', messageIds: ['noIntegration'], mentions: ['source files: go 1', 'source.include'] },
  { name: 'scan unavailable', artifacts: { Source: failure('io'), WebhookEndpoints: noKeys }, status: 'error' },
]);

describe('isPinnedSpec', () => {
  it.each([['^23.1.0'], ['~> 13.0'], ['==12.0.0'], ['v86.0.0'], ['13.0.0'], ['[29.0,30.0)'], ['>=7,<8']])('%s is pinned', (spec) => expect(isPinnedSpec(spec)).toBe(true));
  it.each([[undefined], [''], ['*'], ['latest'], ['>=7.0'], ['29.+'], ['LATEST']])('%s is not', (spec) => expect(isPinnedSpec(spec)).toBe(false));
});

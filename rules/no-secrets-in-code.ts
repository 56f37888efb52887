// https://docs.stripe.com/get-started/checklist/go-live: "Make sure your code doesn't include any API
// keys". Live secret and restricted keys and webhook signing secrets in tracked files are leaks.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { at, Evidence } from './support/source.js';

type Id = 'clean' | 'liveSecret' | 'testSecret';

export default defineRule({
  meta: {
    id: 'no-secrets-in-code',
    item: 'development-checklist',
    title: 'No Stripe secret key or webhook secret is committed',
    failureTitle: 'Stripe secrets are committed in the code',
    neutralTitle: 'Stripe secrets in the code',
    docsUrl: 'https://docs.stripe.com/keys-best-practices',
    requiredArtifacts: ['Source'],
    defaultSeverity: 'error',
    patterns: [
      { id: 'live', idiom: 'secret.live' },
      { id: 'test', idiom: 'secret.test' },
    ],
    messages: {
      clean: 'No sk_live_, rk_live_ or whsec_ literal in {{files}} scanned files.',
      liveSecret: {
        text: '{{file}}:{{line}} holds a secret: {{secret}}.',
        fix: 'Roll the key (Dashboard > Developers > API keys, or the endpoint\'s signing secret) and load it from the environment or a secret manager.',
      },
      testSecret: {
        text: '{{file}}:{{line}} holds a test-mode key: {{secret}}.',
        fix: 'Load test keys from the environment too; a committed test key lets anyone act on your test data.',
      },
    },
  },
  check({ Source }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'no-secrets-in-code');
    // A key in a test file is still a committed key: tests count here.
    const findings: Finding<Id>[] = [
      ...evidence.all('live').map((hit): Finding<Id> => ({ messageId: 'liveSecret', level: 'fail', data: { file: hit.file, line: hit.line, secret: hit.capture ?? '' }, location: at(hit) })),
      ...evidence.all('test').map((hit): Finding<Id> => ({ messageId: 'testSecret', level: 'warn', data: { file: hit.file, line: hit.line, secret: hit.capture ?? '' }, location: at(hit) })),
    ];
    return findings.length > 0 ? outcome.from(findings) : outcome.pass({ messageId: 'clean', data: { files: index.filesScanned } });
  },
});

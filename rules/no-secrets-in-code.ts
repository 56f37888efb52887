// https://docs.stripe.com/get-started/checklist/go-live: "Make sure your code doesn't include any API
// keys". Live secret and restricted keys and webhook signing secrets in tracked files are leaks.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { isTestPath } from '../src/gather/source/test-files.js';
import type { SecretHit } from '../src/gather/source/secrets.js';

type Id = 'clean' | 'liveSecret' | 'testSecret' | 'unread';

const MAX_LISTED = 10;

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
    messages: {
      clean: 'No sk_live_, rk_live_ or whsec_ secret in the bytes of {{files}} files (any encoding, any size, git-tracked files a .gitignore hides included).',
      liveSecret: {
        text: '{{file}}:{{line}} holds a secret: {{secret}}{{encoding}}.',
        fix: "Roll the key (Dashboard > Developers > API keys, or the endpoint's signing secret) and load it from the environment or a secret manager.",
      },
      testSecret: {
        text: '{{file}}:{{line}} holds a test-mode key: {{secret}}{{encoding}}.',
        fix: 'Load test keys from the environment too; a committed test key lets anyone act on your test data.',
      },
      unread: {
        text: '{{count}} file(s) or directories could not be read, so a secret there would go unseen: {{files}}.',
        fix: 'Make them readable to the user running identity-golive, or exclude them with config `source.exclude` if they are not part of the repository.',
      },
    },
  },
  check({ Source }) {
    const { secrets } = use(Source);
    const finding = (hit: SecretHit): Finding<Id> => ({
      messageId: hit.kind === 'live' ? 'liveSecret' : 'testSecret',
      level: hit.kind === 'live' ? 'fail' : 'warn',
      // A key in a test file is still a committed key: tests count here.
      data: { file: hit.file, line: hit.line, secret: hit.masked, encoding: hit.encoding === 'utf-16' ? ' (in UTF-16 text)' : isTestPath(hit.file) ? ' (in a test file)' : '' },
      location: { file: hit.file, line: hit.line, column: hit.column },
    });
    const findings = secrets.hits.map(finding);
    if (secrets.unread.length > 0) {
      const listed = secrets.unread.slice(0, MAX_LISTED).map((unread) => `${unread.file} (${unread.reason})`);
      const more = secrets.unread.length > MAX_LISTED ? ` and ${secrets.unread.length - MAX_LISTED} more` : '';
      const unread: Finding<Id> = { messageId: 'unread', data: { count: secrets.unread.length, files: listed.join(', ') + more } };
      // A secret found is a failure whatever else was unread; nothing found with files unread is no verdict.
      const failed = secrets.hits.some((hit) => hit.kind === 'live');
      return failed ? outcome.from([...findings, { ...unread, level: 'warn' }]) : outcome.of('error', unread, ...findings);
    }
    return findings.length > 0 ? outcome.from(findings) : outcome.pass({ messageId: 'clean', data: { files: secrets.filesRead } });
  },
});

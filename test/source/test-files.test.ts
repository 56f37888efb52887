import { describe, expect, it } from 'vitest';
import { isTestPath } from '../../src/gather/source/test-files.js';

describe('isTestPath', () => {
  it.each([
    'test/webhook.js', 'tests/test_views.py', 'spec/models/user_spec.rb', 'src/__tests__/a.ts', 'handler_test.go', 'src/webhook.test.ts', 'src/webhook.spec.mjs',
    'app/test_verify.py', 'src/test/java/com/x/WebhookTest.java', 'Api.Tests/WebhookTests.cs', 'tests/Feature/WebhookTest.php', 'pkg/testdata/x.go', 'conftest.py',
  ])('%s is a test', (file) => expect(isTestPath(file)).toBe(true));
  it.each(['src/webhook.js', 'app/views.py', 'lib/testing_tools_not.rb', 'src/main/java/com/x/Webhook.java', 'Api/Controllers/WebhookController.cs', 'internal/contest.go', 'src/latest.ts'])(
    '%s is production',
    (file) => expect(isTestPath(file)).toBe(false),
  );
});

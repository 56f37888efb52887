// A pass on the integration model needs every candidate file parsed: a Kotlin file (no bundled
// grammar) that caches the session link where no regex idiom sees it must not leave session-link-refreshed passing.
import { expect, it } from 'vitest';
import { runRules } from '../../src/engine/runner.js';
import { gathered } from '../../src/engine/gathered.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { sourceOf } from '../support/source.js';

it('a pass with candidate files left unparsed is an error naming them; the same project without them passes', async () => {
  const rule = RULES_BY_ID.get('session-link-refreshed')!;
  const js = "const vs = await stripe.identity.verificationSessions.create({ type: 'document' });\nres.redirect(303, vs.url);\n";
  const kotlin = 'val session = VerificationSession.create(params)\nlinkCache[userId] = session.url\n';
  const none = { live: gathered({ sessions: [], windowDays: 30, truncated: false }), test: gathered({ sessions: [], windowDays: 30, truncated: false }) };
  const run = async (files: Record<string, string>) => runRules([rule], { Source: await sourceOf(rule, files), VerificationSessions: none }, new Map(), { now: 0, offline: true })[0]!.outcome;
  expect((await run({ 'src/app.js': js })).status).toBe('pass');
  const withKotlin = await run({ 'src/app.js': js, 'src/Verify.kt': kotlin });
  expect(withKotlin.status).toBe('error');
  expect(JSON.stringify(withKotlin)).toContain('src/Verify.kt (no-grammar)');
});

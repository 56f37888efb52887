// The Pages gatherer and the page rules against real pages on 127.0.0.1 (HTTPS with a throwaway
// certificate, and plain HTTP), through the real runner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherPages } from '../../src/gather/pages/gather.js';
import { gatherAttestations } from '../../src/gather/attestations/gather.js';
import { gatherArtifacts, runRules, type GathererMap } from '../../src/engine/runner.js';
import { GATHERERS } from '../../src/gather/index.js';
import { validateConfig } from '../../src/config/load.js';
import type { UserConfig } from '../../src/config/schema.js';
import type { GatherContext } from '../../src/gather/context.js';
import type { AnyRule, Status } from '../../src/engine/rule.js';
import { toResult } from '../../src/report/build.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { opensslAvailable, startPageServer, type PageServer } from '../support/page-server.js';

const haveOpenssl = opensslAvailable();
const rule = (id: string): AnyRule => RULES_BY_ID.get(id)!;
const PAGE_RULES = ['privacy-policy-url', 'privacy-policy-discloses-stripe', 'faq-published', 'deletion-explained'].map(rule);

describe.skipIf(!haveOpenssl)('pages over HTTP(S) on loopback (needs openssl for the test certificate)', () => {
  let server: PageServer;
  beforeAll(async () => {
    server = await startPageServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const context = (raw: UserConfig, overrides: Partial<GatherContext> = {}): GatherContext => ({
    cwd: '/nonexistent-project',
    // Generous: six TLS handshakes on a loaded 2-core machine; the slow-page test sets its own short limit.
    config: validateConfig({ pages: { timeoutMs: 10_000 }, ...raw }, null),
    keys: {},
    apiBase: null,
    offline: false,
    env: { NODE_EXTRA_CA_CERTS: server.caFile },
    now: Date.UTC(2026, 10, 22),
    ...overrides,
  });
  const gather = (raw: UserConfig, rules: AnyRule[] = PAGE_RULES, overrides: Partial<GatherContext> = {}) =>
    gatherPages(context(raw, overrides), { modes: new Set(), rules });

  /** Run rules through the real runner; attestations come from an empty project (none recorded). */
  async function statuses(raw: UserConfig, rules: AnyRule[], overrides: Partial<GatherContext> = {}): Promise<Record<string, { status: Status; ids: string[]; text: string }>> {
    const gatherers: GathererMap = { ...GATHERERS, Attestations: (ctx) => gatherAttestations(ctx) };
    const ctx = context(raw, overrides);
    const artifacts = await gatherArtifacts(rules, ctx, gatherers);
    const runs = runRules(rules, artifacts, new Map(), { now: ctx.now, offline: ctx.offline });
    return Object.fromEntries(
      runs.map((run) => {
        const result = toResult(run);
        return [run.rule.meta.id, { status: result.status, ids: result.findings.map((finding) => finding.messageId), text: JSON.stringify(result) }];
      }),
    );
  }

  it('fetches a good privacy policy over https, keeping visible text and absolute links', async () => {
    const pages = await gather({ privacyPolicyUrl: `${server.https}/privacy` }, [rule('privacy-policy-url')]);
    expect(pages.privacyPolicy.ok).toBe(true);
    if (!pages.privacyPolicy.ok) return;
    const facts = pages.privacyPolicy.value;
    expect(facts).toMatchObject({ status: 200, redirects: 0, finalUrl: `${server.https}/privacy`, contentType: 'text/html; charset=utf-8' });
    expect(facts.text).toContain('We use Stripe for identity document verification.');
    expect(facts.text).toContain('Privacy policy — Fixture Labs');
    expect(facts.text).not.toContain('color: #635bff');
    expect(facts.links).toEqual([`${server.https}/`, `${server.https}/faq`, 'https://stripe.com/privacy', 'mailto:privacy@fixture.example', 'mailto:privacy@stripe.com']);
  });

  it('passes the page checks on good pages (manual only for the missing attestations)', async () => {
    const results = await statuses({ privacyPolicyUrl: `${server.https}/privacy`, faqUrl: `${server.https}/faq` }, PAGE_RULES);
    for (const id of ['privacy-policy-url', 'privacy-policy-discloses-stripe', 'faq-published', 'deletion-explained']) {
      expect(results[id]!.status).toBe('manual');
      expect(results[id]!.ids.at(-1)).toBe('notAttested');
      expect(results[id]!.ids.filter((messageId) => messageId !== 'notAttested')).not.toContainEqual(expect.stringMatching(/^(page(?!Reachable)|no|faqMissing)/));
    }
    expect(results['privacy-policy-discloses-stripe']!.ids).toEqual(['pageReachable', 'disclosed', 'notAttested']);
    expect(results['faq-published']!.ids).toEqual(['pageReachable', 'faqComplete', 'notAttested']);
    expect(results['deletion-explained']!.ids).toEqual(['pageReachable', 'deletionExplained', 'notAttested']);
  });

  it('fetches a page named by two keys once', async () => {
    const before = server.requests.length;
    const pages = await gather({ privacyPolicyUrl: `${server.https}/privacy`, deletionUrl: `${server.https}/privacy` });
    expect(pages.privacyPolicy).toEqual(pages.deletion);
    expect(server.requests.slice(before)).toEqual(['/privacy']);
  });

  it('fails a policy that does not disclose Stripe (script, comment and hidden text do not count)', async () => {
    const results = await statuses({ privacyPolicyUrl: `${server.https}/privacy-missing` }, [rule('privacy-policy-discloses-stripe')]);
    expect(results['privacy-policy-discloses-stripe']).toMatchObject({ status: 'fail', ids: ['pageReachable', 'noStripeIdentity', 'noStripePrivacyLink', 'notAttested'] });
  });

  it('fails an FAQ that misses the usual questions', async () => {
    const results = await statuses({ faqUrl: `${server.https}/faq-incomplete` }, [rule('faq-published')]);
    expect(results['faq-published']!.status).toBe('fail');
    expect(results['faq-published']!.ids.filter((messageId) => messageId === 'faqMissingTopic')).toHaveLength(3);
  });

  it('fails a 404', async () => {
    const results = await statuses({ privacyPolicyUrl: `${server.https}/gone` }, [rule('privacy-policy-url')]);
    expect(results['privacy-policy-url']).toMatchObject({ status: 'fail', ids: ['pageBadStatus', 'notAttested'] });
    expect(results['privacy-policy-url']!.text).toContain('answered HTTP 404');
  });

  it('follows up to five redirects, and fails on the sixth', async () => {
    const five = await gather({ privacyPolicyUrl: `${server.https}/hop/4` }, [rule('privacy-policy-url')]);
    expect(five.privacyPolicy).toMatchObject({ ok: true, value: { status: 200, redirects: 5, finalUrl: `${server.https}/privacy` } });
    const six = await gather({ privacyPolicyUrl: `${server.https}/hop/5` }, [rule('privacy-policy-url')]);
    expect(six.privacyPolicy).toMatchObject({ ok: true, value: { status: 302, redirects: 5, redirectProblem: 'too_many' } });
    const results = await statuses({ privacyPolicyUrl: `${server.https}/hop/5` }, [rule('privacy-policy-url')]);
    expect(results['privacy-policy-url']).toMatchObject({ status: 'fail', ids: ['pageTooManyRedirects', 'notAttested'] });
  });

  it('fails a redirect loop', async () => {
    const pages = await gather({ privacyPolicyUrl: `${server.https}/loop-a` }, [rule('privacy-policy-url')]);
    expect(pages.privacyPolicy).toMatchObject({ ok: true, value: { redirectProblem: 'loop', redirects: 1, finalUrl: `${server.https}/loop-b` } });
    const results = await statuses({ privacyPolicyUrl: `${server.https}/loop-a` }, [rule('privacy-policy-url')]);
    expect(results['privacy-policy-url']).toMatchObject({ status: 'fail', ids: ['pageRedirectLoop', 'notAttested'] });
  });

  it('fails a redirect without a Location', async () => {
    const results = await statuses({ privacyPolicyUrl: `${server.https}/no-location` }, [rule('privacy-policy-url')]);
    expect(results['privacy-policy-url']).toMatchObject({ status: 'fail', ids: ['pageNoLocation', 'notAttested'] });
  });

  it('reports a page slower than the timeout as a timeout (error, not pass)', async () => {
    const pages = await gather({ privacyPolicyUrl: `${server.https}/slow`, pages: { timeoutMs: 300 } }, [rule('privacy-policy-url')]);
    expect(pages.privacyPolicy).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    const results = await statuses({ privacyPolicyUrl: `${server.https}/slow`, pages: { timeoutMs: 300 } }, [rule('privacy-policy-url')]);
    expect(results['privacy-policy-url']!.status).toBe('error');
    expect(results['privacy-policy-url']!.text).toContain('pages.timeoutMs');
  });

  it('fetches plain http (to report its status) and fails it for not being https', async () => {
    const pages = await gather({ privacyPolicyUrl: `${server.http}/privacy` }, [rule('privacy-policy-url')]);
    expect(pages.privacyPolicy).toMatchObject({ ok: true, value: { status: 200 } });
    const results = await statuses({ privacyPolicyUrl: `${server.http}/privacy` }, [rule('privacy-policy-url'), rule('privacy-policy-discloses-stripe')]);
    expect(results['privacy-policy-url']).toMatchObject({ status: 'fail', ids: ['pageNotHttps', 'notAttested'] });
    expect(results['privacy-policy-discloses-stripe']!.ids).toEqual(['pageNotHttps', 'disclosed', 'notAttested']);
  });

  it('fails an https page that redirects to plain http', async () => {
    const results = await statuses({ privacyPolicyUrl: `${server.https}/to-http` }, [rule('privacy-policy-url')]);
    expect(results['privacy-policy-url']).toMatchObject({ status: 'fail', ids: ['pageNotHttps', 'notAttested'] });
    expect(results['privacy-policy-url']!.text).toContain(`via ${server.http}/privacy`);
  });

  it('fails a page that is not text', async () => {
    const results = await statuses({ faqUrl: `${server.https}/pdf` }, [rule('faq-published')]);
    expect(results['faq-published']).toMatchObject({ status: 'fail', ids: ['pageNotText', 'notAttested'] });
  });

  it('does not trust the self-signed certificate without NODE_EXTRA_CA_CERTS: error, never pass', async () => {
    const pages = await gather({ privacyPolicyUrl: `${server.https}/privacy` }, [rule('privacy-policy-url')], { env: {} });
    expect(pages.privacyPolicy).toMatchObject({ ok: false, failure: { kind: 'network' } });
    if (!pages.privacyPolicy.ok) expect(pages.privacyPolicy.failure.message).toContain('TLS certificate not trusted');
  });

  it('reports an unreadable NODE_EXTRA_CA_CERTS', async () => {
    const pages = await gather({ privacyPolicyUrl: `${server.https}/privacy` }, [rule('privacy-policy-url')], { env: { NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' } });
    expect(pages.privacyPolicy).toMatchObject({ ok: false, failure: { kind: 'io' } });
  });

  it('offline: fetches nothing, and the rules are skipped', async () => {
    const before = server.requests.length;
    const results = await statuses({ privacyPolicyUrl: `${server.https}/privacy`, faqUrl: `${server.https}/faq` }, PAGE_RULES, { offline: true });
    expect(server.requests.length).toBe(before);
    for (const id of ['privacy-policy-url', 'privacy-policy-discloses-stripe', 'faq-published', 'deletion-explained']) expect(results[id]!.status).toBe('skipped');
  });

  it('fetches only the pages selected rules read', async () => {
    const before = server.requests.length;
    const pages = await gather({ privacyPolicyUrl: `${server.https}/privacy`, faqUrl: `${server.https}/faq` }, [rule('faq-published')]);
    expect(server.requests.slice(before)).toEqual(['/faq']);
    expect(pages.privacyPolicy).toMatchObject({ ok: false, failure: { kind: 'not_configured' } });
  });

  it('names the config key of a page that is not configured', async () => {
    const pages = await gather({}, PAGE_RULES);
    expect(pages.faq).toMatchObject({ ok: false, failure: { kind: 'not_configured', message: 'faqUrl is not set in the config' } });
  });

  it('reports a refused connection as a network failure', async () => {
    const results = await statuses({ privacyPolicyUrl: 'https://127.0.0.1:1/privacy' }, [rule('privacy-policy-url')]);
    expect(results['privacy-policy-url']!.status).toBe('error');
    expect(results['privacy-policy-url']!.text).toContain('connection refused');
  });
});

// The HTML report parsed back with parse5 (the parser browsers follow): what a reader sees, and
// what no hostile string may become (an element, an attribute, a script, a fetch).
import { Chalk } from 'chalk';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../src/engine/checklist.js';
import { outcome } from '../../src/engine/rule.js';
import { escapeHtml, html, humanDate, link } from '../../src/report/html.js';
import type { Report } from '../../src/report/types.js';
import { buildSample, hostileReport, MIXED, READY } from '../support/sample-reports.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
const options = { chalk: new Chalk({ level: 0 }) };

function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  const own = 'tagName' in node ? [node] : [];
  const template = 'content' in node && node.content ? [node.content] : [];
  return [...own, ...[...children, ...template].flatMap(elements)];
}
function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const byClass = (root: Node, name: string) => elements(root).filter((e) => attr(e, 'class')?.split(' ').includes(name));

/** A report whose rules read confirmations: one current, one missing, one expired. */
function withConfirmations(): Report {
  const report = buildSample(READY);
  const finding = (messageId: string, level: 'info' | 'manual', message: string, data: Record<string, string>) => ({ messageId, level, message, fix: null, location: null, data });
  report.results.push({
    ruleId: 'development-checklist-followed',
    item: 'development-checklist',
    title: "Stripe's development checklist not confirmed",
    neutralTitle: "Stripe's development checklist",
    severity: 'error',
    status: 'manual',
    docsUrl: 'https://docs.stripe.com/get-started/checklist/go-live',
    gate: 'blocking',
    findings: [
      finding('attested', 'info', 'logging-reviewed: confirmed by Ana <ana@example.com> on 2026-11-20, valid through 2027-05-19 — "Checked <all> logs" (evidence: https://x.example/T-1)', { item: 'logging-reviewed', by: 'Ana <ana@example.com>', at: '2026-11-20', expires: '2027-05-19', note: ' — "Checked <all> logs" (evidence: https://x.example/T-1)' }),
      finding('notAttested', 'manual', 'Not confirmed yet: Have you rotated your API keys?', { item: 'keys-rotated', question: 'Have you rotated your API keys?', url: 'https://docs.stripe.com/keys-best-practices' }),
      finding('attestationExpired', 'manual', 'The confirmation by Bo expired on 2026-10-01: Errors handled?', { item: 'error-handling-reviewed', by: 'Bo', expires: '2026-10-01', question: 'Errors handled?' }),
    ],
  });
  return report;
}

describe('html report', () => {
  it('is one self-contained page: no script, no external asset, a CSP that forbids both', () => {
    for (const report of [buildSample(MIXED), hostileReport(), withConfirmations()]) {
      const page = html(report, options);
      const document = parse(page);
      const all = elements(document);
      expect(all.filter((e) => ['script', 'img', 'link', 'iframe', 'object', 'embed', 'form', 'base'].includes(e.tagName))).toEqual([]);
      expect(all.filter((e) => e.attrs.some((a) => a.name.startsWith('on') || a.name === 'src'))).toEqual([]);
      // Links go only to http(s) pages or to anchors in the page itself.
      for (const a of all.filter((e) => e.tagName === 'a')) expect(attr(a, 'href')).toMatch(/^(https?:\/\/|#item-\d+$)/);
      const csp = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
      expect(attr(csp!, 'content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      const style = all.filter((e) => e.tagName === 'style').map(text).join('');
      expect(style).not.toMatch(/@import|url\(/);
    }
  });

  it('shows the fourteen items in order, each with its status and a link to Stripe', () => {
    const document = parse(html(buildSample(MIXED), options));
    const sections = byClass(document, 'item');
    expect(sections.map((s) => attr(s, 'data-item'))).toEqual(CHECKLIST.map((item) => item.id));
    expect(sections.map((s) => text(byClass(s, 'item-title')[0]!))).toEqual(CHECKLIST.map((item) => item.title));
    const badge = (id: string) => text(byClass(sections.find((s) => attr(s, 'data-item') === id)!, 'badge')[0]!);
    expect([badge('webhooks'), badge('sensitive-data'), badge('branding'), badge('alternative-verification'), badge('customer-faq'), badge('pricing')]).toEqual(['Blocks go-live', 'Could not check', 'Done', 'Not checked', 'Warning', 'Not in this run']);
    for (const [index, section] of sections.entries()) {
      expect(elements(section).some((e) => e.tagName === 'a' && attr(e, 'href') === CHECKLIST[index]!.docsUrl)).toBe(true);
    }
    // The overview lists them too, linked to their sections.
    const overview = byClass(document, 'overview')[0]!;
    expect(elements(overview).filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toEqual(CHECKLIST.map((_, i) => `#item-${i + 1}`));
  });

  it('shows every finding with its place and fix, each rule with its docs, and the suppressions with their reasons', () => {
    const report = buildSample(MIXED);
    const document = parse(html(report, options));
    const page = text(document);
    for (const result of report.results) {
      const block = elements(document).find((e) => attr(e, 'data-rule') === result.ruleId)!;
      expect(text(block)).toContain(result.ruleId);
      expect(elements(block).some((e) => e.tagName === 'a' && attr(e, 'href') === result.docsUrl)).toBe(true);
      for (const finding of result.findings) {
        expect(text(block)).toContain(finding.message.replace(/`/g, ''));
        if (finding.fix) expect(text(block)).toContain(finding.fix.replace(/`/g, ''));
      }
    }
    for (const entry of report.suppressed) expect(page).toContain(entry.reason);
    for (const issue of report.suppressionIssues) expect(page).toContain(issue.message.replace(/`/g, ''));
    expect(page).toContain('No live-mode key: live Stripe rules are skipped.');
  });

  it('names the run date, the keys (masked) with their mode, and the threshold', () => {
    const document = parse(html(buildSample({ ...MIXED, context: { ...MIXED.context, policy: { strict: true } } }), options));
    const facts = text(byClass(document, 'facts')[0]!);
    expect(facts).toContain('22 November 2026, 12:00 UTC');
    expect(facts).toContain('test mode: restricted key rk_test_…4xYz from STRIPE_TEST_API_KEY');
    expect(facts).toContain('--fail-on error --strict, exit code 1');
    expect(elements(document).find((e) => e.tagName === 'time')?.attrs).toContainEqual({ name: 'datetime', value: '2026-11-22T12:00:00.000Z' });
    expect(text(elements(document).find((e) => e.tagName === 'h1')!)).toBe('Not ready to go live');
    const snapshot = parse(html(hostileReport(), options));
    expect(text(byClass(snapshot, 'facts')[0]!)).toContain('none in this run (the Stripe evidence comes from the snapshot)');
  });

  it("heads the page with the engine's headline: a selection that passes is no go-live verdict, and not green", () => {
    const rules = [{ id: 'branding-set', item: 'branding' as const, result: outcome.pass() }];
    const selection = parse(html(buildSample({ rules, context: { scope: 'selection' } }), options));
    expect(text(elements(selection).find((e) => e.tagName === 'h1')!)).toBe('The selected rules pass; this is not a go-live verdict (run check for the whole checklist)');
    expect(attr(elements(selection).find((e) => e.tagName === 'header')!, 'class')).toBe('verdict v-notice');
    const whole = parse(html(buildSample({ rules, context: { scope: 'checklist' } }), options));
    expect(text(elements(whole).find((e) => e.tagName === 'h1')!)).toBe('Ready to go live');
    expect(attr(elements(whole).find((e) => e.tagName === 'header')!, 'class')).toBe('verdict v-ok');
  });

  it('lists the confirmations with who and when, once each', () => {
    const document = parse(html(withConfirmations(), options));
    const rows = elements(byClass(document, 'confirmations')[0]!)
      .filter((e) => e.tagName === 'tr')
      .slice(1)
      .map((tr) => elements(tr).filter((e) => e.tagName === 'td').map(text));
    expect(rows).toEqual([
      ['logging-reviewed', 'Confirmed', 'Ana <ana@example.com>', '2026-11-20', '2027-05-19', 'Checked <all> logs (evidence: https://x.example/T-1)'],
      ['keys-rotated', 'Not confirmed yet', '—', '—', '—', 'Have you rotated your API keys?'],
      ['error-handling-reviewed', 'Expired', 'Bo', '—', '2026-10-01', 'Errors handled?'],
    ]);
    expect(text(parse(html(buildSample(READY), options)))).toContain('No rule in this run reads recorded confirmations.');
  });

  it('keeps hostile text as text', () => {
    const page = html(hostileReport(), options);
    const document = parse(page);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(page).not.toContain('\u001b');
    // Exactly the markup the reporter wrote: the hostile <b> did not become an element.
    expect(elements(document).filter((e) => e.tagName === 'b')).toEqual([]);
    const block = elements(document).find((e) => attr(e, 'data-rule') === 'signature-verified')!;
    expect(text(block)).toContain('Signatures <b>not</b> verified & "trusted" | \'quoted\'');
    expect(text(block)).toContain('<script>alert(1)</script> ::error::injected \uFFFD\uFFFD\uFFFD[31mred\uFFFD[0m 🚀 lone \uFFFD end');
    expect(text(block)).toContain('src/weird dir/händ,ler:1.ts:7:2');
    expect(text(document)).toContain('fixture <only> & "never" deployed ]]>\uFFFD');
  });

  it('shows a result whose item is not one of the fourteen instead of dropping it', () => {
    const report = hostileReport();
    report.results.push({ ...report.results[0]!, ruleId: 'future-rule', item: 'future-item' as never });
    const block = elements(parse(html(report, options))).find((e) => attr(e, 'data-rule') === 'future-rule');
    expect(text(block!)).toContain('future-rule');
    expect(html(hostileReport(), options)).not.toContain('Not part of the checklist');
  });

  it("escapes the report's own fields too (a hand-made report can hold anything)", () => {
    const report = hostileReport();
    report.results[0]!.gate = '"><script>alert(2)</script>' as never;
    report.results[0]!.findings[0]!.level = '"><img src=x>' as never;
    const all = elements(parse(html(report, options)));
    expect(all.filter((e) => ['script', 'img'].includes(e.tagName))).toEqual([]);
  });

  it('links only http(s) URLs', () => {
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://docs.stripe.com/a?b=1&c="2"', 'docs')).toBe('<a href="https://docs.stripe.com/a?b=1&amp;c=&quot;2&quot;" rel="noreferrer">docs</a>');
    const report = buildSample({ rules: [{ id: 'x', item: 'branding', result: outcome.pass() }] });
    report.results[0]!.docsUrl = 'javascript:alert(1)';
    expect(html(report, options)).not.toContain('href="javascript:');
  });

  it('escaping and dates', () => {
    expect(escapeHtml(`<a href="x">'&'</a>\u0000`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\uFFFD');
    expect(humanDate('2026-01-05T09:07:00.000Z')).toBe('5 January 2026, 09:07 UTC');
    expect(humanDate('not a date')).toBe('not a date');
  });
});

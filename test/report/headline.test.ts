// Honest headlines: the verdict is scoped to what ran, and a rule nothing was judged on gets its
// neutral title, never its success or failure title.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { outcome } from '../../src/engine/rule.js';
import { REPORTERS } from '../../src/report/index.js';
import { buildSample, MIXED, object, READY } from '../support/sample-reports.js';

const plain = { chalk: new Chalk({ level: 0 }) };
const SELECTION = 'The selected rules pass; this is not a go-live verdict (run `check` for the whole checklist).';

describe('headline', () => {
  it('a passing run of the whole checklist is ready to go live', () => {
    const report = buildSample(READY);
    expect(report.headline).toBe('Ready to go live.');
    expect(REPORTERS.pretty(report, plain)).toContain('Ready to go live.');
  });

  it('a passing selection is not a go-live verdict, in every format that states one', () => {
    const report = buildSample({ ...READY, context: { scope: 'selection' } });
    expect(report.exitCode).toBe(0);
    expect(report.scope).toBe('selection');
    expect(report.headline).toBe(SELECTION);
    const pretty = REPORTERS.pretty(report, { ...plain, columns: 200 });
    expect(pretty).toContain(SELECTION);
    expect(pretty).not.toContain('Ready to go live');
    const markdown = REPORTERS.markdown(report, plain);
    expect(markdown.split('\n')[0]).toBe('## ✅ identity-golive: The selected rules pass; this is not a go-live verdict (run `check` for the whole checklist)');
    expect(markdown).not.toContain('Ready to go live');
  });

  it('a failing selection still blocks go-live', () => {
    const report = buildSample({ rules: [{ id: 'webhook-endpoint-enabled', item: 'webhooks', result: outcome.from([object('we_1')]) }], context: { scope: 'selection' } });
    expect(report.headline).toBe('Not ready to go live.');
  });

  it('a selection with skipped rules says so', () => {
    const report = buildSample({ rules: [...READY.rules, { id: 'sessions-readable', item: 'sensitive-data', result: { missing: 'Attestations' } }], context: { scope: 'selection' } });
    expect(report.exitCode).toBe(0);
    expect(report.headline).toBe('No blocker found in the selected rules, but not all of them were checked; this is not a go-live verdict (run `check` for the whole checklist).');
  });

  it('nothing ran, nothing decided', () => {
    expect(buildSample({ rules: [] }).headline).toBe('No rules ran: nothing was checked.');
    expect(buildSample(MIXED).headline).toBe('Not ready to go live.');
  });
});

describe('neutral titles', () => {
  const report = buildSample(MIXED);
  const title = (id: string) => report.results.find((result) => result.ruleId === id)?.title;

  it('skipped and could-not-check results get the neutral title', () => {
    expect(title('support-process-documented')).toBe('About support-process-documented');
    expect(title('sessions-readable')).toBe('About sessions-readable');
  });

  it('a pass only because its findings were suppressed gets the neutral title, and no tick', () => {
    expect(title('deletion-explained')).toBe('About deletion-explained');
    expect(REPORTERS.pretty(report, plain)).toContain('  ~ About deletion-explained deletion-explained (1 suppressed)');
  });

  it('judged results keep their verdict titles; every result carries its neutral title', () => {
    expect(title('branding-set')).toBe('branding-set holds');
    // Still failing after one of its findings was suppressed: the failure title is the truth.
    expect(title('signature-verified')).toBe('signature-verified does not hold');
    for (const result of report.results) expect(result.neutralTitle).toBe(`About ${result.ruleId}`);
  });
});

import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_TYPE, escapeData, escapeProperty, github } from '../../src/report/github.js';
import { outcome } from '../../src/engine/rule.js';
import { buildSample, code, hostileReport, object } from '../support/sample-reports.js';

const options = { chalk: new Chalk({ level: 0 }), repoRoot: '/repo' };
const lines = (text: string) => text.split('\n').filter(Boolean);
const typeOf = (line: string) => /^::(\w+) /.exec(line)?.[1];

/** Unescape a command the way the runner does, to check nothing is lost. */
const unescapeData = (value: string) => value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (value: string) => unescapeData(value.replace(/%3A/g, ':').replace(/%2C/g, ','));

describe('github annotations', () => {
  it('escapes data and properties per GitHub rules, and round-trips', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('src/a,b:c%.ts')).toBe('src/a%2Cb%3Ac%25.ts');
    const [first] = lines(github(hostileReport(), options));
    const match = /^::error file=([^,]*),line=7,col=2,title=([^,:]*)::(.*)$/.exec(first!);
    expect(match).not.toBeNull();
    expect(unescapeProperty(match![1]!)).toBe('src/weird dir/händ,ler:1.ts');
    expect(unescapeProperty(match![2]!)).toBe('identity-golive: Signatures <b>not</b> verified & "trusted" | \'quoted\' (signature-verified, fail)');
    // One physical line per annotation: no forged `::error` line from a message.
    expect(lines(github(hostileReport(), options))).toHaveLength(2);
    expect(unescapeData(match![3]!)).toContain('100% broken: a,b:c\r\nsecond line');
    // Terminal escape sequences never reach the log.
    expect(first).not.toContain('\u001b');
  });

  it(`caps each type at ${ANNOTATIONS_PER_TYPE}, most important first, and summarises the rest in one notice`, () => {
    const many = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => code(`src/${prefix}${String(i).padStart(2, '0')}.ts`, i + 1));
    const report = buildSample({
      rules: [
        { id: 'blocking-rule', item: 'webhooks', result: outcome.from(many('block', 14)) },
        { id: 'warning-rule', item: 'branding', severity: 'warn', result: outcome.from(many('warn', 12)) },
        { id: 'notice-rule', item: 'pricing', result: outcome.from([object('we_1', 'warn')]) },
        { id: 'skipped-rule', item: 'customer-faq', result: { missing: 'Attestations' } },
      ],
    });
    const out = lines(github(report, options));
    const counts = (type: string) => out.filter((line) => typeOf(line) === type).length;
    expect([counts('error'), counts('warning'), counts('notice')]).toEqual([10, 10, 2]);
    // Errors are the 10 first blocking findings, in order.
    expect(out.filter((l) => typeOf(l) === 'error').map((l) => /file=([^,]+)/.exec(l)![1])).toEqual(Array.from({ length: 10 }, (_, i) => `app/src/block${String(i).padStart(2, '0')}.ts`));
    const summary = out.at(-1)!;
    expect(summary).toMatch(/^::notice title=identity-golive%3A 7 more findings not annotated::/);
    expect(unescapeData(summary.split('::')[2]!)).toContain('not shown here: 4 errors, 3 warnings.');
  });

  it('reserves a notice slot for the summary', () => {
    const notices = Array.from({ length: 12 }, (_, i) => ({ id: `skipped-${String(i).padStart(2, '0')}`, item: 'customer-faq' as const, result: { missing: 'Attestations' as const } }));
    const out = lines(github(buildSample({ rules: notices }), options));
    expect(out).toHaveLength(10);
    expect(out.filter((l) => l.includes('more findings not annotated'))).toHaveLength(1);
    expect(unescapeData(out.at(-1)!.split('::')[2]!)).toContain('3 notices');
  });

  it('prints nothing when everything passed', () => {
    expect(github(buildSample({ rules: [{ id: 'ok', item: 'branding', result: outcome.pass() }] }), options)).toBe('');
  });
});

// JUnit output parsed back with a real XML parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/report/junit.js';
import type { Report } from '../../src/report/types.js';
import { xmlAttr, xmlText } from '../../src/report/xml.js';
import { buildSample, hostileReport, MIXED, READY } from '../support/sample-reports.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name), trimValues: false, htmlEntities: true });
interface Case {
  name: string;
  classname: string;
  failure?: { message: string; type: string; '#text'?: string };
  skipped?: { message: string };
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  testcase: Case[];
}
function parse(report: Report) {
  const xml = junit(report, { chalk: new Chalk({ level: 0 }) });
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as { testsuites: { tests: string; failures: string; skipped: string; testsuite: Suite[] } };
}
const state = (c: Case) => (c.failure ? `failure:${c.failure.type}` : c.skipped ? 'skipped' : 'passed');

describe('junit', () => {
  it('a testsuite per checklist item, a testcase per rule, states by status and gate', () => {
    const { testsuites } = parse(buildSample(MIXED));
    const cases = Object.fromEntries(testsuites.testsuite.flatMap((suite) => suite.testcase.map((c) => [c.name, state(c)])));
    expect(cases).toEqual({
      'branding-set': 'passed',
      'attempts-limited': 'failure:manual', // manual at error severity blocks the gate
      'metadata-free-of-pii': 'failure:fail (warn severity: does not gate)',
      'sessions-readable': 'failure:error',
      'support-process-documented': 'skipped',
      'signature-verified': 'failure:fail',
      'webhook-endpoint-enabled': 'failure:fail',
      'faq-explains-identity': 'passed',
      'deletion-explained': 'skipped', // passed only because its finding is suppressed
      'expired: signature-verified @ src/legacy/**': 'skipped',
      'missing_reason: signature-verified @ src/webhooks/stripe.ts:30': 'skipped',
    });
    expect(testsuites.testsuite.map((suite) => suite.name)).toEqual([
      '2. Setup branding',
      '4. Limit the number of submission attempts',
      '5. Limit how much sensitive information you store',
      '8. Update your support process with an alternative verification method',
      '9. Follow webhook best practices',
      '13. Explain ID verification and Stripe Identity to your customers',
      "14. Explain to your users how to delete their data from Stripe's servers",
      'Suppressions',
    ]);
    expect([testsuites.tests, testsuites.failures, testsuites.skipped]).toEqual(['11', '5', '4']);
    for (const suite of testsuites.testsuite) {
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      expect(Number(suite.failures)).toBe(suite.testcase.filter((c) => c.failure).length);
      expect(Number(suite.skipped)).toBe(suite.testcase.filter((c) => c.skipped).length);
    }
  });

  it('skipped carries the suppression reason', () => {
    const { testsuites } = parse(buildSample(MIXED));
    const deletion = testsuites.testsuite.flatMap((s) => s.testcase).find((c) => c.name === 'deletion-explained');
    expect(deletion?.skipped?.message).toBe('suppressed (config, expires 2027-03-01): page ships with the Q1 release (LEGAL-12)');
  });

  it('--strict turns skipped into a failure; --fail-on warn makes suppression problems red', () => {
    const strict = parse(buildSample({ ...MIXED, context: { policy: { strict: true } } }));
    expect(state(strict.testsuites.testsuite.flatMap((s) => s.testcase).find((c) => c.name === 'support-process-documented')!)).toBe('failure:skipped');
    const warn = parse(buildSample({ ...MIXED, context: { policy: { failOn: 'warn' } } }));
    const cases = warn.testsuites.testsuite.flatMap((s) => s.testcase);
    expect(state(cases.find((c) => c.name === 'faq-explains-identity')!)).toBe('failure:warn');
    expect(cases.filter((c) => c.classname === 'identity-golive.suppressions').map(state)).toEqual(['failure:warning', 'failure:warning']);
  });

  it('a run that decided nothing is not green', () => {
    const { testsuites } = parse(buildSample({ rules: [] }));
    expect(testsuites.testsuite[0]?.testcase[0]).toMatchObject({ name: 'run', failure: { type: 'error', message: 'No rules ran: nothing was checked.' } });
  });

  it('escapes markup, quotes, line breaks and characters XML cannot hold', () => {
    const { testsuites } = parse(hostileReport());
    const failure = testsuites.testsuite[0]!.testcase[0]!.failure!;
    expect(failure.message).toContain('100% broken: a,b:c\r\nsecond line ]]> <script>alert(1)</script>');
    expect(failure.message).toContain('\uFFFD\uFFFD\uFFFD[31mred\uFFFD[0m 🚀 lone \uFFFD end');
    expect(failure['#text']).toContain('Signatures <b>not</b> verified & "trusted" | \'quoted\'');
    expect(failure['#text']).toContain('fixture <only> & "never" deployed ]]>\uFFFD');
  });

  it('xml escaping helpers', () => {
    expect(xmlText('a<b>&c\u0000\ud800')).toBe('a&lt;b&gt;&amp;c\uFFFD\uFFFD');
    expect(xmlAttr('"x"\n\'y\'\t')).toBe('&quot;x&quot;&#10;&apos;y&apos;&#9;');
    expect(xmlText('\ud83d\ude80')).toBe('\ud83d\ude80');
  });

  it('ready report: no failures', () => {
    const { testsuites } = parse(buildSample(READY));
    expect(testsuites.failures).toBe('1'); // the warn-severity fail is still a failed rule
  });
});

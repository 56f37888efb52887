// SARIF output validated against the SARIF 2.1.0 JSON Schema, plus what code scanning relies on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../src/report/sarif.js';
import type { Report } from '../../src/report/types.js';
import { outcome } from '../../src/engine/rule.js';
import { buildSample, code, hostileReport, MIXED, object, READY } from '../support/sample-reports.js';

const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's `language` pattern is not valid with the `u` flag; it predates ajv 8's default.
// CommonJS packages: under NodeNext their default import is the module, the class is `.default`.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const options = { chalk: new Chalk({ level: 0 }), repoRoot: '/repo' };

interface Log {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn?: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; status: string; justification: string }[];
    }[];
    invocations: { exitCode: number; executionSuccessful: boolean }[];
  }[];
}
const render = (report: Report) => JSON.parse(sarif(report, options)) as Log;

describe('sarif', () => {
  it.each([
    ['mixed', () => buildSample(MIXED)],
    ['ready', () => buildSample(READY)],
    ['hostile', hostileReport],
  ] as const)('%s validates against the SARIF 2.1.0 schema', (_name, build) => {
    const log = render(build());
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is real: a broken log fails it', () => {
    const log = render(buildSample(MIXED)) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('one reportingDescriptor per rule, with helpUri, and results pointing at them', () => {
    const log = render(buildSample(MIXED));
    const run = log.runs[0]!;
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['signature-verified', 'webhook-endpoint-enabled', 'branding-set', 'identity-golive/suppression-expired', 'identity-golive/suppression-reason-missing']));
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/docs\.stripe\.com\//);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(run.invocations[0]).toMatchObject({ exitCode: 1, executionSuccessful: true });
  });

  it('code findings carry repo-relative file, line and column; account findings are anchored to the config file', () => {
    const run = render(buildSample(MIXED)).runs[0]!;
    const codeResult = run.results.find((r) => r.message.text.startsWith('Handler at src/webhooks/stripe.ts'));
    expect(codeResult?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'app/src/webhooks/stripe.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 5 } });
    const account = run.results.find((r) => r.message.text.startsWith('Webhook endpoint we_1Live'));
    expect(account?.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'app/identity-golive.config.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } },
      logicalLocations: [{ fullyQualifiedName: 'we_1Live', kind: 'resource' }],
    });
    // Without a config file, the anchor the CLI chose (package.json, README) is used.
    const noConfig = { ...buildSample(MIXED), target: { ...buildSample(MIXED).target, configFile: null } };
    const anchored = JSON.parse(sarif(noConfig, { ...options, anchorFile: 'README.md' })) as Log;
    expect(anchored.runs[0]!.results.find((r) => r.message.text.startsWith('Webhook endpoint we_1Live'))?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('app/README.md');
  });

  it('suppressed findings carry their justification', () => {
    const run = render(buildSample(MIXED)).runs[0]!;
    const suppressed = run.results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => r.suppressions![0])).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'verified by the API gateway before this handler', properties: { target: 'lib/handler.py:4' } },
      { kind: 'external', status: 'accepted', justification: 'staging endpoint, disabled on purpose', properties: { expires: '2027-01-31', target: 'we_2Staging' } },
      { kind: 'external', status: 'accepted', justification: 'page ships with the Q1 release (LEGAL-12)', properties: { expires: '2027-03-01' } },
    ]);
  });

  it('fingerprints are stable when code moves and distinct per object', () => {
    const scenario = (line: number) => ({
      rules: [
        { id: 'signature-verified', item: 'webhooks' as const, result: outcome.from([code('src/a.ts', line), code('src/a.ts', line + 20), code('src/b.ts', 3)]) },
        { id: 'webhook-endpoint-enabled', item: 'webhooks' as const, result: outcome.from([object('we_1'), object('we_2')]) },
      ],
    });
    const prints = (line: number) => render(buildSample(scenario(line))).runs[0]!.results.map((r) => r.partialFingerprints['identityGolive/v1']);
    const before = prints(10);
    expect(prints(42)).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
    for (const value of before) expect(value).toMatch(/^[0-9a-f]{64}$/);
  });
});

// Every format rendered from the same reports, compared with reviewed golden files.
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, it } from 'vitest';
import { REPORTERS, type ReporterName, type ReporterOptions } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';
import { expectGolden } from '../support/golden.js';
import { buildSample, hostileReport, MIXED, READY, REPORTS_DIR } from '../support/sample-reports.js';

const EXTENSION: Record<ReporterName, string> = { pretty: 'pretty.txt', json: 'json', sarif: 'sarif', junit: 'junit.xml', markdown: 'md', github: 'github.txt' };
const options: ReporterOptions = { chalk: new Chalk({ level: 0 }), repoRoot: '/repo' };

const reports: [string, () => Report][] = [
  ['mixed', () => buildSample(MIXED)],
  ['ready', () => buildSample(READY)],
  ['hostile', hostileReport],
];

describe.each(reports)('%s report', (name, build) => {
  it.each(Object.keys(REPORTERS) as ReporterName[])('%s', (format) => {
    const report = build();
    expectGolden(path.join(REPORTS_DIR, `${name}.${EXTENSION[format]}`), REPORTERS[format](report, options));
  });

  // The terminal report at 80 columns (the default above, and any pipe) and on a wide terminal.
  it('pretty at 120 columns', () => {
    expectGolden(path.join(REPORTS_DIR, `${name}.pretty-120.txt`), REPORTERS.pretty(build(), { ...options, columns: 120 }));
  });
});

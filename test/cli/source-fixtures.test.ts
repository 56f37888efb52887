// End to end: the built CLI on each fixture project, no Stripe key. The Source rules decide on code
// alone and say so; the exact set of failing rules per project is the contract.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { CODE_RULES } from '../corpus/corpus.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/identity-golive.js');

// The ten rules judged on code evidence: one list, shared with the corpus bench.
const SOURCE_RULES = CODE_RULES;
const ALL_BUT = (...passing: string[]) => SOURCE_RULES.filter((id) => id !== 'fallback-offered' && !passing.includes(id));

/** Project -> the rules that fail there (fallback-offered only ever warns when a fallback is missing). */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'node-good': [],
  'node-flawed': ALL_BUT(),
  'python-good': [],
  'python-flawed': ALL_BUT(),
  'ruby-good': [],
  'ruby-flawed': ALL_BUT(),
  'php-good': [],
  'php-flawed': ALL_BUT(),
  'go-good': [],
  // Go pins the API version through go.mod, which every module has: nothing to get wrong in code.
  'go-flawed': ALL_BUT('api-version-pinned'),
  'java-good': [],
  'java-flawed': ALL_BUT(),
  'dotnet-good': [],
  'dotnet-flawed': ALL_BUT(),
  // Tricky cases, one deliberate change each:
  'node-commented-out': ['api-version-pinned', 'redaction-implemented'],
  'node-concatenated-events': [],
  'python-test-only': ['redaction-implemented', 'webhook-signature-verified'],
  'python-unsigned-fallback': ['webhook-signature-verified'],
  'ruby-placeholder-user': ['user-authenticated'],
  'php-tolerance-zero': ['webhook-signature-verified'],
};

const COMBINED = ['api-version-pinned', 'attempts-limited', 'sensitive-data-minimised', 'session-link-refreshed', 'user-authenticated'];

async function check(project: string): Promise<{ report: Report; exitCode: number; stdout: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('STRIPE_')));
  const args = [bin, 'check', '--format', 'json', '--cwd', path.join(repo, 'fixtures/projects', project), '--only', SOURCE_RULES.join(',')];
  try {
    const { stdout } = await run(process.execPath, args, { env: { ...env, NO_COLOR: '1' } });
    return { report: JSON.parse(stdout) as Report, exitCode: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    if (typeof failed.code !== 'number' || !failed.stdout) throw new Error(`identity-golive crashed on ${project}: ${failed.stderr}`);
    return { report: JSON.parse(failed.stdout) as Report, exitCode: failed.code, stdout: failed.stdout };
  }
}

describe.concurrent('identity-golive check on fixture projects (no Stripe key)', () => {
  it.each(Object.entries(EXPECTED))('%s', async (project, failing) => {
    const { report, exitCode, stdout } = await check(project);
    expect(report.results.map((result) => result.ruleId).sort()).toEqual([...SOURCE_RULES]);
    expect(report.results.filter((result) => result.status === 'fail').map((result) => result.ruleId).sort()).toEqual([...failing].sort());
    expect(report.results.filter((result) => result.status === 'error' || result.status === 'skipped')).toEqual([]);
    expect(exitCode).toBe(failing.length > 0 ? 1 : 0);
    // Rules combining code and API evidence say the API side was not used: once, in the header, naming them.
    const apiNotices = report.notices.filter((notice) => notice.message.startsWith('Stripe API evidence not used'));
    expect(apiNotices).toHaveLength(1);
    expect([...(apiNotices[0]!.ruleIds ?? [])].sort()).toEqual([...COMBINED].sort());
    for (const id of COMBINED) expect(report.results.find((result) => result.ruleId === id)?.findings.some((finding) => finding.messageId === 'apiUnavailable')).toBe(false);
    // Fixture secrets are reported masked, never whole.
    expect(stdout).not.toMatch(/(?:sk|rk)_live_fixture0{8}|whsec_fixture0{8}/);
  });
});

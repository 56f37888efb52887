// Honest headlines through the real CLI: a selection is never "Ready to go live", and the
// "Stripe API evidence not used" remark appears once, without a key suggestion under --offline.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../support/cli.js';
import type { Report } from '../../src/report/types.js';

const GOOD = path.join(REPO_ROOT, 'fixtures/projects/node-good');

describe('headlines', () => {
  it('check --only: the selected rules pass, which is not a go-live verdict', async () => {
    const run = await runCli(['check', '--offline', '--cwd', GOOD, '--only', 'no-secrets-in-code,webhook-signature-verified']);
    expect(run.code).toBe(0);
    const text = run.stdout.replace(/\n/g, ' ');
    expect(text).toContain('The selected rules pass; this is not a go-live verdict (run `check` for the whole checklist).');
    expect(run.stdout).not.toContain('Ready to go live');
    const json = await runCli(['check', '--offline', '--cwd', GOOD, '--rule', 'no-secrets-in-code', '--format', 'json']);
    expect((JSON.parse(json.stdout) as Report).scope).toBe('selection');
  });

  it('--offline: "Stripe API evidence not used" once, in the header, and no advice to set a key', async () => {
    const run = await runCli(['check', '--offline', '--cwd', GOOD]);
    const text = run.stdout.replace(/\n +/g, ' ');
    expect(text.match(/Stripe API evidence not used/g)).toHaveLength(1);
    expect(text).toContain('Stripe API evidence not used (--offline): 5 rules judged the code alone');
    expect(text).not.toMatch(/Set STRIPE_API_KEY/);
    // The header comes before the first checklist item.
    expect(text.indexOf('Stripe API evidence not used')).toBeLessThan(text.indexOf('1. Make sure'));
    // Not a terminal: 80 columns; only a single word longer than the room left (a URL, after its label) may overflow.
    for (const line of run.stdout.split('\n')) {
      if (line.length > 80) expect(line.trim().replace(/^(docs|fix): /, ''), line).not.toContain(' ');
    }
  });

  it('wraps to a wider terminal when asked by the terminal itself (120 columns, hanging indents)', async () => {
    const { runCheck } = await import('../../src/app/check.js');
    const { REPORTERS } = await import('../../src/report/index.js');
    const { Chalk } = await import('chalk');
    const { memoryIo } = await import('../support/memory-io.js');
    const report = await runCheck({ format: 'pretty', offline: true, cwd: GOOD } as never, memoryIo(REPO_ROOT, {}));
    const wide = REPORTERS.pretty(report, { chalk: new Chalk({ level: 0 }), columns: 120 });
    const narrow = REPORTERS.pretty(report, { chalk: new Chalk({ level: 0 }), columns: 80 });
    expect(wide.split('\n').length).toBeLessThan(narrow.split('\n').length);
    for (const line of wide.split('\n')) if (line.length > 120) expect(line.trim().replace(/^(docs|fix): /, '')).not.toContain(' ');
    expect(Math.max(...wide.split('\n').map((line) => line.length))).toBeGreaterThan(80);
  });

  it('without a key: said once, with the key to set', async () => {
    const run = await runCli(['check', '--cwd', GOOD, '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    const notices = report.notices.filter((notice) => notice.message.startsWith('Stripe API evidence not used'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.fix).toMatch(/STRIPE_API_KEY/);
  });
});

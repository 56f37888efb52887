import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { RULES } from '../../rules/index.js';
import { CHECKLIST, checklistItem } from '../../src/engine/checklist.js';

const cwd = tmpdir();

describe('identity-golive rules', () => {
  // The table once showed items by slug ("4. submission-attempts"), a third name beside the rule
  // and the confirmation; it now groups rules under the item's number and Stripe's own title.
  // It needs about 130 columns, so --wide asks for it whatever the width.
  it('lists every rule under its checklist item, with severity, evidence and modes (--wide: one row each)', async () => {
    const run = await runCli(['rules', '--wide'], { cwd });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^RULE\s+SEVERITY\s+EVIDENCE\s+MODES$/);
    for (const rule of RULES) {
      const at = lines.findIndex((candidate) => candidate.startsWith(`  ${rule.meta.id} `));
      expect(at, rule.meta.id).toBeGreaterThan(0);
      const line = lines[at]!;
      expect(line).toContain(rule.meta.defaultSeverity);
      for (const artifact of rule.meta.requiredArtifacts) expect(line).toContain(artifact);
      if (rule.meta.modes) expect(line).toContain(rule.meta.modes.join(', '));
      const heading = lines.slice(0, at).findLast((candidate) => /^\d+\. /.test(candidate));
      const number = CHECKLIST.findIndex((item) => item.id === rule.meta.item) + 1;
      expect(heading, rule.meta.id).toBe(`${number}. ${checklistItem(rule.meta.item).title}`);
    }
    expect(lines.filter((line) => /^\d+\. /.test(line))).toHaveLength(CHECKLIST.length);
    expect(run.stdout).not.toMatch(/\d+\. [a-z]+-[a-z-]+/); // no item slug such as "4. submission-attempts"
    expect(lines.find((line) => line.startsWith('  use-case-supported'))).toMatch(/live, test$/);
  });

  it('fits 80 columns when not a terminal: grouped by checklist item, the evidence below each rule', async () => {
    const run = await runCli(['rules'], { cwd });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^RULE\s+SEVERITY\s+MODES$/);
    expect(lines[1]).toBe('1. Make sure your use case and business are supported');
    expect(lines.filter((line) => /^\d+\. /.test(line))).toHaveLength(CHECKLIST.length);
    expect(run.stdout).not.toMatch(/\d+\. [a-z]+-[a-z-]+/); // one name per item: no slug
    for (const rule of RULES) {
      const index = lines.findIndex((candidate) => candidate.startsWith(`  ${rule.meta.id} `));
      expect(index, rule.meta.id).toBeGreaterThan(0);
      expect(lines[index]).toContain(rule.meta.defaultSeverity);
      expect(lines[index]).toMatch(rule.meta.modes ? new RegExp(`${rule.meta.modes.join(', ')}$`) : / -$/);
      // The evidence follows, wrapped under its label if need be.
      expect(lines[index + 1]).toMatch(/^ {4}evidence: /);
      const evidence = `${lines[index + 1]} ${lines[index + 2] ?? ''}`;
      for (const artifact of rule.meta.requiredArtifacts) expect(evidence, rule.meta.id).toContain(artifact);
    }
  });

  it('gives the same as JSON', async () => {
    const run = await runCli(['rules', '--format', 'json'], { cwd });
    const rows = JSON.parse(run.stdout) as { id: string; evidence: string[]; modes: string[]; itemNumber: number }[];
    expect(rows.map((row) => row.id).sort()).toEqual(RULES.map((rule) => rule.meta.id).sort());
    expect(rows.find((row) => row.id === 'pricing-confirmed')).toMatchObject({ evidence: ['Attestations', 'VerificationSessions'], modes: ['test'], itemNumber: 3 });
    expect(rows.map((row) => row.itemNumber)).toEqual([...rows.map((row) => row.itemNumber)].sort((a, b) => a - b));
  });
});

describe('identity-golive explain', () => {
  it("prints the rule's doc page as shipped with --markdown", async () => {
    const run = await runCli(['explain', 'privacy-policy-url', '--markdown'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await readFile(path.resolve(import.meta.dirname, '../../rules/privacy-policy-url.md'), 'utf8'));
  });

  it('renders the page for the terminal: headings, lists, code, links, within 80 columns', async () => {
    const run = await runCli(['explain', 'privacy-policy-url'], { cwd });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines.slice(0, 2)).toEqual(['privacy-policy-url', '==================']);
    expect(run.stdout).toContain('\nWhat it checks\n--------------\n');
    expect(run.stdout).not.toMatch(/^#/m);
    expect(run.stdout).toContain('  • The config names your privacy policy: `privacyPolicyUrl`. Missing: `fail`.');
    // Code blocks are indented, fences gone; bold loses its asterisks.
    expect(run.stdout).toContain('\n    { "privacyPolicyUrl": "https://example.com/privacy" }\n');
    expect(run.stdout).not.toContain('```');
    expect(run.stdout).not.toContain('**');
  });

  it('styles headings on a colour terminal', async () => {
    const run = await runCli(['explain', 'faq-published'], { cwd, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(run.stdout).toContain('\u001b[1mWhat it checks');
    expect(run.stdout).not.toContain('## What it checks');
  });

  it.each([
    ['a typo', 'faq-publishd', '"faq-published"'],
    ['a checklist item id', 'privacy-policy', '"privacy-policy-discloses-stripe"'],
    ['a confirmation id', 'development-checklist-followed/logging', 'Did you mean "development-checklist-followed"?'],
    ['a former confirmation id', 'keys-rotated', 'Did you mean "development-checklist-followed"?'],
    ['nothing close', 'zzz', 'Unknown rule "zzz".'],
  ])('answers %s with exit 2 and suggestions', async (_name, id, expected) => {
    const run = await runCli(['explain', id], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(expected);
    expect(run.stderr).toContain('identity-golive rules');
  });
});

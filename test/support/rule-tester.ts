// Table-driven rule tests, after ESLint's RuleTester: each case names its artifacts and the
// expected status and message ids; the tester checks every id exists in the rule's messages and
// that the rendered text has no unfilled placeholder.
import { describe, expect, it } from 'vitest';
import type { Artifacts } from '../../src/engine/artifacts.js';
import type { AnyRule, Status } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/runner.js';
import { toResult } from '../../src/report/build.js';

export interface RuleCase {
  name: string;
  artifacts: Partial<Artifacts>;
  status: Status;
  /** Message ids of the findings, in order (omit to skip the check for a pass). */
  messageIds?: readonly string[];
  /** Substrings the rendered messages or fixes must contain. */
  mentions?: readonly string[];
  /** Substrings that must not appear anywhere in the rendered result (secrets, PII). */
  never?: readonly string[];
  now?: number;
  offline?: boolean;
}

export const FIXED_NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

export function ruleTester(rule: AnyRule, cases: readonly RuleCase[]): void {
  describe(rule.meta.id, () => {
    it('has cases for pass and for not-pass', () => {
      expect(cases.some((c) => c.status === 'pass')).toBe(true);
      expect(cases.some((c) => c.status !== 'pass')).toBe(true);
    });
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const [run] = runRules([rule], c.artifacts, new Map(), { now: c.now ?? FIXED_NOW, offline: c.offline ?? false });
      expect(run).toBeDefined();
      const result = toResult(run!);
      const ids = result.findings.map((finding) => finding.messageId);
      expect({ status: result.status, ids: c.messageIds ? ids : undefined }).toEqual({ status: c.status, ids: c.messageIds ? [...c.messageIds] : undefined });
      for (const finding of run!.outcome.findings) {
        if (!finding.messageId.startsWith('$')) expect(Object.keys(rule.meta.messages)).toContain(finding.messageId);
      }
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/\{\{\s*\w+\s*\}\}/);
      for (const needle of c.mentions ?? []) expect(text).toContain(needle);
      for (const needle of c.never ?? []) expect(text).not.toContain(needle);
    });
  });
}

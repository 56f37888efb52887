// Every rule ships with its doc page, table test and registry entry; every checklist item is served.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { CHECKLIST } from '../src/engine/checklist.js';
import { API_UNAVAILABLE_MESSAGE } from '../rules/support/stripe.js';
import { API_UNAVAILABLE_ID } from '../src/report/api-evidence.js';

const rulesDir = path.resolve(import.meta.dirname, '../rules');
const ruleFiles = readdirSync(rulesDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts');

describe('rule registry', () => {
  it('registers every rule module, sorted by id', () => {
    expect(RULES.map((rule) => rule.meta.id)).toEqual(ruleFiles.map((file) => file.replace(/\.ts$/, '')).sort());
  });

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s has a doc page, a table test and sound meta', (id, rule) => {
    expect(existsSync(path.join(rulesDir, `${id}.md`))).toBe(true);
    expect(existsSync(path.join(rulesDir, `${id}.test.ts`))).toBe(true);
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(rule.meta.docsUrl).toMatch(/^https:\/\/(docs|support)\.stripe\.com\//);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(rule.meta.requiredArtifacts.length).toBeGreaterThan(0);
    const readsStripe = rule.meta.requiredArtifacts.some((a) => ['Account', 'WebhookEndpoints', 'Events', 'VerificationSessions'].includes(a));
    expect(Boolean(rule.meta.modes?.length)).toBe(readsStripe);
  });

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s has a neutral title that states no verdict', (_id, rule) => {
    const { title, failureTitle, neutralTitle } = rule.meta;
    expect(neutralTitle.trim().length).toBeGreaterThan(0);
    expect(neutralTitle).not.toBe(title);
    expect(neutralTitle).not.toBe(failureTitle);
    // A verdict word would make it a success or failure title in disguise.
    expect(neutralTitle).not.toMatch(/\b(not|no|missing|is|are|fails?|passe?s?|incomplete|broken|holds?)\b/i);
  });

  it('gives the shared "Stripe API evidence not used" message the id the report lifts into its header', () => {
    const users = RULES.filter((rule) => Object.values(rule.meta.messages).includes(API_UNAVAILABLE_MESSAGE));
    expect(users.length).toBeGreaterThan(0);
    for (const rule of users) expect((rule.meta.messages as Record<string, unknown>)[API_UNAVAILABLE_ID]).toBe(API_UNAVAILABLE_MESSAGE);
  });

  it('serves every checklist item', () => {
    const served = new Set<string>(RULES.map((rule) => rule.meta.item));
    expect(CHECKLIST.map((item) => item.id).filter((id) => !served.has(id))).toEqual([]);
  });
  it('names only real checklist items', () => {
    const items = new Set<string>(CHECKLIST.map((item) => item.id));
    for (const rule of RULES) expect(items.has(rule.meta.item)).toBe(true);
  });
});

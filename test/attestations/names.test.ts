// One name for one thing: a confirmation carries the id of the rule that reads it (or
// `<rule>/<part>` when a rule reads several), and ids of earlier versions still resolve.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTESTABLE_IDS, ATTESTABLE_ITEMS, FORMER_IDS, attestableItemsForRule, currentItemId } from '../../src/gather/attestations/items.js';
import { migrateItemIds } from '../../src/gather/attestations/file.js';
import { RULES, RULES_BY_ID } from '../../rules/index.js';
import { attestation } from '../support/attest-facts.js';

const RULES_DIR = path.resolve(import.meta.dirname, '../../rules');

describe('attestation ids', () => {
  it('are the id of the rule that reads them, or <rule>/<part>', () => {
    for (const entry of ATTESTABLE_ITEMS) {
      const rule = RULES_BY_ID.get(entry.rule);
      expect(rule, entry.id).toBeDefined();
      expect(rule!.meta.item, entry.id).toBe(entry.item);
      const several = attestableItemsForRule(entry.rule).length > 1;
      expect(entry.id, entry.id).toBe(several ? `${entry.rule}/${entry.id.split('/')[1]}` : entry.rule);
    }
  });

  it('match what each rule reads: its source names exactly the confirmations listed for it', async () => {
    for (const rule of RULES) {
      const source = await readFile(path.join(RULES_DIR, `${rule.meta.id}.ts`), 'utf8');
      // The lists a rule hands to attestationFindings() or attestedRule({ attestations }).
      const lists = [...source.matchAll(/(?:attestationFindings\([^,]+, |attestations: )\[([^\]]*)\]/g)].map((match) => match[1]!).join(',');
      const named = ATTESTABLE_IDS.filter((id) => lists.includes(`'${id}'`));
      const listed = attestableItemsForRule(rule.meta.id).map((entry) => entry.id);
      expect({ rule: rule.meta.id, named: [...named].sort() }).toEqual({ rule: rule.meta.id, named: [...listed].sort() });
      if (listed.length > 0) expect(rule.meta.requiredArtifacts, rule.meta.id).toContain('Attestations');
    }
  });

  it('keep every former id readable, and no former id is a current one', () => {
    expect(Object.fromEntries(FORMER_IDS)).toEqual({
      'use-case': 'use-case-supported',
      'identity-branding': 'identity-branding-reviewed',
      pricing: 'pricing-confirmed',
      'attempt-limit': 'attempt-limit-decided',
      'alternative-verification': 'alternative-verification-offered',
      'webhooks-tested': 'webhooks-tested-end-to-end',
      'error-handling-reviewed': 'development-checklist-followed/error-handling',
      'logging-reviewed': 'development-checklist-followed/logging',
      'api-announcements': 'development-checklist-followed/api-announcements',
      'keys-rotated': 'development-checklist-followed/keys-rotated',
      'privacy-policy-updated': 'privacy-policy-discloses-stripe',
      'privacy-policy-url-in-dashboard': 'privacy-policy-url',
      'deletion-instructions': 'deletion-explained',
    });
    for (const former of FORMER_IDS.keys()) expect(ATTESTABLE_IDS).not.toContain(former);
    expect(currentItemId('faq-published')).toBe('faq-published');
    expect(currentItemId('nonsense')).toBeNull();
  });
});

describe('migrateItemIds', () => {
  it('renames former ids, keeps unknown ones, and when both spellings are present keeps the later confirmation', () => {
    const older = attestation('pricing', { at: '2026-10-01T00:00:00.000Z', note: 'old spelling, older' });
    const newer = attestation('pricing-confirmed', { at: '2026-11-01T00:00:00.000Z', note: 'new spelling, newer' });
    const stray = attestation('from-a-fork');
    expect(migrateItemIds([older, newer, stray])).toEqual([{ ...newer }, stray]);
    const laterOld = attestation('pricing', { at: '2026-12-01T00:00:00.000Z', note: 'old spelling, later' });
    expect(migrateItemIds([newer, laterOld])).toEqual([{ ...laterOld, item: 'pricing-confirmed' }]);
  });
});

describe('the names people read', () => {
  it('every `attest <name>` in the README, the docs, the rule pages and `attest --help` is a name of today', async () => {
    const { readdir } = await import('node:fs/promises');
    const { runCli, REPO_ROOT } = await import('../support/cli.js');
    const { resolveAttestTarget } = await import('../../src/app/attestations.js');
    const docs = (await readdir(path.join(REPO_ROOT, 'docs'))).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
    const pages = RULES.map((rule) => `rules/${rule.meta.id}.md`);
    const texts = await Promise.all(['README.md', ...docs, ...pages].map(async (file) => ({ file, text: await readFile(path.join(REPO_ROOT, file), 'utf8') })));
    texts.push({ file: 'attest --help', text: (await runCli(['attest', '--help'])).stdout });
    const named = texts.flatMap(({ file, text }) => [...text.matchAll(/attest (?:--revoke )?([a-z][a-z0-9/-]*)/g)].map((match) => ({ file, name: match[1]! })));
    expect(named.length).toBeGreaterThan(15);
    for (const { file, name } of named) {
      expect({ file, name, former: FORMER_IDS.has(name) }).toEqual({ file, name, former: false });
      expect(() => resolveAttestTarget(name), `${file}: attest ${name}`).not.toThrow();
    }
  });
});

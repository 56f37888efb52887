// The corpus's integrity, not the tool's verdicts (the scanner is being rewritten against it):
// every project is labelled for all ten code rules, holds real files of its language, and the
// corpus covers every language and required framework.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/gather/source/types.js';
import { fakeSecret } from '../support/fake-secrets.js';
import { RULES } from '../../rules/index.js';
import { CODE_RULES, corpusProjects, LANGUAGE_FILES, labelProblems, projectFiles, REQUIRED_FRAMEWORKS, type CorpusLabels } from './corpus.js';

type FakePrefix = Parameters<typeof fakeSecret>[0];

const projects = corpusProjects();
const labelled = projects.filter((project) => labelProblems(project.raw).length === 0).map((project) => ({ ...project, labels: project.raw as CorpusLabels }));
const RULES_DIR = path.resolve(import.meta.dirname, '../../rules');

/** Stripe-looking secrets in the corpus must be the project's fake keys (fakeSecret) or plain placeholders. */
const SECRET = /\b(sk_live|rk_live|sk_test|rk_test|whsec)_[A-Za-z0-9+/=]{8,}/g;
const PLACEHOLDER = /^(?:sk|rk|whsec)_(?:(?:live|test)_)?(?:x{8,}|X{8,}|your|YOUR|REPLACE|placeholder)/;

function isFakeOrPlaceholder(secret: string, prefix: FakePrefix): boolean {
  if (PLACEHOLDER.test(secret)) return true;
  return secret.startsWith(`${prefix}_fixture`) && secret === fakeSecret(prefix, secret.slice(-4));
}

describe('corpus', () => {
  it('holds at least 44 projects', () => {
    expect(projects.length).toBeGreaterThanOrEqual(44);
  });

  it('labels only rules that exist', () => {
    for (const rule of CODE_RULES) expect(existsSync(path.join(RULES_DIR, `${rule}.ts`)), rule).toBe(true);
  });

  it('labels exactly the rules that read code (the registry decides)', () => {
    expect([...CODE_RULES].sort()).toEqual(RULES.filter((rule) => rule.meta.requiredArtifacts.includes('Source')).map((rule) => rule.meta.id).sort());
  });

  it.each(projects.map((project) => [project.name, project] as const))('%s has a valid labels.json', (_name, project) => {
    expect(labelProblems(project.raw)).toEqual([]);
  });

  it.each(labelled.map((project) => [project.name, project] as const))('%s holds source and a manifest of its language', (_name, project) => {
    const files = projectFiles(project.dir);
    const { source, manifest } = LANGUAGE_FILES[project.labels.language];
    expect(files.filter((file) => source.test(file)), 'source files').not.toEqual([]);
    expect(files.filter((file) => manifest.test(file)), 'manifest').not.toEqual([]);
    expect(files.length, 'a small project: 2 to 8 files').toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThanOrEqual(8);
  });

  it.each(labelled.map((project) => [project.name, project] as const))('%s: error only for "no integration", fallback-offered never fails', (_name, project) => {
    const { labels } = project.labels;
    const integrationRules = CODE_RULES.filter((rule) => rule !== 'no-secrets-in-code');
    const errors = integrationRules.filter((rule) => labels[rule].status === 'error');
    // No integration found: the code rules that judge an integration all end in error, none alone.
    expect([0, integrationRules.length]).toContain(errors.length);
    expect(labels['no-secrets-in-code'].status).not.toBe('error');
    expect(labels['fallback-offered'].status).not.toBe('fail');
  });

  it.each(projects.map((project) => [project.name, project] as const))('%s commits only fake secrets or placeholders', (_name, project) => {
    for (const file of projectFiles(project.dir)) {
      for (const match of readFileSync(path.join(project.dir, file), 'utf8').matchAll(SECRET)) {
        expect(isFakeOrPlaceholder(match[0], match[1] as FakePrefix), `${project.name}/${file}: ${match[0]}`).toBe(true);
      }
    }
  });

  it('covers every language with at least 4 projects, JavaScript and TypeScript both', () => {
    for (const language of LANGUAGES) expect(labelled.filter((project) => project.labels.language === language).length, language).toBeGreaterThanOrEqual(4);
    const node = labelled.filter((project) => project.labels.language === 'node').map((project) => projectFiles(project.dir));
    expect(node.some((files) => files.some((file) => /\.[cm]?ts$|\.tsx$/.test(file))), 'a TypeScript project').toBe(true);
    expect(node.some((files) => files.some((file) => /\.[cm]?js$/.test(file)) && !files.some((file) => /\.[cm]?ts$|\.tsx$/.test(file))), 'a JavaScript project').toBe(true);
  });

  it('covers every required framework', () => {
    const frameworks = new Set(labelled.map((project) => project.labels.framework));
    expect(REQUIRED_FRAMEWORKS.filter((framework) => !frameworks.has(framework))).toEqual([]);
  });

  it('mixes good and flawed projects, and every status appears for most rules', () => {
    const clean = labelled.filter((project) => CODE_RULES.every((rule) => project.labels.labels[rule].status === 'pass'));
    const flawed = labelled.filter((project) => CODE_RULES.some((rule) => project.labels.labels[rule].status === 'fail'));
    expect(clean.length).toBeGreaterThanOrEqual(5);
    expect(flawed.length).toBeGreaterThanOrEqual(labelled.length / 3);
    for (const rule of CODE_RULES) {
      const statuses = new Set(labelled.map((project) => project.labels.labels[rule].status));
      expect(statuses.has('pass'), `${rule} passes somewhere`).toBe(true);
      expect(statuses.has(rule === 'fallback-offered' ? 'warn' : 'fail'), `${rule} is flawed somewhere`).toBe(true);
    }
  });
});

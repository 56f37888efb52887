// The labelled corpus (fixtures/corpus/<name>/): realistic integrations written in the shapes public
// code uses, each with the verdicts a careful reviewer reaches from the code alone (no Stripe key).
// Read by the integrity test (labels.test.ts) and the agreement bench (test/bench/corpus.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Language } from '../../src/gather/source/types.js';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../fixtures/corpus');

/** The ten rules judged on code evidence, in the order the bench prints them; labels.test.ts holds it to the registry. */
export const CODE_RULES = [
  'api-version-pinned',
  'attempts-limited',
  'fallback-offered',
  'identity-events-handled',
  'no-secrets-in-code',
  'redaction-implemented',
  'sensitive-data-minimised',
  'session-link-refreshed',
  'user-authenticated',
  'webhook-signature-verified',
] as const;
export type CodeRule = (typeof CODE_RULES)[number];

/** What a reviewer can conclude from code alone: `error` only when there is no integration to judge. */
export const LABEL_STATUSES = ['pass', 'fail', 'warn', 'error'] as const;
export type LabelStatus = (typeof LABEL_STATUSES)[number];

/** The frameworks issue #11 requires a corpus project for (others may appear too). */
export const REQUIRED_FRAMEWORKS = [
  'Express',
  'Next.js App Router',
  'Next.js Pages Router',
  'NestJS',
  'Fastify',
  'Hono',
  'Flask',
  'Django',
  'FastAPI',
  'Rails',
  'Sinatra',
  'Laravel',
  'Symfony',
  'WordPress',
  'Go net/http',
  'Gin',
  'Echo',
  'Spring Boot',
  'ASP.NET Core controllers',
  'ASP.NET Core minimal APIs',
] as const;

export interface Label {
  status: LabelStatus;
  why: string;
}

export interface CorpusLabels {
  language: Language;
  framework: string;
  shape: string;
  labels: Record<CodeRule, Label>;
}

export interface CorpusProject {
  name: string;
  dir: string;
  /** Parsed labels.json, unvalidated: the integrity test checks its shape. */
  raw: unknown;
}

export function corpusProjects(): CorpusProject[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => statSync(path.join(CORPUS_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(CORPUS_DIR, name);
      const labelsFile = path.join(dir, 'labels.json');
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(labelsFile, 'utf8'));
      } catch {
        raw = undefined;
      }
      return { name, dir, raw };
    });
}

/** Every problem with one project's labels.json (empty when valid). */
export function labelProblems(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null) return ['labels.json is missing or not a JSON object'];
  const value = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (!(LANGUAGES as readonly unknown[]).includes(value.language)) problems.push(`language must be one of ${LANGUAGES.join(', ')}, got ${JSON.stringify(value.language)}`);
  for (const key of ['framework', 'shape'] as const) {
    if (typeof value[key] !== 'string' || (value[key] as string).trim() === '') problems.push(`${key} must be a non-empty string`);
  }
  const labels = value.labels;
  if (typeof labels !== 'object' || labels === null) return [...problems, 'labels must be an object'];
  const entries = labels as Record<string, unknown>;
  for (const key of Object.keys(entries)) if (!(CODE_RULES as readonly string[]).includes(key)) problems.push(`labels.${key}: not one of the ten code rules`);
  for (const rule of CODE_RULES) {
    const label = entries[rule] as Record<string, unknown> | undefined;
    if (typeof label !== 'object' || label === null) {
      problems.push(`labels.${rule}: missing`);
      continue;
    }
    if (!(LABEL_STATUSES as readonly unknown[]).includes(label.status)) problems.push(`labels.${rule}.status must be one of ${LABEL_STATUSES.join(', ')}, got ${JSON.stringify(label.status)}`);
    if (typeof label.why !== 'string' || label.why.trim() === '') problems.push(`labels.${rule}.why must be a non-empty string`);
  }
  return problems;
}

/** Every file of a project, relative, forward slashes (labels.json excluded). */
export function projectFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.filter((file) => file !== 'labels.json').sort();
}

/** Source files and manifests a project in each language must hold to be a real project of it. */
export const LANGUAGE_FILES: Readonly<Record<Language, { source: RegExp; manifest: RegExp }>> = {
  node: { source: /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/, manifest: /(?:^|\/)package\.json$/ },
  python: { source: /\.py$/, manifest: /(?:^|\/)(?:requirements[^/]*\.txt|pyproject\.toml|Pipfile|setup\.py)$/ },
  ruby: { source: /\.(?:rb|ru)$/, manifest: /(?:^|\/)(?:Gemfile|[^/]+\.gemspec)$/ },
  php: { source: /\.php$/, manifest: /(?:^|\/)composer\.json$/ },
  go: { source: /\.go$/, manifest: /(?:^|\/)go\.mod$/ },
  java: { source: /\.(?:java|kt)$/, manifest: /(?:^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?)$/ },
  dotnet: { source: /\.cs$/, manifest: /\.csproj$/ },
};

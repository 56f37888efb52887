// The seven language tables, and what a file is: source of a language, one of its manifests, or
// other text.
import type { Language } from '../types.js';
import type { LanguageSpec } from './spec.js';
import { node } from './node.js';
import { python } from './python.js';
import { ruby } from './ruby.js';
import { php } from './php.js';
import { go } from './go.js';
import { java } from './java.js';
import { dotnet } from './dotnet.js';

export type { LanguageSpec } from './spec.js';
export { COMMON } from './common.js';

export const LANGUAGE_SPECS: Readonly<Record<Language, LanguageSpec>> = { node, python, ruby, php, go, java, dotnet };

export type FileKind = { kind: 'code'; language: Language } | { kind: 'manifest'; language: Language } | { kind: 'other' };

const byExtension = new Map<string, Language>();
for (const spec of Object.values(LANGUAGE_SPECS)) for (const extension of spec.extensions) byExtension.set(extension, spec.id);

/** Classifies a file by its base name: manifests first (`build.gradle.kts` is not Kotlin source). */
export function classify(baseName: string): FileKind {
  for (const spec of Object.values(LANGUAGE_SPECS)) {
    if (spec.manifests.some((manifest) => (typeof manifest === 'string' ? manifest === baseName : manifest.test(baseName)))) return { kind: 'manifest', language: spec.id };
  }
  const dot = baseName.lastIndexOf('.');
  const language = dot > 0 ? byExtension.get(baseName.slice(dot).toLowerCase()) : undefined;
  return language ? { kind: 'code', language } : { kind: 'other' };
}

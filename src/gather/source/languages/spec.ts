// The shape of a language table: how to recognise its files, how to strip its comments, and how
// its official Stripe SDK spells each idiom. Tables are data; the scanner has no per-language code.
import type { LexerSpec } from '../lexer.js';
import type { IdiomTable } from '../patterns.js';
import type { Language } from '../types.js';

export interface LanguageSpec {
  readonly id: Language;
  /** Source file extensions, lower case, with the dot. */
  readonly extensions: readonly string[];
  /** Dependency manifests and lockfiles: exact base names, or patterns on the base name. */
  readonly manifests: readonly (string | RegExp)[];
  readonly lexer: LexerSpec;
  /**
   * How the API version gets pinned (https://docs.stripe.com/get-started/checklist/go-live):
   * dynamic languages set it in code, typed languages pin it through the SDK version. Node is
   * typed when written in TypeScript.
   */
  readonly typing: 'dynamic' | 'typed' | 'typed-when-typescript';
  readonly idioms: IdiomTable;
}

// Message templates live in rule meta; findings carry ids and data. Rendering fills `{{name}}`.
import type { MessageSpec } from './rule.js';
import { maskSecrets } from '../util/mask.js';

/** Messages every rule has, for results the runner produces. */
export const BUILTIN_MESSAGES: Readonly<Record<string, MessageSpec>> = {
  $unavailable: { text: 'Evidence unavailable: {{message}}', fix: '{{fix}}' },
  $internal: { text: 'The rule crashed: {{message}}', fix: '{{fix}}' },
};

export function fill(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return maskSecrets(template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole)));
}

export function render(spec: MessageSpec | undefined, data: Readonly<Record<string, string | number>> = {}): { message: string; fix: string | null } {
  if (spec === undefined) return { message: '(missing message)', fix: null };
  if (typeof spec === 'string') return { message: fill(spec, data), fix: null };
  return { message: fill(spec.text, data), fix: spec.fix === undefined ? null : fill(spec.fix, data) };
}

// Validate the config with the zod schema; every problem names the file, key path and expectation.
// Discovery lives in discover.ts, which loads this module (and zod) only when a file was found.
import type { z } from 'zod';
import { configSchema, type ResolvedConfig } from './schema.js';
import { UserError } from '../util/user-error.js';

export { MODULE_NAME, SEARCH_PLACES, loadConfig, type LoadConfigOptions } from './discover.js';

export function validateConfig(raw: unknown, filepath: string | null): ResolvedConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const file = filepath ?? '(built-in defaults)';
    const lines = result.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${describeIssue(issue)}`);
    throw new UserError(
      `Invalid config in ${file}:\n${lines.join('\n')}`,
      'Fix these keys; `identity-golive check --print-config` shows the resolved config, and schema/identity-golive.schema.json documents every key.',
    );
  }
  return { ...result.data, filepath };
}

function formatPath(keyPath: readonly PropertyKey[]): string {
  if (keyPath.length === 0) return '(root)';
  return keyPath
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

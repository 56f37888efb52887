// Validate the config with the zod schema; every problem names the file, key path and expectation.
// Discovery lives in discover.ts, which loads this module (and zod) only when a file was found.
import type { z } from 'zod';
import { configSchema, type ResolvedConfig } from './schema.js';
import { UserError } from '../util/user-error.js';
import { suggest } from '../util/suggest.js';

export { MODULE_NAME, SEARCH_PLACES, loadConfig, type LoadConfigOptions } from './discover.js';

export function validateConfig(raw: unknown, filepath: string | null): ResolvedConfig {
  let result: ReturnType<typeof configSchema.safeParse>;
  try {
    result = configSchema.safeParse(raw);
  } catch (error) {
    // A JS config's getter can throw while its keys are read: the user's code, not ours.
    throw new UserError(`Config ${filepath ?? '(unknown file)'} threw while its keys were read: ${error instanceof Error ? error.message : String(error)}`, 'Fix the code in the config file, or export plain values.');
  }
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
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(configSchema, issue.path);
    const named = issue.keys.map((key) => {
      const [close] = suggest(key, known, 1);
      return `"${key}"${close ? ` (did you mean "${close}"?)` : ''}`;
    });
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${named.join(', ')}`;
  }
  return issue.message;
}

/** The keys the schema allows in the object at `keyPath`, for "did you mean" (wrappers unwrapped). */
function keysAt(schema: z.core.$ZodType, keyPath: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType | undefined = schema;
  let rest = [...keyPath];
  while (node) {
    const def = node._zod.def as { type: string; innerType?: z.core.$ZodType; element?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> };
    if (def.innerType) node = def.innerType;
    else if (def.type === 'array' && typeof rest[0] === 'number') [node, rest] = [def.element, rest.slice(1)];
    else if (def.type === 'object' && def.shape && rest.length === 0) return Object.keys(def.shape);
    else if (def.type === 'object' && def.shape && typeof rest[0] === 'string') [node, rest] = [def.shape[rest[0]], rest.slice(1)];
    else return [];
  }
  return [];
}

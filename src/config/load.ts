// Find and validate the config with cosmiconfig; every problem names the file, key path and expectation.
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import type { z } from 'zod';
import { configSchema, type ResolvedConfig } from './schema.js';
import { UserError } from '../util/user-error.js';
import { suggest } from '../util/suggest.js';

export const MODULE_NAME = 'identity-golive';

export const SEARCH_PLACES = [
  'package.json',
  `.${MODULE_NAME}rc`,
  `.${MODULE_NAME}rc.json`,
  `.${MODULE_NAME}rc.yaml`,
  `.${MODULE_NAME}rc.yml`,
  `.${MODULE_NAME}rc.js`,
  `.${MODULE_NAME}rc.mjs`,
  `${MODULE_NAME}.config.json`,
  `${MODULE_NAME}.config.yaml`,
  `${MODULE_NAME}.config.yml`,
  `${MODULE_NAME}.config.js`,
  `${MODULE_NAME}.config.mjs`,
  `${MODULE_NAME}.config.ts`,
];

export interface LoadConfigOptions {
  cwd: string;
  /** --config: an explicit file, which must exist. */
  configPath?: string;
}

export async function loadConfig({ cwd, configPath }: LoadConfigOptions): Promise<ResolvedConfig> {
  const explorer = cosmiconfig(MODULE_NAME, { searchPlaces: SEARCH_PLACES, searchStrategy: 'none' });
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    found = configPath ? await explorer.load(path.resolve(cwd, configPath)) : await explorer.search(cwd);
  } catch (error) {
    const where = configPath ? path.resolve(cwd, configPath) : cwd;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') {
      throw new UserError(`Config file not found: ${where}`, 'Check the --config path, or omit it to search the project.');
    }
    throw new UserError(`Could not read config ${where}: ${reason}`, 'Fix the syntax of the file.');
  }
  return validateConfig(found?.isEmpty ? {} : (found?.config ?? {}), found?.filepath ?? null);
}

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

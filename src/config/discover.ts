// Find the config with cosmiconfig. The schema (zod) loads only when a file was found: a project
// without one gets the built-in defaults, which a test keeps equal to what the schema fills in.
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import type { ResolvedConfig } from './schema.js';
import { UserError } from '../util/user-error.js';

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

/** `configSchema.parse({})`, written out (test/config/load.test.ts compares the two). */
export function defaultConfig(): ResolvedConfig {
  return {
    stripe: { windowDays: 30, maxObjects: 1000, timeoutMs: 20_000, requestsPerSecond: 20 },
    pages: { timeoutMs: 10_000 },
    maxAttemptsPerUser: 3,
    source: {},
    webhook: { secretEnv: 'STRIPE_WEBHOOK_SECRET' },
    attestations: { file: '.identity-golive/attestations.json', expiresAfterDays: 180 },
    expiryWarningDays: 14,
    snapshot: { maxAgeDays: 7 },
    suppressions: [],
    filepath: null,
  };
}

export async function loadConfig({ cwd, configPath }: LoadConfigOptions): Promise<ResolvedConfig> {
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    // Inside the try: cosmiconfig reads the process cwd's package.json (its meta config) right here.
    const explorer = cosmiconfig(MODULE_NAME, { searchPlaces: SEARCH_PLACES, searchStrategy: 'none' });
    found = configPath ? await explorer.load(path.resolve(cwd, configPath)) : await explorer.search(cwd);
  } catch (error) {
    const where = configPath ? path.resolve(cwd, configPath) : cwd;
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') {
      throw new UserError(`Config file not found: ${where}`, 'Check the --config path, or omit it to search the project.');
    }
    const { describeLoadError } = await import('./load-error.js');
    const { file, reason } = describeLoadError(error, where);
    throw new UserError(`Could not read config ${file}: ${reason}`, 'Fix the syntax of the file (or what it throws while loading).');
  }
  if (!found) return defaultConfig();
  const { validateConfig } = await import('./load.js');
  return validateConfig(found.isEmpty ? {} : found.config, found.filepath);
}

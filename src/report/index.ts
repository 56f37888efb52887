// Reporters are `(report, options) => string` in a plain map; they never compute verdicts.
import type { ChalkInstance } from 'chalk';
import type { Report } from './types.js';
import { json } from './json.js';
import { pretty } from './pretty.js';

export interface ReporterOptions {
  chalk: ChalkInstance;
  /** Terminal width, for wrapping; undefined when not a TTY. */
  columns?: number;
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

export const REPORTERS = { pretty, json } as const satisfies Record<string, Reporter>;
export type ReporterName = keyof typeof REPORTERS;

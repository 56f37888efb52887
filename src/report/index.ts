// Reporters are `(report, options) => string` in a plain map; they never compute verdicts.
import type { ChalkInstance } from 'chalk';
import type { Report } from './types.js';
import { json } from './json.js';
import { pretty } from './pretty.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { github } from './github.js';
import type { ReporterName } from './names.js';

export { REPORTER_NAMES, type ReporterName } from './names.js';

export interface ReporterOptions {
  chalk: ChalkInstance;
  /** Terminal report: the width to wrap to (default 80, the width when not a TTY). */
  columns?: number;
  /** Terminal report only: show only what blocks or could not be checked (--quiet). */
  quiet?: boolean;
  /** SARIF and annotations: paths are made relative to this directory (the git root); default the checked directory. */
  repoRoot?: string;
  /** Account-level findings point at this file (relative to the checked directory); default the config file, else package.json. */
  anchorFile?: string | null;
  /** Markdown: the most bytes to produce (GitHub's job summary takes 1 MiB per step). */
  maxBytes?: number;
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

export const REPORTERS: Readonly<Record<ReporterName, Reporter>> = { pretty, json, sarif, junit, markdown, github };

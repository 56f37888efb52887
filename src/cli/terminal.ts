// How wide the terminal report may be: the terminal's own width, 80 when it is not a terminal
// (pipes, files, CI logs), so output is the same wherever it is read.
import type { CliIo } from './io.js';
import { DEFAULT_COLUMNS } from '../report/wrap.js';

/** Narrower than this, hanging indents would leave no room for words. */
const MIN_COLUMNS = 40;

export function terminalColumns(io: Pick<CliIo, 'stdout'>): number {
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return DEFAULT_COLUMNS;
  return Math.max(MIN_COLUMNS, Math.floor(columns));
}

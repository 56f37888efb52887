// Colour policy (no-color.org): --color/--no-color win, then NO_COLOR (set and not empty) beats
// FORCE_COLOR, then CI and non-TTY mean plain text.
import { Chalk, type ChalkInstance } from 'chalk';
import { isCi, type CliIo } from './io.js';

export function colorLevel(io: Pick<CliIo, 'env' | 'stdout' | 'color'>): 0 | 1 | 2 | 3 {
  const truecolor = io.env.COLORTERM === 'truecolor';
  // A flag on this very command line is the most specific wish.
  if (io.color === false) return 0;
  if (io.color === true) return forcedLevel(io.env.FORCE_COLOR) ?? (truecolor ? 3 : 1);
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    return forcedLevel(force) ?? 1;
  }
  if (isCi(io.env) || !io.stdout.isTTY) return 0;
  return truecolor ? 3 : 1;
}

/** FORCE_COLOR=1..3 names a level; anything else (true, yes) just means "on". */
function forcedLevel(force: string | undefined): 1 | 2 | 3 | null {
  const level = Number(force);
  return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : null;
}

export function chalkFor(io: Pick<CliIo, 'env' | 'stdout' | 'color'>): ChalkInstance {
  return new Chalk({ level: colorLevel(io) });
}

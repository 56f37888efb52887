// Colour policy: FORCE_COLOR wins, then NO_COLOR, then CI and non-TTY mean plain text.
import { Chalk, type ChalkInstance } from 'chalk';
import { isCi, type CliIo } from './io.js';

export function colorLevel(io: Pick<CliIo, 'env' | 'stdout'>): 0 | 1 | 2 | 3 {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1;
  }
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  if (isCi(io.env) || !io.stdout.isTTY) return 0;
  return io.env.COLORTERM === 'truecolor' ? 3 : 1;
}

export function chalkFor(io: Pick<CliIo, 'env' | 'stdout'>): ChalkInstance {
  return new Chalk({ level: colorLevel(io) });
}

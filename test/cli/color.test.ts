// CI detection and the colour policy: --color/--no-color win, then NO_COLOR beats FORCE_COLOR
// (no-color.org), then CI and non-TTY are plain.
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/cli/color.js';
import { isCi } from '../../src/cli/io.js';

describe('isCi', () => {
  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    [' True ', true],
    ['0', false],
    ['false', false],
    ['', false],
    ['yes', false],
    [undefined, false],
  ])('CI=%j → %s', (value, expected) => {
    expect(isCi(value === undefined ? {} : { CI: value })).toBe(expected);
  });
});

describe('colorLevel', () => {
  const tty = { isTTY: true } as NodeJS.WriteStream;
  const pipe = { isTTY: false } as NodeJS.WriteStream;
  it.each<[string, NodeJS.ProcessEnv, NodeJS.WriteStream, number]>([
    ['a terminal', {}, tty, 1],
    ['a truecolor terminal', { COLORTERM: 'truecolor' }, tty, 3],
    ['a pipe', {}, pipe, 0],
    ['CI on a terminal', { CI: 'true' }, tty, 0],
    ['CI=1', { CI: '1' }, tty, 0],
    ['CI=false on a terminal', { CI: 'false' }, tty, 1],
    ['NO_COLOR', { NO_COLOR: '1' }, tty, 0],
    ['empty NO_COLOR is ignored', { NO_COLOR: '' }, tty, 1],
    ['FORCE_COLOR in CI', { CI: 'true', FORCE_COLOR: '1' }, pipe, 1],
    ['FORCE_COLOR=3', { FORCE_COLOR: '3' }, pipe, 3],
    // Issue #12: NO_COLOR wins (no-color.org); this case asserted the opposite before.
    ['NO_COLOR beats FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '2' }, pipe, 0],
    ['empty NO_COLOR leaves FORCE_COLOR in charge', { NO_COLOR: '', FORCE_COLOR: '2' }, pipe, 2],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, tty, 0],
    ['FORCE_COLOR=false', { FORCE_COLOR: 'false' }, tty, 0],
    ['FORCE_COLOR=true', { FORCE_COLOR: 'true' }, pipe, 1],
  ])('%s → %i', (_name, env, stdout, level) => {
    expect(colorLevel({ env, stdout })).toBe(level);
  });

  it.each<[string, boolean, NodeJS.ProcessEnv, NodeJS.WriteStream, number]>([
    ['--color on a pipe', true, {}, pipe, 1],
    ['--color beats NO_COLOR', true, { NO_COLOR: '1' }, pipe, 1],
    ['--color in CI', true, { CI: 'true' }, pipe, 1],
    ['--color keeps the FORCE_COLOR level', true, { FORCE_COLOR: '3' }, pipe, 3],
    ['--color beats FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, pipe, 1],
    ['--no-color on a terminal', false, {}, tty, 0],
    ['--no-color beats FORCE_COLOR', false, { FORCE_COLOR: '3' }, tty, 0],
  ])('%s → %i', (_name, color, env, stdout, level) => {
    expect(colorLevel({ env, stdout, color })).toBe(level);
  });
});

describe('progress spinner', () => {
  it.each<[string, NodeJS.ProcessEnv, boolean, boolean]>([
    ['a person at a terminal', {}, true, true],
    ['CI on a terminal', { CI: 'true' }, true, false],
    ['a pipe', {}, false, false],
  ])('%s → %s', async (_name, env, tty, expected) => {
    const { showsProgress } = await import('../../src/app/progress.js');
    expect(showsProgress({ env, stderr: { isTTY: tty } as NodeJS.WriteStream })).toBe(expected);
  });
});

// Wrapping for terminals: at spaces only, hanging indents, colour codes take no room.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { GLUE, visibleWidth, wrapLine } from '../../src/report/wrap.js';

describe('visibleWidth', () => {
  it.each<[string, string, number]>([
    ['plain text', 'abc', 3],
    ['check marks are narrow', '✓ ✗', 3],
    ['colour codes take no room', new Chalk({ level: 1 }).red('abc'), 3],
    ['an emoji takes two columns, as one code point', '🚀', 2],
    ['East Asian wide characters take two columns', '日本', 4],
    ['combining marks take none', 'e\u0301', 1],
  ])('%s', (_name, text, width) => {
    expect(visibleWidth(text)).toBe(width);
  });
});

describe('wrapLine', () => {
  it('keeps a line that fits as it is', () => {
    expect(wrapLine('short line', 80, { first: '  › ' })).toEqual(['  › short line']);
  });

  it('breaks at spaces, continuation lines under the text', () => {
    const lines = wrapLine('one two three four five six', 16, { first: '  › ' });
    expect(lines).toEqual(['  › one two', '    three four', '    five six']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(16);
  });

  it('uses an explicit hanging indent', () => {
    expect(wrapLine('aaa bbb ccc', 9, { first: 'fix: ', hanging: '  ' })).toEqual(['fix: aaa', '  bbb ccc']);
  });

  it('never breaks a word, a URL or a rule id: a longer one overflows whole', () => {
    const url = 'https://docs.stripe.com/identity/before-going-live#setup-branding';
    const id = 'webhook-handler-tolerates-duplicates-and-unknown-types';
    const lines = wrapLine(`see ${url} and ${id} now`, 30, { first: '  ' });
    expect(lines).toEqual(['  see', `  ${url}`, '  and', `  ${id}`, '  now']);
  });

  it('keeps glued words together and prints the glue as a space', () => {
    const lines = wrapLine(`rule-id (2${GLUE}suppressed)`, 12);
    expect(lines).toEqual(['rule-id', '(2 suppressed)']);
    expect(lines.join('')).not.toContain(GLUE);
  });

  it('measures coloured text by what shows', () => {
    const chalk = new Chalk({ level: 1 });
    const lines = wrapLine(`${chalk.red('aaaa')} ${chalk.dim('bbbb')} cccc`, 9);
    expect(lines.map((line) => visibleWidth(line))).toEqual([9, 4]);
  });

  it('leaves no trailing spaces', () => {
    for (const line of wrapLine('a  b   c    d', 3)) expect(line).toBe(line.trimEnd());
  });
});

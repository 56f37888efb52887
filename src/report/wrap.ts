// Wrapping for terminals: lines break only at spaces (a word, a URL or a rule id is never split;
// one longer than the line overflows whole), continuation lines take a hanging indent, and
// colour codes take no room.

/** The width of a report that does not go to a terminal (pipes, files, CI logs). */
export const DEFAULT_COLUMNS = 80;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g;

/** Columns a code point takes: 2 for East Asian wide and emoji, 0 for combining marks. */
function charWidth(code: number): number {
  if ((code >= 0x0300 && code <= 0x036f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f6ff) ||
    (code >= 0x1f900 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** The columns a string takes on a terminal, colour codes excluded. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, '')) width += charWidth(char.codePointAt(0)!);
  return width;
}

export interface WrapOptions {
  /** Printed before the first line. */
  first?: string;
  /** Printed before every continuation line (default: as wide as `first`, blank). */
  hanging?: string;
}

/** Joins words that must stay on one line (`(2 suppressed)`); printed as a plain space. */
export const GLUE = '\u00A0';

/**
 * `text` (one line, no breaks) wrapped to `width` columns. Runs of spaces between words collapse
 * to one where a line breaks; within a line they are kept.
 */
export function wrapLine(text: string, width: number, { first = '', hanging }: WrapOptions = {}): string[] {
  const indent = hanging ?? ' '.repeat(visibleWidth(first));
  const words = text.split(' ');
  const lines: string[] = [];
  let line = first;
  let lineWidth = visibleWidth(first);
  // Whether the current line holds a word yet (a prefix alone does not count).
  let started = false;
  for (const word of words) {
    const wordWidth = visibleWidth(word);
    if (!started) {
      line += word;
      lineWidth += wordWidth;
      started = word.length > 0;
      continue;
    }
    if (lineWidth + 1 + wordWidth <= width || wordWidth === 0) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    lines.push(line.trimEnd());
    line = indent + word;
    lineWidth = visibleWidth(indent) + wordWidth;
    started = true;
  }
  lines.push(line.trimEnd());
  return lines.map((text) => text.replaceAll(GLUE, ' '));
}

/** Several wrapped lines joined, for callers that build one string. */
export function wrap(text: string, width: number, options: WrapOptions = {}): string {
  return wrapLine(text, width, options).join('\n');
}

// Our own doc pages (rules/*.md) rendered for a terminal: headings, paragraphs and lists wrapped
// to the width with hanging indents, code blocks indented and never wrapped, tables aligned (or
// one row per entry when too wide), links as "text (url)". A small renderer for a known, small
// subset of Markdown: a full CommonMark library would cost `explain` its start-up time.
import type { ChalkInstance } from 'chalk';
import { safeText } from './text.js';
import { visibleWidth, wrapLine } from './wrap.js';

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; depth: number; marker: string; text: string }
  | { kind: 'code'; lines: string[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'quote'; text: string }
  | { kind: 'blank' };

const ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;

/** Split the page into blocks; soft-wrapped source lines are joined into one text. */
function parse(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = safeText(source).replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const last = () => blocks[blocks.length - 1];
  while (i < lines.length) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      const fence = FENCE.exec(line)![1]!;
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(fence)) code.push(lines[i++]!);
      i += 1;
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    i += 1;
    if (line.trim() === '') {
      if (last()?.kind !== 'blank') blocks.push({ kind: 'blank' });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]! });
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
      // The |---|:-:| row only sets alignment.
      if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
      const previous = last();
      if (previous?.kind === 'table') previous.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
      continue;
    }
    const quote = /^\s*>\s?(.*)$/.exec(line);
    if (quote) {
      const previous = last();
      if (previous?.kind === 'quote') previous.text += ` ${quote[1]}`;
      else blocks.push({ kind: 'quote', text: quote[1]! });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      blocks.push({ kind: 'item', depth: Math.floor(item[1]!.replace(/\t/g, '  ').length / 2), marker: item[2]!, text: item[3]! });
      continue;
    }
    // A continuation line: of the list item or paragraph above it.
    const previous = last();
    if (previous && (previous.kind === 'item' || previous.kind === 'paragraph')) previous.text += ` ${line.trim()}`;
    else blocks.push({ kind: 'paragraph', text: line.trim() });
  }
  return blocks;
}

/** Inline markup: `code`, **bold** (which may hold code), *emphasis*, [text](url). Without colour, code keeps its backticks. */
function inline(text: string, chalk: ChalkInstance): string {
  const color = chalk.level > 0;
  let bold = false;
  const out: string[] = [];
  text.split(/(`[^`]+`)/).forEach((part, index) => {
    if (index % 2 === 1) {
      const code = color ? chalk.cyan(part.slice(1, -1)) : part;
      out.push(bold ? chalk.bold(code) : code);
      return;
    }
    const prose = part
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
      .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:!?]|$)/g, (_, before: string, emphasis: string) => `${before}${chalk.italic(emphasis)}`);
    // `**` toggles bold, across code spans too.
    prose.split('**').forEach((piece, n) => {
      if (n > 0) bold = !bold;
      if (piece) out.push(bold ? chalk.bold(piece) : piece);
    });
  });
  return out.join('');
}

function plainCell(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1').replace(/\*\*/g, '');
}

function table(rows: string[][], columns: number, chalk: ChalkInstance): string[] {
  const [header = [], ...body] = rows;
  const count = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: count }, (_, column) => Math.max(...rows.map((row) => visibleWidth(plainCell(row[column] ?? '')))));
  const total = widths.reduce((sum, width) => sum + width, 0) + 2 * (count - 1) + 2;
  if (total <= columns) {
    const render = (row: string[]) => `  ${row.map((cell, column) => (column === count - 1 ? plainCell(cell) : plainCell(cell).padEnd(widths[column]!))).join('  ')}`.trimEnd();
    return [chalk.bold(render(header)), ...body.map(render)];
  }
  // Too wide for the terminal: one entry per row, each cell labelled by its header.
  return body.flatMap((row) => {
    const [first = '', ...rest] = row;
    const text = [`${chalk.bold(plainCell(first))}`, ...rest.map((cell, column) => `${header[column + 1] ? `${plainCell(header[column + 1]!)}: ` : ''}${plainCell(cell)}`)].join('; ');
    return wrapLine(text, columns, { first: '  • ', hanging: '    ' });
  });
}

export function renderTerminalMarkdown(source: string, chalk: ChalkInstance, columns: number): string {
  const out: string[] = [];
  for (const block of parse(source)) {
    switch (block.kind) {
      case 'blank':
        if (out.length > 0 && out[out.length - 1] !== '') out.push('');
        break;
      case 'heading': {
        const text = inline(block.text, chalk);
        const lines = wrapLine(text, columns);
        out.push(...lines.map((line) => (block.level === 1 ? chalk.bold.underline(line) : chalk.bold(line))));
        // Without colour, a rule under the heading does what bold would.
        if (chalk.level === 0) out.push((block.level === 1 ? '=' : '-').repeat(Math.min(columns, Math.max(...lines.map(visibleWidth)))));
        break;
      }
      case 'paragraph':
        out.push(...wrapLine(inline(block.text, chalk), columns));
        break;
      case 'quote':
        out.push(...wrapLine(inline(block.text, chalk), columns, { first: chalk.dim('│ '), hanging: chalk.dim('│ ') }));
        break;
      case 'item': {
        const indent = '  '.repeat(block.depth + 1);
        const marker = /^\d/.test(block.marker) ? block.marker : '•';
        out.push(...wrapLine(inline(block.text, chalk), columns, { first: `${indent}${marker} `, hanging: `${indent}${' '.repeat(visibleWidth(marker) + 1)}` }));
        break;
      }
      case 'code':
        // Code keeps its lines: wrapping it would change what it says.
        for (const line of block.lines) out.push(`    ${chalk.cyan(line)}`.trimEnd());
        break;
      case 'table':
        out.push(...table(block.rows, columns, chalk));
        break;
    }
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

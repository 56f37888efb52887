// Doc pages rendered for a terminal: structure kept, width respected, nothing raw left.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderTerminalMarkdown } from '../../src/report/terminal-markdown.js';
import { visibleWidth } from '../../src/report/wrap.js';

const plain = new Chalk({ level: 0 });
const color = new Chalk({ level: 1 });
const RULES_DIR = path.resolve(import.meta.dirname, '../../rules');

const PAGE = `# some-rule

Checklist item 2: **Setup branding** — see [Stripe's page](https://docs.stripe.com/identity) and
a second source line that continues the paragraph.

## What it checks

- A first item that is long enough to need wrapping at forty columns, with \`code\`.
  continued here
  - a nested item
1. numbered

\`\`\`json
{ "a": "a very long line of code that must never be wrapped whatever the width is" }
\`\`\`

| Setting | Field |
|---|---|
| Name | \`business_profile.name\` |

> A quoted remark.
`;

describe('renderTerminalMarkdown', () => {
  const text = renderTerminalMarkdown(PAGE, plain, 40);
  const lines = text.split('\n');

  it('underlines headings without colour, and drops the # marks', () => {
    expect(lines.slice(0, 2)).toEqual(['some-rule', '=========']);
    expect(text).toContain('\nWhat it checks\n--------------\n');
    expect(text).not.toMatch(/^#/m);
  });

  it('joins soft-wrapped lines and wraps paragraphs and lists with hanging indents', () => {
    expect(text).toContain("Checklist item 2: Setup branding — see\nStripe's page\n(https://docs.stripe.com/identity) and a\nsecond source line that continues the\nparagraph.");
    expect(text).toContain('  • A first item that is long enough to\n    need wrapping at forty columns, with\n    `code`. continued here\n    • a nested item\n  1. numbered');
  });

  it('indents code and never wraps it', () => {
    expect(text).toContain('\n    { "a": "a very long line of code that must never be wrapped whatever the width is" }\n');
    expect(text).not.toContain('```');
  });

  it('aligns a table that fits, and lists one that does not', () => {
    expect(renderTerminalMarkdown(PAGE, plain, 80)).toContain('  Setting  Field\n  Name     business_profile.name');
    expect(renderTerminalMarkdown(PAGE, plain, 30)).toContain('  • Name; Field:\n    business_profile.name');
  });

  it('marks quotes', () => {
    expect(text).toContain('│ A quoted remark.');
  });

  it('styles with colour: bold headings, cyan code without backticks', () => {
    const styled = renderTerminalMarkdown(PAGE, color, 80);
    expect(styled).toContain(color.bold('What it checks'));
    expect(styled).toContain(color.cyan('code'));
    expect(styled).not.toContain('`code`');
    expect(styled).not.toContain('--------------');
  });

  it.each(readdirSync(RULES_DIR).filter((file) => file.endsWith('.md')))('%s fits 80 columns outside code blocks and leaves no Markdown markup', (file) => {
    const source = readFileSync(path.join(RULES_DIR, file), 'utf8');
    const rendered = renderTerminalMarkdown(source, plain, 80);
    const code = new Set(source.split(/^```.*$/m).filter((_, index) => index % 2 === 1).flatMap((block) => block.split('\n').map((line) => `    ${line}`.trimEnd())));
    for (const line of rendered.split('\n')) {
      if (code.has(line)) continue;
      // A single word longer than the line (a URL) may overflow; nothing else does.
      if (!line.trim().includes(' ')) continue;
      expect(visibleWidth(line), `${file}: ${line}`).toBeLessThanOrEqual(80);
      expect(line, file).not.toMatch(/^#{1,6} |\*\*|^\|/);
    }
  });
});

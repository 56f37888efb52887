import { describe, expect, it } from 'vitest';
import { lex } from '../../src/gather/source/lexer.js';
import { LANGUAGE_SPECS } from '../../src/gather/source/languages/index.js';
import type { Language } from '../../src/gather/source/types.js';

/** Lex and check the invariants: same length, same line breaks. */
function strip(language: Language, source: string): string {
  const { code } = lex(source, LANGUAGE_SPECS[language].lexer);
  expect(code.length).toBe(source.length);
  expect([...code].filter((char) => char === '\n').length).toBe([...source].filter((char) => char === '\n').length);
  return code;
}

describe('lexer: comments go, strings stay', () => {
  it.each<[Language, string, readonly string[], readonly string[]]>([
    ['node', "const a = 'x // not a comment'; // gone\n/* gone\n too */ const b = `t ${c /* gone */} // kept`;\nconst re = /'[/]/; // gone\n", ["'x // not a comment'", '`t ${c ', '} // kept`', "/'[/]/"], ['gone', 'too']],
    ['node', 'const t = `a ${ {k: 1}.k } b`; // gone\n', ['`a ${ {k: 1}.k } b`'], ['gone']],
    ['python', '"""docstring gone"""\nx = """kept""" # gone\ny = \'#kept\'\nz = f"{a} # kept"\n', ['"""kept"""', "'#kept'", 'f"{a} # kept"'], ['docstring', 'gone']],
    ['python', 'call(\n    """kept as an argument"""\n)\n', ['kept as an argument'], []],
    ['ruby', "x = '# kept' # gone\n=begin\ngone\n=end\ny = <<~SQL\n  # kept in heredoc\nSQL\nz = \"#{a} kept\"\n", ["'# kept'", '# kept in heredoc', '"#{a} kept"'], ['gone']],
    ['php', "<?php\n$a = 'kept // here'; // gone\n# gone\n#[Attribute] /* gone */\n$b = <<<EOT\n// kept in heredoc\nEOT;\n", ["'kept // here'", '#[Attribute]', '// kept in heredoc'], ['gone']],
    ['go', 'a := "kept // x" // gone\nb := `raw /* kept */`\n/* gone */\nc := \'/\'\n', ['"kept // x"', '`raw /* kept */`'], ['gone']],
    ['java', 'String a = "kept // x"; // gone\nString b = """\n  text /* kept */\n  """; /* gone */\nchar c = \'"\';\n', ['"kept // x"', 'text /* kept */'], ['gone']],
    ['dotnet', 'var a = @"C:\\kept // ""q"""; // gone\nvar b = $"{x} // kept"; /* gone */\n', ['@"C:\\kept // ""q"""', '$"{x} // kept"'], ['gone']],
  ])('%s', (language, source, kept, gone) => {
    const code = strip(language, source);
    for (const text of kept) expect(code).toContain(text);
    for (const text of gone) expect(code).not.toContain(text);
  });

  it('collects comments holding a marker, with the line they end on', () => {
    const { comments } = lex('a();\n// marker one\n/* x\n marker two */\nb();\n', LANGUAGE_SPECS.node.lexer, 'marker');
    expect(comments.map((comment) => comment.endLine)).toEqual([2, 4]);
  });

  it('survives unterminated constructs', () => {
    for (const language of Object.keys(LANGUAGE_SPECS) as Language[]) {
      for (const source of ['"unterminated', '/* open', '`open ${', "'''", '<<<EOT\nno end', '<<~X\nno end']) strip(language, source);
    }
  });
});

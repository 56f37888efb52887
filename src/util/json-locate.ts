// Line and column for JSON problems, so a hand-edited file's error points at the place to fix:
// JSON.parse's "at position N" turned into line:column, and a key path (from schema validation)
// found in the text by a small scanner.

export interface TextPosition {
  line: number; // 1-based
  column: number; // 1-based
}

export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where JSON text first breaks, with a message of our own: Node versions word JSON.parse's errors
 * differently and some (Node 20's "Unexpected token") give no position at all.
 */
export function jsonSyntaxProblem(text: string): { message: string; position: TextPosition } | null {
  let i = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { offset: i });
  };
  const describe = (): string => (i >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text[i])}`);
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const string = (): void => {
    i += 1;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const char = text[i]!;
      if (char === '"') break;
      if (char < ' ') fail('control character in string (use \\n)');
      if (char === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('bad escape in string');
      }
      i += 1;
    }
    i += 1;
  };
  const value = (): void => {
    ws();
    const char = text[i];
    if (char === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a "quoted" key, found ${describe().replace('unexpected ', '')}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after the key, found ${describe().replace('unexpected ', '')}`);
        i += 1;
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          ws();
          if (text[i] === '}') fail("trailing comma before '}'");
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return;
        }
        fail(`expected ',' or '}', found ${describe().replace('unexpected ', '')}`);
      }
    }
    if (char === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          ws();
          if (text[i] === ']') fail("trailing comma before ']'");
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return;
        }
        fail(`expected ',' or ']', found ${describe().replace('unexpected ', '')}`);
      }
    }
    if (char === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail(`${describe()} where a value was expected`);
    i += literal![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`${describe()} after the end of the JSON value`);
    return null;
  } catch (error) {
    const offset = (error as { offset?: number }).offset ?? i;
    return { message: (error as Error).message, position: positionAt(text, offset) };
  }
}

/**
 * The position of the value at `path` in valid JSON text; when the path runs past what exists (a
 * missing key), the position of the deepest container that does exist.
 */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): TextPosition {
  let i = 0;
  const skipWhitespace = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i += 1;
  };
  const skipString = (): void => {
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skipValue = (): void => {
    skipWhitespace();
    const char = text[i];
    if (char === '"') return skipString();
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      i += 1;
      skipWhitespace();
      while (i < text.length && text[i] !== close) {
        if (char === '{') {
          readString();
          skipWhitespace();
          i += 1; // ':'
        }
        skipValue();
        skipWhitespace();
        if (text[i] === ',') i += 1;
        skipWhitespace();
      }
      i += 1;
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i += 1;
  };
  // Returns the offset of the value at path[depth...], starting at the value under the cursor.
  const valueAt = (depth: number): number => {
    skipWhitespace();
    const start = i;
    const key = path[depth];
    if (key === undefined) return start;
    const char = text[i];
    if (char === '{' && typeof key === 'string') {
      i += 1;
      skipWhitespace();
      while (i < text.length && text[i] !== '}') {
        const name = readString();
        skipWhitespace();
        i += 1;
        if (name === key) return valueAt(depth + 1);
        skipValue();
        skipWhitespace();
        if (text[i] === ',') i += 1;
        skipWhitespace();
      }
      return start;
    }
    if (char === '[' && typeof key === 'number') {
      i += 1;
      for (let index = 0; ; index += 1) {
        skipWhitespace();
        if (i >= text.length || text[i] === ']') return start;
        if (index === key) return valueAt(depth + 1);
        skipValue();
        skipWhitespace();
        if (text[i] === ',') i += 1;
      }
    }
    return start;
  };
  return positionAt(text, valueAt(0));
}

// Which anchor literals occur in a file, found in one pass over its bytes (Aho-Corasick, compiled
// to a byte DFA over a compressed alphabet so the table stays in cache). Matching is
// ASCII-case-folded: a superset of the exact answer, which is all a prefilter needs, and it lets
// case-insensitive patterns share the automaton.

const FOLD = new Uint8Array(256).map((_, byte) => (byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte));

export class LiteralMatcher {
  readonly size: number;
  readonly literals: readonly string[];
  /** byte -> symbol class (0: no literal uses the byte). */
  private readonly classes: Uint8Array;
  private readonly stride: number;
  /**
   * The transition table, pre-multiplied: `table[row + class]` is the next state's row
   * (`state * stride`), negated when that state ends a literal. One load per byte, no multiply.
   */
  private readonly table: Int32Array;
  /** Literal ids ending in each state (its own and along the failure chain). */
  private readonly outputs: readonly (readonly number[])[];

  constructor(literals: readonly string[]) {
    this.size = literals.length;
    this.literals = literals;
    const encoded = literals.map((literal) => Buffer.from(literal, 'utf8').map((byte) => FOLD[byte]!));
    const classes = new Uint8Array(256);
    let stride = 1;
    for (const bytes of encoded) for (const byte of bytes) if (classes[byte] === 0) classes[byte] = stride++;
    // Upper-case bytes share their lower-case class.
    for (let byte = 0x41; byte <= 0x5a; byte += 1) classes[byte] = classes[byte + 0x20]!;
    if (stride > 256) throw new Error('LiteralMatcher: more than 255 distinct literal bytes');

    const goto: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    encoded.forEach((bytes, id) => {
      let state = 0;
      for (const byte of bytes) {
        const symbol = classes[byte]!;
        let next = goto[state]!.get(symbol);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          own.push([]);
          goto[state]!.set(symbol, next);
        }
        state = next;
      }
      own[state]!.push(id);
    });

    const states = goto.length;
    const delta = new Int32Array(states * stride);
    const fail = new Int32Array(states);
    const outputs: number[][] = own.map((ids) => [...ids]);
    // Breadth-first: a state's failure target (shallower) has its row complete before the state's.
    for (let symbol = 0; symbol < stride; symbol += 1) delta[symbol] = goto[0]!.get(symbol) ?? 0;
    const queue: number[] = [...goto[0]!.values()];
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head]!;
      const failRow = fail[state]! * stride;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (const [symbol, next] of goto[state]!) {
        fail[next] = delta[failRow + symbol]!;
        queue.push(next);
      }
      for (let symbol = 0; symbol < stride; symbol += 1) delta[state * stride + symbol] = goto[state]!.get(symbol) ?? delta[failRow + symbol]!;
    }
    this.classes = classes;
    this.stride = stride;
    this.outputs = outputs;
    this.table = delta.map((next) => (outputs[next]!.length > 0 ? -next * stride : next * stride));
  }

  /** Marks `present[id] = 1` for each literal occurring in `bytes`; returns how many distinct ones. */
  scan(bytes: Uint8Array, present: Uint8Array): number {
    const { classes, stride, table, outputs } = this;
    let row = 0;
    let distinct = 0;
    for (let i = 0; i < bytes.length; i += 1) {
      const next = table[row + classes[bytes[i]!]!]!;
      if (next >= 0) {
        row = next;
        continue;
      }
      row = -next;
      for (const id of outputs[row / stride]!) {
        if (present[id] === 0) {
          present[id] = 1;
          distinct += 1;
        }
      }
    }
    return distinct;
  }
}

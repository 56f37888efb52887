// One table per language: the node types and callee names the model engine reads. Data only; the
// engine (model/extract.ts) has no per-language code paths beyond what these fields name.
import type { Language } from '../types.js';
import type { Grammar } from './parser.js';

export interface SyntaxTable {
  /** Call nodes, and the field holding the callee and the arguments. */
  readonly calls: readonly string[];
  readonly calleeFields: readonly string[];
  readonly argumentsField: string;
  /** Wrappers around one argument (`argument` in PHP and C#) to look through. */
  readonly argumentWrappers: readonly string[];
  /** Named arguments: node type, name field, value field (`tolerance=0`, `tolerance: 0`). */
  readonly namedArguments: readonly { readonly type: string; readonly name: string; readonly value: string }[];
  /** What delimits a handler. */
  readonly functions: readonly string[];
  /** Conditionals: the branch holding the taken path is any child but the condition. */
  readonly conditionals: readonly string[];
  /** Children of a try that handle its failure ... */
  readonly catches: readonly string[];
  /** ... and the try-like nodes that hold them. */
  readonly tries: readonly string[];
  /** A whole statement that catches inline (`x rescue nil`). */
  readonly inlineCatches: readonly string[];
  /** Statements that leave the function. */
  readonly exits: readonly string[];
  /** Calls that leave the request (`abort`, `halt`, `process.exit` ...), by last callee segment. */
  readonly exitCalls: readonly string[];
  /** Go-style: the error comes back as a value and is checked by the next `if`. */
  readonly errorValues: boolean;
  readonly strings: readonly string[];
  readonly integers: readonly string[];
  /** Assignments and declarations: node type, left field, right field. */
  readonly assignments: readonly { readonly type: string; readonly left: string; readonly right: string }[];
  /** Statement containers whose children run in order. */
  readonly blocks: readonly string[];
}

const BRACE_EXITS = ['return_statement', 'throw_statement'];

const JS: SyntaxTable = {
  calls: ['call_expression'],
  calleeFields: ['function'],
  argumentsField: 'arguments',
  argumentWrappers: [],
  namedArguments: [],
  functions: ['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration'],
  conditionals: ['if_statement', 'ternary_expression'],
  catches: ['catch_clause'],
  tries: ['try_statement'],
  inlineCatches: [],
  exits: BRACE_EXITS,
  exitCalls: ['exit', 'next'],
  errorValues: false,
  strings: ['string', 'template_string'],
  integers: ['number'],
  assignments: [
    { type: 'variable_declarator', left: 'name', right: 'value' },
    { type: 'assignment_expression', left: 'left', right: 'right' },
  ],
  blocks: ['statement_block', 'program'],
};

export const SYNTAX: Readonly<Record<Language, SyntaxTable>> = {
  node: JS,
  python: {
    calls: ['call'],
    calleeFields: ['function'],
    argumentsField: 'arguments',
    argumentWrappers: [],
    namedArguments: [{ type: 'keyword_argument', name: 'name', value: 'value' }],
    functions: ['function_definition', 'lambda'],
    conditionals: ['if_statement', 'conditional_expression'],
    catches: ['except_clause'],
    tries: ['try_statement'],
    inlineCatches: [],
    exits: ['return_statement', 'raise_statement'],
    exitCalls: ['abort', 'exit'],
    errorValues: false,
    strings: ['string'],
    integers: ['integer'],
    assignments: [{ type: 'assignment', left: 'left', right: 'right' }],
    blocks: ['block', 'module'],
  },
  ruby: {
    calls: ['call'],
    calleeFields: ['method'],
    argumentsField: 'arguments',
    argumentWrappers: [],
    namedArguments: [{ type: 'pair', name: 'key', value: 'value' }],
    functions: ['method', 'singleton_method', 'block', 'do_block', 'lambda'],
    conditionals: ['if', 'unless', 'if_modifier', 'unless_modifier', 'conditional'],
    catches: ['rescue'],
    tries: ['begin', 'body_statement', 'method', 'singleton_method', 'do_block', 'block'],
    inlineCatches: ['rescue_modifier'],
    exits: ['return'],
    exitCalls: ['halt', 'raise', 'abort', 'exit', 'fail'],
    errorValues: false,
    strings: ['string'],
    integers: ['integer'],
    assignments: [{ type: 'assignment', left: 'left', right: 'right' }],
    blocks: ['body_statement', 'begin', 'then', 'program', 'else', 'do_block', 'block_body'],
  },
  php: {
    calls: ['function_call_expression', 'member_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression'],
    calleeFields: ['name', 'function'],
    argumentsField: 'arguments',
    argumentWrappers: ['argument'],
    namedArguments: [],
    functions: ['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function'],
    conditionals: ['if_statement', 'conditional_expression'],
    catches: ['catch_clause'],
    tries: ['try_statement', 'try_with_resources_statement'],
    inlineCatches: [],
    exits: [...BRACE_EXITS, 'exit_statement'],
    exitCalls: ['exit', 'die', 'wp_die', 'abort', 'wp_send_json_error'],
    errorValues: false,
    strings: ['string', 'encapsed_string'],
    integers: ['integer'],
    assignments: [{ type: 'assignment_expression', left: 'left', right: 'right' }],
    blocks: ['compound_statement', 'program'],
  },
  go: {
    calls: ['call_expression'],
    calleeFields: ['function'],
    argumentsField: 'arguments',
    argumentWrappers: [],
    namedArguments: [],
    functions: ['function_declaration', 'method_declaration', 'func_literal'],
    conditionals: ['if_statement'],
    catches: [],
    tries: [],
    inlineCatches: [],
    exits: ['return_statement'],
    exitCalls: ['Fatal', 'Fatalf', 'Fatalln', 'Exit', 'panic', 'AbortWithStatus', 'AbortWithStatusJSON', 'AbortWithError'],
    errorValues: true,
    strings: ['interpreted_string_literal', 'raw_string_literal'],
    integers: ['int_literal'],
    assignments: [
      { type: 'short_var_declaration', left: 'left', right: 'right' },
      { type: 'assignment_statement', left: 'left', right: 'right' },
      { type: 'var_spec', left: 'name', right: 'value' },
      { type: 'const_spec', left: 'name', right: 'value' },
    ],
    blocks: ['block', 'statement_list', 'source_file'],
  },
  java: {
    calls: ['method_invocation'],
    calleeFields: ['name'],
    argumentsField: 'arguments',
    argumentWrappers: [],
    namedArguments: [],
    functions: ['method_declaration', 'lambda_expression', 'constructor_declaration'],
    conditionals: ['if_statement', 'ternary_expression'],
    catches: ['catch_clause'],
    tries: ['try_statement', 'try_with_resources_statement'],
    inlineCatches: [],
    exits: BRACE_EXITS,
    exitCalls: ['exit', 'halt'],
    errorValues: false,
    strings: ['string_literal'],
    integers: ['decimal_integer_literal'],
    assignments: [
      { type: 'variable_declarator', left: 'name', right: 'value' },
      { type: 'assignment_expression', left: 'left', right: 'right' },
    ],
    blocks: ['block', 'program'],
  },
  dotnet: {
    calls: ['invocation_expression'],
    calleeFields: ['function'],
    argumentsField: 'arguments',
    argumentWrappers: ['argument'],
    namedArguments: [],
    functions: ['method_declaration', 'lambda_expression', 'local_function_statement', 'anonymous_method_expression'],
    conditionals: ['if_statement', 'conditional_expression'],
    catches: ['catch_clause'],
    tries: ['try_statement', 'try_with_resources_statement'],
    inlineCatches: [],
    exits: [...BRACE_EXITS, 'throw_expression'],
    exitCalls: ['Exit'],
    errorValues: false,
    strings: ['string_literal', 'verbatim_string_literal', 'interpolated_string_expression', 'raw_string_literal'],
    integers: ['integer_literal'],
    assignments: [
      { type: 'variable_declarator', left: 'name', right: '' },
      { type: 'assignment_expression', left: 'left', right: 'right' },
    ],
    blocks: ['block', 'compilation_unit', 'global_statement'],
  },
};

/** JVM languages the Java SDK serves that no bundled grammar parses. */
const NO_GRAMMAR = ['.kt', '.kts', '.groovy', '.scala'];

/** The grammar for a file of a language (TypeScript and TSX by extension); null when none parses it. */
export function grammarOf(language: Language, file: string): Grammar | null {
  if (NO_GRAMMAR.some((extension) => file.toLowerCase().endsWith(extension))) return null;
  if (language !== 'node') return ({ python: 'python', ruby: 'ruby', php: 'php', go: 'go', java: 'java', dotnet: 'c-sharp' } as const)[language];
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return 'tsx';
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return 'typescript';
  return 'javascript';
}

// The docs say what the code does: every rule id, command, flag and key permission named in
// README.md and docs/*.md exists, and the documented commands that can run offline do run (as
// ESLint runs its doc examples). Names are read from the code (the rule registry, the commander
// program, RESTRICTED_KEY_PERMISSIONS), never listed here, so renames show up as failures.
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { RESTRICTED_KEY_PERMISSIONS } from '../src/app/prepare.js';
import { buildProgram } from '../src/cli/main.js';
import { CHECKLIST } from '../src/engine/checklist.js';
import { ATTESTABLE_IDS, ATTESTABLE_ITEMS } from '../src/gather/attestations/items.js';
import { REPORTER_NAMES } from '../src/report/names.js';
import { REPO_ROOT, runCli, type CliRun } from './support/cli.js';
import { memoryIo } from './support/memory-io.js';

const DOC_FILES = ['README.md', ...readdirSync(path.join(REPO_ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const DOCS = DOC_FILES.map((file) => ({ file, text: readFileSync(path.join(REPO_ROOT, file), 'utf8') }));

// ---- names from the code ----

const RULE_IDS = new Set(RULES.map((rule) => rule.meta.id));
const program = buildProgram(memoryIo(REPO_ROOT), () => {});

function flagsOf(command: Command): Set<string> {
  const flags = new Set<string>(['--help', '-h']);
  for (const option of command.options) for (const flag of [option.long, option.short]) if (flag) flags.add(flag);
  return flags;
}

const COMMANDS = new Map<string, { command: Command; flags: Set<string> }>();
for (const command of program.commands) for (const name of [command.name(), ...command.aliases()]) COMMANDS.set(name, { command, flags: flagsOf(command) });
const GLOBAL_FLAGS = flagsOf(program);
const DEFAULT_COMMAND = program.commands.find((command) => (program as unknown as { _defaultCommandName?: string })._defaultCommandName === command.name())?.name() ?? null;
const ALL_FLAGS = new Set([...GLOBAL_FLAGS, ...[...COMMANDS.values()].flatMap((entry) => [...entry.flags])]);

/** Kebab-case names the docs may show in backticks that are neither rules, items nor commands. */
const OTHER_NAMES = new Map([
  ['identity-golive', 'the tool'],
  ['identity-golive-disable-next-line', 'the inline suppression directive'],
  ['not-ready', "a Stripe double scenario (fixtures/stripe/)"],
  ['language-not-selected', "the source scan's skip reason"],
  ['no-secret-in-code', 'docs/source-scanning.md: the example of a misspelt rule id'],
  ['no-grammar', "the syntax-tree scan's reason for an unparsed file"],
  ['parse-timeout', "the syntax-tree scan's reason for an unparsed file"],
]);
/** The GitHub Action's inputs and outputs (action.yml), which docs/ci.md documents. */
const ACTION_YML = readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8');
const ACTION_NAMES = [...ACTION_YML.matchAll(/^ {2}([a-z][a-z0-9-]*):\n {4}description:/gm)].map((match) => match[1]!);
const KNOWN_NAMES = new Set<string>([...RULE_IDS, ...CHECKLIST.map((item) => item.id), ...ATTESTABLE_IDS, ...ATTESTABLE_ITEMS.flatMap((item) => item.formerly), ...COMMANDS.keys(), ...ACTION_NAMES, ...OTHER_NAMES.keys()]);

// ---- what the docs contain ----

interface Block {
  file: string;
  lang: string;
  body: string;
}

function fencedBlocks(file: string, text: string): Block[] {
  return [...text.matchAll(/^```([\w-]*)\n([\s\S]*?)^```/gm)].map((match) => ({ file, lang: match[1]!, body: match[2]! }));
}

/** Inline `code` spans, outside fenced blocks. */
function inlineSpans(text: string): string[] {
  return [...text.replace(/^```[\s\S]*?^```/gm, '').matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
}

/** Blocks that hold commands: shell and YAML, and unlabelled ones (a synopsis, or a `$ ` transcript). */
const COMMAND_LANGS = new Set(['sh', 'bash', 'shell', 'console', 'yaml', 'yml', '']);

/**
 * One line per command: `\` continuations and YAML folded scalars (`run: >-`) joined, comments
 * dropped. In a transcript (`console`, or any block with `$ ` prompts) only the prompted lines are
 * commands; the rest is output.
 */
function logicalLines(body: string, lang: string): string[] {
  const transcript = lang === 'console' || /^\$ /m.test(body);
  const lines = body.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i]!;
    if (transcript && !line.startsWith('$ ')) continue;
    const folded = /^(\s*)(?:- |[\w-]+: )?[>|]-?\s*$/.exec(line);
    if (folded) {
      const indent = folded[1]!.length;
      const parts: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || lines[i + 1]!.search(/\S/) > indent)) parts.push(lines[++i]!.trim());
      out.push(parts.join(' '));
      continue;
    }
    while (line.trimEnd().endsWith('\\') && i + 1 < lines.length) line = `${line.trimEnd().slice(0, -1)} ${lines[++i]!.trim()}`;
    out.push(line.replace(/^\s*\$ /, '').replace(/\s+#\s.*$/, ''));
  }
  return out;
}

/** Shell-like words: whitespace separates, quotes group and are removed (`markdown="$X"` → `markdown=$X`). */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== null) out.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) out.push(word);
  return out;
}

interface Invocation {
  file: string;
  line: string;
  /** Words after `identity-golive`, up to a shell operator. */
  args: string[];
  /** From a fenced block (runnable), or an inline span. */
  fenced: boolean;
}

function invocationsIn(file: string, line: string, fenced: boolean): Invocation[] {
  const all = words(line);
  const out: Invocation[] = [];
  all.forEach((word, index) => {
    if (!/(^|\/)identity-golive$/.test(word)) return;
    // A YAML step name (`name: identity-golive check`) is a label, not a command.
    if (all[index - 1]?.endsWith(':') && all[index - 1] !== 'run:') return;
    const rest = all.slice(index + 1);
    const end = rest.findIndex((w) => ['|', '&&', '||', ';', '>', '2>', '2>&1', '#'].includes(w));
    out.push({ file, line: line.trim(), args: end < 0 ? rest : rest.slice(0, end), fenced });
  });
  return out;
}

const INVOCATIONS: Invocation[] = DOCS.flatMap(({ file, text }) => [
  ...fencedBlocks(file, text)
    .filter((block) => COMMAND_LANGS.has(block.lang))
    .flatMap((block) => logicalLines(block.body, block.lang).flatMap((line) => invocationsIn(file, line, true))),
  ...inlineSpans(text).flatMap((span) => invocationsIn(file, span, false)),
]);

/** The command an invocation runs: its first word when that is no flag, else the default command. */
function commandOf(invocation: Invocation): string | null {
  const first = invocation.args[0];
  return first && !first.startsWith('-') ? first : DEFAULT_COMMAND;
}

// ---- the checks ----

describe('docs name only what exists', () => {
  it('reads names from the code (a sanity check on the extraction itself)', () => {
    expect(RULE_IDS.size).toBeGreaterThan(20);
    expect([...COMMANDS.keys()]).toEqual(expect.arrayContaining(['check', 'gather', 'probe', 'attest', 'rules', 'explain', 'init', 'walkthrough']));
    expect(DEFAULT_COMMAND).toBe('check');
    expect(COMMANDS.get('check')!.flags.has('--strict')).toBe(true);
    expect(INVOCATIONS.filter((invocation) => invocation.fenced).length).toBeGreaterThan(15);
  });

  it('every kebab-case name in backticks is a rule, a checklist item, a confirmation (or its former id) or a command', () => {
    const unknown = DOCS.flatMap(({ file, text }) =>
      inlineSpans(text)
        .filter((span) => /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(span))
        .filter((span) => !KNOWN_NAMES.has(span))
        .map((span) => `${file}: \`${span}\``),
    );
    expect(unknown).toEqual([]);
  });

  it('every name in a rule-id position is a rule id (--rule, --only, explain, rules/<id>.md, suppressions, config rules)', () => {
    const contexts: RegExp[] = [
      /(?:--rule|-r)[ =]([a-z][a-z0-9-]+)/g,
      /--only[ =]([a-z0-9,-]+)/g,
      /identity-golive explain ([a-z][a-z0-9-]+)/g,
      /identity-golive-disable-next-line ([a-z0-9, -]+?)(?: --|$)/gm,
      /\(\.{0,2}\/?rules\/([a-z0-9-]+)\.md\)/g,
      /"rule":\s*"([^"]+)"/g,
      /\brule:\s*'([^']+)'/g,
      /\brules:\s*\{\s*'([^']+)'/g,
      /"rules":\s*\{\s*"([^"]+)"/g,
    ];
    // Placeholders (`--only a,b`, `webhook-handler-…`) are not names.
    const isName = (id: string) => /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(id);
    const named = DOCS.flatMap(({ file, text }) => contexts.flatMap((pattern) => [...text.matchAll(pattern)].flatMap((match) => match[1]!.split(/[,\s]+/).filter(isName).map((id) => ({ file, id })))));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter(({ id }) => !RULE_IDS.has(id)).map(({ file, id }) => `${file}: ${id}`)).toEqual([]);
  });

  it('every `identity-golive <command>` is a command, and each of its flags is one of that command', () => {
    const problems: string[] = [];
    for (const invocation of INVOCATIONS) {
      const name = commandOf(invocation);
      const first = invocation.args[0];
      if (first && !first.startsWith('-') && !COMMANDS.has(first)) {
        problems.push(`${invocation.file}: unknown command "${first}" in: ${invocation.line}`);
        continue;
      }
      const flags = name ? new Set([...COMMANDS.get(name)!.flags, ...GLOBAL_FLAGS]) : GLOBAL_FLAGS;
      // A synopsis writes optional flags in brackets: `[--url <url>]`.
      for (const word of invocation.args.map((w) => w.replace(/^[[(]+|[\])]+$/g, '')).filter((w) => /^--?[a-zA-Z]/.test(w))) {
        const flag = word.split('=')[0]!;
        if (!flags.has(flag)) problems.push(`${invocation.file}: ${name ?? 'identity-golive'} has no ${flag}, in: ${invocation.line}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every value given to a flag with fixed choices is one of them, and every --report format exists', () => {
    const problems: string[] = [];
    for (const invocation of INVOCATIONS) {
      const name = commandOf(invocation);
      if (!name || !COMMANDS.has(name)) continue;
      const { command } = COMMANDS.get(name)!;
      invocation.args.forEach((word, index) => {
        const [flag, inline] = word.split(/=(.*)/s) as [string, string | undefined];
        const option = command.options.find((candidate) => candidate.long === flag || candidate.short === flag);
        const value = inline ?? invocation.args[index + 1];
        if (!option || value === undefined || /[…<>[\]|$]/.test(value)) return;
        if (option.argChoices && !option.argChoices.includes(value)) problems.push(`${invocation.file}: ${name} ${flag} ${value} is not one of ${option.argChoices.join(', ')}`);
        if (flag === '--report' && !(REPORTER_NAMES as readonly string[]).includes(value.split('=')[0]!)) problems.push(`${invocation.file}: --report ${value}: no such format`);
      });
    }
    expect(problems).toEqual([]);
    // The lists of formats in prose name exactly the formats there are.
    const listed = DOCS.flatMap(({ file, text }) => [...text.matchAll(/Formats: ((?:`[a-z]+`,?\s*(?:and\s+)?)+)/g)].map((match) => ({ file, formats: [...match[1]!.matchAll(/`([a-z]+)`/g)].map((m) => m[1]) })));
    expect(listed.length).toBeGreaterThan(0);
    for (const { file, formats } of listed) expect({ file, formats }).toEqual({ file, formats: [...REPORTER_NAMES] });
    const formatLists = DOCS.flatMap(({ file, text }) => [...text.matchAll(/--format ((?:[a-z]+\\?\|)+[a-z]+)/g)].map((match) => ({ file, formats: match[1]!.split(/\\?\|/) })));
    // `--format a|b|c` in prose: probe offers fewer formats than check, so these are only checked to exist.
    expect(formatLists.length).toBeGreaterThan(0);
    for (const { file, formats } of formatLists) expect({ file, unknown: formats.filter((format) => !(REPORTER_NAMES as readonly string[]).includes(format)) }).toEqual({ file, unknown: [] });
  });

  it('every flag shown on its own in backticks is a flag of some command', () => {
    const problems = DOCS.flatMap(({ file, text }) =>
      inlineSpans(text)
        .filter((span) => /^--[a-z]/.test(span))
        .map((span) => span.split(/[ =]/)[0]!)
        .filter((flag) => !ALL_FLAGS.has(flag))
        .map((flag) => `${file}: ${flag}`),
    );
    expect(problems).toEqual([]);
  });

  it('every key permission named is one identity-golive asks for, and every permission list is complete', () => {
    // "Account: Read (connected_account_read) · Webhook Endpoints: Read · …": the names before ": Read".
    const required = RESTRICTED_KEY_PERMISSIONS.split(' · ').map((part) => part.split(':')[0]!.trim());
    expect(required).toContain('Event Destinations');
    // The Dashboard lists the Identity permission under "Identity"; docs write it several ways.
    const phrase = (name: string) => name.replace(/^Identity /, '');
    const plain = (text: string) => text.replace(/[*"`→]/g, '').replace(/\s+/g, ' ');
    const problems: string[] = [];
    for (const { file, text } of DOCS) {
      const flat = plain(text);
      for (const match of flat.matchAll(/((?:[A-Z][a-z]+ )*(?:and )?(?:[A-Z][a-z]+ ?)+): Read\b/g)) {
        const named = match[1]!.trim();
        if (!required.some((name) => named.endsWith(phrase(name)))) problems.push(`${file}: "${named}: Read" is not a permission identity-golive asks for`);
      }
      // A doc that lists the permissions (it names Webhook Endpoints) names all of them.
      if (flat.includes('Webhook Endpoints')) for (const name of required) if (!flat.includes(phrase(name))) problems.push(`${file}: the permission list lacks ${name}: Read`);
    }
    expect(problems).toEqual([]);
    expect(plain(DOCS.find((doc) => doc.file === 'docs/ci.md')!.text)).toContain('Event Destinations: Read');
  });
});

// ---- the examples that can run offline do run ----

/** Why a documented command is not run here; null when it is safe offline. */
function notRunnable(invocation: Invocation): string | null {
  const command = commandOf(invocation);
  if (command === 'probe' || invocation.args.some((word) => word.startsWith('--probe'))) return 'sends events to a webhook handler';
  if (command === 'walkthrough') return 'interactive';
  if (invocation.args.some((word) => /[…<>[\]]/.test(word))) return 'has a placeholder';
  if (invocation.args.some((word) => /\$(?!GITHUB_STEP_SUMMARY\b)\w/.test(word))) return 'needs an environment variable';
  return null;
}

describe('documented commands run offline', () => {
  let project: string;
  const results: { invocation: Invocation; args: string[]; run: CliRun }[] = [];

  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'golive-docs-'));
    // The demo project: config, code, confirmations and golive-snapshot.json, as the examples assume.
    await cp(path.join(REPO_ROOT, 'fixtures/demo'), project, { recursive: true });
    const runnable = INVOCATIONS.filter((invocation) => invocation.fenced && notRunnable(invocation) === null);
    const seen = new Set<string>();
    for (const invocation of runnable) {
      const command = commandOf(invocation);
      const args = invocation.args.map((word) => word.replace(/\$GITHUB_STEP_SUMMARY\b/g, path.join(project, 'step-summary.md')));
      // No network: commands that can go offline do; the rest never reach Stripe.
      if (command && COMMANDS.get(command)!.flags.has('--offline') && !args.includes('--offline') && !args.includes('--snapshot')) args.push('--offline');
      const key = args.join('\0');
      if (seen.has(key)) continue;
      seen.add(key);
      results.push({ invocation, args, run: await runCli(args, { cwd: project, env: { CI: 'true' } }) });
    }
  }, 180_000);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('runs enough of them to mean something', () => {
    if (process.env.GOLIVE_DOCS_DEBUG) for (const { invocation, args, run } of results) console.log(invocation.file, run.code, args.join(' '));
    expect(results.length).toBeGreaterThan(10);
    expect(new Set(results.map(({ invocation }) => commandOf(invocation))).size).toBeGreaterThanOrEqual(3);
  });

  it('each exits 0, 1 or 2 and is understood (no unknown option, command or rule, no internal error)', () => {
    const problems = results
      .filter(({ run }) => ![0, 1, 2].includes(run.code ?? -1) || /unknown (option|command)|too many arguments|missing required argument|Unknown rule|internal error|error: option/i.test(run.stderr))
      .map(({ invocation, args, run }) => `${invocation.file}: identity-golive ${args.join(' ')} → exit ${run.code}: ${run.stderr.trim().split('\n')[0]}`);
    expect(problems).toEqual([]);
  });
});

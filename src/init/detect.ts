// What `init` can tell about a project in a quick walk: its languages (by file extension) and
// where its webhook handler verifies Stripe signatures (a constructEvent-like call) and on which
// route. Deliberately simple: a starting point a person confirms, not the source scanner.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../gather/source/types.js';

const EXTENSIONS: Readonly<Record<string, Language>> = {
  '.js': 'node', '.mjs': 'node', '.cjs': 'node', '.jsx': 'node', '.ts': 'node', '.mts': 'node', '.cts': 'node', '.tsx': 'node',
  '.py': 'python',
  '.rb': 'ruby',
  '.php': 'php',
  '.go': 'go',
  '.java': 'java', '.kt': 'java', '.kts': 'java',
  '.cs': 'dotnet', '.fs': 'dotnet', '.vb': 'dotnet',
};

/** Directories of dependencies, builds and tooling: never the integration's own code. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'vendor', 'dist', 'build', 'out', 'target', 'bin', 'obj', 'coverage', '.next', '.nuxt', '.venv', 'venv', '__pycache__', '.tox', '.gradle', '.idea', '.vscode', '.identity-golive']);
const MAX_FILES = 20_000;
const MAX_DEPTH = 12;
const MAX_FILE_BYTES = 512 * 1024;

/** Signature verification in each SDK: constructEvent (node, php, java), construct_event (python, ruby), ConstructEvent (go, .NET). */
const VERIFY_CALL = /\bconstruct_?event(?:Async)?\s*\(/i;
/** A route string next to a routing call: app.post('/x'), @app.route("/x"), post '/x', HandleFunc("/x"), [Route("x")], @PostMapping("/x"), Route::post('/x'), path('x/'). */
const ROUTE = /(?:\.(?:post|all|route|use|handle|HandleFunc|Handle|Post|MapPost)|@\w*(?:route|post|PostMapping|RequestMapping)|\bRoute(?:::post)?|\bpost|\bpath|\bre_path|\bHandleFunc)\s*\(?\s*\(?\s*["'`](\/?[\w\-./:{}<>]*)["'`]/gi;

export interface WebhookGuess {
  file: string; // relative, forward slashes
  line: number;
  route: string | null;
}

export interface Detection {
  languages: Language[];
  filesByLanguage: Partial<Record<Language, number>>;
  webhook: WebhookGuess | null;
  filesSeen: number;
  truncated: boolean;
}

export async function detectProject(root: string): Promise<Detection> {
  const counts: Partial<Record<Language, number>> = {};
  const candidates: { file: string; language: Language }[] = [];
  let seen = 0;
  let truncated = false;

  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || truncated) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable directory: nothing to learn there
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (seen >= MAX_FILES) {
        truncated = true;
        return;
      }
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(full, depth + 1);
        continue;
      }
      if (!entry.isFile()) continue;
      seen += 1;
      const language = EXTENSIONS[path.extname(entry.name).toLowerCase()];
      if (language === undefined || /\.d\.ts$|\.min\.js$/.test(entry.name)) continue;
      counts[language] = (counts[language] ?? 0) + 1;
      candidates.push({ file: full, language });
    }
  };
  await walk(root, 0);

  const languages = (Object.keys(counts) as Language[]).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
  return { languages, filesByLanguage: counts, webhook: await findWebhook(root, candidates.map((c) => c.file)), filesSeen: seen, truncated };
}

async function findWebhook(root: string, files: readonly string[]): Promise<WebhookGuess | null> {
  const guesses: (WebhookGuess & { score: number })[] = [];
  for (const file of files) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    // Tests sign fake events with the same call; they are not the handler.
    if (/(^|\/)(tests?|spec|__tests__)\/|[._-](test|spec)\.\w+$|_test\.go$/.test(relative)) continue;
    let text: string;
    try {
      if ((await stat(file)).size > MAX_FILE_BYTES) continue;
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n');
    const callLine = lines.findIndex((line) => VERIFY_CALL.test(line));
    if (callLine < 0) continue;
    const routes: { route: string; line: number }[] = [];
    lines.forEach((line, index) => {
      for (const match of line.matchAll(ROUTE)) {
        const route = match[1]!;
        if (route.length > 1 || route === '/') routes.push({ route: route.startsWith('/') ? route : `/${route}`, line: index });
      }
    });
    // The route nearest the call, preferring one that says webhook or stripe.
    const best = routes
      .map((candidate) => ({ ...candidate, rank: Math.abs(candidate.line - callLine) - (/webhook|stripe|hook/i.test(candidate.route) ? 1000 : 0) }))
      .sort((a, b) => a.rank - b.rank)[0];
    guesses.push({ file: relative, line: callLine + 1, route: best?.route ?? null, score: (best ? 1 : 0) + (/webhook|stripe/i.test(relative) ? 1 : 0) });
  }
  guesses.sort((a, b) => b.score - a.score || a.file.localeCompare(b.file));
  const top = guesses[0];
  return top ? { file: top.file, line: top.line, route: top.route } : null;
}

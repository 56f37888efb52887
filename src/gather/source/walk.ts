// One walk over the project: .gitignore honoured (nested files and the enclosing repository's
// too), vendored and build output skipped, config include/exclude applied, symlinks followed only
// inside the root and never in a loop. Yields files; never throws for an unreadable directory.
import { readdirSync, readFileSync, realpathSync, statSync, existsSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/** Directories that never hold the integration's own code. */
const SKIPPED_DIRECTORIES = [
  'node_modules/', 'bower_components/', 'jspm_packages/', 'vendor/', 'third_party/',
  '.git/', '.hg/', '.svn/',
  'dist/', 'build/', 'out/', 'target/', 'obj/', 'bin/Debug/', 'bin/Release/', '.next/', '.nuxt/', '.svelte-kit/', '.output/', '.turbo/', '.vercel/', '.serverless/',
  'coverage/', '.nyc_output/', '__pycache__/', '.venv/', 'venv/', '.tox/', '.mypy_cache/', '.pytest_cache/', 'site-packages/', '.eggs/', '*.egg-info/',
  '.gradle/', '.idea/', '.vs/', '.vscode/', 'Pods/', '.bundle/', '.terraform/', '.cache/', '.parcel-cache/', '.yarn/', '.pnpm-store/',
];

/** Extensions that are never text: skipped without a read. */
const BINARY_EXTENSIONS = new Set(
  'png jpg jpeg gif bmp ico webp avif tiff psd svgz pdf zip gz tgz bz2 xz 7z rar jar war ear class dll exe so dylib a o obj lib pyc pyo whl egg gem woff woff2 ttf otf eot mp3 mp4 m4a mov avi mkv webm wav flac ogg sqlite db bin dat wasm node nupkg snk pfx p12 keystore jks'.split(' ').map((ext) => `.${ext}`),
);

/** No real project nests deeper; past this the walk stops and says so (a path-length and time bomb). */
export const MAX_DEPTH = 128;

export interface WalkOptions {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface WalkedFile {
  /** Absolute path to read. */
  readonly absolute: string;
  /** Relative to the root, forward slashes. */
  readonly relative: string;
}

export type WalkEvent = { kind: 'file'; file: WalkedFile } | { kind: 'skip'; reason: string; relative: string };

interface IgnoreLayer {
  /** The layer's directory, relative to the walk's top (may start with `../` for an enclosing repo). */
  readonly base: string;
  readonly rules: Ignore;
}

export function* walk(root: string, options: WalkOptions = {}): Generator<WalkEvent> {
  const rootReal = safeRealpath(root) ?? root;
  const include = options.include?.length ? picomatch(options.include as string[], { dot: true }) : null;
  const exclude = options.exclude?.length ? picomatch(options.exclude as string[], { dot: true }) : null;
  const builtIn = ignore().add(SKIPPED_DIRECTORIES);
  const enclosing = enclosingRepositoryLayers(rootReal);
  const visitedDirectories = new Set<string>([rootReal]);
  const stack: { dir: string; relative: string; layers: readonly IgnoreLayer[]; depth: number }[] = [{ dir: root, relative: '', layers: enclosing, depth: 0 }];

  while (stack.length > 0) {
    const { dir, relative, layers: parentLayers, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      yield { kind: 'skip', reason: 'too-deep', relative };
      continue;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      yield { kind: 'skip', reason: 'unreadable-directory', relative: relative || '.' };
      continue;
    }
    const layers = entries.some((entry) => entry.name === '.gitignore' && entry.isFile()) ? [...parentLayers, gitignoreLayer(dir, relative)] : parentLayers;
    // Sorted so results are stable across file systems.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: { dir: string; relative: string }[] = [];
    for (const entry of entries) {
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      const absolute = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = safeRealpath(absolute);
        if (target === null || !isInside(rootReal, target)) {
          yield { kind: 'skip', reason: 'symlink-outside-root', relative: childRelative };
          continue;
        }
        try {
          const stats = statSync(target);
          isDirectory = stats.isDirectory();
          isFile = stats.isFile();
        } catch {
          yield { kind: 'skip', reason: 'unreadable', relative: childRelative };
          continue;
        }
        if (isDirectory && visitedDirectories.has(target)) {
          yield { kind: 'skip', reason: 'symlink-loop', relative: childRelative };
          continue;
        }
        if (isDirectory) visitedDirectories.add(target);
      }
      if (isDirectory) {
        if (builtIn.ignores(`${childRelative}/`) || ignoredBy(layers, childRelative, true)) continue;
        if (exclude && (exclude(childRelative) || exclude(`${childRelative}/`))) continue;
        subdirectories.push({ dir: absolute, relative: childRelative });
        continue;
      }
      if (!isFile) continue;
      if (ignoredBy(layers, childRelative, false)) continue;
      if (include && !include(childRelative)) continue;
      if (exclude && exclude(childRelative)) continue;
      if (BINARY_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        yield { kind: 'skip', reason: 'binary', relative: childRelative };
        continue;
      }
      yield { kind: 'file', file: { absolute, relative: childRelative } };
    }
    for (const subdirectory of subdirectories.reverse()) stack.push({ ...subdirectory, layers, depth: depth + 1 });
  }
}

function gitignoreLayer(dir: string, relative: string): IgnoreLayer {
  let text = '';
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    // An unreadable .gitignore ignores nothing.
  }
  return { base: relative, rules: ignore().add(text) };
}

function ignoredBy(layers: readonly IgnoreLayer[], relative: string, isDirectory: boolean): boolean {
  for (const layer of layers) {
    const local = layerRelative(layer.base, relative);
    if (local !== null && local !== '' && layer.rules.ignores(isDirectory ? `${local}/` : local)) return true;
  }
  return false;
}

function layerRelative(base: string, relative: string): string | null {
  if (base === '') return relative;
  if (base.startsWith('../')) return `${base.replace(/^(?:\.\.\/)+/, '')}${relative}`.replace(/^\/+/, '') || null;
  return relative.startsWith(`${base}/`) ? relative.slice(base.length + 1) : null;
}

/**
 * When the root sits inside a git repository, the .gitignore files between the repository's top
 * and the root apply too. Each layer's base is expressed as the root's path from that directory.
 */
function enclosingRepositoryLayers(rootReal: string): IgnoreLayer[] {
  const chain: string[] = [];
  let dir = rootReal;
  for (let depth = 0; depth < 32; depth += 1) {
    if (existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) return []; // not inside a repository: only the root's own files apply
    chain.push(parent);
    dir = parent;
  }
  const layers: IgnoreLayer[] = [];
  for (const ancestor of chain.reverse()) {
    const file = path.join(ancestor, '.gitignore');
    if (!existsSync(file)) continue;
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    // `../` marks the layer as an ancestor; its prefix is the root's path relative to it.
    const prefix = path.relative(ancestor, rootReal).split(path.sep).join('/');
    layers.push({ base: `../${prefix}/`, rules: ignore().add(text) });
  }
  return layers;
}

function safeRealpath(target: string): string | null {
  try {
    return realpathSync(target);
  } catch {
    return null;
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

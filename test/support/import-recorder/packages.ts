// Which npm packages a recorded run loaded. A bundled chunk does not name the packages inside it,
// so the build's metafile (dist/cli.meta.json) says what each chunk holds; external packages load
// from node_modules and name themselves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

const PACKAGE_IN_PATH = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/** The package a path lies in, or null for the project's own code. */
export function packageOfPath(file: string): string | null {
  return PACKAGE_IN_PATH.exec(file)?.[1] ?? null;
}

/** Absolute path of every bundle output → the packages bundled into it. */
export function chunkPackages(repoRoot: string): Map<string, Set<string>> {
  const meta = JSON.parse(readFileSync(path.join(repoRoot, 'dist/cli.meta.json'), 'utf8')) as Metafile;
  const chunks = new Map<string, Set<string>>();
  for (const [output, { inputs }] of Object.entries(meta.outputs)) {
    const packages = new Set(Object.keys(inputs).map(packageOfPath).filter((name) => name !== null));
    chunks.set(path.resolve(repoRoot, output), packages);
  }
  return chunks;
}

/** Every package the recorded module URLs loaded, bundled or not. */
export function packagesLoaded(urls: readonly string[], repoRoot: string): Set<string> {
  const chunks = chunkPackages(repoRoot);
  const loaded = new Set<string>();
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const file = fileURLToPath(url);
    for (const name of chunks.get(file) ?? [packageOfPath(file)]) if (name) loaded.add(name);
  }
  return loaded;
}

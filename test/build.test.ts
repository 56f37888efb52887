// The published package runs the bundle: bin/ imports dist/cli/bin.js, the files list ships every
// chunk of it, and what it reads at run time (rule pages, the schema) ships beside it.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli.js';
import { chunkPackages } from './support/import-recorder/packages.js';

const run = promisify(execFile);

describe('the published CLI is the bundle', () => {
  it('bin/ imports the bundle entry', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'bin/identity-golive.js'), 'utf8')).toContain("import('../dist/cli/bin.js')");
  });

  it('npm pack ships every bundle file, the rule pages and the schema, and not the metafile', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT });
    const shipped = new Set((JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path));
    const bundle = readdirSync(path.join(REPO_ROOT, 'dist/cli'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)));
    expect(bundle).toContain('dist/cli/bin.js');
    expect(bundle.filter((file) => !shipped.has(file))).toEqual([]);
    for (const file of ['bin/identity-golive.js', 'rules/webhook-signature-verified.md', 'schema/identity-golive.schema.json']) expect(shipped).toContain(file);
    expect(shipped.has('dist/cli.meta.json')).toBe(false);
  });

  it('keeps external only what must load from node_modules', () => {
    const bundled = new Set([...chunkPackages(REPO_ROOT).values()].flatMap((packages) => [...packages]));
    // Bundled: the shell's commander, and in lazy chunks the config loader, its schema and the SDK.
    for (const name of ['stripe', 'commander', 'zod', 'cosmiconfig']) expect(bundled).toContain(name);
    // External: tree-sitter resolves its wasm from its package; typescript is cosmiconfig's optional peer.
    for (const name of ['@vscode/tree-sitter-wasm', 'typescript']) expect(bundled.has(name)).toBe(false);
  });
});

// The CLI bundle users run (bin/ imports dist/cli/bin.js): one ESM entry with code splitting, so
// every `import()` in the source stays a lazy chunk and `--help` loads only the command shell.
// `node esbuild.config.mjs` builds it; its metafile (dist/cli.meta.json) lets a test tell which
// packages each chunk holds.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';

const OUTDIR = 'dist/cli';

// Kept external, loaded from node_modules: the tree-sitter runtime resolves its wasm files from its
// package; cosmiconfig imports typescript (an optional peer) only for a .ts config file. stripe is
// bundled: its one lazy chunk loads in ~30 ms of CPU where node_modules/stripe took ~100 ms.
export const EXTERNAL = ['@vscode/tree-sitter-wasm', 'typescript'];

rmSync(OUTDIR, { recursive: true, force: true });
const result = await build({
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: OUTDIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // Bundled CommonJS packages (commander, cosmiconfig, picomatch…) call require() for node's modules.
  banner: { js: "import { createRequire as __igCreateRequire } from 'node:module'; const require = __igCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  // Not minified: --debug stack traces keep real names and lines (esbuild marks each source file
  // in the output); minifying whitespace and syntax measured no start-up gain.
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
// Beside the bundle, not in it: the published files list ships dist/cli only.
writeFileSync('dist/cli.meta.json', JSON.stringify(result.metafile));

// `identity-golive explain --model`: the IntegrationModel the code rules judge, as JSON. It holds
// locations and classifications, never values (no secret, url or metadata can appear).
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { compilePatterns } from '../gather/source/compile.js';
import { scanSource } from '../gather/source/scan.js';
import type { CliIo } from '../cli/io.js';
import type { ExitCode } from '../cli/main.js';

export async function runExplainModelCommand(options: { cwd?: string }, io: CliIo): Promise<ExitCode> {
  const cwd = path.resolve(io.cwd, options.cwd ?? '.');
  const config = await loadConfig({ cwd });
  const index = await scanSource(cwd, compilePatterns([]), {
    include: config.source.include,
    exclude: config.source.exclude,
    languages: config.source.languages,
    model: true,
  });
  // The calls followed between files are an internal of the linking step, not evidence.
  const model = { ...index.model!, webhooks: index.model!.webhooks.map(({ calls: _calls, ...handler }) => handler) };
  io.stdout.write(`${JSON.stringify({ root: cwd, filesScanned: index.filesScanned, languages: index.languages, model }, null, 2)}\n`);
  return 0;
}

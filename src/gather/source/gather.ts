// The Source gatherer: compiles the selected rules' patterns once and scans the project in one pass.
import { statSync } from 'node:fs';
import type { SourceIndex } from './types.js';
import { compilePatterns } from './compile.js';
import { scanSource } from './scan.js';
import { failed, gathered, type Gathered } from '../../engine/gathered.js';
import type { ArtifactDemand, GatherContext } from '../context.js';

export async function gatherSource(ctx: GatherContext, demand: ArtifactDemand): Promise<Gathered<SourceIndex>> {
  try {
    if (!statSync(ctx.cwd).isDirectory()) return failed('io', `${ctx.cwd} is not a directory`, 'Point --cwd at your project directory.');
  } catch (error) {
    return failed('io', `cannot read ${ctx.cwd}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'Point --cwd at a readable project directory.');
  }
  const patterns = compilePatterns(demand.rules.map((rule) => ({ ruleId: rule.meta.id, patterns: rule.meta.patterns ?? [] })));
  ctx.progress?.('Scanning source');
  try {
    const index = await scanSource(ctx.cwd, patterns, {
      include: ctx.config.source.include,
      exclude: ctx.config.source.exclude,
      languages: ctx.config.source.languages,
      model: demand.rules.some((rule) => rule.meta.sourceModel === true),
      onProgress: (files) => ctx.progress?.(`Scanning source (${files} files)`),
    });
    return gathered(index);
  } catch (error) {
    // The walk and reads swallow per-file problems; anything else is an I/O failure of the whole scan.
    return failed('io', `the source scan failed: ${(error as Error).message}`, 'Check that the project directory is readable, or narrow it with config `source.include`/`source.exclude`.');
  }
}

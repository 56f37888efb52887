// `identity-golive gather -o file`: the artifacts the selected rules read, saved for replay.
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import type { GatherOptions } from '../cli/commands/gather.js';
import type { ExitCode } from '../cli/main.js';
import { toSnapshot } from '../snapshot.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { prepareRun } from './prepare.js';
import { authFailures, collectArtifacts } from './run.js';
import { preloadStripe } from './overlap.js';

export async function runGatherCommand(options: GatherOptions, io: CliIo): Promise<ExitCode> {
  const now = Date.now();
  const sdkLoaded = preloadStripe(options, io);
  const run = await prepareRun(options, io);
  const artifacts = await collectArtifacts(run, options, io, now, undefined, sdkLoaded);
  const rejected = authFailures(artifacts);
  if (rejected.length > 0) {
    for (const failure of rejected) io.stderr.write(`identity-golive: ${failure.message}\n  → ${failure.fix}\n`);
    return 2;
  }
  const file = path.resolve(io.cwd, options.output);
  await writeFileAtomic(file, `${JSON.stringify(toSnapshot(artifacts, now), null, 2)}\n`);
  io.stderr.write(`Snapshot written to ${file}\n`);
  return 0;
}

// `identity-golive gather -o file`: the artifacts the selected rules read, saved for replay.
import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../util/user-error.js';
import type { CliIo } from '../cli/io.js';
import type { GatherOptions } from '../cli/commands/gather.js';
import type { ExitCode } from '../cli/main.js';
import { snapshotInputs, toSnapshot } from '../snapshot.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { prepareRun } from './prepare.js';
import { authFailures, collectArtifacts, remoteOutcomes } from './run.js';
import { preloadStripe } from './overlap.js';

export async function runGatherCommand(options: GatherOptions, io: CliIo): Promise<ExitCode> {
  const now = Date.now();
  // Found before any request: a directory cannot take a snapshot.
  const output = path.resolve(io.cwd, options.output);
  if (statSync(output, { throwIfNoEntry: false })?.isDirectory()) throw new UserError(`-o ${options.output} is a directory.`, 'Name a file, e.g. -o golive-snapshot.json.');
  const sdkLoaded = preloadStripe(options, io);
  const run = await prepareRun(options, io);
  const artifacts = await collectArtifacts(run, options, io, now, undefined, sdkLoaded);
  const rejected = authFailures(artifacts);
  if (rejected.length > 0) {
    for (const failure of rejected) io.stderr.write(`identity-golive: ${failure.message}\n  → ${failure.fix}\n`);
    return 2;
  }
  const { read, failures } = remoteOutcomes(artifacts);
  for (const failure of failures) io.stderr.write(`identity-golive: ${failure.message}\n  → ${failure.fix}\n`);
  if (failures.length > 0 && read === 0) {
    io.stderr.write('identity-golive: no evidence could be read; no snapshot written.\n');
    return 2;
  }
  const file = path.resolve(io.cwd, options.output);
  await writeFileAtomic(file, `${JSON.stringify(toSnapshot(artifacts, now, snapshotInputs(run.config)), null, 2)}\n`);
  io.stderr.write(`Snapshot written to ${file}${failures.length > 0 ? `, without ${failures.length} piece(s) of evidence that could not be read (replayed, their rules end in error)` : ''}\n`);
  // A snapshot with holes is not a clean gather: CI should see it.
  return failures.length > 0 ? 2 : 0;
}

// `identity-golive gather -o file`: the artifacts the selected rules read, saved for replay.
import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../util/user-error.js';
import type { CliIo } from '../cli/io.js';
import type { GatherOptions } from '../cli/commands/gather.js';
import type { ExitCode } from '../cli/main.js';
import { snapshotInputs, toSnapshot } from '../snapshot.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { maskSecrets } from '../util/mask.js';
import { demandOf } from '../engine/runner.js';
import { isStripeArtifact, type Mode } from '../engine/artifacts.js';
import { KEY_ENV, type KeySet } from '../gather/stripe/keys.js';
import type { Notice } from '../report/types.js';
import { prepareRun, type PreparedRun } from './prepare.js';
import { authFailures, collectArtifacts, remoteOutcomes } from './run.js';
import { preloadStripe } from './overlap.js';

/**
 * A key for one mode only while the selected rules read both: the snapshot will lack the other
 * mode, and its replay can only skip (or fall back for) what needs it.
 */
export function singleModeWarning(run: Pick<PreparedRun, 'rules' | 'keys'>): Notice | null {
  const demanded = new Set<Mode>();
  for (const [id, need] of demandOf(run.rules)) if (isStripeArtifact(id)) for (const mode of need.modes) demanded.add(mode);
  const keys: KeySet = run.keys;
  const given = (['live', 'test'] as const).filter((mode) => keys[mode]);
  const missing = [...demanded].filter((mode) => !keys[mode]);
  if (given.length !== 1 || missing.length === 0) return null;
  const key = keys[given[0]!]!;
  const other = missing[0]!;
  return {
    level: 'warn',
    message: `Only a ${key.mode}-mode key was given (${key.source}, ${key.masked}): the snapshot will hold no ${other}-mode evidence, so replaying it skips the ${other}-mode checks or falls back to ${key.mode} mode.`,
    fix: `Set ${KEY_ENV[other]} to a ${other}-mode restricted key (rk_${other}_…) as well, to gather both modes in one run.`,
  };
}

export async function runGatherCommand(options: GatherOptions, io: CliIo): Promise<ExitCode> {
  const now = Date.now();
  // Found before any request: a directory cannot take a snapshot.
  const output = path.resolve(io.cwd, options.output);
  if (statSync(output, { throwIfNoEntry: false })?.isDirectory()) throw new UserError(`-o ${options.output} is a directory.`, 'Name a file, e.g. -o golive-snapshot.json.');
  const sdkLoaded = preloadStripe(options, io);
  const run = await prepareRun(options, io);
  // No --format report here: what the snapshot will lack is said on stderr, before the work.
  const single = options.offline ? null : singleModeWarning(run);
  for (const notice of [...run.notices.filter((n) => n.level === 'warn'), ...(single ? [single] : [])]) {
    io.stderr.write(`identity-golive: warning: ${maskSecrets(notice.message)}\n${notice.fix ? `  → ${maskSecrets(notice.fix)}\n` : ''}`);
  }
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

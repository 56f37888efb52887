// Gather (or replay) and run: the part `check` and `gather` share after preparation.
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import type { TargetOptions } from '../cli/commands/shared-options.js';
import { STRIPE_ARTIFACTS, type Artifacts } from '../engine/artifacts.js';
import { demandOf, gatherArtifacts, type GathererMap } from '../engine/runner.js';
import { isSkipFailure, type Gathered, type GatherFailure } from '../engine/gathered.js';
import { GATHERERS } from '../gather/index.js';
import { artifactsFromSnapshot, isSnapshotArtifact, readSnapshot, type Snapshot } from '../snapshot.js';
import { gatherContext, type PreparedRun } from './prepare.js';
import { showsProgress, withProgress } from './progress.js';
import { remoteFirst } from './overlap.js';
import { runDeadlineMs, step } from '../util/watchdog.js';

export async function collectArtifacts(
  run: PreparedRun,
  options: TargetOptions & { snapshot?: string },
  io: CliIo,
  now: number,
  gatherers: GathererMap = GATHERERS,
  /** From preloadStripe, started before the config was read. */
  sdkLoaded: Promise<void> = Promise.resolve(),
): Promise<Partial<Artifacts>> {
  return (await collectEvidence(run, options, io, now, gatherers, sdkLoaded)).artifacts;
}

/** The artifacts, and the snapshot they were replayed from (its age and inputs go in the report). */
export async function collectEvidence(
  run: PreparedRun,
  options: TargetOptions & { snapshot?: string },
  io: CliIo,
  now: number,
  gatherers: GathererMap = GATHERERS,
  /** From preloadStripe, started before the config was read. */
  sdkLoaded: Promise<void> = Promise.resolve(),
): Promise<{ artifacts: Partial<Artifacts>; snapshot: Snapshot | null }> {
  // Relative to where the command was run, like every other path argument.
  const snapshot = options.snapshot ? await readSnapshot(path.resolve(io.cwd, options.snapshot)) : null;
  const deadline = runDeadlineMs(io.env);
  const gatheredHere = await step(
    'gathering evidence',
    () =>
      withProgress(showsProgress(io), io, 'Gathering evidence', (progress) =>
        gatherArtifacts(run.rules, gatherContext(run, io, options, now, progress), remoteFirst(gatherers, sdkLoaded), (id) => !snapshot || !isSnapshotArtifact(id)),
      ),
    {
      ms: deadline,
      message: `Gathering evidence did not finish within ${Math.round(deadline / 1000)} s.`,
      hint: 'Re-run with --debug to see which source is slow; IDENTITY_GOLIVE_DEADLINE (seconds) sets the limit.',
    },
  );
  if (!snapshot) return { artifacts: gatheredHere, snapshot: null };
  // Replay: remote evidence from the snapshot, the repository's own (code, config, attestations) fresh.
  return { artifacts: { ...gatheredHere, ...artifactsFromSnapshot(snapshot, [...demandOf(run.rules).keys()].filter(isSnapshotArtifact), run.config) }, snapshot };
}

/** A rejected key (401) makes the whole run undecidable. */
export function authFailures(artifacts: Partial<Artifacts>): GatherFailure[] {
  const failures = new Map<string, GatherFailure>();
  for (const id of STRIPE_ARTIFACTS) {
    const perMode = artifacts[id];
    if (!perMode) continue;
    for (const result of [perMode.live, perMode.test]) {
      if (!result.ok && result.failure.kind === 'auth') failures.set(result.failure.message, result.failure);
    }
  }
  return [...failures.values()];
}

/** Every remote read (Stripe per mode, pages): what was read, and what was asked for but failed. */
export function remoteOutcomes(artifacts: Partial<Artifacts>): { read: number; failures: GatherFailure[] } {
  const results: Gathered<unknown>[] = [];
  for (const id of STRIPE_ARTIFACTS) {
    const perMode = artifacts[id];
    if (perMode) results.push(perMode.live, perMode.test);
  }
  if (artifacts.Pages) results.push(...Object.values(artifacts.Pages));
  const failures = new Map<string, GatherFailure>();
  for (const result of results) if (!result.ok && !isSkipFailure(result.failure)) failures.set(result.failure.message, result.failure);
  return { read: results.filter((result) => result.ok).length, failures: [...failures.values()] };
}

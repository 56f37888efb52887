// The Attestations artifact: the committed file (config `attestations.file`), read and validated.
// A missing file is an empty set; an unreadable or malformed one is a failure the rules report.
import path from 'node:path';
import type { AttestationSet } from './types.js';
import { AttestationFileError, readAttestations, resolveAttestationsFile } from './file.js';
import { failed, gathered, type Gathered } from '../../engine/gathered.js';
import type { GatherContext } from '../context.js';

/** How far ahead a recorded time may be (another machine's clock) before it is refused. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export async function gatherAttestations(ctx: GatherContext): Promise<Gathered<AttestationSet>> {
  const file = resolveAttestationsFile(ctx.cwd, ctx.config.attestations.file);
  const display = path.relative(ctx.cwd, file).split(path.sep).join('/') || file;
  try {
    const set = await readAttestations(file, display);
    // A confirmation dated after the run's clock (beyond another machine's skew) was not made by a person yet.
    const future = set.entries.filter((entry) => Date.parse(entry.at) > ctx.now + CLOCK_SKEW_MS);
    if (future.length > 0) {
      return failed('invalid', `${display}: ${future.map((entry) => `${entry.item} is recorded at ${entry.at}, in the future`).join('; ')}.`, 'Fix the date by hand, or re-attest the item (`identity-golive attest <item>`).');
    }
    return gathered(set);
  } catch (error) {
    if (error instanceof AttestationFileError) return failed(error.kind, error.message, error.hint ?? 'Fix the attestations file.');
    throw error;
  }
}

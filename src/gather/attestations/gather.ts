// The Attestations artifact: the committed file (config `attestations.file`), read and validated.
// A missing file is an empty set; an unreadable or malformed one is a failure the rules report.
import path from 'node:path';
import type { AttestationSet } from './types.js';
import { AttestationFileError, readAttestations, resolveAttestationsFile } from './file.js';
import { failed, gathered, type Gathered } from '../../engine/gathered.js';
import type { GatherContext } from '../context.js';

export async function gatherAttestations(ctx: GatherContext): Promise<Gathered<AttestationSet>> {
  const file = resolveAttestationsFile(ctx.cwd, ctx.config.attestations.file);
  const display = path.relative(ctx.cwd, file).split(path.sep).join('/') || file;
  try {
    return gathered(await readAttestations(file, display));
  } catch (error) {
    if (error instanceof AttestationFileError) return failed(error.kind, error.message, error.hint ?? 'Fix the attestations file.');
    throw error;
  }
}

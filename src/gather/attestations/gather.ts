// PLACEHOLDER until attestations land (issue #4).
import type { AttestationSet } from './types.js';
import { failed, type Gathered } from '../../engine/gathered.js';
import type { GatherContext } from '../context.js';

export async function gatherAttestations(_ctx: GatherContext): Promise<Gathered<AttestationSet>> {
  return failed('not_configured', 'attestations are not supported yet', 'Wait for issue #4.');
}

// PLACEHOLDER until the source scanner lands (issue #3).
import type { SourceIndex } from './types.js';
import { failed, type Gathered } from '../../engine/gathered.js';
import type { ArtifactDemand, GatherContext } from '../context.js';

export async function gatherSource(_ctx: GatherContext, _demand: ArtifactDemand): Promise<Gathered<SourceIndex>> {
  return failed('bad_response', 'the source scanner is not built yet', 'Wait for issue #3.');
}

// PLACEHOLDER until the Stripe access layer lands (issue #2): reports the artifact as unavailable.
import type { AccountFacts, PerMode } from '../../engine/artifacts.js';
import { failed } from '../../engine/gathered.js';
import type { ArtifactDemand, GatherContext } from '../context.js';

export async function gatherAccount(_ctx: GatherContext, _demand: ArtifactDemand): Promise<PerMode<AccountFacts>> {
  const missing = failed<AccountFacts>('bad_response', 'the Stripe gatherer is not built yet', 'Wait for the Stripe access layer.');
  return { live: missing, test: missing };
}

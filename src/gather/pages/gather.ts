// PLACEHOLDER until page fetching lands (issue #4 owns it, including privacy-policy-url's fetch).
import { PAGE_IDS, type PageFacts, type PageId } from './types.js';
import { failed, type Gathered } from '../../engine/gathered.js';
import type { GatherContext } from '../context.js';

export async function gatherPages(_ctx: GatherContext): Promise<Record<PageId, Gathered<PageFacts>>> {
  const missing = failed<PageFacts>('bad_response', 'page fetching is not built yet', 'Wait for issue #4.');
  return Object.fromEntries(PAGE_IDS.map((id) => [id, missing])) as Record<PageId, Gathered<PageFacts>>;
}

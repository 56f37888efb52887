// Account: GET /v1/account per mode (branding, business name, country).
import type { AccountFacts, PerMode } from '../../engine/artifacts.js';
import type { ArtifactDemand, GatherContext } from '../context.js';
import { shapeFailure } from './errors.js';
import { perMode } from './per-mode.js';
import { accountFacts } from './project.js';

export async function gatherAccount(ctx: GatherContext, demand: ArtifactDemand): Promise<PerMode<AccountFacts>> {
  return perMode(ctx, demand, 'Account', async (access, mode) => {
    const account = await access.call('account', (stripe) => stripe.accounts.retrieveCurrent());
    if (typeof account?.id !== 'string') throw shapeFailure('account', 'no account id');
    return accountFacts(account, mode);
  });
}

// Verification sessions of the window (GET /v1/identity/verification_sessions, no expand), projected
// to facts: client_reference_id kept only as a per-run HMAC digest and a masked form, metadata
// values classified then dropped.
import { randomBytes } from 'node:crypto';
import type { PerMode, SessionWindow } from '../../engine/artifacts.js';
import type { ArtifactDemand, GatherContext } from '../context.js';
import { listAll, windowStart } from './paging.js';
import { perMode } from './per-mode.js';
import { sessionFacts } from './project.js';

const salts = new WeakMap<GatherContext, Buffer>();

/** One random salt per run: digests group sessions within a snapshot and link nothing across two. */
function runSalt(ctx: GatherContext): Buffer {
  let salt = salts.get(ctx);
  if (!salt) salts.set(ctx, (salt = randomBytes(32)));
  return salt;
}

export async function gatherVerificationSessions(ctx: GatherContext, demand: ArtifactDemand): Promise<PerMode<SessionWindow>> {
  const { windowDays, maxObjects } = ctx.config.stripe;
  const created = { gte: windowStart(ctx.now, windowDays) };
  const salt = runSalt(ctx);
  return perMode(ctx, demand, 'VerificationSessions', async (access) => {
    const listed = await listAll(access, 'verificationSessions', maxObjects, (stripe, cursor) =>
      stripe.identity.verificationSessions.list({ created, ...cursor }),
    );
    // Re-check the window and the object on our side: a 2009 session is not "of the last 30 days".
    const sessions = listed.items.filter((session) => session.object === 'identity.verification_session' && session.created >= created.gte);
    return { sessions: sessions.map((session) => sessionFacts(session, salt, ctx.now)), windowDays, truncated: listed.truncated };
  });
}

// Everything a gatherer may use. Built once per run by the CLI (or a test).
import type { ArtifactId, Artifacts, Mode } from '../engine/artifacts.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { KeySet } from './stripe/keys.js';
import type { AnyRule } from '../engine/rule.js';
import type { ProbeRequest } from './probe/types.js';

export interface GatherContext {
  readonly cwd: string;
  readonly config: ResolvedConfig;
  readonly keys: KeySet;
  /** Stripe API base URL override (local double, stripe-mock); validated before use. */
  readonly apiBase: URL | null;
  readonly offline: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly now: number;
  /** Progress lines for the spinner; never secrets. */
  readonly progress?: (message: string) => void;
  /** Set only by `probe` and `check --probe`: the vetted target, secret and budget. */
  readonly probe?: ProbeRequest | null;
}

/** What the selected rules need from one artifact: the Stripe modes, and the rules (for their patterns). */
export interface ArtifactDemand {
  readonly modes: ReadonlySet<Mode>;
  readonly rules: readonly AnyRule[];
}

export type Gatherer<K extends ArtifactId> = (ctx: GatherContext, demand: ArtifactDemand) => Promise<Artifacts[K]>;

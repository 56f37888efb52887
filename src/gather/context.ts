// Everything a gatherer may use. Built once per run by the CLI (or a test).
import type { ArtifactId, Artifacts, Mode } from '../engine/artifacts.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { KeySet } from './stripe/keys.js';
import type { AnyRule } from '../engine/rule.js';

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
}

/** What the selected rules need from one artifact: the Stripe modes, and the rules (for their patterns). */
export interface ArtifactDemand {
  readonly modes: ReadonlySet<Mode>;
  readonly rules: readonly AnyRule[];
}

export type Gatherer<K extends ArtifactId> = (ctx: GatherContext, demand: ArtifactDemand) => Promise<Artifacts[K]>;

// Which directory is the project: the nearest one upward holding our config, else a `.git`
// (ESLint's and git's habit), so `check` run from `myapp/src` checks `myapp`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_PLACES } from '../config/discover.js';

export type RootMarker = { kind: 'config'; file: string } | { kind: 'git' };

export interface FoundRoot {
  dir: string;
  marker: RootMarker;
}

/** The config file in `dir` the loader would pick, by the loader's own search order; else null. */
export function configIn(dir: string): string | null {
  for (const place of SEARCH_PLACES) {
    const file = path.join(dir, place);
    if (!isFile(file)) continue;
    // package.json is a config only when it has our key (cosmiconfig's rule too).
    if (place === 'package.json' && !hasOwnKey(file)) continue;
    return place;
  }
  return null;
}

/**
 * Walk up from `start`: in each directory a config wins over `.git`; the walk stops at the first
 * `.git`, so a config above the repository (a home-directory rc) never makes a whole home the project.
 */
export function findProjectRoot(start: string): FoundRoot | null {
  let dir = path.resolve(start);
  for (;;) {
    const config = configIn(dir);
    if (config) return { dir, marker: { kind: 'config', file: config } };
    // A worktree or submodule has a `.git` file, not a directory: both mark a repository.
    if (existsSync(path.join(dir, '.git'))) return { dir, marker: { kind: 'git' } };
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function describeMarker(marker: RootMarker): string {
  return marker.kind === 'config' ? marker.file : '.git';
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function hasOwnKey(packageJson: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(packageJson, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'identity-golive' in parsed;
  } catch {
    // A broken package.json is not our config; the loader reports it if it is ever read as one.
    return false;
  }
}

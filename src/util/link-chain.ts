// The paths a symlink chain passes through (the path itself first), so callers can tell where a
// name really leads: `/dev/stdout` → `/proc/self/fd/1` → a pipe, a socket or a file.
import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';

export function linkChain(file: string, maxHops = 40): string[] {
  const chain = [file];
  let current = file;
  for (let hops = 0; hops < maxHops; hops += 1) {
    try {
      if (!lstatSync(current).isSymbolicLink()) break;
      current = path.resolve(path.dirname(current), readlinkSync(current));
    } catch {
      break;
    }
    chain.push(current);
  }
  return chain;
}

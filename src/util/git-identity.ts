// Who is attesting, by default: git's `user.name <user.email>`, as the commits that carry the file.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function gitConfig(cwd: string, key: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['config', '--get', key], { cwd, timeout: 5000 });
    return stdout.trim() || null;
  } catch {
    // Not a repository, git missing, or the key unset.
    return null;
  }
}

export async function gitIdentity(cwd: string): Promise<string | null> {
  const [name, email] = await Promise.all([gitConfig(cwd, 'user.name'), gitConfig(cwd, 'user.email')]);
  if (name && email) return `${name} <${email}>`;
  return name ?? (email ? `<${email}>` : null);
}

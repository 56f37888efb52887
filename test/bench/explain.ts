// Bench: `explain <rule>` rendered for the terminal against `explain --markdown` (the raw page) and
// `node -e 0`: the renderer must cost nothing a person notices (target: rendered / raw ≤ 1.1).
import { spawn } from 'node:child_process';
import { BIN, cliEnv } from '../support/cli.js';

async function timeSpawn(args: string[]): Promise<number> {
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: cliEnv(), stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
  return performance.now() - start;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

export async function run(): Promise<void> {
  const rendered: number[] = [];
  const raw: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    rendered.push(await timeSpawn([BIN, 'explain', 'branding-configured']));
    raw.push(await timeSpawn([BIN, 'explain', 'branding-configured', '--markdown']));
    bare.push(await timeSpawn(['-e', '0']));
  }
  console.log(
    `explain: median ${fmt(median(rendered))} rendered vs ${fmt(median(raw))} --markdown (ratio ${(median(rendered) / median(raw)).toFixed(2)}, target ≤ 1.1); node -e 0 ${fmt(median(bare))}`,
  );
}

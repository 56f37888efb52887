// The only place that touches the process's exit.
import { main } from './main.js';
import { processIo } from './io.js';
import { currentStep } from '../util/watchdog.js';

// `identity-golive --help | head`: a closed pipe ends output quietly, as in any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// No verdict, no success: until main() returns, the exit code is "could not decide".
process.exitCode = 2;
let finished = false;
// Node ends a process whose only pending work is a promise that never settles: say so.
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  process.stderr.write(`identity-golive: the run ended before reaching a verdict: ${currentStep()} never finished.\n  → Re-run with --debug; if a JS config file is involved, check that what it exports settles.\n`);
  process.exitCode = 2;
});
const code = await main(process.argv.slice(2), processIo());
finished = true;
process.exitCode = code;

// The only place that touches the process's exit.
import { main } from './main.js';
import { processIo } from './io.js';

// `identity-golive --help | head`: a closed pipe ends output quietly, as in any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2), processIo());

// Benchmarks: each prints figures (ratios, memory) and asserts nothing. `npm run bench`.
import { scanBench } from './scan.js';

const BENCHES = [scanBench];

for (const bench of BENCHES) {
  console.log(`# ${bench.name}`);
  await bench.run();
}

// `npm run bench`: each module below runs and prints its figures. Add a bench with one line.
export interface BenchModule {
  /** Runs the bench and prints its figures (ratios, not verdicts: benches never fail a build). */
  run(): Promise<void>;
}

const BENCHES: readonly string[] = ['./check.js'];

for (const specifier of BENCHES) {
  const bench = (await import(specifier)) as BenchModule;
  await bench.run();
}

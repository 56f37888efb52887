// `npm run bench`: each module below runs and prints its figures (ratios, memory). Benches assert
// nothing and never fail a build. Add a bench with one line.
export interface BenchModule {
  run(): Promise<void>;
}

const BENCHES: readonly { name: string; specifier: string }[] = [
  { name: 'check: wall time vs the longest request chain; --help vs node -e 0', specifier: './check.js' },
  { name: 'source scan vs ripgrep', specifier: './scan.js' },
  { name: 'code rules vs the labelled corpus: agreement and false passes', specifier: './corpus.js' },
];

for (const { name, specifier } of BENCHES) {
  console.log(`# ${name}`);
  const bench = (await import(specifier)) as BenchModule;
  await bench.run();
}

// `npm run bench`: each module below runs and prints its figures (ratios, memory). Benches assert
// nothing and never fail a build. Add a bench with one line; `npm run bench -- <name>` runs one.
export interface BenchModule {
  run(): Promise<void>;
}

const BENCHES: readonly { id: string; name: string; specifier: string }[] = [
  { id: 'check', name: 'check: wall time vs the longest request chain; check --offline and --help vs node -e 0', specifier: './check.js' },
  { id: 'startup', name: 'start-up: where it goes (spawned totals, modules and CPU by package, phases)', specifier: './startup.js' },
  { id: 'scan', name: 'source scan vs ripgrep', specifier: './scan.js' },
  { id: 'explain', name: 'explain: rendered for the terminal vs the raw page', specifier: './explain.js' },
  { id: 'corpus', name: 'code rules vs the labelled corpus: agreement and false passes', specifier: './corpus.js' },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !BENCHES.some((bench) => bench.id === id));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; known: ${BENCHES.map((bench) => bench.id).join(', ')}`);
  process.exit(2);
}

for (const { id, name, specifier } of BENCHES) {
  if (wanted.length > 0 && !wanted.includes(id)) continue;
  console.log(`# ${name}`);
  const bench = (await import(specifier)) as BenchModule;
  await bench.run();
}

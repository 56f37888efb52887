// `npm run demo`: the real `check` on the bundled example integration (fixtures/demo: a Node
// integration, its config and attestations) with the bundled snapshot of its Stripe account, then
// what the exit code means. The demo itself exits 0 so npm does not bury the report under errors.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = ['bin/identity-golive.js', 'check', '--cwd', 'fixtures/demo', '--snapshot', 'fixtures/demo/golive-snapshot.json'];
console.log(`$ identity-golive ${args.slice(1).join(' ')}\n`);
const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
const meaning = { 0: 'ready to go live', 1: 'not ready: something blocks go-live', 2: 'could not decide' };
console.log(`\nexit code ${status} (${meaning[status] ?? 'unexpected'}): in CI this is what gates the deploy.`);
console.log('Try: identity-golive explain <rule> · identity-golive attest --list · identity-golive check --help');

// A hang guard, not a speed goal: files that once made the scanner backtrack for minutes must be
// checked at once. (Speed lives in `npm run bench`; this only catches super-linear blow-ups.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const steps = Array.from({ length: 6 }, (_, i) => `        log.info("step ${i}")\n`).join('');
/** The 24-line Flask shape that made `webhook.verify-error-swallowed` backtrack exponentially. */
const TRY_FINALLY = `def webhook():\n    try:\n${steps}        event = stripe.Webhook.construct_event(payload, sig, secret)\n${steps}    finally:\n        db.close()\n\n\ndef other():\n    try:\n        pass\n    except ValueError:\n        return None\n`;

it('a try/finally around construct_event, repeated to 700 lines, is checked within seconds', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'golive-hostile-'));
  writeFileSync(path.join(dir, 'app.py'), TRY_FINALLY.repeat(25));
  const started = Date.now();
  const run = await runCli(['check', '--offline', '--format', 'json'], { cwd: dir });
  expect(run.code, run.stderr).not.toBeNull();
  expect(JSON.parse(run.stdout)).toHaveProperty('results');
  expect(Date.now() - started).toBeLessThan(15_000);
}, 30_000);

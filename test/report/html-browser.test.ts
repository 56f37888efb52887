// The HTML report in a real headless Chromium: the page a product or legal reader opens, from a
// real `check` run of the demo (all fourteen items, real confirmations) and from the hostile
// report. Rendered offline from a file, screenshotted, and read back from the rendered page.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../src/engine/checklist.js';
import { html } from '../../src/report/html.js';
import { Chalk } from 'chalk';
import { runCli } from '../support/cli.js';
import { hostileReport } from '../support/sample-reports.js';
import { chromiumAvailable, CHROMIUM, launchChromium, type Browser } from '../support/chromium.js';

// CI installs chromium (.ci/run); elsewhere the test says how to get it instead of failing.
const required = Boolean(process.env.CI);
if (required && !chromiumAvailable()) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (as .ci/run does).`);

describe.skipIf(!chromiumAvailable())('html report in headless Chromium (needs chromium: apt-get install chromium)', () => {
  let dir: string;
  let browser: Browser;
  let demoPage: string;
  let hostilePage: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'golive-html-'));
    demoPage = path.join(dir, 'golive.html');
    const run = await runCli(['check', '--cwd', 'fixtures/demo', '--snapshot', 'fixtures/demo/golive-snapshot.json', '--report', `html=${demoPage}`]);
    expect(run.code).toBe(1);
    hostilePage = path.join(dir, 'hostile.html');
    await writeFile(hostilePage, html(hostileReport(), { chalk: new Chalk({ level: 0 }) }));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Open a file, recording every request, console message and dialog the page causes. */
  async function open(file: string) {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => problems.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, requests, problems };
  }

  it('shows every checklist item, the verdict, the run and who confirmed what; loads nothing else', async () => {
    const { page, requests, problems } = await open(demoPage);
    await expect(page.title()).resolves.toMatch(/^Not ready to go live: Stripe Identity go-live report, /);
    expect(await page.locator('h1').innerText()).toBe('Not ready to go live');
    const sections = page.locator('section.item');
    expect(await sections.count()).toBe(CHECKLIST.length);
    for (const [index, item] of CHECKLIST.entries()) {
      const heading = page.locator(`#item-${index + 1} h2`);
      expect(await heading.isVisible()).toBe(true);
      expect(await heading.innerText()).toContain(item.title);
    }
    // The overview fits the checklist into the first screens, each item with its status.
    const overview = await page.locator('ol.overview li').allInnerTexts();
    expect(overview.map((line) => line.replace(/\s+/g, ' ').trim())).toEqual(
      CHECKLIST.map((item, index) => expect.stringMatching(new RegExp(`^${index + 1} ${item.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (Done|Warning|Blocks go-live)$`))),
    );
    expect(await page.locator('#item-10 .badge').first().innerText()).toBe('Blocks go-live');
    expect(await page.locator('.facts').innerText()).toContain('replayed from the snapshot');
    const confirmed = page.locator('table.confirmations tr.c-confirmed');
    expect(await confirmed.count()).toBeGreaterThan(5);
    expect(await confirmed.first().innerText()).toContain('Fixture Labs launch team <launch@fixture-labs.example>');
    expect(await page.locator('table.confirmations tr.c-missing').innerText()).toContain('keys-rotated');
    // Styled by its inline sheet (a CSP-blocked style would leave the default font and colours).
    expect(await page.evaluate("getComputedStyle(document.querySelector('header.verdict')).borderLeftWidth")).toBe('8px');
    const screenshot = path.join(process.env.GOLIVE_SCREENSHOT_DIR ?? dir, 'golive.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    const png = await readFile(screenshot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Full page: the fourteen items make it several screens tall (IHDR height, big-endian).
    expect(png.readUInt32BE(20)).toBeGreaterThan(3000);
    expect((await stat(screenshot)).size).toBeGreaterThan(50_000);
    expect(requests).toEqual([`file://${demoPage}`]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders hostile text as text: no script runs, no element is injected', async () => {
    const { page, requests, problems } = await open(hostilePage);
    expect(await page.locator('script, b, img').count()).toBe(0);
    const rule = page.locator('[data-rule="signature-verified"]');
    expect(await rule.locator('.rule-title').innerText()).toBe('Signatures <b>not</b> verified & "trusted" | \'quoted\'');
    expect(await rule.locator('.message').innerText()).toContain('<script>alert(1)</script>');
    await page.screenshot({ path: path.join(process.env.GOLIVE_SCREENSHOT_DIR ?? dir, 'hostile.png'), fullPage: true });
    expect(requests).toEqual([`file://${hostilePage}`]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

// End to end, the built app as a static site: served from a sub-path (as on GitHub Pages or
// an intranet folder), it loads, starts its worker and opens a dataset file with no request
// outside that path, no failed request (the favicon included) and no console warning or error;
// and after that first visit it works offline (static/sw.js).
// Offsets are Unicode code points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launchChromium, openFile, DIST } from './harness.mjs';

/** What goes wrong on `page` from now on: console warnings and errors, page errors, failed
 * requests and answers of 400 or more. */
function watched(page) {
  const problems = [];
  page.on('console', (m) => ['warning', 'error'].includes(m.type()) && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
  return problems;
}

/** Serves dist/ (or `root`) under `prefix`, opens a page in a fresh Chromium and runs `steps(page, url,
 * browser)` on it; then asserts that nothing went wrong (see `watched`) and stops both. */
async function onPage(prefix, steps, root = DIST) {
  const server = await serveDist({ prefix, root });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = watched(page);
    await steps(page, server.url, browser);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
}

test('served from a sub-path, with a clean console', () => onPage('/team/annotator/', async (page, url) => {
  await page.goto(url);
  await page.waitForSelector('.article [data-start]');
  const icon = await page.$eval('link[rel="icon"]', (l) => l.href);
  assert.ok(icon.startsWith(url), `the favicon is under the sub-path: ${icon}`);
  // The worker (from Open…) under the sub-path too: a doccano file opens through it.
  await page.hover('.export-menu summary');
  await openFile(page, 'two.jsonl', '{"id":7,"text":"Ana met Omar in Lisbon.","label":[[0,3,"Person"],[16,22,"Place"]]}\n');
  await page.waitForFunction(() => document.querySelector('nav.documents h2')?.textContent.includes('(2)'));
  await page.waitForTimeout(1500);
}));

test('after one visit it opens offline, with the saved work, and opens a dataset file through its worker', () => onPage('/offline/', async (page, url, browser) => {
  await page.goto(url);
  await page.waitForSelector('.article [data-start]');
  await openFile(page, 'offline.txt', 'Ana Lima flew to Lisbon on Monday.');
  await page.waitForFunction(() => document.querySelector('.article')?.textContent.includes('Ana Lima flew'));
  // The service worker has cached the app once it controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForTimeout(500);
  await browser.setOffline(true);
  await page.reload();
  // The saved document is back, offline.
  await page.waitForFunction(() => document.querySelector('.article')?.textContent.includes('Ana Lima flew'));
  await page.hover('.export-menu summary');
  await openFile(page, 'more.jsonl', '{"id":"m","text":"Omar met Ana.","label":[[0,4,"Person"]]}\n');
  await page.waitForFunction(() => document.querySelector('.article')?.textContent.includes('Omar met Ana'));
  await browser.setOffline(false);
  const manifest = await page.$eval('link[rel="manifest"]', (l) => l.href);
  const parsed = await (await fetch(manifest)).json();
  assert.equal(parsed.start_url, './');
}));

test('an update is picked up on the next visit, the page and its worker alike', async () => {
  // A copy of the build, changed between two visits as a new release would be.
  const root = await mkdtemp(join(tmpdir(), 'annotator-update-'));
  await cp(DIST, root, { recursive: true });
  try {
    await onPage('/update/', async (page, url) => {
      await page.goto(url);
      await page.waitForSelector('.article [data-start]');
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.waitForTimeout(500);
      const index = join(root, 'index.html');
      await writeFile(index, (await readFile(index, 'utf8')).replace('<head>', '<head><meta name="release" content="2">'));
      await appendFile(join(root, 'formats-worker.js'), '\n// release 2\n');
      await page.reload();
      await page.waitForSelector('.article [data-start]');
      assert.equal(await page.$eval('meta[name="release"]', (m) => m.content), '2', 'the page is the new one');
      // The converters' worker starts on first use, from the new release's files.
      await page.hover('.export-menu summary');
      await openFile(page, 'update.jsonl', '{"id":"u","text":"Omar met Ana.","label":[[0,4,"Person"]]}\n');
      await page.waitForFunction(() => document.querySelector('.article')?.textContent.includes('Omar met Ana'));
      const worker = await page.evaluate(async () => (await (await caches.match(new URL('formats-worker.js', location.href))).text()));
      assert.ok(worker.includes('release 2'), 'the worker kept for offline use is the new one');
    }, root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

// Shared end-to-end harness: serves the release build from dist/ on 127.0.0.1 and starts
// Debian's headless Chromium through playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdtemp } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// ANNOTATOR_DIST serves another build instead (to compare two trees' figures side by side).
export const DIST = process.env.ANNOTATOR_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ (or the folder `root`) on an ephemeral loopback port, under `prefix` (a path
 * ending in "/"; anything outside it is 404); resolves to { url, close }, `url` ending in the
 * prefix. */
export async function serveDist({ prefix = '/', root = DIST } = {}) {
  const server = createServer(async (request, response) => {
    const whole = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!whole.startsWith(prefix)) {
      response.writeHead(404).end('not found');
      return;
    }
    const path = `/${whole.slice(prefix.length)}`;
    const file = join(root, path.endsWith('/') ? join(path, 'index.html') : path);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

/** Serves dist/ and starts Chromium before a test file's tests, stops both after; the returned
 * object holds `server` and `browser` once started. */
export function servedApp() {
  const app = {};
  before(async () => {
    app.server = await serveDist();
    app.browser = await launchChromium();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** Launches Debian's Chromium headless, with the flags this closed network needs; `options`
 * go to the browser context (the benchmark sets `bypassCSP`, as its probes are evaluated
 * code that the page's Content-Security-Policy refuses). */
export async function launchChromium(options = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'annotator-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Drags the mouse across the first occurrence of `needle` in the article (or in `within`). */
export async function dragAcross(page, needle, within = '.article') {
  const box = await page.evaluate(([needle, within]) => {
    const article = document.querySelector(within);
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      // Centre the text itself: the sticky toolbar covers the top of the page.
      window.scrollBy(0, range.getBoundingClientRect().top - innerHeight / 2);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x0: first.left + 1, y0: (first.top + first.bottom) / 2, x1: last.right - 1, y1: (last.top + last.bottom) / 2 };
    }
    return null;
  }, [needle, within]);
  if (!box) throw new Error(`"${needle}" is not in ${within}`);
  await page.mouse.move(box.x0, box.y0);
  await page.mouse.down();
  await page.mouse.move(box.x1, box.y1, { steps: 12 });
  await page.mouse.up();
}

/** Opens the toolbar's `name` menu (`file`, `assist` or `settings`) if it is closed, as a
 * user does before choosing one of its items. */
export async function openMenu(page, name) {
  const menu = { file: '.export-menu', assist: '.assist-menu', settings: '.settings-menu' }[name];
  if ((await page.locator(`${menu}[open]`).count()) === 0) await page.click(`${menu} summary`);
}

/** Picks `files` ([{ name, content }]) into the file input `input`, as a user's pick. */
export async function pickFiles(page, files, input) {
  await page.evaluate(({ files, input }) => {
    const element = document.querySelector(input);
    const transfer = new DataTransfer();
    for (const { name, content } of files) transfer.items.add(new File([content], name));
    element.files = transfer.files;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }, { files, input });
}

/** Opens a file of `content` named `name` through the app's Open… input, as a user's pick. */
export async function openFile(page, name, content) {
  await pickFiles(page, [{ name, content }], '.file-button input[type=file]');
}

/** A page of `app`'s browser on an empty workspace of its own (nothing from the test before),
 * loaded, its page errors collected; with the test context `t`, closed after the test (even a
 * failed one, whose page would otherwise keep the saving lock). */
export async function freshPage(app, t) {
  const page = await app.browser.newPage();
  t?.after(() => page.close());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await startEmpty(page);
  await page.goto(app.server.url);
  await page.waitForSelector('.article [data-start]');
  return { page, errors };
}

/** Makes the page start from an empty workspace on its first load (not on a reload). */
export async function startEmpty(page) {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('cleared')) {
      localStorage.clear();
      indexedDB.deleteDatabase('article-annotator');
      sessionStorage.setItem('cleared', '1');
    }
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Asserts that axe-core finds no serious or critical violation on the page as it is now
 * (`name` says which state of the page, in the failure). */
export async function audit(page, name) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(await readFile(AXE, 'utf8'));
  }
  const found = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
  });
  assert.deepEqual(found, [], `${name}: ${found.join('; ')}`);
}

// End to end: a renderer crash right after an edit loses nothing. The edit's save starts as
// soon as its frame is painted, so 150 ms later (well inside the old 300 ms autosave delay)
// the span is in IndexedDB and a new tab opens it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, dragAcross } from './harness.mjs';

const app = servedApp();

test('a renderer crash 150 ms after an edit keeps the edit', async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector('.article [data-start]');
  await dragAcross(page, 'Sergei Shoigu');
  await page.keyboard.press('1');
  const pressed = Date.now();
  await page.locator('.article mark.hl[data-label="Person"]').waitFor();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 150 - (Date.now() - pressed))));
  const cdp = await app.browser.newCDPSession(page);
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  cdp.send('Page.crash').catch(() => {});
  await crashed;

  const after = await app.browser.newPage();
  await after.goto(app.server.url);
  await after.waitForSelector('.article [data-start]');
  const person = after.locator('.article mark.hl[data-label="Person"]');
  await person.waitFor({ timeout: 5000 });
  assert.equal(await person.textContent(), 'Sergei Shoigu');
  await after.close();
});

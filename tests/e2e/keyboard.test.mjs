// End to end, keyboard only, from the first key to the export: Tab into the article, select
// words with the arrows, tag them with label keys, walk the annotations with Tab, remove one,
// open and close the shortcut list, then Shift+Tab to the File menu, open it and press Enter on
// Export JSON. Then an
// accessibility audit (axe-core) of the page in the light theme, the dark theme, with the label
// editor open and with the shortcut list open: no serious or critical violations. Screenshots
// (light, dark, narrow) go to tests/e2e/artifacts/; README_SCREENSHOT=1 also refreshes the
// README's screenshot. Offsets are Unicode code points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, audit, ROOT, ARTIFACTS } from './harness.mjs';

const README_SCREENSHOT = join(ROOT, 'tests', 'e2e', 'screenshots', 'annotator.png');
const app = servedApp();

const focused = (page) => page.evaluate(() => {
  const element = document.activeElement;
  return element?.classList.contains('article') ? 'article' : (element?.textContent ?? '').trim();
});
const selection = (page) => page.evaluate(() => String(getSelection()));

test('keyboard only: tag, walk, remove, export; then the accessibility audit', async () => {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.server.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('.article [data-start]');

  // Tab from the top of the page until the article has focus.
  for (let i = 0; i < 30 && (await focused(page)) !== 'article'; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focused(page), 'article');

  await page.keyboard.press('ArrowRight');
  assert.equal(await selection(page), 'TEHRAN');
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await selection(page), 'Mohammad Bagheri');
  await page.keyboard.press('1');
  for (let i = 0; i < 7; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await selection(page), 'Armed Forces of');
  await page.keyboard.press('Shift+ArrowLeft');
  assert.equal(await selection(page), 'Armed Forces');
  await page.keyboard.press('3');
  assert.deepEqual(await page.locator('.article mark.hl').allTextContents(), ['TEHRAN', 'Mohammad Bagheri', 'Armed Forces']);

  // Walk back with Shift+Tab, remove the Event, and check the list followed.
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await page.locator('.article mark.hl.selected').allTextContents(), ['Mohammad Bagheri']);
  await page.keyboard.press('Tab');
  assert.deepEqual(await page.locator('.article mark.hl.selected').allTextContents(), ['Armed Forces']);
  await page.keyboard.press('Delete');
  assert.deepEqual(await page.locator('.entries .entry-text').allTextContents(), ['TEHRAN', 'Mohammad Bagheri']);

  await page.keyboard.press('?');
  await page.locator('[role=dialog]').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[role=dialog]').count(), 0);
  assert.equal(await focused(page), 'article');

  // Out of the article backwards, to the File menu, Enter opens it, Tab to Export JSON, Enter.
  await page.keyboard.press('Escape');
  for (let i = 0; i < 30 && (await focused(page)) !== 'File'; i += 1) {
    await page.keyboard.press('Shift+Tab');
  }
  assert.equal(await focused(page), 'File');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 5 && (await focused(page)) !== 'Export JSON'; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focused(page), 'Export JSON');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const text = exported.document.text;
  assert.deepEqual(
    exported.annotations.map((a) => [a.label, a.text, Array.from(text).slice(a.start, a.end).join('')]),
    [['Place', 'TEHRAN', 'TEHRAN'], ['Person', 'Mohammad Bagheri', 'Mohammad Bagheri']],
  );

  // The audit, and the screenshots.
  // Evaluated through the DevTools protocol: the page's CSP refuses inline script tags.
  await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir(ARTIFACTS, { recursive: true });
  await audit(page, 'light theme');
  await page.screenshot({ path: join(ARTIFACTS, 'light.png') });
  if (process.env.README_SCREENSHOT === '1') {
    await mkdir(join(ROOT, 'tests', 'e2e', 'screenshots'), { recursive: true });
    await copyFile(join(ARTIFACTS, 'light.png'), README_SCREENSHOT);
  }
  await page.locator('.theme-toggle').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await audit(page, 'dark theme');
  await page.screenshot({ path: join(ARTIFACTS, 'dark.png') });
  await page.locator('.labels-toggle').click();
  await audit(page, 'label editor open');
  await page.keyboard.press('?');
  await audit(page, 'shortcut list open');
  await page.keyboard.press('Escape');
  await page.locator('.labels-toggle').click();
  await page.setViewportSize({ width: 420, height: 860 });
  await audit(page, 'narrow screen');
  await page.screenshot({ path: join(ARTIFACTS, 'narrow.png') });
  // The dark theme is remembered across a reload.
  await page.reload();
  await page.waitForSelector('.article [data-start]');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(errors, []);
});

test('the theme follows the system until the toggle is used', async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.evaluate(() => localStorage.clear());
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await page.waitForSelector('.article [data-start]');
  const background = () => page.evaluate(() => getComputedStyle(document.body.parentElement).backgroundColor);
  assert.equal(await background(), 'rgb(22, 23, 26)');
  assert.equal(await page.locator('.theme-toggle').getAttribute('aria-pressed'), 'true');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(), 'rgb(247, 247, 245)');
  await page.locator('.theme-toggle').click();
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(), 'rgb(22, 23, 26)', 'the choice overrides the system');
  await page.close();
});

// End to end: the toolbar reads. Its controls are grouped (labels, editing, and the File,
// Assist and Settings menus) and fit one row at 1280 px and two at 420 px; settings are
// switches; a menu opens on its button, closes on Escape and on a click outside, and opening
// one closes the other; axe finds nothing serious with a menu open. Screenshots of both widths
// go to tests/e2e/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { servedApp, freshPage, audit, ARTIFACTS } from './harness.mjs';

const app = servedApp();

/** How many rows the toolbar's visible controls take. */
const rows = (page) => page.evaluate(() => {
  const controls = [...document.querySelectorAll('.toolbar .legend > *, .toolbar .edit > *, .toolbar summary')];
  return new Set(controls.filter((c) => c.offsetParent).map((c) => Math.round(c.getBoundingClientRect().top))).size;
});

const open = (page) => page.evaluate(() => [...document.querySelectorAll('.toolbar details[open]')].map((d) => d.className));

test('the toolbar fits one row at 1280 px and two at 420 px, its menus open and close as menus do', async (t) => {
  const { page, errors } = await freshPage(app, t);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await rows(page), 1);
  await page.screenshot({ path: join(ARTIFACTS, 'toolbar-1280.png'), clip: { x: 0, y: 0, width: 1280, height: 120 } });

  await page.click('.settings-menu summary');
  assert.deepEqual(await open(page), ['menu-button settings-menu']);
  const snap = page.locator('.snap-toggle');
  assert.equal(await snap.getAttribute('aria-pressed'), 'true');
  await snap.click();
  assert.equal(await snap.getAttribute('aria-pressed'), 'false', 'a switch');
  assert.deepEqual(await open(page), ['menu-button settings-menu'], 'a setting keeps its menu open');
  await page.screenshot({ path: join(ARTIFACTS, 'toolbar-settings.png'), clip: { x: 560, y: 0, width: 720, height: 260 } });
  await audit(page, 'the Settings menu open');
  await page.click('.assist-menu summary');
  assert.deepEqual(await open(page), ['menu-button assist-menu'], 'opening one closes the other');
  await page.keyboard.press('Escape');
  assert.deepEqual(await open(page), []);
  await page.click('.export-menu summary');
  await page.click('.article');
  assert.deepEqual(await open(page), [], 'a click outside closes it');

  await page.setViewportSize({ width: 420, height: 800 });
  await page.evaluate(() => scrollTo(0, 0));
  assert.equal(await rows(page), 2);
  await page.screenshot({ path: join(ARTIFACTS, 'toolbar-420.png'), clip: { x: 0, y: 0, width: 420, height: 260 } });
  await audit(page, 'the toolbar at 420 px');
  assert.deepEqual(errors, []);
});

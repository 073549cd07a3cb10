// End to end, as a user: drag across a name, press 1, see the highlight, export, check the
// downloaded file's code point offsets against the shipped article, reload, find it restored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, dragAcross, openMenu, ROOT, ARTIFACTS } from './harness.mjs';

const ARTICLE = join(ROOT, 'static', 'articles', 'iran-russia-military-cooperation.txt');
const app = servedApp();

/** Python's text[start:end]: slices by code points. */
const slice = (text, start, end) => Array.from(text).slice(start, end).join('');

test('drag, press 1, export, reload', async () => {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.server.url);
  await page.waitForSelector('.article [data-start]');

  await dragAcross(page, 'Sergei Shoigu');
  assert.equal(await page.evaluate(() => String(getSelection())), 'Sergei Shoigu');
  await page.keyboard.press('1');
  const person = page.locator('.article mark.hl[data-label="Person"]');
  await person.waitFor();
  assert.equal(await person.textContent(), 'Sergei Shoigu');

  await dragAcross(page, 'Moscow');
  await page.keyboard.press('2');
  await page.locator('.article mark.hl[data-label="Place"]').waitFor();
  assert.deepEqual(await page.locator('.entries .entry-text').allTextContents(), ['Sergei Shoigu', 'Moscow']);

  // A double-click selects a word; a label key then tags it.
  const word = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('.article'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf('Afghanistan');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 2);
      range.setEnd(node, at + 3);
      // Centre the word itself: the sticky toolbar covers the top of the page.
      window.scrollBy(0, range.getBoundingClientRect().top - innerHeight / 2);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  });
  await page.mouse.dblclick(word.x, word.y);
  await page.keyboard.press('3');
  await page.locator('.article mark.hl[data-label="Event"]').waitFor();
  assert.equal(await page.locator('.article mark.hl[data-label="Event"]').textContent(), 'Afghanistan');
  await page.keyboard.press('Delete');
  await page.locator('.article mark.hl[data-label="Event"]').waitFor({ state: 'detached' });

  await openMenu(page, 'file');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'iran-russia-military-cooperation.annotations.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const article = await readFile(ARTICLE, 'utf8');
  assert.equal(exported.format, 'article-annotator');
  assert.equal(exported.offset_unit, 'codepoint');
  assert.equal(exported.document.text, article);
  assert.deepEqual(exported.annotations.map((a) => [a.text, a.label]), [['Sergei Shoigu', 'Person'], ['Moscow', 'Place']]);
  for (const a of exported.annotations) {
    assert.equal(slice(article, a.start, a.end), a.text, `offsets of ${a.text}`);
  }
  // The dash in "TEHRAN – " is one code point but three UTF-8 bytes: offsets are code points.
  assert.equal(exported.annotations[0].start, Array.from(article).join('').indexOf('Sergei Shoigu'));

  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'annotated.png'), fullPage: false });

  await page.reload();
  await page.locator('.article mark.hl[data-label="Place"]').waitFor();
  assert.deepEqual(await page.locator('.article mark.hl').allTextContents(), ['Sergei Shoigu', 'Moscow']);
  assert.deepEqual(errors, []);
  await page.close();
});

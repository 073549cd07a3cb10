// End to end, a corpus: pick several files at once (plain text, Markdown, a doccano JSONL of
// two articles), annotate two of them with the mouse and keys, mark one done, reload and find
// every document, mark and span restored from IndexedDB, then export the whole corpus as
// doccano JSONL and as a brat ZIP. Offsets are code points (Python's text[start:end]).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { servedApp, dragAcross, openMenu } from './harness.mjs';

const app = servedApp();
const slice = (text, start, end) => Array.from(text).slice(start, end).join('');

const FILES = [
  { name: 'alpha.txt', mimeType: 'text/plain', buffer: Buffer.from('Alpha report\n\nBagheri met Shoigu in Moscow.\n') },
  { name: 'beta.md', mimeType: 'text/markdown', buffer: Buffer.from('# Beta report\n\n😀 Araghchi flew to Tehran.\n') },
  {
    name: 'wire.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(
      [
        { id: 'w1', title: 'Wire one', text: 'Putin spoke in Minsk.', label: [[0, 5, 'Person']] },
        { id: 'w2', title: 'Wire two', text: 'Lavrov met Araghchi.', label: [] },
      ].map((line) => JSON.stringify(line)).join('\n') + '\n',
    ),
  },
];

const titles = (page) => page.locator('.document-entry .document-title').allTextContents();

test('import several files, annotate, reload, export the corpus', async () => {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.server.url);
  await page.waitForSelector('.article [data-start]');

  await page.setInputFiles('.file-button input[type=file]', FILES);
  await page.locator('.notice', { hasText: 'Added 4 documents' }).waitFor();
  assert.deepEqual((await titles(page)).slice(1), ['Alpha report', 'Beta report', 'Wire one', 'Wire two']);
  assert.equal(await page.locator('.document-entry.current .document-title').textContent(), 'Alpha report');

  await dragAcross(page, 'Moscow');
  await page.keyboard.press('2');
  await page.locator('.article mark.hl[data-label="Place"]').waitFor();
  await page.getByRole('button', { name: 'Mark done' }).click();
  await page.keyboard.press(']');
  await page.locator('.title', { hasText: 'Beta report' }).waitFor();
  await dragAcross(page, 'Araghchi');
  await page.keyboard.press('1');
  await page.locator('.article mark.hl[data-label="Person"]').waitFor();
  // Suggestions reach across documents: Araghchi, tagged in Beta, is suggested in Wire two.
  await page.locator('.document-entry', { hasText: 'Wire two' }).click();
  await page.locator('.title', { hasText: 'Wire two' }).waitFor();
  await openMenu(page, 'assist');
  await page.locator('.suggest-toggle').click();
  await page.locator('.article .suggested', { hasText: 'Araghchi' }).waitFor();

  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForSelector('.article [data-start]');
  assert.equal((await titles(page)).length, 5, 'every document is back');
  assert.equal(await page.locator('.title').textContent(), 'Wire two', 'the open document is back');
  assert.equal(await page.locator('nav.documents h2').textContent(), 'Documents (5) · 1 done');
  assert.equal(await page.locator('.saving-warning').count(), 0, 'the reloaded tab saves');
  await page.locator('.document-entry', { hasText: 'Beta report' }).click();
  await page.locator('.article mark.hl', { hasText: 'Araghchi' }).waitFor();
  await page.keyboard.press('[');
  await page.locator('.article mark.hl', { hasText: 'Moscow' }).waitFor();

  await page.locator('.export-menu summary').click();
  await page.locator('.export-corpus').check();
  const [jsonl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-menu [data-format="doccano"]').click(),
  ]);
  assert.equal(jsonl.suggestedFilename(), 'corpus.doccano.jsonl');
  const lines = (await readFile(await jsonl.path(), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines.length, 5);
  const spans = lines.flatMap((doc) => doc.label.map(([start, end, label]) => [slice(doc.text, start, end), label]));
  assert.deepEqual(spans, [['Moscow', 'Place'], ['Araghchi', 'Person'], ['Putin', 'Person']]);

  await page.locator('.export-menu summary').click();
  await page.locator('.export-done').check();
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-menu [data-format="brat"]').click(),
  ]);
  assert.equal(zip.suggestedFilename(), 'corpus.brat.zip');
  // Python's zipfile checks the archive's CRCs and lists it: only the done document.
  const listing = execFileSync('python3', [
    '-c',
    'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist())); print(z.read("alpha.ann").decode())',
    await zip.path(),
  ]).toString();
  assert.equal(listing, 'alpha.txt\nalpha.ann\nT1\tPlace 36 42\tMoscow\n\n');

  // A second tab opens the same work but leaves saving to the first.
  const second = await app.browser.newPage();
  await second.goto(app.server.url);
  await second.locator('.saving-warning', { hasText: 'open in another tab' }).waitFor();
  assert.equal((await second.locator('.document-entry .document-title').allTextContents()).length, 5);
  await second.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the open document’s row scrolls into the list as keys step past the view', async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector('.article [data-start]');
  const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `doc${i}`, text: `Report number ${i} from Tehran.`, label: [] }));
  await page.setInputFiles('.file-button input[type=file]', [
    { name: 'forty.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n') + '\n') },
  ]);
  await page.locator('.notice', { hasText: 'Added 40 documents' }).waitFor();
  const inView = () => page.evaluate(() => {
    const list = document.querySelector('.document-scroll');
    const row = document.querySelector('.document-entry.current').closest('li');
    return { scrolled: list.scrollTop, inView: row.offsetTop >= list.scrollTop && row.offsetTop + row.offsetHeight <= list.scrollTop + list.clientHeight };
  });
  for (let i = 0; i < 30; i += 1) await page.keyboard.press(']');
  await page.locator('.title', { hasText: /^doc30$/ }).waitFor();
  await page.waitForTimeout(100);
  const down = await inView();
  assert.ok(down.scrolled > 0 && down.inView, JSON.stringify(down));
  for (let i = 0; i < 30; i += 1) await page.keyboard.press('[');
  await page.locator('.title', { hasText: /^doc0$/ }).waitFor();
  await page.waitForTimeout(100);
  assert.ok((await inView()).inView, 'in view on the way back');
  await page.close();
});

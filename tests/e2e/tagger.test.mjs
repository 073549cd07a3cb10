// End to end: the tagger learns from an annotated corpus in the worker, pre-annotates a new
// document (Shift+M), its predictions are accepted one by one and above a threshold as one
// undo step, it cross-validates, and the model survives a reload, is exported, and a file
// that is not a model is refused without losing it. Offsets are Unicode code points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, dragAcross, openFile, freshPage, openMenu, ROOT, ARTIFACTS } from './harness.mjs';

const app = servedApp();
const CORPUS = join(ROOT, 'tests', 'fixtures', 'wikinews-gum', 'corpus.doccano.jsonl');
const TEXT = 'Prime Minister Rishi Sunak met Boris Johnson in London on Monday. '
  + 'Sunak later flew to Paris, where Emmanuel Macron greeted him.';

const open = openFile;

const counts = (page) => page.evaluate(() => document.querySelector('.counts').textContent);

test('the tagger learns from the corpus and pre-annotates a new document', async () => {
  const { page, errors } = await freshPage(app);
  await open(page, 'corpus.doccano.jsonl', await readFile(CORPUS, 'utf8'));
  await page.waitForFunction(() => document.querySelector('nav.documents h2')?.textContent.includes('36'));
  await open(page, 'new.txt', TEXT);
  await page.waitForFunction(() => document.querySelector('.title')?.textContent.startsWith('Prime Minister Rishi Sunak'));
  assert.match(await counts(page), /^0 annotations/);

  await openMenu(page, 'assist');
  await page.click('.model-toggle');
  await page.waitForSelector('.model-panel');
  await page.focus('.article');
  await page.keyboard.press('Shift+M');
  await page.waitForSelector('.article mark.predicted', { timeout: 60_000 });
  const learned = await page.textContent('.model-panel');
  assert.match(learned, /Learned from 807 spans in 34 documents/);
  const predicted = await page.$$eval('.article mark.predicted', (marks) => marks.map((m) => [m.textContent, m.dataset.label, m.title]));
  const texts = predicted.map(([text]) => text);
  for (const name of ['Rishi Sunak', 'Boris Johnson', 'London', 'Paris']) {
    assert.ok(texts.includes(name), `${name} not predicted: ${JSON.stringify(predicted)}`);
  }
  assert.ok(predicted.every(([, , title]) => /^Predicted \w+ \(\d+%\)$/.test(title)), JSON.stringify(predicted));
  await page.screenshot({ path: join(ARTIFACTS, 'tagger.png'), fullPage: true });

  // The review queue: one prediction at a time, least certain first, by keys.
  const shown = predicted.length;
  const marks = () => page.$$eval('.article mark.predicted', (m) => m.length);
  await page.click('.model-panel .review-start');
  await page.waitForSelector('.model-panel .review .context mark');
  assert.match(await page.textContent('.model-panel .review'), new RegExp(`Prediction 1 of ${shown}`));
  await page.screenshot({ path: join(ARTIFACTS, 'tagger-review.png'), fullPage: true });
  await page.keyboard.press('y');
  await page.waitForFunction(() => document.querySelector('.counts').textContent.startsWith('1 annotations'));
  await page.keyboard.press('n');
  await page.waitForFunction((n) => document.querySelectorAll('.article mark.predicted').length === n, shown - 2);
  await page.keyboard.press('Space');
  assert.match(await page.textContent('.model-panel .review'), new RegExp(`Prediction 4 of ${shown}`));
  await page.keyboard.press('u');
  await page.keyboard.press('u');
  await page.waitForFunction((n) => document.querySelectorAll('.article mark.predicted').length === n, shown - 1);
  await page.keyboard.press('u');
  await page.waitForFunction(() => document.querySelector('.counts').textContent.startsWith('0 annotations'));
  assert.equal(await marks(), shown);
  assert.match(await page.textContent('.model-panel .review'), /Prediction 1 of/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.model-panel .review'));

  // A click accepts one prediction; the rest above 0% go in one undo step.
  await page.click('.article mark.predicted');
  await page.waitForFunction(() => document.querySelector('.counts').textContent.startsWith('1 annotations'));
  await page.fill('.model-panel .threshold', '0');
  await page.dispatchEvent('.model-panel .threshold', 'change');
  await page.click('.model-panel .accept-above');
  await page.waitForFunction((n) => document.querySelector('.counts').textContent.startsWith(`${n} annotations`), shown);
  assert.equal(await page.$$eval('.article mark.predicted', (m) => m.length), 0);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('.counts').textContent.startsWith('1 annotations'));

  // Cross-validation in the worker: a table and a learning curve.
  await page.click('.model-panel .evaluate');
  await page.waitForSelector('.model-panel table caption', { timeout: 120_000 });
  const table = await page.textContent('.model-panel table');
  assert.match(table, /5-fold cross-validation over 35 documents/);
  assert.match(table, /micro0\.\d{3}0\.\d{3}0\.\d{3}808/);
  assert.ok(await page.$('.model-panel svg.curve polyline'));
  await page.screenshot({ path: join(ARTIFACTS, 'tagger-evaluated.png'), fullPage: true });

  // Export, then a file that is not a model is refused and the model stays.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.model-panel .export-model')]);
  assert.equal(download.suggestedFilename(), 'article-annotator.model');
  await page.setInputFiles('.model-panel input[type=file]', { name: 'bad.model', mimeType: 'text/plain', buffer: Buffer.from('not a model') });
  await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('bad.model was not opened'));
  const learnedNow = (await page.textContent('.model-panel')).match(/Learned from (\d+) spans/)[1];
  assert.ok(Number(learnedNow) > 807, `accepted predictions are learned from: ${learnedNow}`);

  // Pre-annotating every document to do: each shows its own predictions when opened.
  await page.click('.model-panel .pre-annotate-all');
  await page.waitForFunction(() => document.querySelector('.notice')?.textContent.startsWith('Pre-annotated 37 documents'), null, { timeout: 60_000 });
  await page.click('nav.documents .document-entry[title^="Microsoft waits"]');
  await page.waitForFunction(() => document.querySelector('.title')?.textContent.startsWith('Microsoft waits'));
  await page.waitForSelector('.article mark.predicted');

  // The model is kept with the workspace: after a reload it is there, and predicts.
  await page.reload();
  await page.waitForSelector('.article [data-start]');
  await openMenu(page, 'assist');
  await page.click('.model-toggle');
  await page.waitForFunction((n) => document.querySelector('.model-panel')?.textContent.includes(`Learned from ${n} spans`), learnedNow);
  assert.deepEqual(errors, []);
  await page.close();
});

test('annotate two articles by mouse, pre-annotate a third, accept by key, export', async () => {
  const { page, errors } = await freshPage(app);
  const articles = [
    ['a.txt', 'Alice Moore met Bob Stone in Berlin on Monday.', [['Alice Moore', '1'], ['Bob Stone', '1'], ['Berlin', '2']]],
    ['b.txt', 'Bob Stone and Alice Moore spoke in Paris on Tuesday.', [['Bob Stone', '1'], ['Alice Moore', '1'], ['Paris', '2']]],
  ];
  for (const [name, text, spans] of articles) {
    await open(page, name, text);
    await page.waitForFunction((t) => document.querySelector('.title')?.textContent === t, text);
    for (const [needle, key] of spans) {
      await dragAcross(page, needle);
      await page.keyboard.press(key);
      await page.waitForFunction((n) => [...document.querySelectorAll('.article mark.hl')].some((m) => m.textContent === n), needle);
    }
  }
  const third = 'On Friday Alice Moore visited Berlin with Bob Stone.';
  await open(page, 'c.txt', third);
  await page.waitForFunction((t) => document.querySelector('.title')?.textContent === t, third);
  await page.focus('.article');
  await page.keyboard.press('Shift+M');
  await page.waitForSelector('.article mark.predicted', { timeout: 60_000 });
  await openMenu(page, 'assist');
  await page.click('.model-toggle');
  assert.match(await page.textContent('.model-panel'), /Learned from 6 spans in 2 documents/);
  const predicted = await page.$$eval('.article mark.predicted', (m) => m.map((x) => [x.textContent, x.dataset.label]));
  assert.ok(predicted.some(([t, l]) => t === 'Alice Moore' && l === 'Person'), JSON.stringify(predicted));
  // Accept by key: select the predicted name, press Enter.
  await dragAcross(page, 'Alice Moore');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.article mark.hl[data-label="Person"]');
  await openMenu(page, 'file');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.document.text, third);
  assert.deepEqual(exported.annotations.map((a) => [a.start, a.end, a.text, a.label]), [[10, 21, 'Alice Moore', 'Person']]);
  assert.deepEqual(errors, []);
  await page.close();
});

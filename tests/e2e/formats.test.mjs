// End to end, the dataset formats as a user meets them: nest a Place in an Event with the
// mouse, export CoNLL IOB2 from the Export menu (the browser's confirm lists the nested span
// first; the converters' worker loads only now), copy the JSON to the real clipboard, and
// open a doccano file through the file chooser. Offsets are Unicode code points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { servedApp, dragAcross, openMenu, ARTIFACTS } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const app = servedApp();

test('export menu, copy JSON, open a doccano file', async () => {
  await app.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(app.server.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('.article [data-start]');

  await dragAcross(page, 'a conference in Afghanistan');
  await page.keyboard.press('3');
  // Then the place inside it, dragged across where it sits in the Event's highlight.
  await dragAcross(page, 'Afghanistan', '.article mark.hl[data-label="Event"]');
  await page.keyboard.press('2');
  assert.deepEqual(
    await page.locator('.entries .entry-text').allTextContents(),
    ['a conference in Afghanistan', 'Afghanistan'],
  );

  // CoNLL cannot hold the nested Place: the question names it before anything downloads.
  const questions = [];
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    dialog.accept();
  });
  const workerLoaded = () => requested.some((path) => path.startsWith('/formats-worker'));
  assert.equal(workerLoaded(), false, 'the converters are not part of the first load');
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-menu [data-format="iob2"]').click(),
  ]);
  assert.equal(questions.length, 1);
  assert.match(questions[0], /These 1 spans overlap longer ones/);
  assert.match(questions[0], /Place “Afghanistan”/);
  assert.equal(download.suggestedFilename(), 'iran-russia-military-cooperation.iob2.conll');
  assert.ok(workerLoaded(), 'the export ran in the converters\' worker');
  const conll = await readFile(await download.path(), 'utf8');
  assert.match(conll, /^-DOCSTART- -X- O O\n\n/);
  assert.match(conll, /\na\tB-Event\nconference\tI-Event\nin\tI-Event\nAfghanistan\tI-Event\n/);
  assert.equal(conll.match(/B-/g).length, 1, 'only the Event is tagged');
  assert.equal(await page.locator('.export-menu[open]').count(), 0, 'the menu closed');

  // Suggestions: the other Afghanistans, dashed; the page stays free of axe violations.
  await openMenu(page, 'assist');
  await page.locator('.suggest-toggle').click();
  await page.locator('.article mark.suggested').first().waitFor();
  const suggested = await page.locator('.article mark.suggested').allTextContents();
  assert.ok(suggested.length >= 4 && suggested.every((t) => t === 'Afghanistan'), suggested.join());
  // Evaluated through the DevTools protocol: the page's CSP refuses inline script tags.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}/${v.impact}`));
  assert.deepEqual(violations, []);
  await page.locator('.article mark.suggested').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'suggestions.png') });
  await openMenu(page, 'assist');
  await page.locator('.suggest-toggle').click();

  // Copy JSON writes the native export to the real clipboard.
  await openMenu(page, 'file');
  await page.getByRole('button', { name: 'Copy JSON' }).click();
  await page.locator('.notice', { hasText: 'Copied the JSON of 2 annotations' }).waitFor();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(
    copied.annotations.map((a) => [a.label, a.text]),
    [['Event', 'a conference in Afghanistan'], ['Place', 'Afghanistan']],
  );

  // A doccano line through the real file chooser; the unknown label becomes a new label.
  const line = JSON.stringify({ id: 'nato', title: 'NATO in 😀 Brussels', text: 'NATO met in 😀 Brussels.', label: [[0, 4, 'Organization'], [14, 22, 'Place']] });
  await page.setInputFiles('.file-button input[type=file]', {
    name: 'corpus.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(`${line}\n`),
  });
  await page.locator('.title', { hasText: 'NATO in 😀 Brussels' }).waitFor();
  assert.equal(questions.length, 1, 'opening adds a document: nothing to confirm');
  assert.deepEqual(await page.locator('.article mark.hl').allTextContents(), ['NATO', 'Brussels']);
  assert.deepEqual(
    await page.locator('.legend .label-name').allTextContents(),
    ['Person', 'Place', 'Event', 'Organization'],
  );
  assert.deepEqual(errors, []);
});

// End to end: several annotators. The user names themself (kept over a reload), Compare…
// opens three annotators' files of the golden set and the Agreement panel shows the figures
// the command line and Python's references give; a document is curated from its versions; a
// document with 50 disagreements is curated in at most 50 key presses, its provenance is in the
// export and the curation survives a reload. Offsets are Unicode code points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, pickFiles, freshPage, openMenu, audit, ROOT, ARTIFACTS } from './harness.mjs';

const app = servedApp();
const GOLDEN = join(ROOT, 'tests', 'fixtures', 'agreement');

const compare = (page, files) => pickFiles(page, files, '.compare-input');

/** The open document's native JSON, as Export JSON downloads it. */
async function exportJson(page) {
  await openMenu(page, 'file');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.toolbar button[title^="Download the open document"]'),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/** The matrix cell of annotators `a` and `b` (row, column) as its three figures. */
const cell = (page, a, b) => page.evaluate(([a, b]) => {
  const rows = [...document.querySelectorAll('.agreement-matrix tbody tr')];
  const names = rows.map((row) => row.querySelector('th').textContent);
  const pair = rows[names.indexOf(a)].querySelectorAll('td')[names.indexOf(b)];
  return ['.exact', '.overlap', '.kappa'].map((s) => pair.querySelector(s).textContent);
}, [a, b]);

test('Compare… shows the agreement Python computes, and a document is curated from it', async (t) => {
  const { page, errors } = await freshPage(app, t);
  await page.fill('.annotator-name', 'dana');
  await page.press('.annotator-name', 'Enter');
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector('.article [data-start]');
  assert.equal(await page.inputValue('.annotator-name'), 'dana', 'the name is saved');

  const files = [];
  for (const name of ['alice', 'bob', 'carol']) {
    files.push({ name: `${name}.jsonl`, content: await readFile(join(GOLDEN, `${name}.jsonl`), 'utf8') });
  }
  await compare(page, files);
  await page.waitForSelector('.agreement-matrix', { timeout: 30_000 });
  assert.match(await page.textContent('.agreement-scope'), /^3 annotators, 21 documents in common/);
  // The README's golden figures (equal to seqeval's, nervaluate's and scikit-learn's).
  assert.deepEqual(await cell(page, 'alice', 'bob'), ['0.819', '0.867', 'κ 0.900']);
  assert.deepEqual(await cell(page, 'carol', 'bob'), await cell(page, 'bob', 'carol'));
  assert.equal((await cell(page, 'bob', 'carol'))[0], '0.610');
  assert.equal(await page.$$eval('.agreement-documents tbody tr', (rows) => rows.length), 21);
  const f1s = await page.$$eval('.agreement-documents tbody tr td:nth-child(3)', (cells) => cells.map((c) => Number(c.textContent)));
  assert.deepEqual(f1s, [...f1s].sort((a, b) => a - b), 'least agreement first');
  await page.screenshot({ path: join(ARTIFACTS, 'agreement.png'), fullPage: true });
  await audit(page, 'the Agreement panel');

  // The least agreed document, curated by majority.
  await page.click('.agreement-documents tbody tr:first-child .open-document');
  await page.waitForFunction(() => document.querySelector('.version-tag')?.textContent.endsWith('version'));
  await page.click('.curate');
  await page.waitForSelector('.curation-panel .choice');
  assert.equal(await page.textContent('.version-tag'), 'curated version');
  const progress = await page.textContent('.curation-progress');
  const [, total] = progress.match(/^Disagreement 1 of (\d+)/);
  assert.ok(Number(total) > 0, progress);
  assert.match(progress, /merged at once: majority of alice, bob, carol/);
  await page.screenshot({ path: join(ARTIFACTS, 'curation.png') });
  await audit(page, 'curating');
  // The curator is the user: the export names them, and says where the spans came from.
  const exported = await exportJson(page);
  assert.equal(exported.document.annotator, 'dana');
  assert.deepEqual(exported.document.curation.annotators, ['alice', 'bob', 'carol']);
  assert.deepEqual(errors, []);
});

/** A document of 50 names, each a disagreement: alice a Person, bob a Place, carol nothing. */
function fifty() {
  let text = '';
  const spans = [];
  for (let i = 0; i < 50; i += 1) {
    const name = `Name${i}`;
    spans.push([text.length, text.length + name.length]);
    text += `${name} spoke on day ${i}.\n`;
  }
  const file = (label) => JSON.stringify({ id: 'fifty', text, label: label ? spans.map(([s, e]) => [s, e, label]) : [] });
  return [
    { name: 'alice.jsonl', content: file('Person') },
    { name: 'bob.jsonl', content: file('Place') },
    { name: 'carol.jsonl', content: file(null) },
  ];
}

test('a document with 50 disagreements is curated in 50 key presses, and it is kept', async (t) => {
  const { page, errors } = await freshPage(app, t);
  await compare(page, fifty());
  await page.waitForSelector('.agreement-matrix', { timeout: 30_000 });
  await page.click('.agreement-documents .open-document');
  await page.click('.curate');
  await page.waitForSelector('.curation-panel .choice');
  assert.match(await page.textContent('.curation-progress'), /^Disagreement 1 of 50 \(open\) · 0 of 50 settled/);

  let presses = 0;
  const press = async (key) => { presses += 1; await page.keyboard.press(key); };
  // alice's version (key 1) for all but the fifth, which gets neither (key 0).
  for (let i = 0; i < 50; i += 1) {
    await press(i === 4 ? '0' : '1');
    if (i < 49) {
      await page.waitForFunction((n) => document.querySelector('.curation-progress').textContent.startsWith(`Disagreement ${n} of 50`), i + 2);
    }
  }
  await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('All 50 disagreements are settled'));
  assert.ok(presses <= 50, `${presses} key presses`);
  assert.match(await page.textContent('.counts'), /^49 annotations · Person 49/);

  // The export says where each span came from.
  const exported = await exportJson(page);
  assert.equal(exported.document.id, 'fifty');
  assert.deepEqual(exported.document.curation.annotators, ['alice', 'bob', 'carol']);
  assert.deepEqual(exported.document.curation.left_empty.length, 1);
  assert.ok(exported.annotations.every((a) => JSON.stringify(a.sources) === '["alice"]'));

  // Autosaved: after a reload the curated version is there, and opening it again resumes
  // with nothing left to settle.
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForSelector('.article [data-start]');
  assert.equal(await page.textContent('.version-tag'), 'curated version');
  assert.match(await page.textContent('.counts'), /^49 annotations/);
  assert.equal(await page.$('.curation-panel'), null, 'every disagreement is settled');
  assert.deepEqual(errors, []);
});

// End to end: opening a file never paints a frame that mixes two documents — the new title
// over the old text, or the other way round — though rendering a large article takes longer
// than one of Yew's 16 ms scheduler slices; and the page is laid out only in its frames while
// it opens, never because a script asked where something is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './harness.mjs';
import { generateArticle } from './articles.mjs';

const app = servedApp();

test('no frame shows one document’s title with another’s text', async () => {
  for (let run = 0; run < 4; run += 1) {
    const page = await app.browser.newPage();
    await page.addInitScript(() => {
      localStorage.clear();
      indexedDB.deleteDatabase('article-annotator');
    });
    await page.goto(app.server.url);
    await page.waitForSelector('.article [data-start]');
    const file = JSON.stringify(generateArticle({ chars: 100_000, spans: 1_000, seed: 7 + run }));
    const mixed = await page.evaluate(async (file) => {
      const first = () => document.querySelector('.article .para, .article .chunk span')?.textContent ?? '';
      const oldTitle = document.querySelector('.title').textContent;
      const oldText = first().slice(0, 40);
      const input = document.querySelector('.file-button input[type=file]');
      const transfer = new DataTransfer();
      transfer.items.add(new File([file], 'bench.json'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const frames = [];
      await new Promise((resolve) => {
        const frame = () => {
          const oldShown = first().slice(0, 40) === oldText;
          const titleOld = document.querySelector('.title').textContent === oldTitle;
          frames.push(oldShown === titleOld);
          if (frames.length > 90) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      if (document.querySelector('.title').textContent === oldTitle) throw new Error('not opened');
      return frames.filter((consistent) => !consistent).length;
    }, file);
    assert.equal(mixed, 0, `run ${run}: ${mixed} frames mixed two documents`);
    await page.close();
  }
});

test('opening a file lays the page out only in its frames, never from a script', async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector('.article [data-start]');
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...data.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline.stack', transferMode: 'ReportEvents' });
  const file = JSON.stringify(generateArticle({ chars: 100_000, spans: 1_000 }));
  await page.evaluate(async (file) => {
    const input = document.querySelector('.file-button input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(new File([file], 'forced.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    // Watched without asking for any layout: text only, from timers.
    await new Promise((resolve) => {
      const check = () => ((document.querySelector('.counts')?.textContent ?? '').startsWith('1000 annotations') ? resolve() : setTimeout(check, 5));
      check();
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }, file);
  await cdp.send('Tracing.end');
  await complete;
  // A layout a script forced carries the script's stack (the one of a frame does not).
  const forced = events
    .filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace?.length)
    .map((e) => `${(e.dur / 1000).toFixed(2)} ms from ${e.args.beginData.stackTrace[0].functionName}`);
  assert.ok(events.some((e) => e.name === 'Layout'), 'the trace holds the frames\' layouts');
  assert.deepEqual(forced, []);
  await page.close();
});

// End to end: a jump to the end of a long article lands at the end. Chunks the page has not
// laid out yet are sized by their estimated lines (model/line_estimate.rs), so once the end is
// painted the page is no taller than the jump allowed for; a guess of one height for every
// chunk left it thousands of pixels short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, freshPage, openFile } from './harness.mjs';
import { generateArticle } from './articles.mjs';

const app = servedApp();

test('a jump to the end of a long article lands at the end', async (t) => {
  const { page, errors } = await freshPage(app, t);
  const article = generateArticle({ chars: 200_000, spans: 2_000 });
  await openFile(page, 'long.annotations.json', JSON.stringify(article));
  await page.waitForFunction(() => document.querySelector('.counts')?.textContent.startsWith('2000 annotations'));
  const short = await page.evaluate(async () => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await frames();
    const scroller = document.scrollingElement;
    scroller.scrollTop = scroller.scrollHeight;
    // Wait until what the jump reached is laid out and painted with its highlights.
    for (let i = 0; i < 10; i += 1) await frames();
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
  });
  assert.ok(short <= 1, `the jump stopped ${short} px short of the end`);
  assert.deepEqual(errors, []);
});

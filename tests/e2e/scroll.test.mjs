// End to end: jumping through a long article. A jump to the end lands at the end: chunks the
// page has not laid out yet are sized by their estimated lines (model/line_estimate.rs), so once
// the end is painted the page is no taller than the jump allowed for; a guess of one height for
// every chunk left it thousands of pixels short. And the frame a jump lands in shows the
// highlights there: the scroll event renders the chunks it brought near (browser/near_on_scroll.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, freshPage, openFile } from './harness.mjs';
import { generateArticle } from './articles.mjs';

const app = servedApp();

/** A fresh page with a 200 KB article of 2,000 spans open. */
async function withLongArticle(t) {
  const opened = await freshPage(app, t);
  const article = generateArticle({ chars: 200_000, spans: 2_000 });
  await openFile(opened.page, 'long.annotations.json', JSON.stringify(article));
  await opened.page.waitForFunction(() => document.querySelector('.counts')?.textContent.startsWith('2000 annotations'));
  return opened;
}

test('a jump to the end of a long article lands at the end', async (t) => {
  const { page, errors } = await withLongArticle(t);
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

test('the frame a jump lands in shows the highlights there', async (t) => {
  const { page, errors } = await withLongArticle(t);
  const late = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await frame();
    await frame();
    // A chunk in view still waiting for its highlights, and a highlight in view.
    const inView = (element) => {
      const box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    };
    const waiting = () => [...document.querySelectorAll('.article .chunk.pending')].filter(inView).length;
    const shown = () => [...document.querySelectorAll('.article mark.hl')].some(inView);
    const results = [];
    const scroller = document.scrollingElement;
    for (const to of [0.5, 1, 0.25]) {
      // Jumped from a task of its own, as a key or the scroll bar would: a jump made in an
      // animation frame callback would be laid out, and observed, in that frame already.
      await new Promise((resolve) => setTimeout(resolve, 0));
      scroller.scrollTop = Math.round(scroller.scrollHeight * to);
      // What the animation frame callbacks see is what this frame paints: the scroll event and
      // the renders it caused have run before them.
      await frame();
      results.push({ to, waiting: waiting(), shown: shown() });
    }
    return results.filter((r) => r.waiting > 0 || !r.shown);
  });
  assert.deepEqual(late, [], 'a jump painted text without its highlights first');
  assert.deepEqual(errors, []);
});

// Performance benchmark (not a pass/fail test): the release build in headless Chromium.
// Loads generated articles through the app's own Open… path and times what a user does,
// each edit measured from the input event to the next painted frame. Prints a table.
//
//   node tests/e2e/benchmark.mjs            100 KB / 1,000 spans and 1 MB / 10,000 spans, and a
//                                           corpus of 1,000 articles imported as one JSONL file
//   node tests/e2e/benchmark.mjs --small    100 KB / 1,000 spans and a corpus of 100 (what CI runs)
//   node tests/e2e/benchmark.mjs --tagger   only the tagger's table, its page measured 3 times
//   node tests/e2e/benchmark.mjs --agreement  only the agreement's table, its page measured 3 times
//   --no-tagger leaves the tagger out (to compare with a build that has none)
//   --no-agreement leaves Compare… out (to compare with a build from before #15)
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';
import { cpus } from 'node:os';
import { serveDist, launchChromium, openFile, pickFiles, DIST, ARTIFACTS, ROOT } from './harness.mjs';
import { generateArticle, generateCorpus, generateAnnotators } from './articles.mjs';

const REPEATS = 50;
const SIZES = [
  { name: '100 KB / 1,000 spans', chars: 100_000, spans: 1_000 },
  { name: '1 MB / 10,000 spans', chars: 1_000_000, spans: 10_000 },
  // The same articles with no line break at all: no edit may cost more for it.
  { name: '100 KB in one line / 1,000 spans', chars: 100_000, spans: 1_000, oneLine: true },
  { name: '1 MB in one line / 10,000 spans', chars: 1_000_000, spans: 10_000, oneLine: true },
];
const small = process.argv.includes('--small');
const taggerOnly = process.argv.includes('--tagger');
const agreementOnly = process.argv.includes('--agreement');
const noTagger = process.argv.includes('--no-tagger') || agreementOnly;
const noAgreement = process.argv.includes('--no-agreement') || taggerOnly;
const sizes = taggerOnly || agreementOnly ? [] : small
  ? [SIZES[0], SIZES[2]]
  : process.argv.includes('--large') ? [SIZES[1], SIZES[3]] : SIZES;
const CORPUS = { count: small ? 100 : 1_000, chars: 3_000, spans: 15 };
// #15's figure: 100 documents × 3 annotators, about 3,000 words (18,000 characters) each.
const AGREEMENT = { count: 100, chars: 18_000, spans: 15 };
const progress = (message) => process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${message}\n`);

const median = (xs) => quantile(xs, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** In-page helpers, installed before the app starts. */
function installProbes() {
  // Every size starts from an empty store, as a new user would.
  localStorage.clear();
  indexedDB.deleteDatabase('article-annotator');
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__wasm = event.detail.wasm;
  });
  /** Resolves after the next frame has been rendered and painted. */
  window.__nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  /** Selects the first whole word of at least 4 letters in an unannotated run on screen.
   *  Only paragraphs on screen are searched: measuring off-screen ones would force the layout
   *  that content-visibility skips. */
  window.__selectFreeWord = () => {
    for (const paragraph of document.querySelectorAll('.article .para')) {
      const box = paragraph.getBoundingClientRect();
      if (box.bottom < 0) continue;
      if (box.top > innerHeight) break;
      for (const run of paragraph.querySelectorAll('span[data-start]')) {
        const node = run.firstChild;
        const match = /[A-Za-z]{4,}/.exec(node.data);
        if (!match) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return match[0];
      }
    }
    throw new Error('no free word on screen');
  };
  /** Whether every chunk in view shows its highlights, and at least one highlight is in view. */
  window.__highlightsInViewReady = () => {
    const inView = (element) => {
      const box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    };
    return ![...document.querySelectorAll('.article .chunk.pending')].some(inView)
      && [...document.querySelectorAll('.article .chunk:not(.pending)')].some((chunk) => inView(chunk) && chunk.querySelector('mark.hl'));
  };
  /** Resolves once `ready()` holds at a frame, then after two more frames. */
  window.__paintedWhen = (ready) => new Promise((resolve, reject) => {
    const check = () => {
      const failure = document.querySelector('.notice.error');
      if (failure) reject(new Error(failure.textContent));
      else if (ready()) requestAnimationFrame(() => requestAnimationFrame(resolve));
      else requestAnimationFrame(check);
    };
    check();
  });
  /** Presses Suggest; resolves when the first dashed highlights are painted, with the time
   *  since the press (150 ms of it is the app's deliberate wait after a change), the time the
   *  app measured for working them out, and how many there are. */
  window.__showSuggestions = async () => {
    await window.__nextPaint();
    const start = performance.now();
    document.querySelector('.suggest-toggle').click();
    await new Promise((resolve) => {
      const check = () => (document.querySelector('.article mark.suggested') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await window.__nextPaint();
    const shown = [...document.querySelectorAll('.actions button')].find((b) => b.textContent.startsWith('Accept all'));
    return {
      ms: performance.now() - start,
      computed: performance.getEntriesByName('suggestions', 'measure').at(-1)?.duration,
      count: shown?.textContent.replace(/\D+/g, ''),
    };
  };
  window.__key = (key, init = {}) =>
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
}

/** Runs `body` in the page. Its timing starts when the input event is dispatched and ends when
 * the next frame has been painted ("wall"). "work" is the main thread's share of that: the
 * event handler and Yew's render (until a task queued behind them runs), plus style, layout and
 * paint in the next frame (from its requestAnimationFrame to a task queued behind it); the idle
 * wait for the display's next frame (up to 16.7 ms at 60 Hz) is left out. Run inside [`traced`],
 * "work" is instead every main-thread task of the trace between the two moments: the estimate
 * above misses a task the change queues on its own (a `selectionchange` after a tag, which
 * lays the page out before the frame does). */
function timedOn(page, body) {
  return page.evaluate(async (body) => {
    const run = new Function(`return (${body})`)();
    const afterTasks = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
    await window.__nextPaint();
    performance.mark('timed-start');
    const start = performance.now();
    run();
    const scripted = await afterTasks();
    const { frameStart, painted } = await new Promise((resolve) => requestAnimationFrame(() => {
      const frameStart = performance.now();
      setTimeout(() => {
        const painted = performance.now();
        performance.mark('timed-end');
        resolve({ frameStart, painted });
      }, 0);
    }));
    return { work: scripted - start + (painted - frameStart), wall: painted - start };
  }, body.toString());
}

/** Runs `measure` (which times edits with `timedOn`) under a trace of the page's main-thread
 * tasks, then sets each timing's "work" to the time its window's tasks took. */
async function traced(cdp, measure) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReportEvents' });
  const timings = await measure();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  const marks = events.filter((e) => e.name === 'timed-start' || e.name === 'timed-end').sort((a, b) => a.ts - b.ts);
  const windows = [];
  for (const mark of marks) {
    if (mark.name === 'timed-start') windows.push({ start: mark.ts, tid: mark.tid });
    else if (windows.length) windows.at(-1).end = mark.ts;
  }
  if (windows.length !== timings.length || windows.some((w) => w.end === undefined)) {
    throw new Error(`the trace holds ${windows.length} timed windows for ${timings.length} timings`);
  }
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.tid === windows[0]?.tid);
  timings.forEach((timing, at) => {
    const { start, end } = windows[at];
    const overlap = tasks.map((t) => Math.min(end, t.ts + t.dur) - Math.max(start, t.ts)).filter((us) => us > 0);
    timing.work = overlap.reduce((sum, us) => sum + us, 0) / 1000;
  });
  return timings;
}

async function heapBytes(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
}

/** The memory a page holds after a full garbage collection, by part: the JS heap, Blink's own
 * (the DOM and layout objects, V8's embedder heap) and the Wasm module's linear memory. */
async function memoryParts(cdp, page) {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  return { js: usage.usedSize, blink: usage.embedderHeapUsedSize ?? NaN, wasm };
}

async function measureSize(context, url, size) {
  const page = await context.newPage();
  page.on('crash', () => progress('the page crashed'));
  page.on('pageerror', (error) => progress(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    progress(`unexpected dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  await page.addInitScript(installProbes);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForSelector('.article [data-start]');
  await page.waitForFunction(() => window.__wasm);
  const file = JSON.stringify(generateArticle(size));
  let peakHeap = await heapBytes(cdp);
  const sampleHeap = async () => {
    peakHeap = Math.max(peakHeap, await heapBytes(cdp));
  };

  // As a user does: point at Open… (which starts the converters' worker), then pick the file,
  // which takes a file dialog's while longer.
  await page.hover('.export-menu summary');
  await page.waitForTimeout(500);
  const memoryBefore = await memoryParts(cdp, page);
  const load = await page.evaluate(async ({ file, spans }) => {
    const input = document.querySelector('.file-button input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(new File([file], 'bench.json', { type: 'application/json' }));
    input.files = transfer.files;
    const start = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    // Queried each time: the header is mounted anew for each document.
    const counts = () => document.querySelector('.counts')?.textContent ?? '';
    await window.__paintedWhen(() => counts().startsWith(`${spans} annotations`) && window.__highlightsInViewReady());
    return performance.now() - start;
  }, { file, spans: size.spans });
  await sampleHeap();
  // What the load keeps, once its first save is done and the garbage collected.
  await page.waitForTimeout(2000);
  const memoryAfter = await memoryParts(cdp, page);
  const memoryGrowth = Object.fromEntries(Object.keys(memoryAfter).map((k) => [k, memoryAfter[k] - memoryBefore[k]]));
  // The first jump paints the end's paragraphs for the first time; the later ones find them
  // rendered once already. One cold figure moves by tens of milliseconds from run to run, so
  // the row gives it beside the median of the repeats.
  // How far short of the end a jump lands once what it reached is painted: a placeholder that
  // underestimates its text would leave the page taller than the jump allowed for.
  // Each jump is made from a task of its own, as a key or the scroll bar would (one made in an
  // animation frame callback is laid out in that frame already), and the animation frames are
  // counted until the one whose paint shows the highlights where it landed (1: the jump's own).
  const { times: scrolls, short, frames } = await page.evaluate(async (repeats) => {
    const times = [];
    const short = [];
    const frames = [];
    const page = document.scrollingElement;
    const framesUntil = (ready) => new Promise((resolve) => {
      let count = 0;
      const check = () => {
        count += 1;
        if (ready()) resolve(count);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    for (let i = 0; i < repeats; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const start = performance.now();
      page.scrollTop = page.scrollHeight;
      frames.push(await framesUntil(window.__highlightsInViewReady));
      await window.__paintedWhen(window.__highlightsInViewReady);
      times.push(performance.now() - start);
      short.push(page.scrollHeight - page.scrollTop - page.clientHeight);
      page.scrollTop = 0;
      await window.__paintedWhen(window.__highlightsInViewReady);
    }
    return { times, short, frames };
  }, 5);
  const scrollToEnd = scrolls[0];
  const scrollAgain = median(scrolls.slice(1));
  const scrollShort = short[0];
  const scrollFrames = frames;

  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `benchmark-${size.chars}.png`) });

  const timed = (body) => timedOn(page, body);
  // Each edit's timings, its "work" taken from a trace of the main thread (see `traced`).
  const repeated = (edit) => traced(cdp, async () => {
    const timings = [];
    for (let i = 0; i < REPEATS; i += 1) timings.push(await edit());
    return timings;
  });
  const noop = await repeated(() => timed(() => window.__key('x')));
  progress(`${size.name}: loaded in ${load.toFixed(0)} ms`);
  const add = await repeated(async () => {
    await page.evaluate(() => window.__selectFreeWord());
    return timed(() => document.querySelector('.legend [data-label="Person"]').click());
  });
  await sampleHeap();
  progress(`${size.name}: adds done`);
  // The crash window: from a tag's key press until its save has committed (the app marks
  // each finished save).
  const saved = [];
  for (let i = 0; i < 10; i += 1) {
    saved.push(await page.evaluate(async () => {
      await window.__nextPaint();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = performance.getEntriesByName('saved', 'mark').length;
      window.__selectFreeWord();
      const start = performance.now();
      window.__key('3');
      await new Promise((resolve) => {
        const check = () => (performance.getEntriesByName('saved', 'mark').length > before ? resolve() : setTimeout(check, 1));
        check();
      });
      return performance.getEntriesByName('saved', 'mark').at(-1).startTime - start;
    }));
  }
  const selectToHighlight = await repeated(() => timed(() => {
    window.__selectFreeWord();
    window.__key('2');
  }));
  await sampleHeap();
  const remove = await repeated(async () => {
    await page.evaluate(async () => {
      document.querySelector('.article mark.hl').click();
      await window.__nextPaint();
    });
    return timed(() => window.__key('Delete'));
  });
  progress(`${size.name}: removes done`);
  const undo = await repeated(() => timed(() => window.__key('z', { ctrlKey: true })));
  await sampleHeap();
  const exportMs = [];
  for (let i = 0; i < 5; i += 1) {
    exportMs.push(await page.evaluate(async () => {
      await window.__nextPaint();
      const button = [...document.querySelectorAll('.actions button')].find((b) => b.textContent === 'Export JSON');
      // Export runs as a task after the click; it ends when the download's blob is made.
      const made = new Promise((resolve) => {
        const create = URL.createObjectURL;
        URL.createObjectURL = (blob) => {
          URL.createObjectURL = create;
          resolve(performance.now());
          return create(blob);
        };
      });
      const start = performance.now();
      button.click();
      return (await made) - start;
    }));
  }
  const exportNotice = await page.locator('.notice').textContent();
  if (!exportNotice.includes(`Exported ${size.spans + 2 * REPEATS + 10} annotations`)) {
    throw new Error(`export did not report every span: ${exportNotice}`);
  }
  // Suggestions, shown; then worked out again after an edit (the text's word boundaries are
  // found once, on first use).
  await page.evaluate(() => window.scrollTo(0, 0));
  const shownSuggestions = await page.evaluate(() => window.__showSuggestions());
  const { ms: suggestMs, computed: suggestCompute, count: suggestions } = shownSuggestions;
  progress(`${size.name}: suggestions shown after ${suggestMs.toFixed(0)} ms (${suggestions})`);
  const suggestRecompute = await page.evaluate(async () => {
    const measures = () => performance.getEntriesByName('suggestions', 'measure');
    const before = measures().length;
    // An edit: remove a span (every free word may be a suggestion by now).
    document.querySelector('.article mark.hl').click();
    await window.__nextPaint();
    window.__key('Delete');
    await new Promise((resolve) => {
      const check = () => (measures().length > before ? resolve() : requestAnimationFrame(check));
      check();
    });
    return measures().at(-1).duration;
  });
  await sampleHeap();
  const wasmBytes = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  await page.close();
  return { load, scrollToEnd, scrollAgain, scrollShort, scrollFrames, noop, add, saved, selectToHighlight, remove, undo, exportMs, suggestMs, suggestCompute, suggestRecompute, suggestions, peakHeap, wasmBytes, memoryGrowth };
}

/** Imports a JSONL corpus through the Open… control: the time until every document is listed,
 * the longest gap between painted frames meanwhile (how responsive the page stays), how many
 * progress states were painted, the time until IndexedDB holds them all, then moving to the
 * next document, tagging a word there, and suggestions drawn from the whole corpus. */
async function measureCorpus(context, url) {
  const page = await context.newPage();
  page.on('pageerror', (error) => progress(`page error: ${error.message}`));
  await page.addInitScript(installProbes);
  await page.goto(url);
  await page.waitForSelector('.article [data-start]');
  const file = generateCorpus(CORPUS);
  const total = CORPUS.count + 1; // and the embedded article
  await page.hover('.export-menu summary');
  await page.waitForTimeout(500);
  const imported = await page.evaluate(async ({ file, total }) => {
    const input = document.querySelector('.file-button input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(new File([file], 'corpus.jsonl', { type: 'application/jsonl' }));
    input.files = transfer.files;
    const heading = document.querySelector('nav.documents h2');
    let longestFrame = 0;
    const progressSeen = new Set();
    let last = performance.now();
    const start = last;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => {
      const frame = (now) => {
        longestFrame = Math.max(longestFrame, now - last);
        last = now;
        const shown = document.querySelector('.import-progress');
        if (shown) progressSeen.add(shown.textContent);
        if (heading.textContent.startsWith(`Documents (${total})`)) resolve();
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await window.__nextPaint();
    const listed = performance.now() - start;
    // Saved: the header record lists every document.
    const savedCount = () => new Promise((resolve) => {
      const open = indexedDB.open('article-annotator', 1);
      open.onsuccess = () => {
        const get = open.result.transaction('workspace').objectStore('workspace').get('meta');
        get.onsuccess = () => {
          open.result.close();
          resolve(get.result ? JSON.parse(get.result).done.length : 0);
        };
      };
    });
    while ((await savedCount()) < total) await new Promise((r) => setTimeout(r, 20));
    return { listed, saved: performance.now() - start, longestFrame, progressStates: progressSeen.size, bytes: file.length };
  }, { file, total });
  progress(`corpus of ${CORPUS.count}: listed after ${imported.listed.toFixed(0)} ms, saved after ${imported.saved.toFixed(0)} ms`);
  const cdp = await page.context().newCDPSession(page);
  const steps = await traced(cdp, async () => {
    const timings = [];
    for (let i = 0; i < 20; i += 1) {
      timings.push(await timedOn(page, () => window.__key(']')));
      await page.evaluate(() => window.__selectFreeWord());
      timings.push(await timedOn(page, () => window.__key('1')));
    }
    return timings;
  });
  const step = steps.filter((_, at) => at % 2 === 0);
  const tag = steps.filter((_, at) => at % 2 === 1);
  const suggest = await page.evaluate(() => window.__showSuggestions());
  await page.close();
  return { ...imported, step, tag, suggest };
}

/** Three annotators' files of 100 documents (~3,000 words, 15 spans each) opened with
 * Compare…: the time from picking them to the Agreement panel's figures painted, and of that
 * the agreement alone (from the page asking the worker to the figures painted). */
async function measureAgreement(context, url) {
  const page = await context.newPage();
  page.on('pageerror', (error) => progress(`page error: ${error.message}`));
  await page.addInitScript(installProbes);
  await page.goto(url);
  await page.waitForSelector('.article [data-start]');
  const files = generateAnnotators(AGREEMENT);
  await page.hover('.export-menu summary');
  await page.waitForTimeout(500);
  // Watched in the page itself: a poll from outside would wait behind the autosave's tasks.
  const start = await page.evaluate(() => {
    window.__figures = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.agreement-matrix')) return;
        observer.disconnect();
        window.__nextPaint().then(() => resolve(performance.now()));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    return performance.now();
  });
  await pickFiles(page, files, '.compare-input');
  const timed = await page.evaluate(async (start) => {
    const painted = await window.__figures;
    const at = (name) => performance.getEntriesByName(name, 'mark').at(-1).startTime;
    const [asked, sent, answered] = ['agreement-asked', 'agreement-sent', 'agreement-answered'].map(at);
    return {
      total: painted - start,
      agreement: painted - asked,
      packed: sent - asked,
      worker: answered - sent,
      painted: painted - answered,
    };
  }, start);
  const scope = await page.textContent('.agreement-scope');
  const kappa = await page.textContent('.agreement-matrix .pair .kappa');
  await page.close();
  progress(`agreement of 3 × ${AGREEMENT.count}: ${timed.agreement.toFixed(0)} ms: packed ${timed.packed.toFixed(0)}, worker ${timed.worker.toFixed(0)}, painted ${timed.painted.toFixed(0)} (${scope.trim()} ${kappa})`);
  return { ...timed, scope, bytes: files.reduce((sum, f) => sum + f.content.length, 0) };
}

/** The tagger on the Wikinews corpus (35 documents, 807 spans): training in the worker from the
 * Train button to the panel saying the model is current (3 runs), the page's longest frame
 * meanwhile, and pre-annotating a 1,068-word article (Shift+M to the predictions painted). */
async function measureTagger(context, url) {
  const page = await context.newPage();
  page.on('pageerror', (error) => progress(`page error: ${error.message}`));
  await page.addInitScript(installProbes);
  await page.goto(url);
  await page.waitForSelector('.article [data-start]');
  const fixtures = join(ROOT, 'tests', 'fixtures', 'wikinews-gum');
  const corpus = await readFile(join(fixtures, 'corpus.doccano.jsonl'), 'utf8');
  const article = JSON.parse(await readFile(join(fixtures, 'GUM_interview_ants.annotations.json'), 'utf8')).document.text;
  const open = (name, content) => openFile(page, name, content);
  await open('corpus.doccano.jsonl', corpus);
  await page.waitForFunction(() => document.querySelector('nav.documents h2')?.textContent.includes('(36)'));
  await page.click('.assist-menu summary');
  await page.click('.model-toggle');
  const training = [];
  let longestFrame = 0;
  for (let run = 0; run < 3; run += 1) {
    const took = await page.evaluate(async () => {
      let last = performance.now();
      let longest = 0;
      const start = last;
      document.querySelector('.model-panel .train').click();
      await new Promise((resolve) => {
        const frame = (now) => {
          longest = Math.max(longest, now - last);
          last = now;
          const status = document.querySelector('.model-status')?.textContent ?? '';
          if (status === 'The model is current.' && !document.querySelector('.model-panel .train').disabled) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      return { ms: performance.now() - start, longest };
    });
    training.push(took.ms);
    longestFrame = Math.max(longestFrame, took.longest);
  }
  await open('ants.txt', article);
  await page.waitForFunction(() => document.querySelector('.counts')?.textContent.startsWith('0 annotations'));
  const tagging = [];
  for (let run = 0; run < 3; run += 1) {
    tagging.push(await page.evaluate(async () => {
      const start = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'M', shiftKey: true, bubbles: true }));
      await new Promise((resolve) => {
        const frame = () => (document.querySelector('.notice')?.textContent.startsWith('The model suggests') ? resolve() : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      });
      const took = performance.now() - start;
      document.querySelector('.notice button')?.click();
      await new Promise((r) => setTimeout(r, 50));
      return took;
    }));
  }
  const predicted = await page.$$eval('.article mark.predicted', (m) => m.length);
  // Accepting one prediction: the model learns from it at once, in the worker.
  const update = await page.evaluate(async () => {
    const status = () => document.querySelector('.model-status')?.textContent ?? '';
    const start = performance.now();
    document.querySelector('.article mark.predicted').click();
    await new Promise((resolve) => {
      let seenBusy = false;
      const frame = () => {
        seenBusy ||= status() !== 'The model is current.';
        if (seenBusy && status() === 'The model is current.') resolve();
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    return performance.now() - start;
  });
  await page.close();
  progress(`tagger: trained in ${training.map((t) => t.toFixed(0)).join(', ')} ms; tagged in ${tagging.map((t) => t.toFixed(0)).join(', ')} ms`);
  return { training, longestFrame, tagging, predicted, update };
}

/** gzip -9 sizes of the page's own files and, apart, of the converters' worker (loaded only
 * when a dataset format is first used). */
async function bundleSizes() {
  const files = (await readdir(DIST)).filter((f) => ['.wasm', '.js', '.css'].includes(extname(f)));
  const sizes = { page: { raw: 0, gzip: 0, files: [], parts: {} }, worker: { raw: 0, gzip: 0, files: [], parts: {} } };
  for (const f of files) {
    const part = f.startsWith('formats-worker') ? sizes.worker : sizes.page;
    const bytes = await readFile(join(DIST, f));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    part.raw += bytes.length;
    part.gzip += gzip;
    part.files.push(f);
    const kind = extname(f).slice(1);
    part.parts[kind] = (part.parts[kind] ?? 0) + gzip;
  }
  return sizes;
}

/** A bundle's gzip size per kind of file: wasm, js, css. */
const byPart = (part) => ['wasm', 'js', 'css'].filter((k) => k in part.parts).map((k) => `${k} ${kb(part.parts[k])}`).join(', ');
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const mb = (x) => `${(x / 1024 / 1024).toFixed(1)} MB`;
const stats = (xs) => `${ms(median(xs))} / ${ms(quantile(xs, 0.95))}`;
const edit = (key) => (r) => {
  const work = r[key].map((t) => t.work);
  const wall = r[key].map((t) => t.wall);
  return `${stats(work)} (wall ${stats(wall)})`;
};

const server = await serveDist();
const browser = await launchChromium({ bypassCSP: true });
const results = [];
let corpus;
let tagger;
let agreement;
try {
  for (const size of sizes) {
    results.push({ size, ...(await measureSize(browser, server.url, size)) });
  }
  if (!taggerOnly && !agreementOnly) corpus = await measureCorpus(browser, server.url);
  if (!noAgreement) agreement = [await measureAgreement(browser, server.url)];
  for (let run = 1; agreementOnly && run < 3; run += 1) {
    agreement.push(await measureAgreement(browser, server.url));
  }
  if (!noTagger) tagger = await measureTagger(browser, server.url);
  for (let run = 1; taggerOnly && run < 3; run += 1) {
    const again = await measureTagger(browser, server.url);
    for (const key of ['training', 'tagging']) tagger[key].push(...again[key]);
    tagger.longestFrame = Math.max(tagger.longestFrame, again.longestFrame);
  }
} finally {
  await browser.close();
  await server.close();
}
const bundle = await bundleSizes();

const taggerTable = () => `
Tagger: the 35 Wikinews documents (tests/fixtures/wikinews-gum, 807 spans), in the converters' worker

| measure | value |
| --- | --- |
| train on every annotated document (34), Train to "current", ${tagger.training.length} runs: median / max | ${ms(median(tagger.training))} / ${ms(Math.max(...tagger.training))} |
| longest gap between painted frames while training | ${ms(tagger.longestFrame)} |
| pre-annotate a 1,068-word article, Shift+M to the predictions painted, ${tagger.tagging.length} runs: median / max | ${ms(median(tagger.tagging))} / ${ms(Math.max(...tagger.tagging))} |
| predictions shown in it | ${tagger.predicted} |
| accept one: the click to the model learned from it (an update in the worker, not a retraining) | ${ms(tagger.update)} |`;
const agreementTable = () => `
Agreement: 3 annotators' doccano files of ${AGREEMENT.count} documents each (~3,000 words, ${AGREEMENT.spans} spans), ${mb(agreement[0].bytes)}, opened with Compare…; ${agreement.length} runs

| measure | value |
| --- | --- |
| agreement, from the page asking the worker to the figures painted | ${agreement.map((a) => ms(a.agreement)).join(', ')} |
| of which: the page packing the versions / the worker's answer / the panel painted | ${agreement.map((a) => `${ms(a.packed)} / ${ms(a.worker)} / ${ms(a.painted)}`).join(', ')} |
| Compare…: from picking the files to the Agreement panel's figures painted | ${agreement.map((a) => ms(a.total)).join(', ')} |`;
if (taggerOnly || agreementOnly) {
  console.log(taggerOnly ? taggerTable() : agreementTable());
  process.exit(0);
}

const rows = [
  ['load + first render, highlights in view painted (to 2nd frame)', (r) => ms(r.load)],
  ['scroll to the end, highlights there painted (to 2nd frame): the first / median of 4 more', (r) => `${ms(r.scrollToEnd)} / ${ms(r.scrollAgain)}`],
  ['scroll to the end: how far short of the end the first jump lands, once painted', (r) => `${r.scrollShort.toFixed(0)} px`],
  ['scroll to the end: the frame whose paint shows the highlights there (1: the jump\'s own), each of 5 jumps', (r) => r.scrollFrames.join(', ')],
  ['no-op key: the frame floor, work (wall) median / p95', edit('noop')],
  ['add span, toolbar: work (wall) median / p95', edit('add')],
  ['select → key → highlight: work (wall)', edit('selectToHighlight')],
  ['key → the change saved in IndexedDB (a crash loses nothing after), 10 runs: median / max', (r) => `${ms(median(r.saved))} / ${ms(Math.max(...r.saved))}`],
  ['remove span: work (wall)', edit('remove')],
  ['undo: work (wall)', edit('undo')],
  ['JSON export of all spans, 5 runs: median / max', (r) => `${ms(median(r.exportMs))} / ${ms(Math.max(...r.exportMs))}`],
  ['suggestions shown after the toggle (incl. the 150 ms wait); how many', (r) => `${ms(r.suggestMs)}; ${r.suggestions}`],
  ['suggestions computed (Wasm, of the above); again after an edit', (r) => `${ms(r.suggestCompute)}; ${ms(r.suggestRecompute)}`],
  ['peak JS heap', (r) => mb(r.peakHeap)],
  ['Wasm memory', (r) => mb(r.wasmBytes)],
  ['memory the load keeps, after GC: JS + Blink + Wasm = total', (r) => {
    const { js, blink, wasm } = r.memoryGrowth;
    return `${mb(js)} + ${mb(blink)} + ${mb(wasm)} = ${mb(js + blink + wasm)}`;
  }],
];
const header = ['measure', ...results.map((r) => r.size.name)];
const lines = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => ' --- ').join('|')}|`,
  ...rows.map(([name, cell]) => `| ${name} | ${results.map(cell).join(' | ')} |`),
  `| page bundle (wasm + js + css) | raw ${kb(bundle.page.raw)}, gzip -9 ${kb(bundle.page.gzip)}: ${byPart(bundle.page)} |${results.length > 1 ? ' |' : ''}`,
  `| dataset converters' worker, loaded on first use (wasm + js) | raw ${kb(bundle.worker.raw)}, gzip -9 ${kb(bundle.worker.gzip)}: ${byPart(bundle.worker)} |${results.length > 1 ? ' |' : ''}`,
];
console.log(`\nArticle Annotator benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0].model}), headless Chromium, release build`);
console.log(`Edits: ${REPEATS} each, from the input event to the next painted frame: main-thread work (every task a trace of the main thread shows between the two), and wall time including the wait for the display's frame.\n`);
console.log(lines.join('\n'));
const spans = CORPUS.count * CORPUS.spans;
console.log(`
Corpus: ${CORPUS.count} articles of ~${CORPUS.chars.toLocaleString('en')} characters with ${CORPUS.spans} spans each (${spans.toLocaleString('en')} spans), one doccano JSONL file of ${mb(corpus.bytes)}

| measure | value |
| --- | --- |
| import: from picking the file to every document listed and painted | ${ms(corpus.listed)} |
| longest gap between painted frames during the import | ${ms(corpus.longestFrame)} |
| progress states painted during the import | ${corpus.progressStates} |
| until IndexedDB holds every document | ${ms(corpus.saved)} |
| next document (]), 20 times: work (wall) median / p95 | ${edit('step')(corpus)} |
| tag a word in it (key 1): work (wall) median / p95 | ${edit('tag')(corpus)} |
| suggestions from every document's spans, shown after the toggle (incl. the 150 ms wait); how many | ${ms(corpus.suggest.ms)}; ${corpus.suggest.count} |
| of which computing them (Wasm) | ${ms(corpus.suggest.computed)} |`);

if (!noAgreement) console.log(agreementTable());
if (!noTagger) console.log(taggerTable());
await mkdir(ARTIFACTS, { recursive: true });
await writeFile(join(ARTIFACTS, 'benchmark.json'), JSON.stringify({ results, corpus, agreement, tagger, bundle }, null, 2));

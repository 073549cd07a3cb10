// End to end: the page's Content-Security-Policy lets the app run whole (its start-up script,
// wasm, worker, stylesheet and label colours) and refuses anything injected inline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, dragAcross } from './harness.mjs';

const app = servedApp();

test('the app runs under its CSP and an injected inline script or style is refused', async () => {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(app.server.url);
  await page.waitForSelector('.article [data-start]');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(policy, /unsafe-inline/);

  // The app works: a tag is highlighted in its label's colour from the constructed stylesheet,
  // the virtualized list places its rows, and the converters' worker loads for an export.
  await dragAcross(page, 'Sergei Shoigu');
  await page.keyboard.press('1');
  const person = page.locator('.article mark.hl[data-label="Person"]');
  await person.waitFor();
  const colour = await person.evaluate((mark) => getComputedStyle(mark).getPropertyValue('--hl').trim());
  assert.equal(colour, '#ffc9a0');
  const top = await page.locator('.entries li').first().evaluate((row) => row.style.top);
  assert.equal(top, '0px');
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-menu button[data-format=doccano]').click(),
  ]);
  assert.match(download.suggestedFilename(), /\.doccano\.jsonl$/);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'nothing of the app is refused');

  const injected = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    const style = document.createElement('style');
    style.textContent = 'body { background: rgb(255, 0, 0) !important; }';
    document.head.append(style);
    const marked = document.createElement('div');
    marked.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(marked);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return {
      ran: window.__injected === true,
      background: getComputedStyle(document.body).backgroundColor,
      color: getComputedStyle(marked).color,
      violations: window.__violations,
    };
  });
  assert.equal(injected.ran, false, 'the inline script did not run');
  assert.notEqual(injected.background, 'rgb(255, 0, 0)');
  assert.notEqual(injected.color, 'rgb(255, 0, 0)');
  assert.deepEqual(
    injected.violations.map((v) => v.split(' ')[0]).sort(),
    ['script-src-elem', 'style-src-attr', 'style-src-elem'],
  );
  assert.deepEqual(errors, []);
  await page.close();
});

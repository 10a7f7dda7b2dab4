// Large tables in the page: a 100,000-row table opens, only the rows in view are drawn, every row
// is reachable (scrolling, ↓, a finding's link), the printout has them all; a keystroke touches only
// what changed; typing is saved after a short pause, and at once when the page goes away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, cell, fixture, root, settle } from './helpers.mjs';

const { seedTables, bigTable } = await import(path.join(root, 'tools/bench/generate.mjs'));
const tables = seedTables(root);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open(page, doc, name) {
  await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction((name) => document.querySelector('[data-path="project"]').value === name, doc.project, { timeout: 60000 });
  await settle(page);
}

test('a 100,000-row table opens with only the rows in view drawn; scrolling, ↓ and a finding reach any row', { timeout: 120000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  const doc = bigTable(tables, 100000);
  await open(page, doc, 'huge.json');
  const drawn = () => page.locator('tr[data-row^="indicators."]').count();
  assert.ok((await drawn()) < 200, `rows drawn: ${await drawn()}`);
  // 100,000 rows weigh far more than 100 points: the summary counts the findings, no 总分 is judged
  assert.match(await page.locator('#summary').textContent(), /错误 \d+，警告/);
  // the table keeps its full height: scrolling to the middle draws the middle
  await page.evaluate(() => { const w = document.querySelector('table[data-grid="indicators"]').parentElement; w.scrollIntoView(); w.scrollTop = w.scrollHeight / 2; });
  await page.waitForFunction(() => [...document.querySelectorAll('tr[data-row^="indicators."]')].some((r) => Number(r.getAttribute('data-row').split('.')[1]) > 40000));
  assert.ok((await drawn()) < 200);
  // a finding far down the list focuses its cell
  const last = page.locator('#findings .finding').last();
  const goto = await last.getAttribute('data-goto');
  await last.click();
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').getAttribute('data-row')), goto.split('.').slice(0, 2).join('.'));
  // ↓ from the last drawn row draws the next
  await page.evaluate(() => { document.querySelector('table[data-grid="indicators"]').parentElement.scrollTop = 0; });
  await page.waitForSelector('[data-path="indicators.5.target"]');
  await cell(page, 'indicators.5.target').focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), 'indicators.65.target');
  // the list of findings is capped and says so
  assert.match(await page.locator('#findings li.more').textContent(), /另有 \d+ 条问题未列出/);
  // too many rows to print at once: the printout says so and points to the CSV
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await indicatorRowsPrinted(page), 5000 + 1);
  assert.match(await page.locator('#printout').textContent(), /本表共 100000 行，打印只含前 5000 行.*导出 CSV/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The printed rows of the indicator table: every part of it, the funds table (the first grid) aside. */
function indicatorRowsPrinted(page) {
  return page.evaluate(() => [...document.querySelectorAll('#printout .p-grid')].slice(1).reduce((n, t) => n + t.querySelectorAll('tbody tr:not(.p-total)').length, 0));
}

test('a 1,000-row table prints every row, though the page draws only those in view', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page } = await openPage(context);
  const doc = bigTable(tables, 1000);
  await open(page, doc, 'thousand.json');
  assert.ok((await page.locator('tr[data-row^="indicators."]').count()) < 200);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await indicatorRowsPrinted(page), 1000);
  // cut into pages by the printout itself: each part repeats the header, the rows stay in order
  // (三级指标 is the sixth cell from the end: 年度指标值, 实际完成值, 分值, 得分 and 偏差原因 follow it)
  const parts = await page.evaluate(() => [...document.querySelectorAll('#printout .p-grid')].slice(1).map((t) => t.tHead.rows.length));
  assert.ok(parts.length > 10 && parts.every((n) => n === 1), `${parts.length} parts`);
  const names = await page.evaluate(() => [...document.querySelectorAll('#printout .p-grid')].slice(1).flatMap((t) => [...t.tBodies[0].rows].filter((r) => !r.classList.contains('p-total')).map((r) => r.cells[r.cells.length - 6].textContent)));
  assert.deepEqual(names, doc.indicators.map((r) => r.name));
  await context.close();
});

test('a keystroke repaints only what changed: untouched cells and findings keep their elements', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await open(page, fixture('seed001/05'), 'seed.json');
  const mark = () => page.evaluate(() => {
    document.querySelectorAll('#findings li, [data-path]').forEach((e) => { e.jhOld = true; });
  });
  await mark();
  const before = await page.locator('#findings li').count();
  await cell(page, 'indicators.0.score').fill('1');
  const kept = await page.evaluate(() => [...document.querySelectorAll('#findings li')].filter((e) => e.jhOld).length);
  const fresh = await page.evaluate(() => [...document.querySelectorAll('#findings li')].filter((e) => !e.jhOld).map((e) => e.textContent));
  assert.ok(fresh.some((t) => /得分/.test(t)), fresh.join('\n'));
  assert.ok(kept >= before - 2, `kept ${kept} of ${before}`);
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('[data-path]')].every((e) => e.jhOld)), 'no cell was redrawn');
  await context.close();
});

test('typing is saved after a short pause, and at once when the tab is closed', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.locator('[data-path="project"]').fill('关页前刚输入的名称');
  await settle(page);
  assert.equal(await page.locator('#save-state').textContent(), '保存中…');
  await page.close({ runBeforeUnload: true });
  const { page: again } = await openPage(context);
  assert.equal(await again.locator('[data-path="project"]').inputValue(), '关页前刚输入的名称');
  await context.close();
});

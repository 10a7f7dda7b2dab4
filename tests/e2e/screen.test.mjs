// The county screen: at 1366×768 and at 125% zoom (1093×614 CSS pixels) every column of every
// form's tables is visible or reachable by scrolling the table sideways, with the row names frozen
// in view; a cell reached by the keyboard is never left under the sticky header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, fixture, cell } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open(page, doc) {
  await page.setInputFiles('#open-file', { name: 'doc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction(() => document.querySelector('[data-path="year"]') && document.querySelector('[data-path="year"]').value !== '');
}

for (const [w, h] of [[1366, 768], [1093, 614]]) {
  for (const name of ['seed001/03', 'department/seed001', 'report/seed003']) {
    test(`${name} at ${w}×${h}: every column visible or reachable, the row names frozen`, async () => {
      const context = await browser.newContext({ viewport: { width: w, height: h } });
      const { page } = await openPage(context);
      await open(page, fixture(name));
      const grids = await page.locator('table.grid[data-grid]').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-grid')));
      assert.ok(grids.length >= 1);
      for (const g of grids) {
        const r = await page.evaluate((g) => {
          const table = document.querySelector(`table[data-grid="${g}"]`);
          const wrap = table.parentElement;
          table.scrollIntoView({ block: 'start' });
          const heads = [...table.tHead.rows[0].cells];
          const within = (e) => { const b = e.getBoundingClientRect(); const v = wrap.getBoundingClientRect(); return b.left >= Math.max(0, v.left) - 1 && b.right <= Math.min(window.innerWidth, v.right) + 1; };
          const hidden = heads.filter((th) => !within(th)).map((th) => th.textContent);
          const scrolls = wrap.scrollWidth > wrap.clientWidth;
          wrap.scrollLeft = wrap.scrollWidth;
          const last = heads[heads.length - 1];
          const frozen = heads.filter((th) => getComputedStyle(th).left !== 'auto');
          // the same columns' cells in the rows keep their place too
          const row = table.tBodies[0].rows[table.tBodies[0].rows.length - 1];
          const cells = row ? frozen.map((th) => row.cells[th.cellIndex]).filter(Boolean) : [];
          return { hidden, scrolls, page: document.documentElement.scrollWidth <= window.innerWidth + 1, lastIn: within(last), frozenIn: frozen.concat(cells).every(within), frozen: frozen.map((th) => th.textContent) };
        }, g);
        assert.ok(r.page, `${g}: the page itself scrolls sideways`);
        if (r.hidden.length) assert.ok(r.scrolls, `${g}: ${r.hidden.join('、')} neither visible nor reachable`);
        assert.ok(r.lastIn, `${g}: its last column is not reachable`);
        assert.ok(r.frozenIn, `${g}: the frozen row names ${r.frozen.join('、')} leave the view`);
        if (g === 'indicators' && name !== 'report/seed003') assert.deepEqual(r.frozen, ['一级指标', '二级指标', '三级指标']);
      }
      await context.close();
    });
  }
}

test('frozen columns follow their widths: a wider 一级 never slides under 二级', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page } = await openPage(context);
  await open(page, fixture('seed001/03'));
  await cell(page, 'indicators.1.level1').fill('履职效能履职效能履职效能');
  await page.waitForTimeout(100);
  const r = await page.evaluate(() => {
    const t = document.querySelector('table[data-grid="indicators"]');
    t.parentElement.scrollLeft = t.parentElement.scrollWidth;
    const [a, b, c] = ['c-level1', 'c-level2', 'c-name'].map((k) => t.tHead.querySelector('.' + k).getBoundingClientRect());
    return { a, b, c };
  });
  assert.ok(r.b.left >= r.a.right - 1.5, `二级 at ${r.b.left}, 一级 ends at ${r.a.right}`);
  assert.ok(r.c.left >= r.b.right - 1.5, `三级 at ${r.c.left}, 二级 ends at ${r.b.right}`);
  await context.close();
});

test('a cell reached by ↑ and ↓ is scrolled clear of the sticky headers', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page } = await openPage(context);
  await open(page, fixture('seed001/03'));
  await cell(page, 'indicators.12.target').focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowUp');
    const r = await page.evaluate(() => {
      const e = document.activeElement;
      const head = e.closest('table').tHead.getBoundingClientRect();
      const bar = document.querySelector('header.bar').getBoundingClientRect();
      const b = e.getBoundingClientRect();
      return { top: b.top, clear: Math.max(head.bottom, bar.bottom), path: e.getAttribute('data-path') };
    });
    assert.ok(r.top >= r.clear - 1, `${r.path} at ${r.top} is under the header ending at ${r.clear}`);
  }
  await context.close();
});

// 部门预算公开 in the page: seed 004 opened from a file is checked (only the 尾差 of 表6 303);
// a broken 项 turns its 款 and the tables that restate it red; 表2 pasted whole from the
// published text (header rows, page break and 总计 row included) fills the table; a 科目 code
// typed in a new row moves the row under its parent; blank totals fill themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, fixture, fixturePath, cell, settle, pages, pageTexts } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const seedText = readFileSync(new URL('../../../shared/seeds/004_0a1f217f2835b61f.txt', import.meta.url), 'utf8');
const classOf = (p) => cell(p.page, p.path).getAttribute('class');

async function pasteText(page, p, text) {
  await cell(page, p).focus();
  await page.evaluate(({ p, text }) => {
    const el = document.querySelector(`[data-path="${p}"]`);
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, { p, text });
}

test('seed 004 opened from a file: every table checked, only the 尾差 of 表6 303, the empty 表8 said so', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  await page.setInputFiles('#open-file', fixturePath('budget/seed004'));
  await page.waitForFunction(() => document.querySelector('.form-title') && document.querySelector('.form-title').textContent === '部门预算公开' && document.querySelector('[data-path="year"]').value === '2025');
  assert.match(await page.locator('#summary').textContent(), /错误 0/);
  const doc = fixture('budget/seed004');
  const r303 = doc.basic.rows.findIndex((r) => r.class === '303' && !r.section);
  assert.match(await cell(page, `basic.rows.${r303}.sum`).getAttribute('class'), /sev-info/);
  // a 尾差 is listed, not written under the cell
  assert.match(await page.locator('#findings').textContent(), /对个人和家庭的补助.*只差尾差/);
  assert.match(await page.locator('[data-path="fund.note"]').textContent(), /政府性基金预算支出情况表为空表/);
  // the 总计 rows are headed as printed
  assert.equal(await page.locator('table[data-grid="income.rows"] tr.fixed th').first().textContent(), '总计');

  // a 项 of 表5 typed wrong: its 款 and the tables that restate it say so
  const i = doc.general.rows.findIndex((r) => r.class === '215' && r.section === '05' && r.item === '02');
  const k = doc.general.rows.findIndex((r) => r.class === '215' && r.section === '05' && !r.item);
  await cell(page, `general.rows.${i}.projects`).fill('629.71');
  await cell(page, `general.rows.${i}.sum`).fill('629.71');
  await page.waitForFunction((k) => /sev-error/.test(document.querySelector(`[data-path="general.rows.${k}.sum"]`).className), k);
  assert.match(await page.locator(`[data-why="general.rows.${k}.sum"]`).textContent(), /1,913\.65/);
  assert.match(await page.locator(`[data-why="general.rows.${i}.projects"]`).textContent(), /表7/);
  assert.match(await page.locator(`[data-why="general.rows.${i}.sum"]`).textContent(), /表2/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('表2 pasted whole from the published text fills the table; a code typed in a new row moves it under its parent', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  await page.selectOption('#form-kind', 'budget_disclosure');
  assert.equal(await page.locator('.form-title').textContent(), '部门预算公开');
  // 表1 and 表4 start with every 功能分类 类, named from the code list
  assert.equal(await page.locator('tr[data-row^="summary.rows."]').count(), 29);
  // copied from the published file with 表1 before it and the head of 表3 after it: only 表2 is taken
  const from = seedText.indexOf('\n表 1\n');
  const to = seedText.indexOf('※', seedText.indexOf('\n表 3\n', from)) + 40;
  const table2 = seedText.slice(from, to);
  await pasteText(page, 'income.rows.0.class', table2);
  await page.waitForSelector('tr[data-row="income.rows.23"]');
  assert.equal(await page.locator('tr[data-row^="income.rows."]').count(), 24);
  assert.equal(await cell(page, 'income.total.sum').inputValue(), '6,724.07');
  assert.equal(await cell(page, 'income.rows.0.class').inputValue(), '206');
  assert.equal(await cell(page, 'income.rows.23.sum').inputValue(), '937.00');
  assert.match(await page.locator('#notice').textContent(), /已按公开表粘贴 24 行和总计行/);
  assert.match(await page.locator('#summary').textContent(), /错误 0/);

  // a new 项 typed at the end: once its code is in, it moves under its 款, and the 款 and 总计
  // (now wrong) say by how much
  await page.locator('table[data-grid="income.rows"]').locator('xpath=..').locator('button.add').click();
  // the code typed whole in 类 is split into 类/款/项 as printed; the row stays while it is typed
  await cell(page, 'income.rows.24.class').click();
  await page.keyboard.type('2060401');
  await page.keyboard.press('Tab');
  assert.equal(await cell(page, 'income.rows.24.section').inputValue(), '04');
  assert.equal(await cell(page, 'income.rows.24.item').inputValue(), '01');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), 'income.rows.24.section');
  await cell(page, 'income.rows.24.sum').fill('1.00');
  // leaving the row moves it; the cell the focus went to keeps it
  await cell(page, 'income.rows.10.sum').focus();
  // 2060401 goes before 2060499, after its 款 20604
  await page.waitForFunction(() => document.querySelector('[data-path="income.rows.2.item"]').value === '01');
  assert.equal(await cell(page, 'income.rows.2.section').inputValue(), '04');
  assert.equal(await cell(page, 'income.rows.3.item').inputValue(), '99');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), 'income.rows.11.sum');
  await settle(page);
  assert.match(await page.locator('[data-why="income.rows.1.sum"]').textContent(), /41\.42/);
  // its name comes from the code list
  assert.equal(await cell(page, 'income.rows.2.name').getAttribute('placeholder'), '机构运行');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the 说明 is written from the tables and last year’s figures; a re-pasted table keeps them; print has the tables as published, then the 说明', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  await page.setInputFiles('#open-file', fixturePath('budget/seed004'));
  await page.waitForFunction(() => /第三部分 2025 年部门预算情况说明/.test((document.querySelector('[data-path="explanation"]') || {}).textContent || ''));
  const explanation = () => page.locator('[data-path="explanation"]').textContent();
  assert.match(await explanation(), /一般公共预算2,794\.98万元，占41\.57%，比上年预算减少1,754\.77万元，下降38\.57%，主要原因是2025 年一般公共预算减少益民大厦运维项目。/);
  assert.match(await explanation(), /十二、其他重要事项的情况说明/);
  // the 占比 of the 说明 fills its cell beside the 上年数 the user types
  assert.equal(await cell(page, 'notes.general.share').getAttribute('placeholder'), '41.57%');
  await cell(page, 'notes.general.change').fill('');
  await cell(page, 'notes.general.previous').fill('2,000.00');
  await page.waitForFunction(() => /一般公共预算2,794\.98万元，占41\.57%，比上年预算增加794\.98万元，增长39\.75%/.test(document.querySelector('[data-path="explanation"]').textContent));
  assert.equal(await cell(page, 'notes.general.rate').getAttribute('placeholder'), '39.75%');

  // 表5 pasted again from the published text: the reasons typed for the 说明 stay on their rows
  const doc = fixture('budget/seed004');
  const r = doc.general.rows.findIndex((x) => x.reason);
  const from = seedText.indexOf('\n表 5\n');
  const table5 = seedText.slice(from, seedText.indexOf('\n表 6\n', from));
  await pasteText(page, 'general.rows.0.class', table5);
  await page.waitForFunction(() => /已按公开表粘贴/.test(document.querySelector('#notice').textContent));
  assert.equal(await cell(page, `general.rows.${r}.reason`).inputValue(), doc.general.rows[r].reason);
  assert.match(await page.locator('#summary').textContent(), /错误 0/);

  // the printout: the eleven tables without the 说明's own columns and inputs, then the 说明
  const info = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const box = document.getElementById('printout');
    return {
      tables: box.querySelectorAll('table.p-grid').length,
      heads: [...box.querySelectorAll('th')].map((t) => t.textContent),
      report: box.querySelectorAll('.p-report-part .p-report p').length,
      reportLast: !!box.querySelector('.p-report-part:last-of-type'),
    };
  });
  assert.ok(info.tables >= 13, `${info.tables} tables`);
  assert.ok(!info.heads.some((h) => /上年预算数|增减的主要原因|设立的政策依据|主要用于/.test(h)), info.heads.join(' '));
  assert.ok(info.report > 80, `${info.report} paragraphs`);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const ps = pages(pdf, 30, process.env.JIAOHE_KEEP_PRINT);
  const texts = pageTexts(pdf);
  // the reviewer's 审核摘要 is the first page, alone and portrait; then the tables, then the 说明
  assert.ok(ps[0].h > ps[0].w, 'the 审核摘要 prints portrait');
  assert.match(texts[0].replace(/\s+/g, ''), /部门预算公开审核摘要.*错误0处.*相符11张.*六、预算情况说明/);
  assert.doesNotMatch(texts[0], /部门收支总体情况表/);
  assert.ok(ps[1].w > ps[1].h, 'the tables print landscape');
  assert.match(texts[1], /部门收支总体情况表/);
  assert.ok(ps[ps.length - 1].h > ps[ps.length - 1].w, 'the 说明 prints portrait');
  assert.deepEqual(errors, []);
  await context.close();
});

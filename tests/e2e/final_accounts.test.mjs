// 部门决算情况说明 in the page: section 七 (三公) typed as a 填报人 would, every 占比, 增减 and
// 预决算差异率 filled in by the core and written into the explanation; a wrong one turns red; 科目
// codes offered and named; seed 002 opened from a file gives its published explanation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, fixture, fixturePath, cell, typeDoc } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const placeholder = (page, p) => cell(page, p).getAttribute('placeholder');

test('section 七 typed in: every 占比, 增减 and 差异率 computed, in the cells and in the explanation', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, requests, errors } = await openPage(context);
  await page.selectOption('#form-kind', 'final_accounts');
  assert.equal(await page.locator('.form-title').textContent(), '部门决算情况说明');
  // seed 001's 三公 as its tables give them: this year, last year, the 全年预算
  await typeDoc(page, {
    year: '2023',
    three: {
      abroad: { amount: '0.00', previous: '0.00', budget: '0.00', reason: '我单位无因公出国（境）费', variance_reason: '我单位无因公出国（境）费' },
      car_purchase: { amount: '0.00', previous: '0.00', budget: '0.00', variance_reason: '我单位无公务用车购置费' },
      car_running: { amount: '23.44', previous: '23.26', budget: '23.44', variance_reason: '严格按预算执行，预决算无差异' },
      car: { reason: '本年工作全面开展，用车次数增加，公务用车运行费用增加' },
      reception: { amount: '0.01', previous: '0.07', budget: '0.01', reason: '本年度接待人员相较上年度减少，导致公务接待费用降低', variance_reason: '严格按预算执行，预决算无差异' },
      total: { reason: '本年工作全面开展，用车次数增加', variance_reason: '严格按预算执行，预决算无差异' },
      groups: '0', travellers: '0', cars_bought: '0', fleet: '12', batches: '1', guests: '10',
    },
  });
  // the totals add themselves up, in all three columns (under load the page checks after a pause in typing)
  await page.waitForFunction(() => document.querySelector('[data-path="three.car.amount"]').getAttribute('placeholder') !== null);
  assert.equal(await placeholder(page, 'three.car.amount'), '23.44');
  assert.equal(await placeholder(page, 'three.total.amount'), '23.45');
  assert.equal(await placeholder(page, 'three.total.previous'), '23.33');
  assert.equal(await placeholder(page, 'three.total.budget'), '23.45');
  // 占比 of the 三公 total
  assert.equal(await placeholder(page, 'three.abroad.share'), '0.00%');
  assert.equal(await placeholder(page, 'three.car.share'), '99.96%');
  assert.equal(await placeholder(page, 'three.reception.share'), '0.04%');
  // 增减额 and 增长率 / 下降率
  assert.equal(await placeholder(page, 'three.total.change'), '0.12');
  assert.equal(await placeholder(page, 'three.total.rate'), '0.51%');
  assert.equal(await placeholder(page, 'three.car.rate'), '0.77%');
  assert.equal(await placeholder(page, 'three.reception.change'), '-0.06');
  assert.equal(await placeholder(page, 'three.reception.rate'), '-85.71%');
  // 预决算差异率
  for (const p of ['three.total', 'three.abroad', 'three.car_purchase', 'three.car_running', 'three.reception']) {
    assert.equal(await placeholder(page, `${p}.variance`), '0.00%', p);
  }
  // the explanation states them, in the published wording
  const text = await cell(page, 'explanation').textContent();
  assert.match(text, /2023年度财政拨款“三公”经费支出23\.45万元，比上年增加0\.12万元，增长0\.51%/);
  assert.match(text, /公务接待费支出0\.01万元，占0\.04%，比上年减少0\.06万元，下降85\.71%，主要原因是：本年度接待人员相较上年度减少，导致公务接待费用降低/);
  assert.match(text, /公务用车运行费全年预算数23\.44万元，决算数23\.44万元，预决算差异率0\.00%/);
  assert.match(text, /单位全年安排的国内公务接待1批次，10人次。/);
  // a budget that differs: the 差异率 follows at once, and the explanation with it
  await cell(page, 'three.reception.budget').fill('1.00');
  assert.equal(await placeholder(page, 'three.reception.variance'), '-99.00%');
  assert.equal(await placeholder(page, 'three.total.variance'), '-4.05%');
  assert.match(await cell(page, 'explanation').textContent(), /公务接待费全年预算数1\.00万元，决算数0\.01万元，预决算差异率-99\.00%/);
  // a stated share that is wrong turns red with the reason beside it
  await cell(page, 'three.car.share').fill('96.99');
  assert.match(await cell(page, 'three.car.share').getAttribute('class'), /sev-error/);
  assert.match(await page.locator('[data-why="three.car.share"]').textContent(), /应为 99\.96%（23\.44 ÷ 23\.45），填写为 96\.99%/);
  // and a fall written as a rise
  await cell(page, 'three.reception.rate').fill('85.71');
  assert.match(await page.locator('[data-why="three.reception.rate"]').textContent(), /比上年减少，应写下降 85\.71%/);
  await page.screenshot({ path: '/tmp/jiaohe-final-accounts-three.png' });
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 科目 typed as a code is named from the core\'s list, and the list is offered while typing', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.selectOption('#form-kind', 'final_accounts');
  const list = await page.locator('[data-path="general.items.0.subject"]').getAttribute('list');
  assert.ok(await page.locator(`datalist#${list} option[value="2060404 科技成果转化与扩散"]`).count());
  await cell(page, 'general.items.0.subject').fill('2060404');
  await cell(page, 'general.items.0.amount').fill('600.00');
  // the name comes with the evaluation after the code moves the row into place (a frame or two
  // later on a loaded machine)
  await page.waitForFunction(() => document.querySelector('[data-path="general.items.0.name"]').getAttribute('placeholder'));
  assert.equal(await placeholder(page, 'general.items.0.name'), '科学技术支出(类)技术研究与开发(款)科技成果转化与扩散(项)');
  await cell(page, 'general.classes.0.subject').fill('206');
  assert.equal(await placeholder(page, 'general.classes.0.amount'), '600.00');
  assert.match(await cell(page, 'explanation').textContent(), /1\.科学技术支出\(类\)技术研究与开发\(款\)科技成果转化与扩散\(项\)：支出决算数为600\.00万元/);
  await context.close();
});

test('seed 002 opened from a file: no errors, its explanation as published, printed A4 portrait', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.setInputFiles('#open-file', fixturePath('final_accounts/seed002'));
  await page.waitForFunction(() => document.querySelector('.form-title') && document.querySelector('.form-title').textContent === '部门决算情况说明' && document.querySelector('[data-path="year"]').value === '2023');
  assert.match(await page.locator('#summary').textContent(), /错误 0/);
  const core = await page.evaluate((d) => window.jiaohe.evaluate(d).computed.explanation, fixture('final_accounts/seed002'));
  const shown = await page.evaluate(() => [...document.querySelectorAll('section.report .report-text p')].map((p) => p.textContent).join('\n'));
  assert.equal(shown, core.split('\n').map((l) => l.replace(/^\u3000\u3000/, '')).filter(Boolean).join('\n'));
  assert.match(shown, /本年支出244\.63万元，其中：基本支出98\.22万元，占40\.15%；项目支出146\.41万元，占59\.85%/);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.match(await page.evaluate(() => (document.getElementById('print-page') || {}).textContent || ''), /A4 portrait/);
  await context.close();
});

test('a 决算公开表 pasted in: its rows become the 按项 and 按类 rows, its totals fill the blank cells', async () => {
  const { readFileSync } = await import('node:fs');
  const seed = readFileSync(new URL('../../../shared/seeds/004_0a1f217f2835b61f.txt', import.meta.url), 'utf8').split('\n');
  const table5 = seed.slice(237, 273).join('\n');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  await page.selectOption('#form-kind', 'final_accounts');
  await cell(page, 'tables.general').fill(table5);
  await page.waitForSelector('tr[data-row="general.items.11"]');
  assert.equal(await page.locator('tr[data-row^="general.items."]').count(), 12);
  assert.equal(await page.locator('tr[data-row^="general.classes."]').count(), 4);
  assert.equal(await cell(page, 'general.items.0.subject').inputValue(), '2060499 其他技术与开发支出');
  assert.equal(await placeholder(page, 'general.total.amount'), '5,058.98');
  assert.equal(await placeholder(page, 'general.classes.3.share'), '86.26%');
  // taken in as one step: one undo puts the rows back as they were
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-row^="general.items."]').length === 1);
  assert.deepEqual(errors, []);
  await context.close();
});

// The department table, the self-evaluation report and the department package in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, fixture, fixturePath, cell, typeDoc } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('seed 003 report typed in: the generated report states the checked 87.90 and 良, never the stated 91.95 优', async () => {
  const context = await browser.newContext();
  const { page, requests, errors } = await openPage(context);
  await page.selectOption('#form-kind', 'department_report');
  await typeDoc(page, fixture('report/seed003'));
  const text = await cell(page, 'report').textContent();
  assert.match(text, /2023年度部门整体支出绩效自评综合得分87\.90分，评价结果为“良”。/);
  assert.doesNotMatch(text, /91\.95|“优”/);
  assert.match(text, /预算调整率51\.65%/);
  // the exceeded limit is marked on its cell, with the rule's figure beside it
  assert.match(await page.locator('[data-why="indicators.1.score"]').textContent(), /得分应为 7\.95（12 × 367\.19 ÷ 554\.23），填写为 12\.00/);
  // the report follows the figures: a 执行率 base changed is in the text at once
  await cell(page, 'performance.executed').fill('500');
  assert.match(await cell(page, 'report').textContent(), /执行率为89\.79%，得8\.98分。/);
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('seed 000 report opened from a file lists all seven errors, each taking the user to its field', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.setInputFiles('#open-file', fixturePath('report/seed000'));
  await page.waitForSelector('#findings button[data-code="text.sum_mismatch"]');
  const seven = [
    ['sum.mismatch', 'staffing.total'],
    ['sum.mismatch', 'budget.adjusted'],
    ['exec_rate.base', 'performance.budget'],
    ['sum.mismatch', 'projects.groups.0.budget'],
    ['text.sum_mismatch', 'key_work'],
    ['completion.mismatch', 'indicators.4.completion'],
    ['grade.mismatch', 'grade'],
  ];
  for (const [code, path] of seven) {
    const item = page.locator(`#findings button[data-code="${code}"][data-goto="${path}"]`);
    assert.equal(await item.count(), 1, `${code} ${path}`);
    await item.click();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), path);
    assert.match(await cell(page, path).getAttribute('class'), /sev-error/);
  }
  assert.match(await page.locator('#summary').textContent(), /总分 57\.41　等级 差/);
  await context.close();
});

test('department table: seed 001 swapped columns are pointed out; 99.95', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.setInputFiles('#open-file', fixturePath('department/seed001'));
  await page.waitForSelector('#findings button[data-code="columns.swapped"]');
  assert.equal(await page.locator('.form-title').textContent(), '部门（单位）整体支出绩效自评表');
  assert.match(await page.locator('#summary').textContent(), /总分 99\.95　等级 优/);
  assert.equal(await page.locator('#findings button[data-code="columns.swapped"]').count(), 6);
  assert.equal(await cell(page, 'funds.total.rate').getAttribute('placeholder'), '99.50%');
  await context.close();
});

test('package: one department\'s 15 tables imported together add up to its 决算 figures', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.selectOption('#form-kind', 'department_package');
  await page.selectOption('#policy', 'urumqi-2023');
  const files = [fixturePath('department/seed001')];
  for (let i = 1; i <= 14; i++) files.push(fixturePath(`seed001/${String(i).padStart(2, '0')}`));
  await page.setInputFiles('input[type=file][aria-label^="导入"]', files);
  await page.waitForSelector('tr[data-row="projects.13"]');
  await typeDoc(page, { final_accounts: { project_count: '14', project_budget: '4,046.97', project_executed: '2,248.10', income_total: '38,544.43', expenditure_total: '38,349.81' } });
  assert.equal(await cell(page, 'members.adjusted').textContent(), '4,046.97');
  assert.equal(await cell(page, 'members.executed').textContent(), '2,248.10');
  assert.equal(await cell(page, 'projects.2.total_score').textContent(), '89.15');
  assert.equal(await cell(page, 'department.total_score').textContent(), '99.95');
  assert.match(await page.locator('#summary').textContent(), /错误 0/);
  await cell(page, 'final_accounts.project_executed').fill('2,248.70');
  assert.match(await page.locator('[data-why="final_accounts.project_executed"]').textContent(), /所附 14 张项目自评表合计为 2,248\.10/);
  await context.close();
});

// 绩效目标表 in the page: seed 004's tables listed inside the 预算公开 with each project's 表7 and
// 表11 money; one click turns a target table into next year's 自评表 (a new draft); a target
// table of its own is checked as it is typed (weights of 90, a rule that does not suit its value)
// and carried forward the same way; target files imported into a 预算公开 land in its list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, openPage, fixture, fixturePath, cell, settle } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const dir = mkdtempSync(path.join(tmpdir(), 'jiaohe-targets-'));
const file = (name, doc) => { const p = path.join(dir, name); writeFileSync(p, JSON.stringify(doc)); return p; };
const seed = fixture('budget/seed004');
const standalone = (i) => Object.assign({ kind: 'project_target', version: 1 }, seed.targets.projects[i]);
const title = (page) => page.locator('.form-title').textContent();

test('seed 004: the target tables beside the eleven tables, 25.49 = 表7 20.50 + 表11 4.99; one click makes the 自评表', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  await page.setInputFiles('#open-file', fixturePath('budget/seed004'));
  await page.waitForFunction(() => document.querySelector('[data-path="targets.projects.1.table7"]') && document.querySelector('[data-path="targets.projects.1.table7"]').textContent !== '');
  assert.match(await page.locator('#summary').textContent(), /错误 0/);
  assert.equal(await page.locator('table[data-grid="targets.projects"] tbody tr').count(), 11);
  assert.equal(await cell(page, 'targets.projects.1.table7').textContent(), '20.50');
  assert.equal(await cell(page, 'targets.projects.1.table11').textContent(), '4.99');
  assert.equal(await cell(page, 'targets.projects.1.weight_total').textContent(), '90.00');
  assert.equal(await cell(page, 'targets.department.funds.total').textContent(), '6,724.07');
  assert.match(await page.locator('#findings').textContent(), /安全生产工作经费”上年结转 4\.99/);
  await page.locator('table[data-grid="targets.projects"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, 'budget-targets.png') });

  await page.locator('tr[data-row="targets.projects.1"] button[data-op="carry"]').click();
  await page.waitForFunction(() => document.querySelector('.form-title').textContent === '项目支出绩效自评表');
  assert.equal(await cell(page, 'project').inputValue(), '安全生产和节能审查工作经费');
  assert.equal(await cell(page, 'department').inputValue(), '乌鲁木齐市工业和信息化局');
  assert.equal(await cell(page, 'funds.rows.0.initial').inputValue(), '20.50');
  assert.equal(await cell(page, 'funds.rows.1.initial').inputValue(), '4.99');
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '邀请民爆专家');
  assert.equal(await cell(page, 'indicators.3.target').inputValue(), '≤8.9万元');
  assert.equal(await cell(page, 'indicators.0.actual').inputValue(), '');
  assert.match(await page.locator('#notice').textContent(), /已按绩效目标表新建自评表草稿/);
  // the disclosure is still there, a draft beside the new one
  const drafts = await page.locator('#draft option').allTextContents();
  assert.ok(drafts.some((d) => /seed004/.test(d)) && drafts.some((d) => /安全生产和节能审查工作经费（2025年度自评表）/.test(d)), drafts.join(' | '));
  await page.screenshot({ path: path.join(dir, 'carried.png') });
  // typing the year's actuals scores it like any 自评表
  await cell(page, 'indicators.0.actual').fill('12次');
  assert.equal(await cell(page, 'indicators.0.score').getAttribute('placeholder') || await cell(page, 'indicators.0.score').inputValue(), '20.00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a project target table of its own: checked as typed, carried forward with its button', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  await page.setInputFiles('#open-file', file('小升规.json', standalone(0)));
  await page.waitForFunction(() => document.querySelector('.form-title').textContent === '项目支出绩效目标表');
  assert.equal(await cell(page, 'weight_total').textContent(), '90.00');
  assert.match(await page.locator('#summary').textContent(), /错误 0/);
  await page.screenshot({ path: path.join(dir, 'target.png') });
  await cell(page, 'indicators.0.weight').fill('5');
  await page.waitForFunction(() => /sev-error/.test(document.querySelector('[data-path="weight_total"]').className));
  assert.match(await page.locator('[data-why="weight_total"]').textContent(), /合计 85\.00，应为 90\.00/);
  await cell(page, 'indicators.0.weight').fill('10');
  await cell(page, 'indicators.1.rule').fill('按评判等级赋分');
  assert.match(await page.locator('[data-why="indicators.1.rule"]').textContent(), /定性指标/);
  await cell(page, 'indicators.1.rule').fill('');
  assert.equal(await cell(page, 'indicators.1.rule').getAttribute('placeholder'), '按照完成比例赋分');
  await page.getByRole('button', { name: '转为下一年度的项目支出绩效自评表' }).click();
  await page.waitForFunction(() => document.querySelector('.form-title').textContent === '项目支出绩效自评表');
  assert.equal(await cell(page, 'funds.total.initial').inputValue(), '500.00');
  assert.equal(await cell(page, 'indicators.6.name').inputValue(), '奖补企业满意度');
  assert.equal(await cell(page, 'indicators.6.rule').inputValue(), '满意度赋分');
  assert.deepEqual(errors, []);
  await context.close();
});

test('target files imported into a 预算公开 go into its lists; another kind is refused and nothing changes', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  const tables = Object.assign({}, seed, { targets: {} });
  await page.setInputFiles('#open-file', file('预算公开.json', tables));
  await page.waitForFunction(() => document.querySelector('.form-title').textContent === '部门预算公开');
  const input = page.locator('input[type=file][aria-label^="导入部门整体"]');
  await input.setInputFiles([fixturePath('seed002/01'), file('a.json', standalone(1))]);
  await page.waitForFunction(() => /未导入任何文件/.test(document.querySelector('#notice').textContent));
  assert.equal(await page.locator('table[data-grid="targets.projects"] tbody tr').count(), 0);
  const dep = Object.assign({ kind: 'department_target', version: 1 }, seed.targets.department);
  await input.setInputFiles([file('a.json', standalone(1)), file('b.json', standalone(4)), file('c.json', dep)]);
  await page.waitForFunction(() => document.querySelectorAll('table[data-grid="targets.projects"] tbody tr').length === 2);
  await settle(page);
  assert.equal(await cell(page, 'targets.projects.0.table11').textContent(), '4.99');
  assert.equal(await cell(page, 'targets.department.funds.fiscal').textContent(), '6,695.87');
  await page.getByRole('button', { name: '转为整体支出绩效自评表' }).click();
  await page.waitForFunction(() => document.querySelector('.form-title').textContent === '部门（单位）整体支出绩效自评表');
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '培育“专精特新”企业');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a published target table pasted with its header fills the indicators, its columns found by name', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  await page.selectOption('#form-kind', 'project_target');
  await page.waitForFunction(() => document.querySelector('.form-title').textContent === '项目支出绩效目标表');
  const text = readFileSync(new URL('../../../shared/seeds/004_0a1f217f2835b61f.txt', import.meta.url), 'utf8');
  const from = text.indexOf('一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据');
  const rows = text.slice(from).split('\n').slice(0, 8).join('\n');
  await cell(page, 'indicators.0.level1').focus();
  await page.evaluate((t) => {
    const el = document.activeElement;
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, rows);
  await settle(page);
  assert.equal(await cell(page, 'indicators.6.name').inputValue(), '奖补企业满意度');
  assert.equal(await cell(page, 'indicators.1.target').inputValue(), '>=2000万元/家');
  assert.equal(await cell(page, 'indicators.4.previous').inputValue(), '10万元/家');
  assert.equal(await cell(page, 'indicators.5.rule').inputValue(), '按评判等级赋分');
  assert.equal(await cell(page, 'indicators.6.evidence').inputValue(), '工作资料');
  assert.equal(await cell(page, 'weight_total').textContent(), '90.00');
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(() => console.log('screenshots in', dir));

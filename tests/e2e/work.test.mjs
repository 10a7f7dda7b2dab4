// Never losing a user's work: drafts, a killed browser, files in and out, paste from Excel,
// CSV, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launch, openPage, fixture, fixturePath, cell, pageUrl, root } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Debian's Chromium as its own process with a profile on disk, so it can be killed. */
async function startChromium(dir) {
  const proc = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'],
  { stdio: ['ignore', 'ignore', 'pipe'] });
  const ws = await new Promise((resolve, reject) => {
    let buf = '';
    proc.stderr.on('data', (d) => { buf += d; const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf); if (m) resolve(m[1]); });
    setTimeout(() => reject(new Error('Chromium did not start')), 30000);
  });
  const b = await chromium.connectOverCDP(ws);
  const page = await b.contexts()[0].newPage();
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-full="true"]');
  return { proc, b, page };
}

test('typed, browser killed 1 s after the last keystroke, reopened: the same content, invalid text included', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiaohe-profile-'));
  let { proc, page } = await startChromium(dir);
  await cell(page, 'project').fill('原机电老干所运行维护费');
  await cell(page, 'funds.rows.0.executed').fill('7.84');
  await cell(page, 'funds.rows.1.executed').fill('2.2.9');
  await cell(page, 'indicators.0.name').fill('聘用小区门卫安保人员');
  // 已保存 only once the draft is on disk; the browser is killed 1 s after the last keystroke
  await page.waitForFunction(() => document.getElementById('save-state').textContent === '已保存');
  await page.waitForTimeout(1000);
  proc.kill('SIGKILL');
  await new Promise((r) => proc.once('exit', r));
  ({ proc, page } = await startChromium(dir));
  await page.waitForSelector('html[data-restored="true"]');
  assert.equal(await cell(page, 'project').inputValue(), '原机电老干所运行维护费');
  assert.equal(await cell(page, 'funds.rows.0.executed').inputValue(), '7.84');
  assert.equal(await cell(page, 'funds.rows.1.executed').inputValue(), '2.2.9');
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '聘用小区门卫安保人员');
  assert.match(await cell(page, 'funds.rows.1.executed').getAttribute('class'), /sev-error/);
  proc.kill('SIGKILL');
  await new Promise((r) => proc.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
});

test('drafts side by side: create, rename, duplicate, delete and undo the delete', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await cell(page, 'project').fill('甲项目');
  page.once('dialog', (d) => d.accept('甲'));
  await openMenu(page);
  await page.click('#rename-draft');
  await page.click('#new-doc');
  await cell(page, 'project').fill('乙项目');
  await openMenu(page);
  await page.click('#dup-draft');
  assert.deepEqual(await page.locator('#draft option').allTextContents(), ['甲', '项目支出绩效自评表', '项目支出绩效自评表 副本']);
  assert.equal(await cell(page, 'project').inputValue(), '乙项目');
  await page.selectOption('#draft', { label: '甲' });
  assert.equal(await cell(page, 'project').inputValue(), '甲项目');
  await openMenu(page);
  await page.click('#del-draft');
  assert.deepEqual(await page.locator('#draft option').allTextContents(), ['项目支出绩效自评表', '项目支出绩效自评表 副本']);
  await page.locator('#notice button', { hasText: '撤销' }).click();
  assert.deepEqual(await page.locator('#draft option').allTextContents(), ['甲', '项目支出绩效自评表', '项目支出绩效自评表 副本']);
  assert.equal(await cell(page, 'project').inputValue(), '甲项目');
  await page.reload();
  await page.waitForSelector('html[data-full="true"]');
  assert.equal(await page.locator('#draft option').count(), 3);
  assert.equal(await cell(page, 'project').inputValue(), '甲项目');
  await context.close();
});

test('a malformed or foreign file shows a message and changes nothing; many files give a table', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await cell(page, 'project').fill('不能丢的内容');
  await page.setInputFiles('#open-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"kind": "project_self_evaluation", oops') });
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await page.locator('#notice').textContent(), /无法打开“bad\.json”：.*不是有效的 JSON.*当前内容未作任何改动/);
  await page.setInputFiles('#open-file', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"kind": "invoice"}') });
  await page.waitForFunction(() => /other\.json/.test(document.getElementById('notice').textContent));
  assert.match(await page.locator('#notice').textContent(), /无法识别的表单类型“invoice”/);
  // decoded as the CLI decodes: a UTF-16 or GBK file is refused, not opened garbled
  await page.setInputFiles('#open-file', { name: 'utf16.json', mimeType: 'application/json', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"kind":"project_self_evaluation"}', 'utf16le')]) });
  await page.waitForFunction(() => /utf16\.json/.test(document.getElementById('notice').textContent));
  assert.match(await page.locator('#notice').textContent(), /无法打开“utf16\.json”：文件不是 UTF-8 编码的文本/);
  assert.equal(await cell(page, 'project').inputValue(), '不能丢的内容');
  assert.equal(await page.locator('#draft option').count(), 1);

  await page.selectOption('#policy', 'urumqi-2023');
  const asFile = (name, p) => ({ name, mimeType: 'application/json', buffer: readFileSync(fixturePath(p)) });
  await page.setInputFiles('#open-file', [asFile('03.json', 'seed001/03'), asFile('seed000.json', 'report/seed000'), { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[') }]);
  await page.waitForSelector('#batch:not([hidden]) tbody tr');
  const rows = await page.locator('#batch tbody tr').allTextContents();
  assert.equal(rows.length, 3);
  assert.match(rows[0], /03\.json项目支出绩效自评表原机电老干所运行维护费（2023年度）89\.15良00/);
  assert.match(rows[1], /seed000\.json部门整体支出绩效自评报告.*57\.41差11/);
  assert.match(rows[2], /bad\.json文件不是有效的 JSON/);
  await page.getByRole('button', { name: '打开seed000.json' }).click();
  assert.equal(await page.locator('.form-title').textContent(), '部门整体支出绩效自评报告');
  assert.equal(await page.locator('#draft option').count(), 2);
  // the opened form is brought into view
  assert.ok(await page.locator('.form-title').evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }));
  await context.close();
});

test('the reviewer table: Chinese 口径 in the caption, recomputed when the 口径 changes, sorted by any column, exported as CSV', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await openPage(context);
  await page.selectOption('#policy', 'urumqi-2023');
  const asFile = (name, p) => ({ name, mimeType: 'application/json', buffer: readFileSync(fixturePath(p)) });
  await page.setInputFiles('#open-file', [asFile('a.json', 'seed001/03'), asFile('b.json', 'seed002/01'), asFile('c.json', 'report/seed000'), { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[') }]);
  await page.waitForSelector('#batch:not([hidden]) tbody tr');
  const caption = () => page.locator('#batch caption').textContent();
  const files = () => page.locator('#batch tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-file')));
  const score = (f) => page.locator(`#batch tr[data-file="${f}"] td`).nth(3).textContent();
  assert.match(await caption(), /评分口径：乌鲁木齐2023口径/);
  assert.equal(await score('a.json'), '89.15');
  await page.selectOption('#policy', 'default');
  assert.match(await caption(), /评分口径：通用口径/);
  assert.notEqual(await score('a.json'), '89.15');
  // 总分 ascending, then descending; the unreadable file stays last
  await page.locator('#batch th button[data-sort="total"]').click();
  assert.deepEqual(await files(), ['c.json', 'a.json', 'b.json', 'bad.json']);
  await page.locator('#batch th button[data-sort="total"]').click();
  assert.deepEqual(await files(), ['b.json', 'a.json', 'c.json', 'bad.json']);
  await page.locator('#batch th button[data-sort="file"]').click();
  assert.deepEqual(await files(), ['a.json', 'b.json', 'bad.json', 'c.json']);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出列表（CSV）' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  assert.equal(lines[0], '文件,表单,名称,总分,等级,错误,警告,提示,说明');
  assert.equal(lines.length, 5);
  assert.match(lines[3], /^bad\.json,,,,,,,,文件不是有效的 JSON/);
  await context.close();
});

/** A full browser storage: it refuses every jiaohe write once `window.__full` is set (or, with
 *  `over`, any value longer than that), and with `indexedDB: false` there is no IndexedDB. */
async function limitStorage(page, { over = null, indexedDB = true }) {
  await page.addInitScript(({ over, indexedDB }) => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      const refused = over === null ? window.__full && String(k).startsWith('jiaohe.') : String(v).length > over;
      if (refused) { throw new DOMException('quota', 'QuotaExceededError'); }
      return real.call(this, k, v);
    };
    if (!indexedDB) { window.indexedDB.open = function () { throw new DOMException('quota', 'QuotaExceededError'); }; }
  }, { over, indexedDB });
}

/** Opens the header's 更多 menu (draft and storage commands live there). */
async function openMenu(page) {
  await page.evaluate(() => { document.getElementById('more').open = true; });
}

function paste(page, p, text) {
  return pasteData(page, p, { 'text/plain': text });
}

test('a stored draft the core cannot read is set aside: the page starts, lists it as 无法打开, exports its text or deletes it', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await cell(page, 'project').fill('好的草稿');
  // what another local page, an old version or a damaged disk could leave behind
  const bad = '{"kind":"project_self_evaluation","indicators":{"0":{"name":"x"}}}';
  await page.evaluate((bad) => {
    const index = JSON.parse(localStorage.getItem('jiaohe.drafts'));
    index.push({ id: 'broken1', name: '坏草稿' });
    localStorage.setItem('jiaohe.drafts', JSON.stringify(index));
    localStorage.setItem('jiaohe.draft.broken1', bad);
    localStorage.setItem('jiaohe.active', 'broken1');
  }, bad);
  await page.reload();
  await page.waitForSelector('html[data-full="true"]');
  assert.equal(await cell(page, 'project').inputValue(), '好的草稿');
  assert.match(await page.locator('#notice').textContent(), /有 1 份草稿无法打开/);
  assert.deepEqual(await page.locator('#draft option').allTextContents(), ['草稿 1', '坏草稿（无法打开）']);
  await page.selectOption('#draft', 'broken1');
  assert.match(await page.locator('#notice').textContent(), /草稿“坏草稿”无法打开：indicators 应为列表，实为对象/);
  assert.equal(await cell(page, 'project').inputValue(), '好的草稿', 'the open draft is untouched');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出原文' }).click();
  assert.equal(readFileSync(await (await download).path(), 'utf8'), bad);
  assert.equal(await page.evaluate(() => localStorage.getItem('jiaohe.draft.broken1')), bad, 'kept as it was');
  await page.getByRole('button', { name: '删除此草稿' }).click();
  assert.deepEqual(await page.locator('#draft option').allTextContents(), ['草稿 1']);
  assert.equal(await page.evaluate(() => localStorage.getItem('jiaohe.draft.broken1')), null);
  // a damaged list of drafts does not stop the page, and loses no draft: it is listed again
  await page.evaluate(() => localStorage.setItem('jiaohe.drafts', '{"not":"a list"}'));
  await page.reload();
  await page.waitForSelector('html[data-full="true"]');
  assert.deepEqual(await page.locator('#draft option').allTextContents(), ['恢复的草稿 1']);
  assert.equal(await cell(page, 'project').inputValue(), '好的草稿');
  await context.close();
});

test('a trap in the core: the page starts it again from the compiled module, says so once, and the draft is untouched', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await cell(page, 'project').fill('不能丢的内容');
  // a trap as the wasm raises one (no input reaches one any more: tests/mutate.rs)
  await page.evaluate(() => { window.JH.core.wb.evaluate = function () { throw new WebAssembly.RuntimeError('unreachable'); }; });
  await cell(page, 'funds.total.adjusted').fill('100');
  await page.waitForFunction(() => window.JH.core.restarts === 1);
  assert.match(await page.locator('#notice').textContent(), /校核核心出错，已自动重新启动；您填写的内容没有受到影响/);
  await cell(page, 'funds.total.executed').fill('78.585');
  assert.equal(await cell(page, 'funds.total.rate').getAttribute('placeholder'), '78.59%');
  assert.equal(await cell(page, 'project').inputValue(), '不能丢的内容');
  assert.equal(await page.evaluate(() => window.jiaohe.evaluate({ kind: 'project_self_evaluation', total_score: '1' }).kind), 'project_self_evaluation');
  await page.reload();
  await page.waitForSelector('html[data-full="true"]');
  assert.equal(await cell(page, 'project').inputValue(), '不能丢的内容');
  assert.equal(await cell(page, 'funds.total.adjusted').inputValue(), '100');
  await context.close();
});

test('local privacy: a first-use note, 不在本机保存 keeps drafts in the tab only, 清除本机草稿 removes them; blocked storage still works', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  assert.match(await page.locator('#notice').textContent(), /其他本地网页也能读到/);
  await page.getByRole('button', { name: '知道了' }).click();
  await cell(page, 'project').fill('只在这个标签页');
  const stored = () => page.evaluate(() => [Object.keys(localStorage).filter((k) => k.startsWith('jiaohe.draft.')).length, Object.keys(sessionStorage).filter((k) => k.startsWith('jiaohe.draft.')).length]);
  assert.deepEqual(await stored(), [1, 0]);
  await openMenu(page);
  await page.locator('#no-store').check();
  assert.deepEqual(await stored(), [0, 1]);
  await cell(page, 'project').fill('只在这个标签页，改过');
  assert.deepEqual(await stored(), [0, 1]);
  await page.reload();
  await page.waitForSelector('html[data-full="true"]');
  assert.equal(await cell(page, 'project').inputValue(), '只在这个标签页，改过');
  assert.ok(await page.locator('#no-store').isChecked());
  assert.doesNotMatch(await page.locator('#notice').textContent(), /其他本地网页也能读到/, 'the note is shown once');
  // another tab of this browser finds nothing
  const other = await context.newPage();
  await other.goto(page.url());
  await other.waitForSelector('html[data-full="true"]');
  assert.equal(await cell(other, 'project').inputValue(), '');
  await other.close();
  await openMenu(page);
  await page.locator('#no-store').uncheck();
  assert.deepEqual(await stored(), [1, 0]);
  page.once('dialog', (d) => d.accept());
  await openMenu(page);
  await page.getByRole('button', { name: '清除本机草稿' }).click();
  assert.deepEqual(await stored(), [1, 0], 'one new blank draft');
  assert.equal(await cell(page, 'project').inputValue(), '');
  assert.deepEqual(await page.locator('#draft option').allTextContents(), ['草稿 1']);
  await context.close();

  const blocked = await browser.newContext();
  const p2 = await blocked.newPage();
  await p2.addInitScript(() => { Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }); });
  await p2.goto(pageUrl);
  await p2.waitForSelector('html[data-full="true"]');
  assert.match(await p2.locator('#notice').textContent(), /本浏览器禁止网页保存数据/);
  await cell(p2, 'project').fill('照样能填');
  assert.equal(await cell(p2, 'total_score').count(), 1);
  await blocked.close();
});

test('two tabs on one draft: the second is told and turns read-only; a draft made in either tab stays listed in both', async () => {
  const context = await browser.newContext();
  const { page: a } = await openPage(context);
  await cell(a, 'project').fill('甲');
  // typing is saved after a short pause
  const saved = (p) => p.waitForFunction(() => document.getElementById('save-state').textContent === '已保存');
  await saved(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await b.waitForSelector('html[data-full="true"]');
  assert.equal(await cell(b, 'project').inputValue(), '甲');
  await cell(a, 'project').fill('甲（A 标签页改过）');
  await b.waitForFunction(() => /另一个标签页中被修改/.test(document.getElementById('notice').textContent));
  assert.equal(await b.locator('#save-state').textContent(), '只读（另一标签页正在编辑）');
  assert.ok(await cell(b, 'project').evaluate((e) => e.readOnly));
  // B cannot overwrite A's edit
  assert.equal(await a.evaluate(() => JSON.parse(localStorage.getItem('jiaohe.draft.' + localStorage.getItem('jiaohe.active'))).project), '甲（A 标签页改过）');
  // a draft created in A is not dropped when B saves its list
  await a.getByRole('button', { name: '新建草稿' }).click();
  await cell(a, 'project').fill('乙');
  await saved(a);
  await b.reload();
  await b.waitForSelector('html[data-full="true"]');
  await b.getByRole('button', { name: '新建草稿' }).click();
  await cell(b, 'project').fill('丙');
  await a.reload();
  await a.waitForSelector('html[data-full="true"]');
  assert.equal(await a.locator('#draft option').count(), 3);
  assert.equal(await b.locator('#draft option').count(), 3);
  await context.close();
});

test('every regression document opened in the page: each is listed with its result or a Chinese reason, and the page keeps working', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPage(context);
  await cell(page, 'project').fill('正在填的表');
  const dir = path.join(path.dirname(fixturePath('seed001/01')), '../../regressions');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 13);
  await page.setInputFiles('#open-file', files.map((f) => ({ name: f, mimeType: 'application/json', buffer: readFileSync(path.join(dir, f)) })));
  await page.waitForSelector('#batch:not([hidden]) tbody tr');
  const rows = await page.locator('#batch tbody tr').allTextContents();
  assert.equal(rows.length, files.length);
  for (const r of rows) assert.match(r, /[\u4e00-\u9fff]/, r);
  assert.match(rows[files.indexOf('indicators_object.json')], /indicators 应为列表，实为对象/);
  assert.match(rows[files.indexOf('dup_keys_min.json')], /出现了两次/);
  assert.match(rows[files.indexOf('version_str.json')], /格式版本 99/);
  // each one that is a document opens and is checked without breaking the page
  for (const f of files) {
    const open = page.getByRole('button', { name: '打开' + f });
    if (await open.count()) {
      await open.click();
      await page.waitForSelector('#summary');
      assert.match(await page.locator('#summary').textContent(), /错误 \d+/);
    }
  }
  await page.selectOption('#draft', { index: 0 });
  assert.equal(await cell(page, 'project').inputValue(), '正在填的表');
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage full: the page says so once, offers 保存为文件, and keeps working', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await limitStorage(page, { indexedDB: false });
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-full="true"]');
  await page.evaluate(() => { window.__full = true; });
  await cell(page, 'project').fill('存不下也要能填');
  await page.waitForFunction(() => /未能保存到浏览器/.test(document.getElementById('save-state').textContent));
  assert.match(await page.locator('#notice').textContent(), /未能保存到本浏览器/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存为文件' }).first().click();
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  assert.equal(saved.project, '存不下也要能填');
  await cell(page, 'funds.total.adjusted').fill('100');
  await cell(page, 'funds.total.executed').fill('50');
  assert.equal(await cell(page, 'funds.total.rate').getAttribute('placeholder'), '50.00%');
  await context.close();
});

test('a block pasted from a seed table fills rows, adds rows and is scored; CSV export round-trips the figures', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await openPage(context);
  await page.selectOption('#policy', 'urumqi-2023');
  const doc = fixture('seed001/03');
  // as copied from Excel: tab-separated, thousands separators, full-width digits, blank cells
  await paste(page, 'funds.rows.0.label', '其中：当年财政拨款\t９.００\t9.00\t7.84\r\n其他资金\t0.00\t3.89\t2.29\r\n');
  await page.locator('tr[data-row="funds.rows.2"] button[data-op="remove"]').click();
  const tsv = doc.indicators.map((r) => [r.level1, r.level2, r.name, r.target, r.actual, r.weight, r.score, r.reason].join('\t')).join('\r\n');
  await paste(page, 'indicators.0.level1', tsv);
  assert.equal(await page.locator('tr[data-row^="indicators."]').count(), 13);
  assert.equal(await cell(page, 'indicators.7.target').inputValue(), '<=5.6万元');
  assert.equal(await cell(page, 'indicators.12.reason').inputValue(), '家属院居民满意度100%，完成率105%');
  assert.equal(await cell(page, 'funds.total.executed').getAttribute('placeholder'), '10.13');
  assert.equal(await cell(page, 'funds.total.rate').getAttribute('placeholder'), '78.59%');
  assert.equal(await cell(page, 'total_score').getAttribute('placeholder'), '89.15');
  // one paste is one undo
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('tr[data-row^="indicators."]').count(), 6);
  await page.keyboard.press('Control+y');
  assert.equal(await page.locator('tr[data-row^="indicators."]').count(), 13);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '年度绩效指标完成情况 导出 CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  assert.equal(lines[0], '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,完成率,偏差原因分析及改进措施,赋分规则');
  // a cell a spreadsheet would run as a formula is neutralised (OWASP: a leading apostrophe)
  assert.equal(lines[8], "成本指标,经济成本指标,支付水电暖相关费用,<=5.6万元,'=4.55万元,5,4.06,123.08%,因财政资金紧张，2023年实际支付4.55万元,按照完成比例赋分");
  const funds = page.waitForEvent('download');
  await page.getByRole('button', { name: '项目资金（万元） 导出 CSV' }).click();
  const fundsCsv = readFileSync(await (await funds).path(), 'utf8');
  assert.match(fundsCsv, /\r\n年度资金总额,9\.00,12\.89,10\.13,10\.00,78\.59%,7\.86\r\n其中：当年财政拨款,９\.００,9\.00,7\.84,—,—,—\r\n/);
  // formula injection: a name typed as a formula leaves as text; a negative figure stays a number
  await cell(page, 'indicators.0.name').fill('=HYPERLINK("http://evil.example","点我")');
  await cell(page, 'indicators.0.score').fill('-1');
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: '年度绩效指标完成情况 导出 CSV' }).click();
  const first = readFileSync(await (await again).path(), 'utf8').slice(1).split('\r\n')[1];
  assert.ok(first.includes('"\'=HYPERLINK(""http://evil.example"",""点我"")"'), first);
  assert.ok(first.includes(',-1,'), first);
  await context.close();
});

test('Excel date serials and percentages pasted into an indicator are read', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await paste(page, 'indicators.2.name', '完成时限\t2023.12.31\t45291\t10\n资金拨付及时率\t＞＝９０％\t95 %\t10');
  assert.equal(await cell(page, 'indicators.2.completion').textContent(), '100.00%');
  assert.equal(await cell(page, 'indicators.3.completion').textContent(), '105.56%');
  await context.close();
});

test('print: the official table without the toolbar or the form being filled in, findings after the table', async () => {
  const context = await browser.newContext({ viewport: { width: 1123, height: 794 } });
  const { page } = await openPage(context);
  await page.setInputFiles('#open-file', fixturePath('seed001/03'));
  await page.waitForSelector('#findings li');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.bar').isVisible(), false);
  assert.equal(await page.locator('#form').isVisible(), false);
  assert.equal(await page.locator('.findings').isVisible(), false);
  assert.equal(await page.locator('#printout h1').textContent(), '项目支出绩效自评表');
  const tables = await page.locator('#printout table').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().bottom));
  const findings = await page.locator('#printout .p-findings').boundingBox();
  assert.ok(findings.y >= Math.max(...tables) - 1, 'findings come after the table');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  assert.ok(pdf.length > 10000);
  await context.close();
});

test('keyboard: Enter and arrows move through the grid; Tab across; Ctrl+Z / Ctrl+Y', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  const at = () => page.evaluate(() => document.activeElement.getAttribute('data-path'));
  await cell(page, 'indicators.0.name').click();
  await page.keyboard.type('甲');
  await page.keyboard.press('Enter');
  assert.equal(await at(), 'indicators.1.name');
  await page.keyboard.press('Tab');
  assert.equal(await at(), 'indicators.1.target');
  await page.keyboard.press('ArrowUp');
  assert.equal(await at(), 'indicators.0.target');
  await page.keyboard.press('ArrowRight');
  assert.equal(await at(), 'indicators.0.actual');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await at(), 'indicators.0.target');
  await page.keyboard.type('>=5家');
  // as in Excel/WPS, one visit to a cell is one undo step (undo keeps that cell's text, not the document)
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, 'indicators.0.target').inputValue(), '');
  await page.keyboard.press('Control+y');
  assert.equal(await cell(page, 'indicators.0.target').inputValue(), '>=5家');
  await page.keyboard.press('Tab');
  await page.keyboard.type('6家');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('x');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, 'indicators.0.target').inputValue(), '>=5家');
  assert.equal(await cell(page, 'indicators.0.actual').inputValue(), '6家');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, 'indicators.0.actual').inputValue(), '');
  assert.ok(await page.evaluate(() => window.JH && true));
  await context.close();
});

async function pasteData(page, p, data) {
  await cell(page, p).focus();
  await page.evaluate(({ p, data }) => {
    const el = document.querySelector(`[data-path="${p}"]`);
    const dt = new DataTransfer();
    for (const [type, text] of Object.entries(data)) dt.setData(type, text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, { p, data });
}

test('paste reads Excel text as Excel writes it: quoted cells with line breaks, tabs and doubled quotes never split or shift a row', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  const before = await cell(page, 'indicators.1.name').inputValue();
  // one cell copied from Excel that holds a line break: it goes into that cell only
  await pasteData(page, 'indicators.0.reason', { 'text/plain': '"原因第一行\n第二行"\r\n', 'text/html': '<table><tr><td>原因第一行<br>第二行</td></tr></table>' });
  assert.equal(await cell(page, 'indicators.0.reason').inputValue(), '原因第一行\n第二行');
  assert.equal(await cell(page, 'indicators.1.name').inputValue(), before);
  // a row whose cells hold a line break, a tab and quotes
  await pasteData(page, 'indicators.0.level1', { 'text/plain': '产出指标\t数量指标\t"名称\n带换行 ""甲"""\t"=1\t"\t1\t10\t9\t"偏差\n说明"\r\n效益指标\t社会效益指标\t第二项\t≥90%\t95%\t10\t10\r\n' });
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '名称\n带换行 "甲"');
  assert.equal(await cell(page, 'indicators.0.target').inputValue(), '=1');
  assert.equal(await cell(page, 'indicators.0.weight').inputValue(), '10');
  assert.equal(await cell(page, 'indicators.0.reason').inputValue(), '偏差\n说明');
  assert.equal(await cell(page, 'indicators.1.level1').inputValue(), '效益指标');
  assert.equal(await cell(page, 'indicators.1.target').inputValue(), '≥90%');
  assert.match(await page.locator('#notice').textContent(), /已粘贴 2 行、\d+ 个格子/);
  // a quote that is the text's own is kept; paragraphs pasted into a text cell stay in it
  await pasteData(page, 'indicators.2.name', { 'text/plain': '"放管服"改革\t=1\r\n' });
  assert.equal(await cell(page, 'indicators.2.name').inputValue(), '"放管服"改革');
  const reason3 = await cell(page, 'indicators.3.reason').inputValue();
  const handled = await page.evaluate(() => {
    const el = document.querySelector('[data-path="indicators.2.reason"]');
    el.focus();
    const dt = new DataTransfer();
    dt.setData('text/plain', '第一段说明。\r\n第二段说明。');
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    el.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  assert.equal(handled, false, 'the browser pastes paragraphs into the text cell itself');
  assert.equal(await cell(page, 'indicators.3.reason').inputValue(), reason3);
  await context.close();
});

test('paste fills the funds total and the rows below it; cells a row does not take, or past the table, are left out and named', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await pasteData(page, 'funds.total.initial', { 'text/plain': '100\t100\t90\r\n60\t60\t50\r\n30\t30\t30\r\n10\t10\t10\r\n' });
  assert.equal(await cell(page, 'funds.total.executed').inputValue(), '90');
  assert.equal(await cell(page, 'funds.rows.0.initial').inputValue(), '60');
  assert.equal(await cell(page, 'funds.rows.2.executed').inputValue(), '10');
  assert.match(await page.locator('#notice').textContent(), /已粘贴 4 行、12 个格子/);
  // 分值/执行率/得分 are filled on the total row only; cells past the last column are left out
  await pasteData(page, 'funds.rows.0.executed', { 'text/plain': '50\t10\r\n' });
  assert.match(await page.locator('#notice').textContent(), /“分值”列只在合计行填写，其余行未粘贴/);
  // 完成率 is the page's own column, not the official form's: a copied row skips it
  await pasteData(page, 'indicators.0.score', { 'text/plain': '8\t原因\t按照完成比例赋分\t多出来的\r\n' });
  assert.match(await page.locator('#notice').textContent(), /1 个格子超出表格右侧，未粘贴/);
  // whole rows copied from the page's own CSV export (完成率 included) go back in place
  await pasteData(page, 'indicators.1.level1', { 'text/plain': '产出指标\t质量指标\t合格率\t≥90%\t95%\t10\t10\t105.56%\t略高于目标\t按照完成比例赋分\r\n' });
  assert.equal(await cell(page, 'indicators.1.reason').inputValue(), '略高于目标');
  assert.equal(await cell(page, 'indicators.1.rule').inputValue(), '按照完成比例赋分');
  assert.equal(await cell(page, 'indicators.0.reason').inputValue(), '原因');
  await context.close();
});

test('paste of an HTML table (Word, WPS, a web page): merged 一级指标 cells fill every row they cover', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  const html = '<html><body><table><tr><td rowspan="2">产出<br>指标</td><td>数量指标</td><td>指标甲\n  续</td></tr><tr><td>质量指标</td><td>指标乙</td></tr></table></body></html>';
  await pasteData(page, 'indicators.0.level1', { 'text/html': html, 'text/plain': 'ignored' });
  assert.equal(await cell(page, 'indicators.0.level1').inputValue(), '产出 指标');
  assert.equal(await cell(page, 'indicators.1.level1').inputValue(), '产出 指标');
  assert.equal(await cell(page, 'indicators.1.level2').inputValue(), '质量指标');
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '指标甲 续');
  // a merged cell copied in part (the page keeps its rowspan) reaches no row that was not copied
  await cell(page, 'indicators.4.level1').fill('满意度指标');
  await pasteData(page, 'indicators.2.level1', { 'text/html': '<table><tr><td rowspan="4">效益指标</td><td>社会效益指标</td></tr><tr><td>生态效益指标</td></tr></table>' });
  assert.equal(await cell(page, 'indicators.3.level1').inputValue(), '效益指标');
  assert.equal(await cell(page, 'indicators.4.level1').inputValue(), '满意度指标');
  assert.match(await page.locator('#notice').textContent(), /已粘贴 2 行/);
  await context.close();
});

test('a draft deleted right after typing leaves nothing behind: no 恢复的草稿 after a reload', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await page.getByRole('button', { name: '新建草稿' }).click();
  await page.locator('[data-path="project"]').fill('刚输入就删除');
  await openMenu(page);
  await page.click('#del-draft');
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('html[data-full="true"]');
  const names = await page.locator('#draft option').allTextContents();
  assert.ok(!names.some((n) => /恢复的草稿|无法打开/.test(n)), names.join('、'));
  assert.equal(names.length, 1);
  await context.close();
});

test('deleting the only draft and pressing 撤销 brings it back without leaving a second blank 草稿 1', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await cell(page, 'project').fill('唯一的草稿');
  await openMenu(page);
  await page.click('#del-draft');
  assert.equal(await page.locator('#draft option').count(), 1);
  assert.equal(await cell(page, 'project').inputValue(), '');
  await page.locator('#notice button', { hasText: '撤销' }).click();
  assert.deepEqual(await page.locator('#draft option').allTextContents(), ['草稿 1']);
  assert.equal(await cell(page, 'project').inputValue(), '唯一的草稿');
  await context.close();
});

test('a draft too big for the browser\'s storage is kept in the durable copy: 已保存, and there after a restart', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // the browser's storage holds nothing over 50,000 characters; IndexedDB holds anything
  await limitStorage(page, { over: 50000 });
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-full="true"]');
  const { seedTables, bigTable } = await import(path.join(root, 'tools/bench/generate.mjs'));
  const doc = bigTable(seedTables(root), 600);
  assert.ok(JSON.stringify(doc).length > 50000);
  await page.setInputFiles('#open-file', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction((p) => document.querySelector('[data-path="project"]').value === p, doc.project);
  await cell(page, 'year').fill('2031');
  await page.waitForFunction(() => document.getElementById('save-state').textContent === '已保存');
  // another draft opened meanwhile is fine; the big one is the one last worked on
  await page.reload();
  await page.waitForSelector('html[data-restored="true"]');
  await page.waitForFunction(() => document.querySelector('[data-path="year"]').value === '2031');
  assert.equal(await cell(page, 'project').inputValue(), doc.project);
  // and it opens from the draft list too
  await page.getByRole('button', { name: '新建草稿' }).click();
  await page.selectOption('#draft', { label: 'big' });
  await page.waitForFunction(() => document.querySelector('[data-path="year"]').value === '2031');
  await context.close();
});

test('a table pasted with its header row from another province\'s template goes into the columns its header names', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  // Sichuan-style: 序号 first, 指标性质 in a column of its own, 权重 and 原因 for 分值 and 偏差原因
  const rows = [
    ['序号', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '完成值', '权重', '得分', '原因'],
    ['1', '产出指标', '数量指标', '培训人次', '正向', '100人次', '120人次', '20', '20', ''],
    ['2', '', '时效指标', '完成时间', '', '2023年12月31日前', '2023年11月30日', '10', '10', ''],
    ['3', '成本指标', '经济成本指标', '人均培训成本', '≤', '300元', '290元', '10', '10', ''],
  ];
  await pasteData(page, 'indicators.0.level1', { 'text/plain': rows.map((r) => r.join('\t')).join('\r\n') + '\r\n' });
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '培训人次');
  assert.equal(await cell(page, 'indicators.0.target').inputValue(), '≥100人次');
  assert.equal(await cell(page, 'indicators.0.actual').inputValue(), '120人次');
  assert.equal(await cell(page, 'indicators.0.weight').inputValue(), '20');
  assert.equal(await cell(page, 'indicators.1.target').inputValue(), '2023年12月31日前');
  assert.equal(await cell(page, 'indicators.2.target').inputValue(), '≤300元');
  const note = await page.locator('#notice').textContent();
  assert.match(note, /已粘贴 3 行/);
  assert.match(note, /“权重”→“分值”/);
  assert.match(note, /“指标性质”并入年度指标值/);
  // no header text landed in a cell, and the rows are read: the deadline met, the cost within its limit
  assert.equal(await page.locator('[data-why="indicators.0.target"]').textContent(), '');
  await page.waitForFunction(() => /100\.00%/.test(document.querySelector('output[data-path="indicators.1.completion"]')?.textContent || ''));
  // the funds block: 调整后预算数 / 预算执行数 as another template names them
  await pasteData(page, 'funds.total.initial', { 'text/plain': '资金来源\t年初预算数（万元）\t调整后预算数\t预算执行数\r\n年度资金总额\t100\t90\t81\r\n' });
  assert.equal(await cell(page, 'funds.total.adjusted').inputValue(), '90');
  assert.equal(await cell(page, 'funds.total.executed').inputValue(), '81');
  await context.close();
});

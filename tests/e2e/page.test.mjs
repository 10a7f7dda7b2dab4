// The single offline file as a user meets it: opened from disk in Debian's Chromium, typed into,
// and never talking to the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, fixture, fixturePath, cell, pageUrl } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('opens from file://, answers window.jiaohe.evaluate, and makes no request', async () => {
  const context = await browser.newContext();
  const { page, requests, errors } = await openPage(context);
  const ev = await page.evaluate((doc) => window.jiaohe.evaluate(doc, { policy: 'urumqi-2023' }), fixture('seed001/08'));
  assert.equal(ev.summary.total_score, '80.30');
  assert.equal(typeof (await page.evaluate(() => window.jiaohe.version)), 'string');
  // a figure typed into the page is computed by the core
  await cell(page, 'funds.rows.0.executed').fill('2,116.80');
  await cell(page, 'funds.rows.1.executed').fill('48.28');
  assert.equal(await cell(page, 'funds.total.executed').getAttribute('placeholder'), '2,165.08');
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Types a project table cell by cell, as a user would. */
async function typeTable(page, doc) {
  for (const k of ['year', 'project', 'department', 'implementer']) await cell(page, k).fill(doc[k]);
  for (const k of ['initial', 'adjusted', 'executed', 'weight', 'rate', 'score']) await cell(page, `funds.total.${k}`).fill(doc.funds.total[k]);
  // the blank form has three fund rows; seed 001 has two (no 上年结转资金)
  await page.locator('[data-grid="funds"] button[data-op="remove"]').nth(1).click();
  for (const [i, r] of doc.funds.rows.entries()) {
    for (const k of ['label', 'initial', 'adjusted', 'executed']) await cell(page, `funds.rows.${i}.${k}`).fill(r[k]);
  }
  const have = await page.locator('[data-grid="indicators"] tbody tr').count();
  for (let i = have; i < doc.indicators.length; i++) await page.getByRole('button', { name: '＋ 添加指标' }).click();
  for (const [i, r] of doc.indicators.entries()) {
    for (const k of ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'reason']) {
      await cell(page, `indicators.${i}.${k}`).fill(r[k]);
    }
  }
}

test('原机电老干所运行维护费 typed in: 89.15 and 良 under urumqi-2023; the default policy changes the cost scores with a reason; an edit updates 总分', async () => {
  const context = await browser.newContext();
  const { page, requests, errors } = await openPage(context);
  await page.selectOption('#policy', 'urumqi-2023');
  const doc = fixture('seed001/03');
  await typeTable(page, doc);
  // 总分 and 等级 left blank: they fill themselves
  assert.equal(await cell(page, 'total_score').getAttribute('placeholder'), '89.15');
  assert.equal(await cell(page, 'grade').getAttribute('placeholder'), '良');
  assert.match(await page.locator('#summary').textContent(), /总分 89\.15　等级 良/);
  assert.equal(await cell(page, 'indicators.7.completion').textContent(), '123.08%');

  await page.selectOption('#policy', 'default');
  assert.equal(await cell(page, 'total_score').getAttribute('placeholder'), '97.86');
  for (const i of [7, 8, 9, 10]) {
    const score = cell(page, `indicators.${i}.score`);
    assert.match(await score.getAttribute('class'), /sev-warning/);
    const why = page.locator(`[data-why="indicators.${i}.score"]`);
    assert.match(await why.textContent(), /应得 5\.00.*按 实际值\/目标值 计分/);
  }
  // a finding takes the user to its cell
  await page.locator('#findings button[data-goto="indicators.8.score"]').click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), 'indicators.8.score');

  // back to urumqi-2023, change one actual: 4.48 → 5 万元 makes that score 5.00 and 总分 89.67
  await page.selectOption('#policy', 'urumqi-2023');
  await cell(page, 'indicators.9.actual').fill('=5万元');
  assert.equal(await cell(page, 'total_score').getAttribute('placeholder'), '89.67');
  assert.match(await page.locator('[data-why="indicators.9.score"]').textContent(), /得分应为 5\.00（5 未超过 5，得满分），填写为 4\.48/);
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('unreadable input is marked on its cell and kept exactly as typed, also after a reload', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await cell(page, 'funds.rows.0.adjusted').fill('12..5');
  await cell(page, 'project').fill('<img src=x onerror=alert(1)>');
  assert.match(await cell(page, 'funds.rows.0.adjusted').getAttribute('class'), /sev-error/);
  assert.match(await page.locator('[data-why="funds.rows.0.adjusted"]').textContent(), /无法识别“12\.\.5”/);
  await page.reload();
  await page.waitForSelector('html[data-full="true"]');
  assert.equal(await cell(page, 'funds.rows.0.adjusted').inputValue(), '12..5');
  assert.equal(await cell(page, 'project').inputValue(), '<img src=x onerror=alert(1)>');
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('#save-state').textContent(), '已保存');
  await context.close();
});

test('the page starts on the small start core; the full core answers every form once in, and a 决算 draft reopens on it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // what answers before the full core is in: forms A and B from the start core, the rest "still loading"
  await page.addInitScript(() => {
    new MutationObserver((_, mo) => {
      const html = document.documentElement;
      if (html.getAttribute('data-ready') !== 'true' || window.__early) { return; }
      mo.disconnect();
      const tryIt = (f) => { try { return f(); } catch (e) { return 'throws: ' + e.message; } };
      window.__early = {
        full: html.getAttribute('data-full'),
        project: tryIt(() => window.jiaohe.evaluate({ kind: 'project_self_evaluation', funds: { total: { adjusted: '100', executed: '78.585' } } }).computed['funds.total.rate']),
        text: tryIt(() => window.jiaohe.checkText('合计10万元，其中：A 4万元，B 6万元。').summary.verified),
      };
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-full="true"]');
  const early = await page.evaluate(() => window.__early);
  assert.equal(early.full, null, 'the form is drawn before the full core is in');
  assert.equal(early.project, '78.59%');
  assert.match(String(early.text), /^throws: 校核核心仍在载入，请稍候再试$/);
  // once in, every form and 文字核对 answer
  assert.equal(await page.evaluate(() => window.jiaohe.checkText('合计10万元，其中：A 4万元，B 6万元。').summary.verified), 1);
  assert.equal(await page.evaluate((d) => window.jiaohe.evaluate(d).summary.errors, fixture('final_accounts/seed002')), 0);
  // a 决算 draft left open is drawn on the full core at the next start, with no "still loading"
  await page.setInputFiles('#open-file', fixturePath('final_accounts/seed002'));
  await page.waitForFunction(() => document.querySelector('.form-title') && document.querySelector('.form-title').textContent === '部门决算情况说明');
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-full')), 'true');
  assert.equal(await page.locator('.form-title').textContent(), '部门决算情况说明');
  assert.match(await page.locator('#summary').textContent(), /错误 0/);
  assert.doesNotMatch(await page.locator('#findings').textContent(), /载入/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('indicator rows can be added, moved and removed; qualitative actuals offer the three levels', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await cell(page, 'indicators.0.name').fill('甲');
  await cell(page, 'indicators.1.name').fill('乙');
  await page.getByRole('button', { name: '第2行上移' }).click();
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '乙');
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').getAttribute('data-row')), 'indicators.0');
  await page.locator('[data-grid="indicators"]').getByRole('button', { name: '删除第1行' }).click();
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '甲');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '乙');
  await cell(page, 'indicators.0.target').fill('显著提高');
  await cell(page, 'indicators.0.actual').fill('一般');
  await cell(page, 'indicators.0.weight').fill('10');
  const level = cell(page, 'indicators.0.level');
  assert.equal(await level.isVisible(), true);
  await level.selectOption('部分达成');
  assert.equal(await cell(page, 'indicators.0.score').getAttribute('placeholder'), '6.00');
  assert.equal(await cell(page, 'indicators.0.completion').textContent(), '部分达成');
  await context.close();
});

test('a new indicator row starts empty with its 一级/二级 offered as choices; a 一级 that is not one of the four is pointed out', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  const n = await page.locator('tr[data-row^="indicators."]').count();
  await page.getByRole('button', { name: '＋ 添加指标' }).click();
  const level1 = cell(page, `indicators.${n}.level1`);
  assert.equal(await level1.inputValue(), '');
  assert.equal(await cell(page, `indicators.${n}.level2`).inputValue(), '');
  const choices = await page.locator(`#${await level1.getAttribute('list')} option`).evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(choices, ['产出指标', '成本指标', '效益指标', '满意度指标']);
  await level1.fill('产出指标产出指标');
  await cell(page, `indicators.${n}.name`).fill('新指标');
  assert.match(await page.locator('#findings').textContent(), /一级指标“产出指标产出指标”不是产出指标、成本指标、效益指标、满意度指标之一/);
  assert.ok(await level1.evaluate((e) => e.classList.contains('sev-warning')));
  await context.close();
});

test('the single file carries a Content-Security-Policy: no network, no eval beyond WebAssembly', async () => {
  const context = await browser.newContext();
  const { page, requests, errors } = await openPage(context);
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'[^;]*script/);
  const blocked = await page.evaluate(async () => {
    const out = {};
    // a string timer is eval run by the page itself (code evaluated by the test driver is exempt)
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    try { window.setTimeout('window.__evaluated = true;', 0); } catch (e) { /* blocked at once */ }
    await new Promise((r) => setTimeout(r, 100));
    out.eval = window.__evaluated === true ? 'ran' : 'blocked';
    out.evalViolation = violations.some((d) => d.startsWith('script-src'));
    try { await fetch('http://127.0.0.1:9/x'); out.fetch = 'sent'; } catch (e) { out.fetch = 'blocked'; }
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.appendChild(s);
    out.inline = window.__injected === true ? 'ran' : 'blocked';
    return out;
  });
  assert.deepEqual(blocked, { eval: 'blocked', evalViolation: true, fetch: 'blocked', inline: 'blocked' });
  // and the core still runs under it
  assert.equal(await page.evaluate(() => typeof window.jiaohe.evaluate), 'function');
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('first visit: an empty form says 尚未填写; the example table opens in one click and is scored; help and a legend are in the page', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page } = await openPage(context);
  assert.match(await page.locator('#findings').textContent(), /尚未填写/);
  assert.match(await page.locator('#legend').textContent(), /蓝色.*计算值/);
  // the header keeps to one line at the county screen size
  const bar = await page.locator('header.bar').boundingBox();
  assert.ok(bar.height < 60, `header height ${bar.height}`);
  await page.locator('#more summary').click();
  await page.locator('#help-doc').click();
  assert.ok(await page.locator('#help').isVisible());
  assert.match(await page.locator('#help').textContent(), /评分口径/);
  await page.locator('#help-close').click();
  await page.locator('#more summary').click();
  await page.locator('#example-doc').click();
  await page.waitForFunction(() => document.querySelector('[data-path="project"]').value !== '');
  await page.selectOption('#policy', 'urumqi-2023');
  await page.waitForFunction(() => /总分 89\.15/.test(document.getElementById('summary').textContent));
  assert.match(await page.locator('#draft option:checked').textContent(), /示例/);
  assert.doesNotMatch(await page.locator('#findings').textContent(), /尚未填写/);
  await context.close();
});

test('rows by keyboard: Tab skips the row buttons; Ctrl+Shift+Enter inserts, Ctrl+Shift+↑ moves, Ctrl+Shift+Delete deletes and says how to undo', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  await cell(page, 'indicators.0.name').fill('甲');
  await cell(page, 'indicators.1.name').fill('乙');
  // Tab from the last cell of row 0 goes to the first cell of row 1, not to ↑ ↓ ✕
  await cell(page, 'indicators.0.rule').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), 'indicators.1.level1');
  await cell(page, 'indicators.0.name').focus();
  await page.keyboard.press('Control+Shift+Enter');
  assert.equal(await cell(page, 'indicators.1.name').inputValue(), '');
  assert.equal(await cell(page, 'indicators.2.name').inputValue(), '乙');
  await cell(page, 'indicators.2.name').focus();
  await page.keyboard.press('Control+Shift+ArrowUp');
  assert.equal(await cell(page, 'indicators.1.name').inputValue(), '乙');
  await cell(page, 'indicators.0.name').focus();
  await page.keyboard.press('Control+Shift+Delete');
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '乙');
  assert.match(await page.locator('#notice').textContent(), /已删除第 1 行“甲”/);
  await page.locator('#notice button').click();
  assert.equal(await cell(page, 'indicators.0.name').inputValue(), '甲');
  await context.close();
});

test('an input method\'s composing text is not checked or saved; the finished word is', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context);
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('jiaohe.draft.' + localStorage.getItem('jiaohe.active'))).indicators[0].name);
  await page.evaluate(() => {
    const el = document.querySelector('[data-path="indicators.0.name"]');
    el.focus();
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    el.value = "zhao'shang";
    el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: "zhao'shang" }));
  });
  await page.waitForTimeout(400);
  assert.equal(await stored(), '');
  await page.evaluate(() => {
    const el = document.querySelector('[data-path="indicators.0.name"]');
    el.value = '招商';
    el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '招商' }));
  });
  await page.waitForTimeout(400);
  assert.equal(await stored(), '招商');
  await context.close();
});

test('a browser without custom elements (Firefox 62, within the stated floor) still gets the whole page', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { Object.defineProperty(window, 'customElements', { value: undefined }); });
  const { page, errors } = await openPage(context);
  await cell(page, 'funds.rows.0.executed').fill('2,116.80');
  await cell(page, 'funds.rows.1.executed').fill('48.28');
  assert.equal(await cell(page, 'funds.total.executed').getAttribute('placeholder'), '2,165.08');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('[data-path="funds.rows.1.executed"]').value === '');
  assert.equal(await page.locator('#notice').textContent().then((t) => /加载失败/.test(t)), false);
  assert.deepEqual(errors, []);
  await context.close();
});

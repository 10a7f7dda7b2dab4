// <jiaohe-form> where integrators live: the package as `npm pack` makes it, unpacked into a site's
// node_modules and served by a local static server, in the three integrations the package's
// README shows — the pages and the module below are taken from that README, as shipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync, rmSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { launch, dist, fixture, root } from './helpers.mjs';

const esbuild = createRequire(import.meta.url)('esbuild');
let browser, server, base, site;
const posts = [];

/** The README's code blocks by their `<!-- test: name -->` marks. */
function readmeBlocks() {
  const text = readFileSync(path.join(site, 'node_modules/jiaohe/README.md'), 'utf8');
  const blocks = {};
  for (const m of text.matchAll(/<!-- test: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) blocks[m[1]] = m[2];
  return blocks;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };

before(async () => {
  site = mkdtempSync(path.join(os.tmpdir(), 'jiaohe-embed-'));
  // the package exactly as published
  const tgz = execFileSync('npm', ['pack', '--pack-destination', site, '--silent'], { cwd: path.join(dist, 'pkg'), encoding: 'utf8' }).trim().split('\n').pop();
  const into = path.join(site, 'node_modules/jiaohe');
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(site, tgz), '-C', into, '--strip-components=1']);
  cpSync(path.join(root, 'tests/e2e/node_modules/vue'), path.join(site, 'node_modules/vue'), { recursive: true });
  const blocks = readmeBlocks();
  writeFileSync(path.join(site, 'plain.html'), blocks['plain-form']);
  writeFileSync(path.join(site, 'vue.html'), blocks.vue);
  // the integrator's bundled app: the README's main.js, built with esbuild as the README says
  mkdirSync(path.join(site, 'app'));
  writeFileSync(path.join(site, 'app/main.js'), blocks.bundler);
  writeFileSync(path.join(site, 'app/index.html'), '<!DOCTYPE html><meta charset="utf-8"><p>总分 <b id="total">—</b></p><div id="app"></div><script type="module" src="out/main.js"></script>');
  await esbuild.build({ absWorkingDir: path.join(site, 'app'), entryPoints: ['main.js'], bundle: true, format: 'esm', loader: { '.wasm': 'file' }, outdir: 'out', logLevel: 'silent' });

  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST' && url.pathname === '/submit') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { posts.push({ type: req.headers['content-type'], body }); res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end('<p id="done">已报送</p>'); });
      return;
    }
    if (url.pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    const file = path.join(site, decodeURIComponent(url.pathname));
    if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** A page of the site; what it asked of anything but the local server, and what the browser
 *  complained of (CSP violations are console errors). */
async function openSite(name) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const foreign = [];
  const complaints = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) foreign.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') complaints.push(m.text()); });
  page.on('pageerror', (e) => complaints.push(String(e)));
  await page.goto(`${base}/${name}`);
  await page.waitForFunction(() => { const f = document.querySelector('jiaohe-form'); return f && f.evaluation; }, null, { timeout: 60000 });
  return { context, page, foreign, complaints };
}

const cellOf = (page, p) => page.locator(`jiaohe-form [data-path="${p}"]`);
const setDocument = (page, doc) => page.evaluate((d) => { document.querySelector('jiaohe-form').document = d; }, doc);

test('a plain form: the element submits its document, and the form will not submit while an error remains', async () => {
  const { context, page, foreign, complaints } = await openSite('plain.html');
  // drawn in its shadow root under a CSP with no 'unsafe-inline': styled, and nothing refused
  assert.equal(await page.evaluate(() => !!document.querySelector('jiaohe-form').shadowRoot), true);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('jiaohe-form').shadowRoot.querySelector('.form-title')).textAlign), 'center');
  // an untouched blank form is not a submission
  await page.getByRole('button', { name: '报送' }).click();
  assert.match(await page.evaluate(() => document.querySelector('jiaohe-form').validationMessage), /尚未填写/);

  const doc = fixture('seed001/03');
  doc.funds.total.rate = '80.00%';
  await setDocument(page, doc);
  await page.waitForFunction(() => document.querySelector('jiaohe-form').evaluation.summary.errors > 0);
  assert.ok(await cellOf(page, 'funds.total.rate').evaluate((e) => e.classList.contains('sev-error')));
  await page.getByRole('button', { name: '报送' }).click();
  await page.waitForTimeout(300);
  assert.equal(posts.length, 0, 'nothing posted while an error remains');
  const message = await page.evaluate(() => document.querySelector('jiaohe-form').validationMessage);
  assert.match(message, /^校核发现 1 处错误，请先改正：.*执行率/);
  // the browser's bubble points at the wrong cell: it has the focus
  assert.equal(await page.evaluate(() => document.querySelector('jiaohe-form').shadowRoot.activeElement?.getAttribute('data-path')), 'funds.total.rate');

  await cellOf(page, 'funds.total.rate').fill('78.59%');
  await page.waitForFunction(() => document.querySelector('jiaohe-form').evaluation.summary.errors === 0);
  assert.equal(await page.evaluate(() => document.querySelector('jiaohe-form').checkValidity()), true);
  await Promise.all([page.waitForURL(`${base}/submit`), page.getByRole('button', { name: '报送' }).click()]);
  assert.equal(posts.length, 1);
  assert.equal(posts[0].type, 'application/x-www-form-urlencoded');
  const sent = JSON.parse(new URLSearchParams(posts[0].body).get('document'));
  assert.equal(sent.kind, 'project_self_evaluation');
  assert.equal(sent.project, doc.project);
  assert.equal(sent.funds.total.rate, '78.59%');
  assert.deepEqual(foreign, []);
  assert.deepEqual(complaints, []);
  await context.close();
});

test('a plain form: reset brings back the document the host gave; disabled makes it read-only', async () => {
  const { context, page, complaints } = await openSite('plain.html');
  await setDocument(page, fixture('seed001/03'));
  await cellOf(page, 'project').fill('改过的名称');
  await page.evaluate(() => document.querySelector('form').reset());
  await page.waitForFunction(() => document.querySelector('jiaohe-form').document.project === '原机电老干所运行维护费');
  assert.equal(await cellOf(page, 'project').inputValue(), '原机电老干所运行维护费');
  await page.evaluate(() => document.querySelector('jiaohe-form').setAttribute('disabled', ''));
  assert.equal(await cellOf(page, 'project').evaluate((e) => e.readOnly), true);
  // a wrong shape is refused with a Chinese message naming the field, and changes nothing
  const refused = await page.evaluate(() => { try { document.querySelector('jiaohe-form').document = { kind: 'project_self_evaluation', indicators: {} }; return ''; } catch (e) { return e.message; } });
  assert.match(refused, /indicators/);
  assert.match(refused, /无法打开这份文档/);
  assert.equal(await page.evaluate(() => document.querySelector('jiaohe-form').document.project), '原机电老干所运行维护费');
  // print(): the official table from a frame of its own (the host page is not printed), styled
  // under the same CSP
  const printed = await page.evaluate(() => new Promise((resolve) => {
    const seen = new MutationObserver((changes) => {
      for (const c of changes) {
        for (const n of c.addedNodes) {
          if (n.tagName !== 'IFRAME') continue;
          seen.disconnect();
          const d = n.contentDocument;
          resolve({ tables: d.querySelectorAll('table.p-grid').length, controls: d.querySelectorAll('input, textarea, select, button').length, title: d.querySelector('h1')?.textContent, sheets: d.adoptedStyleSheets.length });
        }
      }
    });
    seen.observe(document.body, { childList: true });
    document.querySelector('jiaohe-form').print();
  }));
  assert.deepEqual(printed, { tables: 3, controls: 0, title: '项目支出绩效自评表', sheets: 3 });
  // any form the core knows: the kind attribute draws that form's blank
  await page.evaluate(() => { const f = document.querySelector('jiaohe-form'); f.removeAttribute('disabled'); f.setAttribute('kind', 'budget_disclosure'); });
  await page.waitForFunction(() => document.querySelector('jiaohe-form').shadowRoot.querySelector('.form-title').textContent === '部门预算公开');
  await cellOf(page, 'general.rows.0.name').fill('一般公共服务支出');
  await page.waitForFunction(() => document.querySelector('jiaohe-form').document.general.rows[0].name === '一般公共服务支出');
  await page.evaluate(() => document.querySelector('form').reset());
  await page.waitForFunction(() => !(document.querySelector('jiaohe-form').document.general.rows[0] || {}).name);
  assert.deepEqual(complaints, []);
  await context.close();
});

test('embedded, the form behaves as the page\'s: a block pasted from Excel fills the rows, Ctrl+Z undoes it, keys move between rows', async () => {
  const { context, page, complaints } = await openSite('plain.html');
  const notices = [];
  await page.exposeFunction('noticed', (m) => notices.push(m));
  await page.evaluate(() => document.querySelector('jiaohe-form').addEventListener('jiaohe-notice', (e) => window.noticed(e.detail.message)));
  await cellOf(page, 'indicators.0.level1').focus();
  await page.evaluate(() => {
    const root = document.querySelector('jiaohe-form').shadowRoot;
    const dt = new DataTransfer();
    dt.setData('text/plain', '产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t20\r\n效益指标\t社会效益指标\t满意度\t≥90%\t95%\t10\r\n');
    root.querySelector('[data-path="indicators.0.level1"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('jiaohe-form').document.indicators[1].name === '满意度');
  assert.equal(await cellOf(page, 'indicators.0.name').inputValue(), '培训人次');
  // the computed cells fill themselves in the shadow root as in the page
  assert.equal(await cellOf(page, 'indicators.0.score').getAttribute('placeholder'), '20.00');
  // the paste's summary: shown above the form by the element itself, and told to the host
  assert.match(await page.locator('jiaohe-form .notice').textContent(), /已粘贴 2 行/);
  assert.match(notices.join(), /已粘贴 2 行/);
  // Enter moves down a row, as in a spreadsheet
  await cellOf(page, 'indicators.0.actual').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('jiaohe-form').shadowRoot.activeElement.getAttribute('data-path')), 'indicators.1.actual');
  await page.evaluate(() => { window.told = []; document.querySelector('jiaohe-form').addEventListener('jiaohe-change', (e) => window.told.push(e.detail.document.indicators.length)); });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('jiaohe-form').document.indicators.some((r) => r && r.name === '满意度'));
  assert.equal(await cellOf(page, 'indicators.0.name').inputValue(), '');
  // the host hears of an undo as of any edit: its copy of the document stays in step
  assert.equal(await page.evaluate(() => window.told.length), 1);
  await page.keyboard.press('Control+y');
  await page.waitForFunction(() => document.querySelector('jiaohe-form').document.indicators[1].name === '满意度');
  assert.deepEqual(complaints, []);
  await context.close();
});

test('a document given before the core is in, and init() pointing at a wasm the integrator moved, with the element already in the markup', async () => {
  // the package without its wasm beside the module: only init(url) can find it
  const moved = path.join(site, 'moved');
  cpSync(path.join(site, 'node_modules/jiaohe'), path.join(moved, 'pkg'), { recursive: true });
  rmSync(path.join(moved, 'pkg/jiaohe_bg.wasm'));
  cpSync(path.join(site, 'node_modules/jiaohe/jiaohe_bg.wasm'), path.join(moved, 'core.wasm'));
  writeFileSync(path.join(moved, 'index.html'), `<!DOCTYPE html><meta charset="utf-8">
<jiaohe-form kind="project_self_evaluation" policy="urumqi-2023"></jiaohe-form>
<script type="module">
import { init } from './pkg/element.js';
const form = document.querySelector('jiaohe-form');
form.document = ${JSON.stringify(JSON.stringify(fixture('seed001/03')))};
init('/moved/core.wasm');
</script>`);
  const { context, page, complaints } = await openSite('moved/index.html');
  await page.waitForFunction(() => document.querySelector('jiaohe-form').evaluation.summary.total_score === '89.15');
  assert.equal(await cellOf(page, 'project').inputValue(), '原机电老干所运行维护费');
  assert.deepEqual(complaints, []);
  await context.close();
});

test('Vue 3: the document is bound through jiaohe-change, and the 总分 shows outside the element', async () => {
  const { context, page, foreign, complaints } = await openSite('vue.html');
  assert.equal(await page.locator('#total').textContent(), '—');
  await setDocument(page, fixture('seed001/03'));
  await page.waitForFunction(() => document.getElementById('total').textContent === '89.15');
  assert.equal(await page.locator('#grade').textContent(), '良');
  // typing goes through Vue and back without redrawing the form: the cell keeps its focus and
  // every key lands (the 实际完成值 = 1人 → = 0人 takes the indicator's 10 points off)
  const actual = cellOf(page, 'indicators.0.actual');
  await actual.click();
  await actual.press('End');
  await actual.press('Backspace');
  await actual.press('Backspace');
  await page.keyboard.type('0人');
  await page.waitForFunction(() => document.getElementById('total').textContent === '79.15');
  assert.equal(await page.locator('#grade').textContent(), '中');
  assert.equal(await actual.inputValue(), '=0人');
  assert.equal(await page.evaluate(() => document.querySelector('jiaohe-form').shadowRoot.activeElement?.getAttribute('data-path')), 'indicators.0.actual');
  assert.deepEqual(foreign, []);
  assert.deepEqual(complaints, []);
  await context.close();
});

test('a bundler: esbuild bundles the package as an integrator\'s project imports it', async () => {
  const out = readFileSync(path.join(site, 'app/out/main.js'), 'utf8');
  assert.match(out, /jiaohe-form/);
  const { context, page, foreign, complaints } = await openSite('app/index.html');
  await setDocument(page, fixture('seed001/03'));
  await page.waitForFunction(() => document.getElementById('total').textContent === '89.15');
  // the element's typed API, as the bundle sees it
  const ev = await page.evaluate(() => document.querySelector('jiaohe-form').evaluation.summary.grade);
  assert.equal(ev, '良');
  // the official .xlsx from the element: the office module is loaded from the package on first use
  const bytes = await page.evaluate(async () => { try { return (await document.querySelector('jiaohe-form').exportXlsx()).length; } catch (e) { return String(e.message); } });
  assert.equal(typeof bytes, 'number', String(bytes));
  assert.ok(bytes > 4000);
  assert.deepEqual(foreign, []);
  assert.deepEqual(complaints, []);
  await context.close();
});

test('a trap in the core, embedded: started again from the compiled module, said once, what was typed kept; taken off the page, the element leaves no listener behind', async () => {
  const { context, page, complaints } = await openSite('plain.html');
  await setDocument(page, fixture('seed001/03'));
  await page.waitForFunction(() => document.querySelector('jiaohe-form').evaluation.summary.total_score === '89.15');
  const notices = [];
  await page.exposeFunction('noticed', (m) => notices.push(m));
  await page.evaluate(() => document.querySelector('jiaohe-form').addEventListener('jiaohe-notice', (e) => window.noticed(e.detail.message)));
  // a fault as a bug in the core would raise one: its memory overwritten
  await page.evaluate(async () => { const core = await import('/node_modules/jiaohe/jiaohe.js'); new Uint8Array(core.initSync().memory.buffer).fill(0xff); });
  await cellOf(page, 'project').fill('不能丢的内容');
  await page.waitForFunction(() => /已自动重新启动/.test(document.querySelector('jiaohe-form').shadowRoot.querySelector('.notice').textContent));
  await page.waitForFunction(() => document.querySelector('jiaohe-form').evaluation.summary.total_score === '89.15');
  assert.equal(await cellOf(page, 'project').inputValue(), '不能丢的内容');
  assert.equal(await page.evaluate(() => document.querySelector('jiaohe-form').document.project), '不能丢的内容');
  assert.doesNotMatch(await page.locator('jiaohe-form [part="list"]').textContent(), /重新启动/);
  await cellOf(page, 'funds.total.executed').fill('78.585');
  await page.waitForFunction(() => document.querySelector('jiaohe-form').evaluation.computed['funds.total.rate'] !== undefined);
  assert.equal(notices.filter((m) => /已自动重新启动/.test(m)).length, 1);

  // the page's scroll and resize reach the element only while it is on the page
  const cdp = await context.newCDPSession(page);
  const listening = async (what) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: what });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.filter((l) => l.type === 'scroll' || l.type === 'resize').length;
  };
  const [onDocument, onWindow] = [await listening('document'), await listening('window')];
  assert.ok(onDocument >= 1 && onWindow >= 1);
  await page.evaluate(() => { window.kept = document.querySelector('jiaohe-form'); window.kept.remove(); });
  assert.deepEqual([await listening('document'), await listening('window')], [onDocument - 1, onWindow - 1]);
  await page.evaluate(() => document.querySelector('form').prepend(window.kept));
  assert.deepEqual([await listening('document'), await listening('window')], [onDocument, onWindow]);
  assert.equal(await cellOf(page, 'project').inputValue(), '不能丢的内容');
  assert.deepEqual(complaints, []);
  await context.close();
});

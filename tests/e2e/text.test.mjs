// 文字核对 in the page, from file:// at the county screen size: a published explanation pasted
// (or opened as .txt / .docx) and checked by the core; the counts are the CLI's on the same file,
// every claim is marked by its verdict, a click shows its reasoning, the text survives a reload,
// odd input gets a message instead of an exception, and the printout is A4 portrait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { launch, openPage, root, settle, pages, inMargins } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const textFile = (name) => path.join(root, 'tests/fixtures/text', name);
// the page holds text as a textarea gives it back: line breaks as \n
const read = (name) => readFileSync(textFile(name), 'utf8').replace(/\r\n?/g, '\n');

/** What the CLI finds in a file: its summary and claims (run now, so a better core changes both). */
function cli(name) {
  const r = spawnSync(path.join(root, 'target/release/jiaohe'), ['text', '--format', 'json', textFile(name)], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `jiaohe text: ${r.stderr}`);
  return JSON.parse(r.stdout)[0];
}

/** What the page's core finds in a text: the reference for what the page shows (the CLI is built
 *  from the same source by `make build`; a CLI rebuilt since would make the comparison flaky). */
const core = (page, text) => page.evaluate((t) => window.jiaohe.checkText(t, { policy: 'default' }), text);

const line = (s) => `找到 ${s.claims} 处计算：相符 ${s.verified}，尾差 ${s.tail}，有误 ${s.wrong}，无法核对 ${s.unresolved}`;

async function textMode(context) {
  const opened = await openPage(context);
  await opened.page.selectOption('#form-kind', 'text');
  await opened.page.waitForSelector('#tx-input');
  return opened;
}

async function paste(page, text) {
  await page.fill('#tx-input', text);
  await page.click('#tx-check');
  await settle(page);
}

test('seed 001 决算说明 pasted: the counts are the CLI\'s; the 尾差 38,349.81 shows how it is computed; a finding selects its claim', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors, requests } = await textMode(context);
  await page.screenshot({ path: '/tmp/jiaohe-text-empty.png' });
  const text = read('seed001-juesuan.txt');
  await paste(page, text);
  const want = await core(page, text);
  assert.equal(await page.locator('#summary').textContent(), line(want.summary));
  // the CLI on the file finds the same claims (its verdicts may be newer while the core changes)
  assert.equal(cli('seed001-juesuan.txt').summary.claims, want.summary.claims);
  // the text is shown back as given, line breaks included, every claim's figure marked
  assert.equal(await page.locator('.tx-view').evaluate((v) => v.textContent), text);
  assert.equal(await page.locator('.tx-view').evaluate((v) => getComputedStyle(v).whiteSpace), 'pre-wrap');
  assert.equal(await page.locator('.tx-view mark.tx-f').count(), new Set(want.claims.map((c) => c.figure.join())).size);
  assert.equal(await page.locator('#findings li').count(), want.findings.length);

  const k = want.claims.findIndex((c) => c.verdict === 'tail' && c.stated.startsWith('38,349.81'));
  assert.ok(k >= 0, 'the 38,349.81 尾差 is found');
  const claim = want.claims[k];
  const figure = Array.from(text).slice(claim.figure[0], claim.figure[1]).join('');
  const mark = page.locator('.tx-view mark.v-tail', { hasText: figure }).first();
  await mark.click();
  const detail = await page.locator('.tx-detail').textContent();
  assert.ok(detail.includes(claim.how), detail);
  assert.match(detail, /^尾差 合计：/);
  assert.ok(detail.includes(claim.message));
  // its inputs are marked in the text, and only the selected claim's span is shaded
  const inputs = await page.locator('.tx-view .tx-in').evaluateAll((ns) => ns.map((n) => n.textContent).join('|'));
  for (const r of claim.inputs) assert.ok(inputs.includes(Array.from(text).slice(r[0], r[1]).join('')), inputs);
  assert.equal(await page.locator('.tx-view .tx-sel').evaluateAll((ns) => ns.map((n) => n.textContent).join('')), figure);
  await page.screenshot({ path: '/tmp/jiaohe-text-tail.png' });

  // a finding in the list scrolls to its claim and selects it (the first claim shown meanwhile)
  await page.locator('.tx-view mark').first().click();
  await page.locator('.tx-view').evaluate((v) => { v.scrollTop = v.scrollHeight; });
  await page.locator(`#findings [data-goto="claims.${k}"]`).click();
  assert.equal(await page.locator('.tx-view .tx-sel').evaluateAll((ns) => ns.map((n) => n.textContent).join('')), figure);
  assert.match(await page.locator('.tx-detail').textContent(), /^尾差/);
  const seen = await page.evaluate(() => {
    const s = document.querySelector('.tx-view .tx-sel').getBoundingClientRect();
    const v = document.querySelector('.tx-view').getBoundingClientRect();
    return s.top >= v.top && s.bottom <= v.bottom && v.bottom <= innerHeight;
  });
  assert.ok(seen, 'the selected claim is in sight');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('tx-sel')), true);
  // keyboard: Tab to a figure, Enter shows it
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('.tx-detail').textContent(), /^(相符|尾差|有误|无法核对) /);
  await page.screenshot({ path: '/tmp/jiaohe-text-selected.png' });
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, []);
  await context.close();
});

test('复制结果 puts the text on the clipboard with a note after each claim that is not 相符', async () => {
  const context = await browser.newContext();
  const { page } = await textMode(context);
  const text = read('seed001-juesuan.txt');
  await paste(page, text);
  await page.evaluate(() => {
    window.copied = null;
    // on window: after the page's own listener on the document has filled the clipboard
    window.addEventListener('copy', (ev) => { window.copied = ev.clipboardData.getData('text/plain'); });
  });
  await page.click('#tx-copy');
  const c = await page.evaluate(() => window.copied);
  const want = await core(page, text);
  const notes = want.claims.filter((x) => x.verdict !== 'verified').map((x) => `【${{ tail: '尾差', wrong: '有误', unresolved: '无法核对' }[x.verdict]}：${x.message}】`);
  for (const n of notes) assert.ok(c.includes(n), n);
  // the 尾差 note right after its claim (the claim's span, or its figure where that ends later)
  const k = want.claims.findIndex((x) => x.verdict === 'tail' && x.stated.startsWith('38,349.81'));
  const end = Math.max(want.claims[k].span[1], want.claims[k].figure[1]);
  const note = c.indexOf(`【尾差：${want.claims[k].message}】`);
  assert.equal(c.slice(0, note).replace(/【[^】]*】/g, ''), Array.from(text).slice(0, end).join(''));
  // nothing else added to the text: without the notes and the closing line it is the text
  assert.equal(c.replace(/【[^】]*】/g, '').replace(/\n\n——校核（文字核对）：[^\n]*\n$/, ''), text);
  assert.ok(c.endsWith(`——校核（文字核对）：${line(want.summary)}。\n`));
  assert.match(await page.locator('#notice').textContent(), /已复制/);
  await context.close();
});

test('the pasted text survives a reload and is checked again; 保存为文件 gives it back as .txt', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await textMode(context);
  const text = read('seed002-juesuan.txt');
  await page.fill('#tx-input', text);
  await page.waitForFunction(() => document.getElementById('save-state').textContent === '已保存');
  await page.reload();
  await page.waitForSelector('html[data-full="true"]');
  assert.equal(await page.locator('#form-kind').inputValue(), 'text');
  assert.equal(await page.locator('#tx-input').inputValue(), text);
  assert.equal(await page.locator('#summary').textContent(), line((await core(page, text)).summary));
  // 保存为文件 gives the text back as a UTF-8 .txt (with a BOM, for older Windows editors)
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-doc')]);
  assert.equal(download.suggestedFilename(), '文字核对.txt');
  assert.equal(readFileSync(await download.path(), 'utf8'), '\uFEFF' + text);
  // 修改文字 goes back to the text; an edit asks for a new check
  await page.click('#tx-edit');
  await page.locator('#tx-input').press('Control+End');
  await page.keyboard.type('\n本年收入合计10.00万元，其中：财政拨款收入5.00万元，其他收入4.00万元。');
  await settle(page);
  assert.match(await page.locator('#summary').textContent(), /尚未核对/);
  await page.click('#tx-check');
  assert.ok(Number(/有误 (\d+)/.exec(await page.locator('#summary').textContent())[1]) >= 1);
  await context.close();
});

test('seed 001 安全生产 text: one 有误 claim, marked red', async () => {
  const context = await browser.newContext();
  const { page } = await textMode(context);
  await paste(page, read('seed001-anquan.txt'));
  assert.match(await page.locator('#summary').textContent(), /有误 1，/);
  assert.equal(await page.locator('.tx-view mark.v-wrong').count(), 1);
  assert.equal(await page.locator('.tx-view mark.v-wrong').evaluate((m) => getComputedStyle(m).color), 'rgb(183, 28, 28)');
  await page.locator('.tx-view mark.v-wrong').click();
  assert.match(await page.locator('.tx-detail').textContent(), /^有误 比率：“2\.22万元，只完成目标75\.06%”所述 75\.06%/);
  await context.close();
});

/** A .docx as Word writes one, at its smallest: a paragraph, a table row of two cells. */
function docx() {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>收入合计100万元，其中：</w:t></w:r><w:r><w:t xml:space="preserve">财政拨款60万元，</w:t></w:r><w:r><w:tab/><w:t>其他收入30万元。</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>金额</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>办公费</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12.50万元</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>第二段</w:t></w:r><w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del></w:p>
<w:sectPr/></w:body></w:document>`;
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(xml),
  }));
}

test('a .docx opens: paragraphs as lines, a table row as tab-separated cells; GBK .txt and odd files', async () => {
  const context = await browser.newContext();
  const { page, errors } = await textMode(context);
  await page.setInputFiles('.tx input[type=file]', { name: '说明.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx() });
  await page.waitForFunction(() => document.getElementById('tx-input').value !== '');
  assert.equal(await page.locator('#tx-input').inputValue(), '收入合计100万元，其中：财政拨款60万元，\t其他收入30万元。\n项目\t金额\n办公费\t12.50万元\n第二段');
  assert.equal(await page.locator('#draft option:checked').textContent(), '说明');
  assert.match(await page.locator('#summary').textContent(), /有误 1/);
  assert.match(await page.locator('.tx-view').textContent(), /办公费\t12\.50万元/);

  // GBK text through the top 打开…: a new draft of its own, the .docx draft kept
  const gbk = Buffer.from('cad5c8ebbacfbcc6313030cdf2d4aaa3acc6e4d6d0a3bab2c6d5feb2a6bfee3630cdf2d4aaa3acc6e4cbfbcad5c8eb3330cdf2d4aaa1a30d0a', 'hex');
  await page.setInputFiles('#open-file', { name: '旧说明.txt', mimeType: 'text/plain', buffer: gbk });
  await page.waitForFunction(() => document.getElementById('tx-input').value.indexOf('其他收入30') >= 0 && document.querySelector('#draft option:checked').textContent === '旧说明');
  assert.equal(await page.locator('#tx-input').inputValue(), '收入合计100万元，其中：财政拨款60万元，其他收入30万元。\n');
  assert.equal(await page.locator('#draft option').count(), 3);

  // a binary file, a PDF, an empty file: a message, nothing changed
  const before = await page.locator('#tx-input').inputValue();
  for (const [name, bytes, said] of [
    ['图片.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0x00, 0x81]), /不是文本文件/],
    ['报告.pdf.txt', Buffer.from('%PDF-1.7\n'), /PDF/],
    ['空.txt', Buffer.alloc(0), /没有文字/],
    ['坏.docx', Buffer.from('PK\u0003\u0004 not a zip at all'), /无法打开“坏\.docx”/],
  ]) {
    await page.setInputFiles('.tx input[type=file]', { name, mimeType: 'application/octet-stream', buffer: bytes });
    await page.waitForFunction((n) => document.getElementById('notice').textContent.indexOf(n) >= 0, name);
    assert.match(await page.locator('#notice').textContent(), said);
    assert.equal(await page.locator('#tx-input').inputValue(), before);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a .txt chosen with 打开… on a form opens 文字核对 as a new draft, the form kept', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPage(context);
  await page.setInputFiles('#open-file', { name: '安全生产.txt', mimeType: 'text/plain', buffer: readFileSync(textFile('seed001-anquan.txt')) });
  await page.waitForFunction(() => document.getElementById('form-kind').value === 'text' && /^找到/.test(document.getElementById('summary').textContent));
  assert.match(await page.locator('#summary').textContent(), /有误 1，/);
  assert.equal(await page.locator('#draft option').count(), 2);
  assert.equal(await page.locator('#draft option:checked').textContent(), '安全生产');
  // back to the form: its draft as it was, its own legend
  await page.selectOption('#draft', { index: 0 });
  await page.waitForSelector('.form-title');
  assert.equal(await page.locator('#legend-text').isVisible(), false);
  assert.equal(await page.locator('#legend').isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('empty text and 1 MB of text: a message, never an exception', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await textMode(context);
  await page.click('#tx-check');
  assert.match(await page.locator('#notice').textContent(), /请先粘贴/);
  const one = read('seed004-shuoming.txt');
  const big = one.repeat(Math.ceil(1e6 / one.length));
  await page.evaluate((t) => { const ta = document.getElementById('tx-input'); ta.value = t; ta.dispatchEvent(new Event('input', { bubbles: true })); }, big);
  await page.click('#tx-check');
  assert.match(await page.locator('#summary').textContent(), /^找到 \d+ 处计算/);
  assert.ok(await page.locator('.tx-view mark').count() > 1000);
  await page.locator('.tx-view mark').last().click();
  assert.ok(await page.locator('.tx-view .tx-sel').count() >= 1);
  assert.deepEqual(errors, []);
  await context.close();
});


test('打印: the text with its notes and the findings, on A4 portrait, nothing in the margins', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page } = await textMode(context);
  // with a sum that does not add up at the end, whatever the core makes of the rest
  const text = read('seed004-shuoming.txt') + '\n本年收入合计10.00万元，其中：财政拨款收入5.00万元，其他收入4.00万元。\n';
  await paste(page, text);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const info = await page.evaluate(() => {
    const box = document.getElementById('printout');
    return {
      title: box.querySelector('h1').textContent,
      notes: box.querySelectorAll('.tx-note').length,
      findings: box.querySelectorAll('.p-findings li').length,
      // not laid out at all (the element holding the form is display: none in print)
        formShown: document.getElementById('form').getClientRects().length !== 0,
      text: box.querySelector('.p-text').textContent,
    };
  });
  const want = await core(page, text);
  assert.equal(info.title, '文字核对结果');
  assert.equal(info.findings, want.findings.length);
  // a note after each claim not 相符 (and after one with a further finding)
  assert.ok(info.notes >= want.claims.filter((c) => c.verdict !== 'verified').length && info.notes <= want.findings.length, `${info.notes} notes`);
  assert.equal(info.formShown, false);
  assert.match(info.text, /【有误：/);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const dpi = 40;
  writeFileSync('/tmp/jiaohe-text-print.pdf', pdf);
  const ps = pages(pdf, dpi);
  assert.ok(ps.length >= 3);
  for (const [i, p] of ps.entries()) {
    assert.ok(p.h > p.w, `page ${i + 1} is portrait`);
    // 15 mm margins, less a millimetre for anti-aliasing
    assert.equal(inMargins(p, Math.floor((14 / 25.4) * dpi)), 0, `page ${i + 1} draws in its margins`);
  }
  await context.close();
});

// The generated report in the page: the note that errors remain (first, listing them, never part
// of the report), the text in paragraphs with first-line indents, what a copy puts on the
// clipboard for Word/WPS, and the A4 portrait printout of the report itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, fixture, cell, pages } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open(page, doc) {
  await page.setInputFiles('#open-file', { name: 'doc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction(() => document.querySelector('.form-title') && document.querySelector('.form-title').textContent === '部门整体支出绩效自评报告' && document.querySelector('[data-path="year"]').value !== '');
}

/** The text the core generates for a document, to compare the page with. */
const coreText = (page, doc) => page.evaluate((d) => window.jiaohe.evaluate(d).computed.report, doc);

test('seed 003: the text view first says which errors remain, then the report with the checked figures', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  const doc = fixture('report/seed003');
  await open(page, doc);
  const note = page.locator('section.report .report-errors');
  assert.equal(await note.isVisible(), true);
  assert.match(await note.locator('p').first().textContent(), /^以下 2 处错误尚未改正，报告中的数字按校核结果填写：$/);
  const items = await note.locator('li').allTextContents();
  assert.equal(items.length, 2);
  assert.ok(items.some((t) => t.includes('完成率应为 66.25%（367.19 ÷ 554.23）')), items.join('\n'));
  // the note comes before the text, and is not inside it
  const order = await page.evaluate(() => {
    const n = document.querySelector('section.report .report-errors');
    const t = document.querySelector('section.report .report-text');
    return { before: !!(n.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING), inside: t.contains(n) };
  });
  assert.deepEqual(order, { before: true, inside: false });
  // the text: one paragraph a line of the core's text, the title centred, body paragraphs indented by 2em
  const text = await coreText(page, doc);
  const view = await page.evaluate(() => [...document.querySelectorAll('section.report .report-text p')].map((p) => ({ t: p.textContent, cls: p.className, indent: getComputedStyle(p).textIndent, size: getComputedStyle(p).fontSize, align: getComputedStyle(p).textAlign })));
  const lines = text.split('\n').filter(Boolean);
  assert.equal(view.length, lines.length);
  assert.deepEqual(view.map((p, i) => (p.cls.startsWith('rt-ind') ? '\u3000\u3000' : '') + p.t), lines);
  assert.equal(view[0].t, '高新区部门单位整体支出绩效自评报告');
  assert.equal(view[0].align, 'center');
  const body = view.find((p) => p.t.startsWith('我单位年初批复预算数'));
  assert.equal(parseFloat(body.indent), 2 * parseFloat(body.size));
  assert.ok(view.some((p) => p.t === '2023年度部门整体支出绩效自评综合得分87.90分，评价结果为“良”。'));
  // each listed error takes the user to its field
  await note.locator('button[data-goto="indicators.1.score"]').click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-path')), 'indicators.1.score');
  // corrected, the note goes away and the text keeps the same figures
  await cell(page, 'indicators.1.score').fill('7.95');
  await cell(page, 'indicators.1.completion').fill('66.25%');
  await cell(page, 'total_score').fill('87.90');
  await cell(page, 'grade').fill('良');
  assert.equal(await note.isVisible(), false);
  assert.match(await cell(page, 'report').textContent(), /综合得分87\.90分，评价结果为“良”。/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('复制全文 puts the report on the clipboard as Word/WPS take it: paragraphs with their indents, no error note', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page } = await openPage(context);
  const doc = fixture('report/seed003');
  await open(page, doc);
  // what the copy event carries, read as it leaves the page
  await page.evaluate(() => {
    window.copied = null;
    document.addEventListener('copy', (ev) => { window.copied = { plain: ev.clipboardData.getData('text/plain'), html: ev.clipboardData.getData('text/html'), kept: ev.defaultPrevented }; });
  });
  await page.locator('section.report h3 button').click();
  const c = await page.evaluate(() => window.copied);
  assert.ok(c && c.kept, 'the page did not fill the clipboard');
  const text = await coreText(page, doc);
  assert.equal(c.plain.replace(/\r\n/g, '\n'), text);
  assert.doesNotMatch(c.plain, /尚未改正/);
  assert.match(c.plain, /^高新区部门单位整体支出绩效自评报告\r\n（2023年度）\r\n部门单位名称（公章）：/);
  assert.match(c.plain, /\r\n\u3000\u3000一、基本概况\r\n/);
  // HTML: one <p> a paragraph, the indent as the same two full-width spaces, the title centred
  const ps = c.html.match(/<p [^>]*>[^<]*<\/p>/g);
  assert.equal(ps.length, text.split('\n').filter(Boolean).length);
  assert.match(ps[0], /text-align:center[^>]*>高新区部门单位整体支出绩效自评报告</);
  assert.ok(ps.some((p) => />\u3000\u3000我单位年初批复预算数367\.19万元，年中调增数189\.64万元/.test(p)));
  assert.doesNotMatch(c.html, /尚未改正|report-errors/);
  // a selection of some paragraphs: those paragraphs, indents included
  await page.evaluate(() => {
    const ps = [...document.querySelectorAll('section.report .report-text p')];
    const a = ps.findIndex((p) => p.textContent === '四、评价结论');
    const r = document.createRange();
    r.setStart(ps[a], 0);
    r.setEnd(ps[a + 1], 1);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    document.execCommand('copy');
  });
  const part = await page.evaluate(() => window.copied.plain);
  assert.equal(part, '\u3000\u3000四、评价结论\r\n\u3000\u30002023年度部门整体支出绩效自评综合得分87.90分，评价结果为“良”。\r\n');
  await context.close();
});


test('the report prints on A4 portrait: the report text, a marked note first while errors remain, the findings after', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page } = await openPage(context);
  await open(page, fixture('report/seed003'));
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const p = await page.evaluate(() => {
    const box = document.getElementById('printout');
    const first = box.firstElementChild;
    const ind = [...box.querySelectorAll('.p-report p.rt-ind')][3];
    return {
      first: first.className + ' ' + first.textContent,
      paras: box.querySelectorAll('.p-report p').length,
      tables: box.querySelectorAll('table').length,
      indent: parseFloat(getComputedStyle(ind).textIndent) / parseFloat(getComputedStyle(ind).fontSize),
      findingsAfter: !!box.querySelector('.p-report ~ .p-findings-title.p-break'),
    };
  });
  assert.match(p.first, /^p-note 校核提示（不属于报告正文）：以下 2 处错误尚未改正/);
  assert.ok(p.paras > 50);
  assert.equal(p.tables, 0);
  assert.equal(p.indent, 2);
  assert.ok(p.findingsAfter);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const ps = pages(pdf, 40, process.env.JIAOHE_KEEP_PRINT);
  assert.ok(ps.length >= 2);
  for (const [i, pg] of ps.entries()) assert.ok(pg.h > pg.w, `page ${i + 1} is not portrait`);
  // A4: 210 × 297 mm
  assert.ok(Math.abs(ps[0].w / ps[0].h - 210 / 297) < 0.01);
  // without the findings, no note: the report alone
  await page.evaluate(() => { document.getElementById('more').open = true; });
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#print-findings').uncheck();
  const html = await page.evaluate(() => { window.dispatchEvent(new Event('beforeprint')); return document.getElementById('printout').innerHTML; });
  assert.doesNotMatch(html, /校核提示|校核结果（/);
  await context.close();
});

// Office files in the page: a table saved as the official .xlsx (the office module compiled only
// then, not at start) opens back as a new draft with the same 总分; a report saved as .docx holds
// its text; a workbook dropped on the page opens like one chosen with 打开; a web page renamed
// .xlsx is refused in Chinese and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { launch, openPage, fixturePath } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });
const dir = mkdtempSync(path.join(tmpdir(), 'jiaohe-office-'));

async function save(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** A file of a zip archive, by name (the archives the page writes are small and deflated). */
function unzip(bytes, name) {
  for (let i = 0; i + 30 < bytes.length; i++) {
    if (bytes.readUInt32LE(i) !== 0x04034b50) continue;
    const method = bytes.readUInt16LE(i + 8);
    let size = bytes.readUInt32LE(i + 18);
    const nlen = bytes.readUInt16LE(i + 26);
    const xlen = bytes.readUInt16LE(i + 28);
    const n = bytes.subarray(i + 30, i + 30 + nlen).toString();
    const start = i + 30 + nlen + xlen;
    if (n !== name) continue;
    if (size === 0) { const cd = bytes.indexOf(Buffer.from(name), start); size = cd - start; }
    const data = bytes.subarray(start, start + size);
    return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
  }
  return null;
}

test('a table saved as .xlsx opens back as a new draft with the same figures; the office module starts only then', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const { page, errors, requests } = await openPage(context);
  assert.equal(await page.getAttribute('html', 'data-office'), null, 'the office module is not compiled at start');
  await page.setInputFiles('#open-file', fixturePath('seed001/03'));
  await page.waitForFunction(() => /总分/.test(document.querySelector('#summary').textContent));
  const before = await page.locator('#summary').textContent();
  const xlsx = await save(page, '#save-xlsx');
  assert.match(path.basename(xlsx), /原机电老干所运行维护费\.xlsx$/);
  assert.equal(await page.getAttribute('html', 'data-office'), 'true');
  const bytes = readFileSync(xlsx);
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const sheet = unzip(bytes, 'xl/worksheets/sheet1.xml');
  assert.match(sheet, /<f>ROUND\(D6\/C6,4\)<\/f><v>0\.7859<\/v>/, '执行率 is a live formula with its value cached');
  assert.match(sheet, /<f>SUM\([^<]+\)<\/f><v>9/);
  assert.match(unzip(bytes, 'xl/workbook.xml'), /审核意见/);
  assert.match(await page.locator('#notice').textContent(), /公式/);
  const drafts = await page.locator('#draft option').count();
  await page.setInputFiles('#open-file', xlsx);
  await page.waitForFunction((n) => document.querySelectorAll('#draft option').length === n + 1, drafts);
  await page.waitForFunction(() => /作为新草稿打开/.test(document.querySelector('#notice').textContent));
  assert.equal(await page.locator('#summary').textContent(), before);
  assert.equal(await page.locator('[data-path="project"]').inputValue(), '原机电老干所运行维护费');
  assert.equal(await page.locator('[data-path="funds.rows.1.adjusted"]').inputValue(), '3.89');
  await page.screenshot({ path: path.join(dir, 'opened-xlsx.png') });
  // dropped on the page, the same workbook opens the same way
  const b64 = bytes.toString('base64');
  await page.evaluate((data) => {
    const bin = atob(data); const u = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([u], '拖入的表.xlsx'));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, b64);
  await page.waitForFunction((n) => document.querySelectorAll('#draft option').length === n + 2, drafts);
  assert.ok((await page.locator('#draft option').allTextContents()).some((t) => /拖入的表/.test(t)));
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a report saved as .docx in the 公文 typography holds the generated text', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const { page, errors } = await openPage(context);
  await page.setInputFiles('#open-file', fixturePath('report/seed003'));
  await page.waitForSelector('#save-docx:not([hidden])');
  const docx = await save(page, '#save-docx');
  const xml = unzip(readFileSync(docx), 'word/document.xml');
  assert.match(xml, /高新区部门单位整体支出绩效自评报告/);
  assert.match(xml, /仿宋_GB2312/);
  assert.match(xml, /w:w="11906" w:h="16838"/, 'A4 portrait');
  assert.match(xml, /87\.90/);
  assert.match(xml, /<w:tbl>/, 'the report tables are Word tables');
  // a table without a report text offers no Word file
  await page.setInputFiles('#open-file', fixturePath('seed001/03'));
  await page.waitForSelector('#save-docx[hidden]', { state: 'attached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a web page renamed .xlsx, and a damaged workbook, are refused in Chinese; nothing changes', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page, errors } = await openPage(context);
  const fake = path.join(dir, '假表.xlsx');
  writeFileSync(fake, '<html><body><table><tr><td>项目支出绩效自评表</td></tr></table></body></html>');
  const drafts = await page.locator('#draft option').count();
  await page.setInputFiles('#open-file', fake);
  await page.waitForFunction(() => /无法打开/.test(document.querySelector('#notice').textContent));
  assert.match(await page.locator('#notice').textContent(), /其实是网页（HTML）/);
  const broken = path.join(dir, '坏表.xls');
  writeFileSync(broken, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]));
  await page.setInputFiles('#open-file', broken);
  await page.waitForFunction(() => /坏表\.xls/.test(document.querySelector('#notice').textContent));
  assert.match(await page.locator('#notice').textContent(), /不是可读取的|无法读取/);
  assert.equal(await page.locator('#draft option').count(), drafts);
  assert.deepEqual(errors, []);
  await context.close();
});

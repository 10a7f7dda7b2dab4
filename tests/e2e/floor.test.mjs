// The browser floor, checked rather than hoped for: the wasm uses only MVP features (no
// reference types, sign-extension, bulk memory, multi-value: Chromium 57+), and every script in
// the single file parses as ES2018 (Chromium 64+). The floor we state is Chromium 69; the page
// scripts are lowered to it by esbuild (tools/lower.mjs), and the build checks the result too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import vm from 'node:vm';
import path from 'node:path';
import * as acorn from 'acorn';
import { root, dist, launch } from './helpers.mjs';
import { lower, inflater, assertEs2018 } from '../../tools/lower.mjs';

const inlineScripts = () => [...readFileSync(path.join(dist, 'jiaohe.html'), 'utf8')
  .matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const es2018 = { ecmaVersion: 2018, sourceType: 'script' };
// Syntax newer than Chromium 69 that wasm-bindgen glue (e.g. with serde-wasm-bindgen) may use.
const NEWER = ['a?.b', 'a?.[k]', 'f?.()', 'a ?? b', 'a ||= b', 'a ??= b', '1_000'];

const MVP = ['--disable-sign-extension', '--disable-mutable-globals', '--disable-saturating-float-to-int',
  '--disable-multi-value', '--disable-bulk-memory', '--disable-reference-types'];

test('the wasm validates with every post-MVP feature disabled', () => {
  for (const f of [path.join(dist, 'pkg/jiaohe_bg.wasm'), path.join(root, 'target/glue/jiaohe_bg.wasm'), path.join(root, 'target/glue-start/jiaohe_bg.wasm')]) {
    execFileSync('wasm-validate', [...MVP, f]);
  }
});

test('every inline script parses as ES2018', () => {
  const html = readFileSync(path.join(dist, 'jiaohe.html'), 'utf8');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.ok(scripts.length >= 3);
  for (const s of scripts) acorn.parse(s, { ecmaVersion: 2018, sourceType: 'script' });
});

test('the floor check itself is ES5', () => {
  const html = readFileSync(path.join(dist, 'jiaohe.html'), 'utf8');
  const first = /<script>([\s\S]*?)<\/script>/.exec(html)[1];
  acorn.parse(first, { ecmaVersion: 5, sourceType: 'script' });
});

test('the ES2018 check rejects syntax above the floor (so unlowered glue would be caught)', () => {
  for (const src of NEWER) {
    acorn.parse(src, { ecmaVersion: 2021, sourceType: 'script' });
    assert.throws(() => acorn.parse(src, es2018), SyntaxError, src);
    assert.throws(() => assertEs2018(src, 'probe'), /probe is not ES2018/, src);
  }
});

test('the build step lowers that syntax to ES2018 and keeps its meaning', () => {
  const src = `var o = { a: { b: 2 }, f: function () { return 3; } }, n = null, k = 'a';
    var r = [o?.a?.b, n?.a.b, o?.[k]?.b, o.f?.(), n?.f(), n ?? 'd', 0 ?? 'd', 1_000];
    var x = null; x ??= 5; var y = 0; y ||= 6; r.push(x, y); r.join(',');`;
  const out = lower(src);
  assertEs2018(out, 'lowered probe');
  assert.equal(vm.runInNewContext(out), vm.runInNewContext(src));
  assert.equal(vm.runInNewContext(src), '2,,2,3,,d,0,1000,5,6');
});

test('the build step keeps the glue a factory of fresh bindings (loader.js restarts the core with it)', () => {
  const ctx = vm.createContext({ window: {} });
  vm.runInContext(lower('window.JIAOHE_GLUE = function () { let n = 0; let wasm_bindgen = (function () { function init(o) { n++; return o?.x + n; } return init; })(); return wasm_bindgen; };'), ctx);
  assert.equal(vm.runInContext(`const a = window.JIAOHE_GLUE(); a({ x: 7 }) + ',' + a({ x: 7 }) + ',' + window.JIAOHE_GLUE()({ x: 7 })`, ctx), '8,9,8');
});

test('no inline script of the single file contains ?. or ?? (as parsed, not as text)', () => {
  for (const s of inlineScripts()) {
    const tokens = [];
    acorn.parse(s, { ecmaVersion: 'latest', sourceType: 'script', onToken: tokens });
    const above = tokens.filter((t) => t.type.label === '?.' || t.type.label === '??'
      || (t.type.label === '_=' && ['??=', '||=', '&&='].includes(t.value)));
    assert.deepEqual(above.map((t) => s.slice(Math.max(0, t.start - 20), t.end + 20)), []);
  }
});

test('the page scripts in the single file are minified', () => {
  const [, glue, app] = inlineScripts();
  const sources = ['edits.js', 'doc.js', 'form.js', 'paste.js', 'print.js', 'text.js', 'element.js', 'app.js', 'loader.js']
    .map((f) => readFileSync(path.join(root, 'www/js', f), 'utf8')).join('\n');
  // the app script opens with the inflater: fflate's gunzip and unzip alone (the whole library is ~30 KB)
  const inflate = inflater();
  assert.ok(app.startsWith(inflate), 'the app script starts with the inflater');
  assert.ok(inflate.length < 6500, `inflater ${inflate.length} characters`);
  const code = app.slice(inflate.length);
  // esbuild without minify: ~0.99 of the source (whitespace only: ~0.72); minified: ~0.60.
  assert.ok(code.length < 0.66 * sources.length, `app ${code.length} of ${sources.length} characters`);
  const glueSource = ['glue-start', 'glue', 'glue-office'].map((d) => readFileSync(path.join(root, `target/${d}/jiaohe.js`), 'utf8')).join('\n');
  assert.ok(glue.length < 0.6 * glueSource.length, `glue ${glue.length} of ${glueSource.length} characters`);
});

// The two cores ship gzipped as base64 in data blocks (the start core, forms A and B, before the
// page scripts; the full core after them); what the page inflates must be the very wasm.
const CORES = [['jiaohe-wasm', 'glue-start'], ['jiaohe-wasm-full', 'glue'], ['jiaohe-wasm-office', 'glue-office']];
const dataBlock = (id = 'jiaohe-wasm') => new RegExp(`<script type="application/octet-stream" id="${id}">([A-Za-z0-9+/=]*)</script>`).exec(readFileSync(path.join(dist, 'jiaohe.html'), 'utf8'));
const embedded = (id = 'jiaohe-wasm') => {
  const m = dataBlock(id);
  assert.ok(m, `the wasm is in its data block ${id}`);
  return Buffer.from(m[1], 'base64');
};
const glueWasm = (dir = 'glue-start') => readFileSync(path.join(root, `target/${dir}/jiaohe_bg.wasm`));

test('each embedded core, inflated with node:zlib, is byte-identical to its built wasm; the start core is the smaller', () => {
  for (const [id, dir] of CORES) {
    const gz = embedded(id);
    const wasm = glueWasm(dir);
    assert.ok(gz.length < 0.55 * wasm.length, `embedded ${gz.length} bytes for a ${wasm.length}-byte wasm`);
    assert.ok(gunzipSync(gz).equals(wasm), id);
  }
  assert.ok(glueWasm('glue-start').length < 0.6 * glueWasm('glue').length);
});

test('the page\'s own inflater gives the same bytes, and throws on damaged data', () => {
  const [, , app] = inlineScripts();
  const sandbox = { window: {} };
  vm.runInNewContext(app.slice(0, inflater().length), sandbox);
  const inflate = sandbox.window.JIAOHE_INFLATE;
  assert.equal(typeof inflate, 'function');
  for (const [id, dir] of CORES) {
    const out = inflate(new Uint8Array(embedded(id)));
    assert.ok(Buffer.from(out.buffer, out.byteOffset, out.byteLength).equals(glueWasm(dir)), id);
  }
  assert.throws(() => inflate(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])), /invalid gzip data/);
  const cut = embedded().subarray(0, 1000);
  assert.throws(() => inflate(new Uint8Array(cut)), /unexpected EOF|invalid/);
});

/** Opens a copy of the single file changed by `edit`, with `init` run before the page's scripts. */
async function openVariant(edit, init) {
  const html = readFileSync(path.join(dist, 'jiaohe.html'), 'utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'jiaohe-'));
  const file = path.join(dir, 'jiaohe.html');
  writeFileSync(file, edit(html));
  const browser = await launch();
  const page = await browser.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(pathToFileURL(file).href);
  return { page, close: async () => { await browser.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const damage = (html) => {
  assert.ok(dataBlock()[1].startsWith('H4sI'), 'the embedded wasm is gzip (base64 of 1f 8b 08)');
  return html.replace('id="jiaohe-wasm">H4sI', 'id="jiaohe-wasm">AAAA');
};
const oldBrowser = () => { delete window.DecompressionStream; };

test('a damaged embedded wasm ends in the Chinese failure notice, not a blank page (native and fflate inflate)', async () => {
  for (const [init, why] of [[null, /内嵌的核心无法解压（.+）/], [oldBrowser, /内嵌的核心无法解压（invalid gzip data）/]]) {
    const { page, close } = await openVariant(damage, init);
    try {
      const notice = page.locator('#notice');
      await notice.waitFor({ state: 'visible' });
      const text = await notice.textContent();
      assert.match(text, /^校核核心加载失败：/);
      assert.match(text, why);
      assert.match(text, /。请换用/);
      assert.equal(await page.evaluate(() => typeof window.jiaohe), 'undefined');
    } finally {
      await close();
    }
  }
});

test('a damaged full core leaves forms A and B working and says in Chinese what cannot load (native and fflate inflate)', async () => {
  const damageFull = (html) => html.replace('id="jiaohe-wasm-full">H4sI', 'id="jiaohe-wasm-full">AAAA');
  for (const init of [null, oldBrowser]) {
    const { page, close } = await openVariant(damageFull, init);
    try {
      await page.waitForSelector('html[data-ready="true"]');
      await page.waitForFunction(() => { try { window.jiaohe.checkText('1'); } catch (e) { return /无法加载/.test(e.message); } return false; });
      const ev = await page.evaluate(() => window.jiaohe.evaluate({ kind: 'project_self_evaluation', funds: { total: { adjusted: '100', executed: '78.585' } } }));
      assert.equal(ev.computed['funds.total.rate'], '78.59%');
      const said = await page.evaluate(() => { try { window.jiaohe.readDocument('{"kind":"final_accounts"}'); } catch (e) { return e.message; } return ''; });
      assert.match(said, /^校核核心的完整部分无法加载（.+）$/);
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-full')), null);
    } finally {
      await close();
    }
  }
});

test('a browser without DecompressionStream (Chrome 69–79) inflates with fflate and works', async () => {
  const { page, close } = await openVariant((h) => h, oldBrowser);
  try {
    await page.waitForSelector('html[data-full="true"]');
    assert.equal(await page.evaluate(() => typeof window.DecompressionStream), 'undefined');
    const ev = await page.evaluate(() => window.jiaohe.evaluate({ kind: 'project_self_evaluation', funds: { total: { adjusted: '100', executed: '78.585' } } }));
    assert.equal(ev.computed['funds.total.rate'], '78.59%');
    // the full core too is inflated with fflate
    assert.equal(await page.evaluate(() => window.jiaohe.checkText('合计10万元，其中：A 4万元，B 6万元。').summary.verified), 1);
  } finally {
    await close();
  }
});

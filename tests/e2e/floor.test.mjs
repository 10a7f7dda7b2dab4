// The browser floor, checked rather than hoped for: the wasm uses only MVP features (no
// reference types, sign-extension, bulk memory, multi-value: Chromium 57+), and every script in
// the single file parses as ES2018 (Chromium 64+). The floor we state is Chromium 69; the page
// scripts are lowered to it by esbuild (tools/lower.mjs), and the build checks the result too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import vm from 'node:vm';
import path from 'node:path';
import * as acorn from 'acorn';
import { root, dist } from './helpers.mjs';
import { lower, assertEs2018 } from '../../tools/lower.mjs';

const inlineScripts = () => [...readFileSync(path.join(dist, 'jiaohe.html'), 'utf8')
  .matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const es2018 = { ecmaVersion: 2018, sourceType: 'script' };
// Syntax newer than Chromium 69 that wasm-bindgen glue (e.g. with serde-wasm-bindgen) may use.
const NEWER = ['a?.b', 'a?.[k]', 'f?.()', 'a ?? b', 'a ||= b', 'a ??= b', '1_000'];

const MVP = ['--disable-sign-extension', '--disable-mutable-globals', '--disable-saturating-float-to-int',
  '--disable-multi-value', '--disable-bulk-memory', '--disable-reference-types'];

test('the wasm validates with every post-MVP feature disabled', () => {
  for (const f of [path.join(dist, 'pkg/jiaohe_bg.wasm'), path.join(root, 'target/glue/jiaohe_bg.wasm')]) {
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

test('the build step keeps a script\'s top-level bindings global (loader.js finds wasm_bindgen)', () => {
  const ctx = vm.createContext({});
  vm.runInContext(lower('let wasm_bindgen = (function () { function init(o) { return o?.x; } return init; })();'), ctx);
  assert.equal(vm.runInContext(`typeof wasm_bindgen === 'function' ? wasm_bindgen({ x: 7 }) : null`, ctx), 7);
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
  const sources = ['doc.js', 'form.js', 'app.js', 'loader.js']
    .map((f) => readFileSync(path.join(root, 'www/js', f), 'utf8')).join('\n');
  const code = app.replace(/window\.JIAOHE_WASM="[A-Za-z0-9+/=]*";/, '');
  assert.ok(app.length - code.length > 100000, 'the wasm is inlined');
  // esbuild without minify: ~0.99 of the source (whitespace only: ~0.72); minified: ~0.60.
  assert.ok(code.length < 0.66 * sources.length, `app ${code.length} of ${sources.length} characters`);
  const glueSource = readFileSync(path.join(root, 'target/glue/jiaohe.js'), 'utf8');
  assert.ok(glue.length < 0.6 * glueSource.length, `glue ${glue.length} of ${glueSource.length} characters`);
});

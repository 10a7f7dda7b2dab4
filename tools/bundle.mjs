// Writes dist/jiaohe.html: one self-contained file — CSS, JS and the two cores (gzip, base64) inline —
// that works opened from disk (file://) and makes no network request. The page scripts are minified
// and lowered to the browser floor by esbuild (tools/lower.mjs), the stylesheets minified by it; the
// build fails if any inline script of the result does not parse as ES2018, or if the page's inflater
// does not give back the wasm byte for byte.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { lower, inflater, assertEs2018, minifyCss } from './lower.mjs';

const read = (p) => readFileSync(p, 'utf8');
// The glue as a factory: each call gives a fresh binding with its own instance, so the page can
// start the core again from the compiled module should a call ever trap (loader.js).
// The same script then starts compiling the core (boot.js) before the page scripts are read.
// Two builds of the one crate: the page starts on the start core (forms A and B: small to decode
// and compile) and compiles the full core (every form, 文字核对) beside it once it is drawn.
const factory = (name, dir) => `window.${name} = function () {\n${read(`target/${dir}/jiaohe.js`)}\nreturn wasm_bindgen;\n};\n`;
const glue = lower(`${factory('JIAOHE_GLUE', 'glue-start')}${factory('JIAOHE_GLUE_FULL', 'glue')}${factory('JIAOHE_GLUE_OFFICE', 'glue-office')}${read('www/js/boot.js')}`);
// zopfli's gzip (a valid gzip stream, ~5% smaller than zlib's best): the three cores take the
// single file from ~2.08 MB to under its 2 MB budget; compressing them takes ~15 s of the build.
const { gzipAsync } = createRequire(new URL('../tests/e2e/package.json', import.meta.url))('@gfx/zopfli');
// The wasm is embedded gzipped (~0.37 of its size; base64 adds a third) in a data block, which
// the HTML parser keeps as text and no script engine parses. The page inflates it natively where
// it can (DecompressionStream) and with fflate (inflater()) in older browsers.
const inflate = inflater();
const packed = async (file) => {
  const wasmBytes = readFileSync(file);
  const gz = Buffer.from(await gzipAsync(wasmBytes, { numiterations: 5 }));
  const sandbox = { window: {} };
  vm.runInNewContext(inflate, sandbox);
  const back = sandbox.window.JIAOHE_INFLATE(new Uint8Array(gz));
  if (!Buffer.from(back.buffer, back.byteOffset, back.byteLength).equals(wasmBytes)) {
    throw new Error(`the page inflater does not give back ${file}`);
  }
  return gz.toString('base64');
};
const [startCore, fullCore, officeCore] = await Promise.all(['glue-start', 'glue', 'glue-office'].map((d) => packed(`target/${d}/jiaohe_bg.wasm`)));
// (the office file formats, the third, are decoded and compiled only when an office file is first
// opened or saved)
// The inflater comes first in the app script (no extra script, no extra CSP hash).
const app = [
  inflate,
  lower(['edits.js', 'doc.js', 'form.js', 'paste.js', 'print.js', 'text.js', 'element.js', 'app.js'].map((f) => read(`www/js/${f}`)).join('\n')),
  lower(read('www/js/loader.js')),
].join('\n');

// Replace markers with functions so `$` sequences in the inlined code stay literal.
const inline = (js) => js.replace(/<\/script/gi, '<\\/script');
const sha = (js) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`;
const html = read('www/index.html')
  .replace('/*STYLE*/', () => minifyCss(read('www/style.css')))
  .replace('/*PRINT*/', () => minifyCss(read('www/print.css')))
  .replace('CSP_SCRIPT_HASHES', () => [sha(inline(glue)), sha(inline(app))].join(' '))
  .replace('/*WASM*/', () => startCore)
  // after the page scripts: the parser reaches it once the start core is compiling
  .replace('/*WASM_FULL*/', () => fullCore)
  .replace('/*WASM_OFFICE*/', () => officeCore)
  // the example table 打开示例表 opens: seed 001's 原机电老干所运行维护费, as published
  .replace('/*EXAMPLE*/', () => inline(JSON.stringify(JSON.parse(read('tests/fixtures/seed001/03.json')))))
  .replace('/*GLUE*/', () => inline(glue))
  .replace('/*APP*/', () => inline(app));

// What ships, checked as it ships: every inline script of the written file.
const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length < 3) throw new Error(`expected at least 3 inline scripts in dist/jiaohe.html, found ${scripts.length}`);
scripts.forEach((s, i) => assertEs2018(s, `inline script ${i + 1} of dist/jiaohe.html`));

mkdirSync('dist', { recursive: true });
writeFileSync('dist/jiaohe.html', html);

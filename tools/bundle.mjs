// Writes dist/jiaohe.html: one self-contained file — CSS, JS and the wasm (base64) inline — that
// works opened from disk (file://) and makes no network request. The page scripts are minified and
// lowered to the browser floor by esbuild (tools/lower.mjs); the build fails if any inline script
// of the result does not parse as ES2018.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { lower, assertEs2018 } from './lower.mjs';

const read = (p) => readFileSync(p, 'utf8');
const glue = lower(read('target/glue/jiaohe.js'));
const wasm = readFileSync('target/glue/jiaohe_bg.wasm').toString('base64');
// The base64 wasm is set between the scripts rather than passed through esbuild: loader.js reads it.
const app = [
  lower(['doc.js', 'form.js', 'app.js'].map((f) => read(`www/js/${f}`)).join('\n')),
  `window.JIAOHE_WASM="${wasm}";`,
  lower(read('www/js/loader.js')),
].join('\n');

// Replace markers with functions so `$` sequences in the inlined code stay literal.
const inline = (js) => js.replace(/<\/script/gi, '<\\/script');
const sha = (js) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`;
const html = read('www/index.html')
  .replace('/*STYLE*/', () => read('www/style.css'))
  .replace('/*PRINT*/', () => read('www/print.css'))
  .replace('CSP_SCRIPT_HASHES', () => [sha(inline(glue)), sha(inline(app))].join(' '))
  .replace('/*GLUE*/', () => inline(glue))
  .replace('/*APP*/', () => inline(app));

// What ships, checked as it ships: every inline script of the written file.
const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length < 3) throw new Error(`expected at least 3 inline scripts in dist/jiaohe.html, found ${scripts.length}`);
scripts.forEach((s, i) => assertEs2018(s, `inline script ${i + 1} of dist/jiaohe.html`));

mkdirSync('dist', { recursive: true });
writeFileSync('dist/jiaohe.html', html);

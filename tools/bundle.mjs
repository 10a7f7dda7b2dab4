// Writes dist/jiaohe.html: one self-contained file — CSS, JS and the wasm (base64) inline — that
// works opened from disk (file://) and makes no network request.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';

const read = (p) => readFileSync(p, 'utf8');
const glue = read('target/glue/jiaohe.js');
const wasm = readFileSync('target/glue/jiaohe_bg.wasm').toString('base64');
const app = ['doc.js', 'form.js', 'app.js']
  .map((f) => read(`www/js/${f}`))
  .concat([`window.JIAOHE_WASM = "${wasm}";`, read('www/js/loader.js')])
  .join('\n');

// Replace markers with functions so `$` sequences in the inlined code stay literal.
const inline = (js) => js.replace(/<\/script/gi, '<\\/script');
const sha = (js) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`;
const html = read('www/index.html')
  .replace('/*STYLE*/', () => read('www/style.css'))
  .replace('/*PRINT*/', () => read('www/print.css'))
  .replace('CSP_SCRIPT_HASHES', () => [sha(inline(glue)), sha(inline(app))].join(' '))
  .replace('/*GLUE*/', () => inline(glue))
  .replace('/*APP*/', () => inline(app));

mkdirSync('dist', { recursive: true });
writeFileSync('dist/jiaohe.html', html);

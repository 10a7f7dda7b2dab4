// Writes dist/jiaohe.html: one self-contained file — CSS, JS and the wasm (base64) inline — that
// works opened from disk (file://) and makes no network request.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const read = (p) => readFileSync(p, 'utf8');
const glue = read('target/glue/jiaohe.js');
const wasm = readFileSync('target/glue/jiaohe_bg.wasm').toString('base64');
const app = ['doc.js', 'form.js', 'app.js']
  .map((f) => read(`www/js/${f}`))
  .concat([`window.JIAOHE_WASM = "${wasm}";`, read('www/js/loader.js')])
  .join('\n');

// Replace markers with functions so `$` sequences in the inlined code stay literal.
const html = read('www/index.html')
  .replace('/*STYLE*/', () => read('www/style.css'))
  .replace('/*PRINT*/', () => read('www/print.css'))
  .replace('/*GLUE*/', () => glue.replace(/<\/script/gi, '<\\/script'))
  .replace('/*APP*/', () => app.replace(/<\/script/gi, '<\\/script'));

mkdirSync('dist', { recursive: true });
writeFileSync('dist/jiaohe.html', html);

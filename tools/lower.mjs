// The page scripts as they ship: minified and lowered by esbuild to the browser floor (Chromium 69),
// then parsed by acorn as ES2018, so that syntax a floor browser cannot parse fails the build
// instead of shipping. Used by tools/bundle.mjs and by tests/e2e/floor.test.mjs.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// esbuild, acorn and fflate are pinned devDependencies of tests/e2e (tools/setup.sh installs them).
const e2e = new URL('../tests/e2e/', import.meta.url);
const need = createRequire(new URL('package.json', e2e));
const esbuild = need('esbuild');
const acorn = need('acorn');

export const FLOOR = 'chrome69';
// ES2018 as well: the floor checks parse ES2018, and esbuild alone would keep syntax Chromium 69
// does parse but ES2018 lacks (`catch {}` without a binding, ES2019).
const TARGET = ['es2018', FLOOR];

/** Minifies a classic script and lowers its syntax to ES2018 and FLOOR (e.g. `a?.b ?? c`, which
 *  Chromium 69 cannot parse). No output format is set, so the code stays a classic script and
 *  its top-level bindings keep their names: they are globals, and loader.js reads the no-modules
 *  glue's `let wasm_bindgen` by name. Non-ASCII text stays UTF-8 rather than \u escapes. */
export function lower(js) {
  return esbuild.transformSync(js, {
    loader: 'js', target: TARGET, minify: true, charset: 'utf8', legalComments: 'none',
  }).code;
}

/** Minifies a stylesheet for the same floor (comments and spaces out: ~0.8 of the source). */
export function minifyCss(css) {
  return esbuild.transformSync(css, { loader: 'css', target: [FLOOR], minify: true, charset: 'utf8', legalComments: 'none' }).code.trim();
}

/** Throws unless `js` parses as an ES2018 classic script (Chromium 64+). */
export function assertEs2018(js, name) {
  try {
    acorn.parse(js, { ecmaVersion: 2018, sourceType: 'script' });
  } catch (e) {
    const at = typeof e.pos === 'number' ? ` near \`${js.slice(Math.max(0, e.pos - 40), e.pos + 40)}\`` : '';
    throw new Error(`${name} is not ES2018 (browser floor ${FLOOR}): ${e.message}${at}`);
  }
}

/** The page's inflater, a classic script that sets `window.JIAOHE_INFLATE` to fflate's
 *  `gunzipSync` (gzip bytes in, Uint8Array out, sized from the gzip trailer) and
 *  `window.JIAOHE_UNZIP` to its `unzipSync` (文字核对 reads a .docx's word/document.xml with it):
 *  only those two are bundled (~6 KB), minified and lowered like the rest. fflate's MIT notice is kept. */
export function inflater() {
  const { version } = need('fflate/package.json');
  return esbuild.buildSync({
    stdin: {
      contents: "import { gunzipSync, unzipSync } from 'fflate';\nwindow.JIAOHE_INFLATE = gunzipSync;\nwindow.JIAOHE_UNZIP = unzipSync;\n",
      resolveDir: fileURLToPath(e2e), loader: 'js',
    },
    bundle: true, format: 'iife', platform: 'browser', write: false,
    target: TARGET, minify: true, charset: 'utf8', legalComments: 'none',
    banner: { js: `/*! fflate ${version} (c) Arjun Barrett, MIT License, github.com/101arrowz/fflate */` },
  }).outputFiles[0].text;
}

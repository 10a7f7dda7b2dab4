// The typed contract as an integrator meets it: TypeScript code importing dist/pkg compiles under
// --strict against the shipped jiaohe.d.ts, and code that misuses the types does not (so the
// declarations are real types, not `any`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { dist, root } from './helpers.mjs';

const tsc = path.join(root, 'tests/e2e/node_modules/typescript/bin/tsc');

function compile(source) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiaohe-types-'));
  try {
    writeFileSync(path.join(dir, 'use.ts'), source.replaceAll("'PKG/element'", JSON.stringify(path.join(dist, 'pkg/element.js'))).replaceAll("'PKG'", JSON.stringify(path.join(dist, 'pkg/jiaohe.js'))));
    execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2020', '--module', 'es2020',
      '--moduleResolution', 'bundler', '--lib', 'es2020,dom', path.join(dir, 'use.ts')], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return String(e.stdout || e.message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an integrator\'s typed code compiles against the shipped declarations', () => {
  const out = compile(`
    import init, { evaluate, catalog, readDocument, type Document, type Evaluation, type Finding, type Code, type Catalog } from 'PKG';
    export async function run(): Promise<string> {
      await init();
      const doc: Document = { kind: 'project_self_evaluation', project: '原机电老干所运行维护费', indicators: [{ target: '≥95%', actual: 96, weight: '10' }] };
      const ev: Evaluation = evaluate(doc, { policy: 'urumqi-2023' });
      const errors: Finding[] = ev.findings.filter((f) => f.severity === 'error');
      const codes: Code[] = errors.map((f) => f.code);
      const total: string | null = ev.summary.total_score;
      const cat: Catalog = catalog();
      const first = cat.forms[0].layout.blocks[0].type;
      const again: Document = readDocument(JSON.stringify(doc));
      const custom = evaluate(again, { policy: { base: 'default', exec_weight: '20', grade_cuts: ['80', '70', '60'], reverse_formula: 'linear' } });
      return [total, codes.join(), first, custom.kind, ev.computed['funds.total.rate'] ?? ''].join();
    }
  `);
  assert.equal(out, '');
});

test('misuse of the types does not compile', () => {
  const cases = [
    `import { type Code } from 'PKG'; export const c: Code = 'sum.misspelt';`,
    `import { type Document } from 'PKG'; export const d: Document = { kind: 'invoice' };`,
    `import { evaluate } from 'PKG'; export const t: number = evaluate('{}', null).summary.errors + evaluate('{}', null).summary.title;`,
    `import { type Options } from 'PKG'; export const o: Options = { policy: { exec_wieght: '20' } };`,
    `import { type Finding } from 'PKG'; export const s = (f: Finding): 'fatal' => f.severity;`,
  ];
  for (const c of cases) assert.match(compile(c), /error TS\d+/, c);
});

test('the element\'s typed API: <jiaohe-form> is a JiaoheForm, its events carry typed details', () => {
  const out = compile(`
    import { init, type JiaoheForm, type Document } from 'PKG/element';
    export async function run(doc: Document): Promise<string> {
      await init();
      const form: JiaoheForm = document.createElement('jiaohe-form');
      form.policy = 'urumqi-2023';
      form.document = doc;
      form.addEventListener('jiaohe-change', (e) => {
        const total: string | null = e.detail.evaluation?.summary.total_score ?? null;
        const kind: string = e.detail.document.kind;
        console.log(total, kind);
      });
      form.addEventListener('jiaohe-notice', (e) => { e.preventDefault(); console.log(e.detail.message); });
      const found: boolean = form.focusFinding('funds.total.rate');
      const bytes: Uint8Array = await form.exportXlsx();
      const valid: boolean = form.checkValidity();
      return [found, bytes.length, valid, form.evaluation?.summary.grade ?? ''].join();
    }
  `);
  assert.equal(out, '');
  const cases = [
    `import 'PKG/element'; document.createElement('jiaohe-form').evaluation = null;`,
    `import 'PKG/element'; document.createElement('jiaohe-form').focusFinding(3);`,
    `import 'PKG/element'; document.createElement('jiaohe-form').addEventListener('jiaohe-change', (e) => { const n: number = e.detail.document; });`,
    `import { type JiaoheForm } from 'PKG/element'; export const f = (x: JiaoheForm) => { x.document = { kind: 'invoice' }; };`,
  ];
  for (const c of cases) assert.match(compile(c), /error TS\d+/, c);
});

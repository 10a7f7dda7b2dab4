// Writes dist/pkg/package.json: the ES module for submission systems that embed the checks.
import { readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync('Cargo.toml', 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const pkg = {
  name: 'jiaohe',
  version,
  description: '校核：预算与绩效公开文件的校核与补全（WebAssembly，精确十进制）',
  type: 'module',
  main: 'jiaohe.js',
  module: 'jiaohe.js',
  types: 'jiaohe.d.ts',
  files: ['jiaohe.js', 'jiaohe.d.ts', 'jiaohe_bg.wasm', 'jiaohe_bg.wasm.d.ts'],
  sideEffects: false,
  license: 'MIT',
};
writeFileSync('dist/pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');

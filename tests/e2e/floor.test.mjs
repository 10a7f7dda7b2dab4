// The browser floor, checked rather than hoped for: the wasm uses only MVP features (no
// reference types, sign-extension, bulk memory, multi-value: Chromium 57+), and every script in
// the single file parses as ES2018 (Chromium 64+). The floor we state is Chromium 69.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as acorn from 'acorn';
import { root, dist } from './helpers.mjs';

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

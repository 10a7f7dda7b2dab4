// Shared by the browser tests: paths, Debian's Chromium through playwright-core, seed fixtures.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const pageUrl = pathToFileURL(path.join(dist, 'jiaohe.html')).href;
export const fixture = (name) => JSON.parse(readFileSync(path.join(root, 'tests/fixtures', name + '.json'), 'utf8'));

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** Opens the single file from disk; records every request other than the file itself. */
export async function openPage(context) {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (r.url() !== pageUrl) requests.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-full="true"]');
  return { page, requests, errors };
}

/** Resolves once the page has evaluated and painted what was just typed (it does so in the next
 *  frame, and saves after a short pause). */
export const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

const ACTS = new Set(['fill', 'press', 'pressSequentially', 'type', 'selectOption', 'click', 'clear', 'check', 'uncheck']);
/** A cell by its path; typing into it waits until the page has painted the answer. */
export const cell = (page, p) => {
  const loc = page.locator(`[data-path="${p}"]`);
  return new Proxy(loc, {
    get(target, prop) {
      const v = target[prop];
      if (typeof v !== 'function') return v;
      if (!ACTS.has(prop)) return v.bind(target);
      return async (...args) => { const r = await v.apply(target, args); await settle(page); return r; };
    },
  });
};

export const fixturePath = (name) => path.join(root, 'tests/fixtures', name + '.json');

/** Types a whole document into the page as a user would: rows added or removed to match, then
 *  every field filled. */
export async function typeDoc(page, doc, prefix = '') {
  for (const [k, v] of Object.entries(doc)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (k === 'kind' || k === 'version') continue;
    if (Array.isArray(v)) {
      const rows = () => page.locator(`tr[data-row^="${p}."]`).count();
      while ((await rows()) < v.length) await page.locator(`table[data-grid="${p}"] ~ button.add`).click();
      while ((await rows()) > v.length) await page.locator(`tr[data-row="${p}.${(await rows()) - 1}"] button[data-op="remove"]`).click();
      for (const [i, row] of v.entries()) await typeDoc(page, row, `${p}.${i}`);
    } else if (v && typeof v === 'object') {
      await typeDoc(page, v, p);
    } else {
      const el = page.locator(`[data-path="${p}"]`);
      if (!(await el.count())) continue;
      const tag = await el.evaluate((e) => e.tagName);
      if (tag === 'SELECT') await el.selectOption(String(v ?? ''));
      else if (tag !== 'OUTPUT') await el.fill(String(v ?? ''));
      await settle(page);
    }
  }
}

/** PGM pages of a PDF at `dpi`, each { w, h, px }; also written as PNG under `keep` to look at. */
export function pages(pdf, dpi, keep) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiaohe-print-'));
  writeFileSync(path.join(dir, 'p.pdf'), pdf);
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', path.join(dir, 'p.pdf'), path.join(dir, 'page')]);
  assert.equal(r.status, 0, `pdftoppm: ${r.stderr}`);
  if (keep) spawnSync('pdftoppm', ['-r', '70', '-png', path.join(dir, 'p.pdf'), path.join(keep, 'report-page')]);
  const out = readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => {
    const b = readFileSync(path.join(dir, f));
    const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(b.subarray(0, 40).toString('latin1'));
    return { w: Number(m[1]), h: Number(m[2]), px: b.subarray(m[0].length) };
  });
  rmSync(dir, { recursive: true, force: true });
  return out;
}

/** The text of each page of a PDF, laid out as printed (pdftotext, beside pdftoppm in poppler-utils). */
export function pageTexts(pdf) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiaohe-text-'));
  writeFileSync(path.join(dir, 'p.pdf'), pdf);
  const r = spawnSync('pdftotext', ['-layout', path.join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 0, `pdftotext: ${r.stderr}`);
  return r.stdout.split('\f').filter((t) => t.trim());
}

/** Dark pixels inside the margin strips (the page box minus the printable box). */
export function inMargins(p, marginPx) {
  let dark = 0;
  for (let y = 0; y < p.h; y++) {
    for (let x = 0; x < p.w; x++) {
      const inside = x >= marginPx && x < p.w - marginPx && y >= marginPx && y < p.h - marginPx;
      if (!inside && p.px[y * p.w + x] < 200) dark++;
    }
  }
  return dark;
}

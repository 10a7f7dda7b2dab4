// Shared by the browser tests: paths, Debian's Chromium through playwright-core, seed fixtures.
import { readFileSync } from 'node:fs';
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
  await page.waitForSelector('html[data-ready="true"]');
  return { page, requests, errors };
}

export const cell = (page, p) => page.locator(`[data-path="${p}"]`);

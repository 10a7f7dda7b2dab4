import { launch, openPage } from './helpers.mjs';
const b = await launch();
const ctx = await b.newContext({ viewport: { width: 1366, height: 768 } });
const { page } = await openPage(ctx);
await page.setInputFiles('#open-file', '/work/main/tests/fixtures/report/seed003.json');
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/shot/page.png' });
await b.close();

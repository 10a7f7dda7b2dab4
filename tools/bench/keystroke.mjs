// Keystroke to painted 总分 in the page, beside the same page's floor: a key typed into an input
// that nothing listens to. Both are timed from the key event's own time stamp to the end of the
// frame that shows the result (a task posted from that frame's animation callbacks runs after its
// paint). The cell typed into is an indicator's 得分 whose change moves 总分.

/** Runs in the page: arms one measurement (window.__jhKey resolves with ms from the next keydown
 *  to its paint). */
function arm(kind) {
  window.__jhKey = new Promise((resolve) => {
    const total = () => document.getElementById('summary').textContent;
    const before = total();
    let t0 = 0;
    // a frame callback of ours, asked for at the key (so it runs before any the page asks for):
    // while it is this frame, a change the page makes is painted at the end of the frame
    let inFrame = false;
    const afterPaint = () => {
      const done = () => resolve(performance.now() - t0);
      if (inFrame) setTimeout(done, 0);
      else requestAnimationFrame(() => setTimeout(done, 0));
    };
    document.addEventListener('keydown', (ev) => {
      t0 = ev.timeStamp;
      requestAnimationFrame(() => { inFrame = true; setTimeout(() => { inFrame = false; }, 0); });
      if (kind === 'floor') { afterPaint(); return; }
      const mo = new MutationObserver(() => {
        if (total() !== before) { mo.disconnect(); afterPaint(); }
      });
      mo.observe(document.getElementById('summary'), { childList: true, characterData: true, subtree: true });
    }, { once: true, capture: true });
  });
}

/** Opens `doc` in the page as a new draft (the page's own file opener). */
export async function openDoc(page, doc, name = 'bench.json') {
  await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction((project) => document.querySelector('[data-path="project"]').value === project, doc.project, { timeout: 60000 });
}

/** Median and spread of `presses` keystrokes into the score of indicator row `row`, and the floor. */
export async function timeKeystrokes(page, { row = 1, presses = 41 } = {}) {
  await page.evaluate(() => {
    const floor = document.createElement('input');
    floor.id = 'bench-floor';
    floor.style.cssText = 'position:fixed;left:0;bottom:0;width:60px;z-index:9';
    document.body.appendChild(floor);
  });
  const target = page.locator(`[data-path="indicators.${row}.score"]`);
  await target.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const out = {};
  for (const kind of ['floor', 'core']) {
    const samples = [];
    const box = kind === 'floor' ? page.locator('#bench-floor') : target;
    await box.click();
    await page.keyboard.press('End');
    for (let i = 0; i < presses; i++) {
      await page.evaluate(arm, kind);
      // alternately add and remove a digit, so 总分 changes on every key
      await page.keyboard.press(i % 2 === 0 ? '1' : 'Backspace');
      samples.push(await page.evaluate(() => window.__jhKey));
      await page.waitForTimeout(30);
    }
    samples.sort((a, b) => a - b);
    out[kind] = { median_ms: samples[samples.length >> 1], min_ms: samples[0], max_ms: samples[samples.length - 1], presses };
  }
  return out;
}

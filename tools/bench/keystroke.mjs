// Keystroke to painted 总分 in the page, beside the same page's floor: a key typed into an input
// that nothing listens to. Both are timed from the key event's own time stamp to the end of the
// frame that shows the result (a task posted from that frame's animation callbacks runs after its
// paint). The cell typed into is the 年度指标值 of a 正向 indicator: a 0 after its last digit
// makes the target ten times larger, so the score and 总分 move on every key.

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
      // a key that moves nothing would wait for ever: say so instead
      setTimeout(() => { mo.disconnect(); resolve(NaN); }, 5000);
    }, { once: true, capture: true });
  });
}

/** Opens `doc` in the page as a new draft (the page's own file opener). */
export async function openDoc(page, doc, name = 'bench.json') {
  await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction((project) => document.querySelector('[data-path="project"]').value === project, doc.project, { timeout: 60000 });
}

/** Median and spread of `presses` keystrokes into a 正向 indicator's 年度指标值, and the floor. */
export async function timeKeystrokes(page, { presses = 41 } = {}) {
  const row = await page.evaluate(() => {
    const ev = window.jiaohe.evaluate(document.getElementById('form').jhDoc);
    return (document.getElementById('form').jhDoc.indicators || []).findIndex((r, i) =>
      // below 1000%, so ten times the target leaves it below 100%
      ev.computed[`indicators.${i}.kind`] === '正向' && /^\d{1,3}\.\d\d%$/.test(ev.computed[`indicators.${i}.completion`] || '') && /\d/.test(r.target || ''));
  });
  if (row < 0) throw new Error('no 正向 indicator to type into');
  await page.evaluate(() => {
    const floor = document.createElement('input');
    floor.id = 'bench-floor';
    floor.style.cssText = 'position:fixed;left:0;bottom:0;width:60px;z-index:9';
    document.body.appendChild(floor);
  });
  const target = page.locator(`[data-path="indicators.${row}.target"]`);
  await target.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const out = {};
  for (const kind of ['floor', 'core']) {
    const samples = [];
    const box = kind === 'floor' ? page.locator('#bench-floor') : target;
    await box.click();
    // the caret after the target's last digit (`≥40|家`)
    await box.evaluate((e) => { const at = e.value.search(/\d\D*$/) + 1; e.setSelectionRange(at, at); });
    for (let i = 0; i < presses; i++) {
      await page.evaluate(arm, kind);
      // alternately add and remove a digit, so 总分 changes on every key
      await page.keyboard.press(i % 2 === 0 ? '0' : 'Backspace');
      samples.push(await page.evaluate(() => window.__jhKey));
      await page.waitForTimeout(30);
    }
    if (samples.some(Number.isNaN)) throw new Error(`a key into indicators.${row}.target did not move 总分`);
    samples.sort((a, b) => a - b);
    out[kind] = { median_ms: samples[samples.length >> 1], min_ms: samples[0], max_ms: samples[samples.length - 1], presses };
  }
  return out;
}

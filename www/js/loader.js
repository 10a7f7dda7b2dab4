/* Starts the core. The wasm is embedded gzipped, as base64, in a data block
   (<script type="application/octet-stream" id="jiaohe-wasm">: fetching a sibling file fails on
   file://, and a data block is not parsed as script); boot.js has decoded it and, where the
   browser inflates natively, already started compiling it. Older browsers inflate here with
   fflate (window.JIAOHE_INFLATE, set earlier in this script) and compile from the bytes.
   Exposes window.jiaohe = { version, evaluate, readDocument, checkText, catalog }, the same contract as the
   ES module and the CLI. */
(function (JH) {
  'use strict';
  if (window.JIAOHE_TOO_OLD) { return; }

  function message(e) { return e && e.message ? e.message : String(e); }

  function fail(e) {
    var n = document.getElementById('notice');
    n.hidden = false;
    n.textContent = '校核核心加载失败：' + message(e) + '。请换用 Chrome 69 以上或 360 / QQ 浏览器的极速模式打开本文件。';
  }

  function broken(e) { return new Error('内嵌的核心无法解压（' + message(e) + '）'); }

  var makeGlue = window.JIAOHE_GLUE;
  if (typeof makeGlue !== 'function') { fail(new Error('缺少核心脚本')); return; }
  var wb = makeGlue();
  var boot = window.JIAOHE_BOOT || { error: new Error('缺少核心脚本') };
  var source = boot.source;
  try {
    if (boot.error) { throw boot.error; }
    if (!source) {
      if (typeof window.JIAOHE_INFLATE !== 'function') { throw new Error('缺少解压脚本'); }
      source = window.JIAOHE_INFLATE(boot.gz);
    }
  } catch (e) {
    fail(broken(e));
    return;
  }

  /* Should a call into the core ever trap, its instance is spent: start a fresh one from the
     compiled module (no reload, nothing the user typed is touched), say so once, and let the
     page evaluate again. */
  var core = JH.core = { wb: wb, restarts: 0 };
  function restart() {
    if (core.restarting) { return; }
    core.restarting = true;
    var fresh = makeGlue();
    fresh({ module_or_path: core.module }).then(function () {
      core.wb = fresh;
      core.restarting = false;
      core.restarts++;
      var n = document.getElementById('notice');
      if (core.restarts === 1 && n) {
        n.hidden = false;
        n.textContent = '校核核心出错，已自动重新启动；您填写的内容没有受到影响。';
      }
      // evaluate the page again, but not in a loop: a document that traps again is left alone
      if (typeof JH.recovered === 'function' && core.trapped < 2) { JH.recovered(); }
    }, fail);
  }
  function call(name, args) {
    if (core.restarting) { throw new Error('校核核心正在重新启动，请稍候'); }
    try {
      var result = core.wb[name].apply(null, args);
      core.trapped = 0;
      return result;
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        core.trapped = (core.trapped || 0) + 1;
        restart();
        throw new Error('校核核心出错，正在自动重新启动（您填写的内容没有受到影响）');
      }
      throw e;
    }
  }

  var inflated = source instanceof Uint8Array;
  /* compiled once; the module is kept for a restart */
  (inflated ? WebAssembly.compile(source) : source).then(function (module) {
    core.module = module;
    return wb({ module_or_path: module });
  }).then(function () {
    window.jiaohe = Object.freeze({
      version: wb.version(),
      evaluate: function (document, options) { return call('evaluate', [document, options === undefined ? null : options]); },
      readDocument: function (text) { return call('readDocument', [text]); },
      checkText: function (text, options) { return call('checkText', [text, options === undefined ? null : options]); },
      catalog: function () { return call('catalog', []); }
    });
    try { JH.start(); } catch (e) { fail(e); }
    document.documentElement.setAttribute('data-ready', 'true');
  }, function (e) { fail(inflated ? e : broken(e)); });
})(window.JH = window.JH || {});

/* Starts the core: the wasm is embedded gzipped, as base64 (fetching a sibling file fails on
   file://), inflated by fflate (window.JIAOHE_INFLATE, set earlier in this script: Chromium 69 has
   no DecompressionStream) and instantiated asynchronously from the bytes. Exposes window.jiaohe =
   { version, evaluate, catalog }, the same contract as the ES module and the CLI. */
(function (JH) {
  'use strict';
  if (window.JIAOHE_TOO_OLD) { return; }

  function bytes(b64) {
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }

  function fail(e) {
    var n = document.getElementById('notice');
    n.hidden = false;
    n.textContent = '校核核心加载失败：' + (e && e.message ? e.message : e) + '。请换用 Chrome 69 以上或 360 / QQ 浏览器的极速模式打开本文件。';
  }

  /* the no-modules glue declares a global lexical binding, not a window property */
  var wb = typeof wasm_bindgen === 'function' ? wasm_bindgen : null;
  if (!wb) { fail(new Error('缺少核心脚本')); return; }
  var code;
  try {
    if (typeof window.JIAOHE_INFLATE !== 'function') { throw new Error('缺少解压脚本'); }
    code = window.JIAOHE_INFLATE(bytes(window.JIAOHE_WASM));
  } catch (e) {
    fail(new Error('内嵌的核心无法解压（' + (e && e.message ? e.message : e) + '）'));
    return;
  }
  wb({ module_or_path: code }).then(function () {
    window.jiaohe = Object.freeze({
      version: wb.version(),
      evaluate: function (document, options) { return wb.evaluate(document, options === undefined ? null : options); },
      catalog: function () { return wb.catalog(); }
    });
    try { JH.start(); } catch (e) { fail(e); }
    document.documentElement.setAttribute('data-ready', 'true');
  }, fail);
})(window.JH = window.JH || {});

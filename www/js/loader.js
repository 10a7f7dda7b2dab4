/* Starts the core. The wasm is embedded gzipped, as base64, in a data block
   (<script type="application/octet-stream" id="jiaohe-wasm">: fetching a sibling file fails on
   file://, and a data block is not parsed as script). Where the browser can inflate natively
   (DecompressionStream, Chrome 80+), the inflated bytes stream straight into the compiler
   (instantiateStreaming); older browsers inflate with fflate (window.JIAOHE_INFLATE, set earlier
   in this script) and compile from the bytes. Exposes window.jiaohe = { version, evaluate,
   readDocument, catalog }, the same contract as the ES module and the CLI. */
(function (JH) {
  'use strict';
  if (window.JIAOHE_TOO_OLD) { return; }

  function bytes(b64) {
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }

  function message(e) { return e && e.message ? e.message : String(e); }

  function fail(e) {
    var n = document.getElementById('notice');
    n.hidden = false;
    n.textContent = '校核核心加载失败：' + message(e) + '。请换用 Chrome 69 以上或 360 / QQ 浏览器的极速模式打开本文件。';
  }

  function broken(e) { return new Error('内嵌的核心无法解压（' + message(e) + '）'); }

  /* the no-modules glue declares a global lexical binding, not a window property */
  var wb = typeof wasm_bindgen === 'function' ? wasm_bindgen : null;
  if (!wb) { fail(new Error('缺少核心脚本')); return; }
  var source;
  try {
    var block = document.getElementById('jiaohe-wasm');
    if (!block) { throw new Error('缺少内嵌的核心'); }
    var gz = bytes(block.textContent.replace(/\s+/g, ''));
    var native = typeof DecompressionStream === 'function' && typeof Response === 'function' &&
      typeof Blob === 'function' && typeof Blob.prototype.stream === 'function' && typeof WebAssembly.instantiateStreaming === 'function';
    if (native) {
      source = new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip')), { headers: { 'Content-Type': 'application/wasm' } });
    } else {
      if (typeof window.JIAOHE_INFLATE !== 'function') { throw new Error('缺少解压脚本'); }
      source = window.JIAOHE_INFLATE(gz);
    }
  } catch (e) {
    fail(broken(e));
    return;
  }
  wb({ module_or_path: source }).then(function () {
    window.jiaohe = Object.freeze({
      version: wb.version(),
      evaluate: function (document, options) { return wb.evaluate(document, options === undefined ? null : options); },
      readDocument: function (text) { return wb.readDocument(text); },
      catalog: function () { return wb.catalog(); }
    });
    try { JH.start(); } catch (e) { fail(e); }
    document.documentElement.setAttribute('data-ready', 'true');
  }, function (e) { fail(source instanceof Uint8Array ? e : broken(e)); });
})(window.JH = window.JH || {});

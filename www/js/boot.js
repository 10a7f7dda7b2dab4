/* Runs right after the embedded core is parsed, before the page scripts: decodes it and starts
   compiling it, so the compiler works (off the main thread, where the browser can) while the
   page scripts are read and the form is drawn. Leaves window.JIAOHE_BOOT = { gz, source, error }
   for loader.js: `source` is the compile in flight where the browser inflates natively
   (DecompressionStream, Chrome 80+), else null and loader.js inflates with fflate. Never throws:
   loader.js reports what went wrong. */
(function () {
  'use strict';
  var boot = window.JIAOHE_BOOT = { gz: null, source: null, error: null };
  if (window.JIAOHE_TOO_OLD) { return; }
  try {
    var block = document.getElementById('jiaohe-wasm');
    if (!block) { throw new Error('缺少内嵌的核心'); }
    var b64 = block.textContent;
    if (typeof Uint8Array.fromBase64 === 'function') {
      boot.gz = Uint8Array.fromBase64(b64);
    } else {
      var bin = atob(b64.replace(/\s+/g, ''));
      var gz = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { gz[i] = bin.charCodeAt(i); }
      boot.gz = gz;
    }
    if (typeof DecompressionStream === 'function' && typeof Response === 'function' && typeof Blob === 'function' &&
        typeof Blob.prototype.stream === 'function' && typeof WebAssembly.compileStreaming === 'function') {
      boot.source = WebAssembly.compileStreaming(new Response(new Blob([boot.gz]).stream().pipeThrough(new DecompressionStream('gzip')), { headers: { 'Content-Type': 'application/wasm' } }));
      // reported by loader.js; this keeps an early failure from being an unhandled rejection
      boot.source.catch(function () {});
    }
  } catch (e) {
    boot.error = e;
  }
})();

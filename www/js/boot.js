/* Runs right after the embedded core is parsed, before the page scripts: decodes it and starts
   compiling it, so the compiler works (off the main thread, where the browser can) while the
   page scripts are read and the form is drawn. Leaves window.JIAOHE_BOOT = { gz, source, error }
   for loader.js: `source` is the compile in flight where the browser inflates natively
   (DecompressionStream, Chrome 80+), else null and loader.js inflates with fflate. Never throws:
   loader.js reports what went wrong. */
(function () {
  'use strict';
  /* A core's data block decoded: { gz, source } with `source` its compile in flight where the
     browser inflates natively, else null (the caller inflates `gz` with fflate). Throws when the
     block is missing. The loader unpacks the full core with it too. */
  var unpack = window.JIAOHE_UNPACK = function (id) {
    var block = document.getElementById(id);
    if (!block) { throw new Error('缺少内嵌的核心'); }
    var b64 = block.textContent;
    var gz;
    if (typeof Uint8Array.fromBase64 === 'function') {
      gz = Uint8Array.fromBase64(b64);
    } else {
      var bin = atob(b64.replace(/\s+/g, ''));
      gz = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { gz[i] = bin.charCodeAt(i); }
    }
    var source = null;
    if (typeof DecompressionStream === 'function' && typeof Response === 'function' && typeof Blob === 'function' &&
        typeof Blob.prototype.stream === 'function' && typeof WebAssembly.compileStreaming === 'function') {
      source = WebAssembly.compileStreaming(new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip')), { headers: { 'Content-Type': 'application/wasm' } }));
      // reported by loader.js; this keeps an early failure from being an unhandled rejection
      source.catch(function () {});
    }
    return { gz: gz, source: source };
  };
  var boot = window.JIAOHE_BOOT = { gz: null, source: null, error: null };
  if (window.JIAOHE_TOO_OLD) { return; }
  try {
    var start = unpack('jiaohe-wasm');
    boot.gz = start.gz;
    boot.source = start.source;
  } catch (e) {
    boot.error = e;
  }
})();

/* Starts the core. Two builds of the one crate are embedded gzipped, as base64, in data blocks
   (<script type="application/octet-stream">: fetching a sibling file fails on file://, and a data
   block is not parsed as script): the start core (forms A and B, id jiaohe-wasm), which boot.js has
   decoded and, where the browser inflates natively, already started compiling; and the full core
   (every form and 文字核对, id jiaohe-wasm-full, after the page scripts), compiled once the page is
   drawn. Until it is ready the start core answers for forms A and B; from then on the full core
   answers everything. A page whose last draft needs the full core waits for it before drawing.
   Older browsers inflate with fflate (window.JIAOHE_INFLATE, set earlier in this script).
   A third build, the office module (file formats only), is compiled on first use (office()).
   Exposes window.jiaohe = { version, evaluate, readDocument, checkText, carryForward, toWorkbook,
   toReport, fromWorkbook, catalog, office }, the same contract as the ES module and the CLI. */
(function (JH) {
  'use strict';
  if (window.JIAOHE_TOO_OLD) { return; }

  /* the kinds the start core reads; its catalog and version are the full core's */
  var START_KINDS = { project_self_evaluation: true, department_self_evaluation: true };

  function message(e) { return e && e.message ? e.message : String(e); }

  function fail(e) {
    var n = document.getElementById('notice');
    n.hidden = false;
    n.textContent = '校核核心加载失败：' + message(e) + '。请换用 Chrome 69 以上或 360 / QQ 浏览器的极速模式打开本文件。';
  }

  function broken(e) { return new Error('内嵌的核心无法解压（' + message(e) + '）'); }

  /* a document's kind without reading it: files and drafts the page writes begin with it */
  function kindOf(doc) {
    if (typeof doc === 'string') {
      var m = /^\s*\{\s*"kind"\s*:\s*"([^"\\]*)"/.exec(doc.slice(0, 200));
      return m ? m[1] : null;
    }
    return doc && typeof doc === 'object' && typeof doc.kind === 'string' ? doc.kind : null;
  }

  /* One instance of a core from its compiled module. Should a call ever trap, the instance is
     spent: a fresh one starts from the same module (no reload, nothing the user typed is
     touched), the page is told once, and evaluates again. */
  function Core(makeGlue) {
    this.makeGlue = makeGlue;
    this.wb = makeGlue();
    this.module = null;
    this.ready = false;
    this.restarting = false;
    this.restarts = 0;
    this.trapped = 0;
  }
  Core.prototype.boot = function (source) {
    var self = this;
    return (source instanceof Uint8Array ? WebAssembly.compile(source) : source).then(function (module) {
      self.module = module;
      return self.wb({ module_or_path: module });
    }).then(function () { self.ready = true; });
  };
  Core.prototype.restart = function () {
    var self = this;
    if (self.restarting) { return; }
    self.restarting = true;
    var fresh = self.makeGlue();
    fresh({ module_or_path: self.module }).then(function () {
      self.wb = fresh;
      self.restarting = false;
      self.restarts++;
      var n = document.getElementById('notice');
      if (self.restarts === 1 && n) {
        n.hidden = false;
        n.textContent = '校核核心出错，已自动重新启动；您填写的内容没有受到影响。';
      }
      // evaluate the page again, but not in a loop: a document that traps again is left alone
      if (typeof JH.recovered === 'function' && self.trapped < 2) { JH.recovered(); }
    }, fail);
  };
  Core.prototype.call = function (name, args) {
    if (this.restarting) { throw new Error('校核核心正在重新启动，请稍候'); }
    try {
      var result = this.wb[name].apply(null, args);
      this.trapped = 0;
      return result;
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        this.trapped++;
        this.restart();
        throw new Error('校核核心出错，正在自动重新启动（您填写的内容没有受到影响）');
      }
      throw e;
    }
  };

  var makeStart = window.JIAOHE_GLUE;
  var makeFull = window.JIAOHE_GLUE_FULL;
  if (typeof makeStart !== 'function' || typeof makeFull !== 'function' || typeof window.JIAOHE_GLUE_OFFICE !== 'function') { fail(new Error('缺少核心脚本')); return; }
  var start = new Core(makeStart);
  var full = new Core(makeFull);
  full.failed = null;
  /* the core that serves the page now (the trap test and doc.js look at it) */
  JH.core = start;

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

  /* the full core while a call needs it and it is not ready: say so, never a wrong answer */
  function busy() {
    var e = new Error(full.failed ? '校核核心的完整部分无法加载（' + full.failed + '）' : '校核核心仍在载入，请稍候再试');
    e.busy = true;
    return e;
  }
  function serving(kind) {
    if (full.ready) { return full; }
    if (kind === true || (kind && START_KINDS[kind])) { return start; }
    throw busy();
  }

  /* Decodes and compiles the full core as boot.js does the start core: natively inflated and
     compiled off the main thread where the browser can, else with fflate. */
  function loadFull() {
    try {
      var packed = window.JIAOHE_UNPACK('jiaohe-wasm-full');
      return full.boot(packed.source || window.JIAOHE_INFLATE(packed.gz));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /* The office module (reading and writing .xlsx/.xls/.ods and .docx): decoded and compiled the
     first time a user opens or saves an office file, never at start. */
  var office = null;
  function officeModule() {
    if (!office) {
      var core = new Core(window.JIAOHE_GLUE_OFFICE);
      office = new Promise(function (resolve, reject) {
        var packed = window.JIAOHE_UNPACK('jiaohe-wasm-office');
        core.boot(packed.source || window.JIAOHE_INFLATE(packed.gz)).then(function () {
          document.documentElement.setAttribute('data-office', 'true');
          resolve(core);
        }, reject);
      });
      // a failure is told to the user; the next try starts afresh
      office.catch(function () { office = null; });
    }
    return office.then(function (core) {
      return Object.freeze({
        writeXlsx: function (book) { return core.call('writeXlsx', [book]); },
        writeDocx: function (report) { return core.call('writeDocx', [report]); },
        readWorkbook: function (bytes, name) { return core.call('readWorkbook', [bytes, name]); }
      });
    }, function (e) { throw new Error('Excel/Word 模块无法加载（' + message(e) + '）'); });
  }

  function whenParsed(run) {
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', run); } else { run(); }
  }

  start.boot(source).then(function () {
    window.jiaohe = Object.freeze({
      version: start.wb.version(),
      evaluate: function (document, options) { return serving(kindOf(document)).call('evaluate', [document, options === undefined ? null : options]); },
      readDocument: function (text) { return serving(kindOf(text)).call('readDocument', [text]); },
      checkText: function (text, options) { return serving(null).call('checkText', [text, options === undefined ? null : options]); },
      carryForward: function (document, project) { return serving(null).call('carryForward', [document, project]); },
      toWorkbook: function (document, options) { return serving(null).call('toWorkbook', [document, options === undefined ? null : options]); },
      toReport: function (document, options) { return serving(null).call('toReport', [document, options === undefined ? null : options]); },
      fromWorkbook: function (grid) { return serving(null).call('fromWorkbook', [grid]); },
      office: officeModule,
      catalog: function () { return serving(true).call('catalog', []); }
    });
    var begin = function () {
      try { JH.start(); } catch (e) { fail(e); }
      document.documentElement.setAttribute('data-ready', 'true');
    };
    // the last draft decides: forms A and B start at once, any other form once the full core is in
    var kind = typeof JH.activeKind === 'function' ? JH.activeKind() : '';
    var now = kind === '' || START_KINDS[kind] === true;
    if (now) { begin(); }
    whenParsed(function () {
      setTimeout(function () {
        loadFull().then(function () {
          JH.core = full;
          document.documentElement.setAttribute('data-full', 'true');
          if (!now) { begin(); } else if (typeof JH.recovered === 'function') { JH.recovered(); }
        }, function (e) {
          full.failed = message(e);
          if (!now) { fail(broken(e)); }
        });
      }, 0);
    });
  }, function (e) { fail(source instanceof Uint8Array ? e : broken(e)); });
})(window.JH = window.JH || {});

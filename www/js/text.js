/* 文字核对: a published explanation (决算说明, 预算公开说明, 自评报告) pasted or opened (.txt in
   UTF-8 or GB18030, .docx), checked by the core (checkText), and shown back with every claim
   marked by its verdict; a claim's reasoning on click, its inputs marked in the text. The text is
   a draft like a form's ({ kind: 'text', text }), saved the same way. Positions from the core
   count code points, so the text is sliced as Array.from(text). No arithmetic here. */
(function (JH) {
  'use strict';
  var el = JH.el;
  var VERDICT = { verified: '相符', tail: '尾差', wrong: '有误', unresolved: '无法核对' };
  var KIND = { sum: '合计', part: '其中', share: '占比', change: '增减', variance: '差异率', rate: '比率', score: '得分', grade: '等级', equation: '等式' };
  var RANK = { verified: 0, tail: 1, unresolved: 2, wrong: 3 };
  // what a page checks at once: 1 MB takes the core under a second
  var LIMIT = 2000000;
  JH.TEXT = { kind: 'text', title: '文字核对', blank: { kind: 'text', text: '' } };

  var ctx, box, ta, view, detail;
  var res = null, checked = null, checkedPolicy = null, chars = [], segs = [], cutAt = {}, lit = [], sel = -1, levels = [], byClaim = [];

  function doc() { return ctx.store().doc; }
  function clamp(p) { return Math.max(0, Math.min(chars.length, p | 0)); }
  function msg(e) { return String(e && e.message || e); }

  /* the findings on a claim besides its verdict's own (说明缺失, 执行率前后口径不一), found once
     per result: a long text has thousands of claims and findings */
  var EXTRA = { 'text.reason_missing': 1, 'text.rate_base': 1 };
  function index(r) {
    var by = r.claims.map(function () { return []; });
    r.findings.forEach(function (f) {
      var k = /^claims\.(\d+)$/.exec(f.path);
      if (k && EXTRA[f.code] && by[+k[1]]) { by[+k[1]].push(f); }
    });
    return by;
  }
  function extras(k) { return byClaim[k] || []; }
  /* a claim's colour: its verdict, raised when another finding on it is worse */
  function level(k) { return levels[k]; }
  function levelOf(k) {
    var v = res.claims[k].verdict;
    extras(k).forEach(function (f) {
      var w = f.severity === 'error' ? 'wrong' : 'unresolved';
      if (RANK[w] > RANK[v]) { v = w; }
    });
    return v;
  }
  function notes(k) {
    var c = res.claims[k];
    var out = c.verdict === 'verified' ? [] : ['【' + VERDICT[c.verdict] + '：' + c.message + '】'];
    extras(k).forEach(function (f) { out.push('【' + (JH.SEV[f.severity] || '') + '：' + f.message.replace(/^“[\s\S]*?”：/, '') + '】'); });
    return out.join('');
  }

  function summaryLine() {
    var s = res.summary;
    return s.claims ? '找到 ' + s.claims + ' 处计算：相符 ' + s.verified + '，尾差 ' + s.tail + '，有误 ' + s.wrong + '，无法核对 ' + s.unresolved
      : '没有找到可核对的计算（合计、占比、增减、执行率等）';
  }

  /* The text with each claim that is not 相符 followed by its verdict, 【有误：……】: pieces
     { t, c } (c: the class of a marked figure or a note), for copying and printing. */
  function annotated() {
    var pts = [0, chars.length], at = {}, figs = [];
    res.claims.forEach(function (c, k) {
      var n = notes(k);
      if (!n) { return; }
      var v = level(k), p = clamp(Math.max(c.span[1], c.figure[1]));
      (at[p] = at[p] || []).push({ t: n, c: 'tx-note v-' + v });
      figs.push({ s: clamp(c.figure[0]), e: clamp(c.figure[1]), v: v });
      pts.push(p, clamp(c.figure[0]), clamp(c.figure[1]));
    });
    pts = uniq(pts);
    var out = [];
    pts.forEach(function (p, i) {
      out.push.apply(out, at[p] || []);
      if (i + 1 === pts.length) { return; }
      var v = null;
      figs.forEach(function (f) { if (f.s <= p && f.e >= pts[i + 1] && (!v || RANK[f.v] > RANK[v])) { v = f.v; } });
      out.push({ t: chars.slice(p, pts[i + 1]).join(''), c: v ? 'tx-f v-' + v : '' });
    });
    return out;
  }
  function uniq(a) {
    return a.sort(function (x, y) { return x - y; }).filter(function (p, i, s) { return i === 0 || p !== s[i - 1]; });
  }

  /* The text as pieces cut at every figure, input and span, so that any claim's ranges can be
     marked later; the figures are the marks, a figure several claims share marks the worst. */
  function paintView() {
    var cuts = [0, chars.length];
    res.claims.forEach(function (c) { [c.figure, c.span].concat(c.inputs).forEach(function (r) { cuts.push(clamp(r[0]), clamp(r[1])); }); });
    // blocks of a few thousand characters, ending at a line's end (or a sentence's, in a paste with
    // none): the browser lays out only those in view (content-visibility), so a long text does
    // not hold the page while it is drawn
    var blocks = {};
    for (var p = 0, since = 0; p < chars.length; p++, since++) {
      var ch = chars[p];
      if ((ch === '\n' && since >= 3000) || ((ch === '。' || ch === '；') && since >= 8000)) { blocks[p + 1] = true; cuts.push(p + 1); since = 0; }
    }
    cuts = uniq(cuts);
    cutAt = {};
    cuts.forEach(function (p, i) { cutAt[p] = i; });
    var on = [];
    res.claims.forEach(function (c, k) {
      for (var i = cutAt[clamp(c.figure[0])]; i < cutAt[clamp(c.figure[1])]; i++) { (on[i] = on[i] || []).push(k); }
    });
    var frag = document.createDocumentFragment();
    var block = frag.appendChild(el('div', { className: 'tx-block' }));
    segs = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      if (blocks[cuts[i]]) { block = frag.appendChild(el('div', { className: 'tx-block' })); }
      var t = chars.slice(cuts[i], cuts[i + 1]).join('');
      var ks = on[i];
      var node;
      if (ks) {
        ks.sort(function (a, b) { return RANK[level(b)] - RANK[level(a)] || a - b; });
        var v = level(ks[0]);
        node = el('mark', { className: 'tx-f v-' + v, 'data-c': ks.join(' '), tabindex: '0', role: 'button', title: VERDICT[v] + '（' + KIND[res.claims[ks[0]].kind] + '），点击查看计算过程' }, [t]);
      } else {
        node = el('span', null, [t]);
      }
      segs.push(node);
      block.appendChild(node);
    }
    view.innerHTML = '';
    view.appendChild(frag);
    lit = [];
    sel = -1;
    detail.textContent = res.claims.length ? '点击带颜色的数字（或用 Tab 移到它再按 Enter），查看它是怎样核对的。' : '';
    detail.className = 'tx-detail';
  }

  function mark(r, cls) {
    for (var i = cutAt[clamp(r[0])]; i < cutAt[clamp(r[1])]; i++) { segs[i].classList.add(cls); lit.push(segs[i]); }
  }

  /* Shows claim k: its span shaded, its inputs boxed, its reasoning above the text. */
  function select(k, scroll) {
    var c = res && res.claims[k];
    if (!c) { return; }
    showView();
    lit.forEach(function (n) { n.classList.remove('tx-span', 'tx-in', 'tx-sel'); });
    lit = [];
    sel = k;
    mark(c.span, 'tx-span');
    c.inputs.forEach(function (r) { mark(r, 'tx-in'); });
    mark(c.figure, 'tx-sel');
    var v = c.verdict;
    detail.className = 'tx-detail v-' + level(k);
    detail.innerHTML = '';
    [el('p', null, [el('span', { className: 'tx-tag v-' + v, text: VERDICT[v] }), ' ' + KIND[c.kind] + '：“' + c.quote + '”']),
      el('p', null, ['所述 ', el('b', { text: c.stated }), c.computed ? '，按文中数字算得 ' : '', c.computed ? el('b', { text: c.computed }) : null]),
      c.how ? el('p', { className: 'tx-how', text: '算式：' + c.how }) : null,
      el('p', { text: c.message + (c.inputs.length ? '（所用的数字在文中以框标出）' : '') })
    ].concat(extras(k).map(function (f) { return el('p', { className: 'tx-extra', text: (JH.SEV[f.severity] || '') + '：' + f.message }); }))
      .forEach(function (p) { if (p) { detail.appendChild(p); } });
    var cur = ctx.findingsEl.querySelector('.current');
    if (cur) { cur.classList.remove('current'); }
    var f = ctx.findingsEl.querySelector('[data-goto="claims.' + k + '"]');
    if (f) { f.classList.add('current'); }
    var first = segs[cutAt[clamp(c.figure[0])]];
    if (scroll && first) {
      // within the text's own box, then the box into sight
      view.scrollTop += first.getBoundingClientRect().top - view.getBoundingClientRect().top - view.clientHeight / 3;
      view.scrollIntoView({ block: 'nearest' });
      first.focus({ preventScroll: true });
    }
  }

  function showView() { ta.hidden = true; view.hidden = false; detail.hidden = !res.claims.length; box.querySelector('#tx-edit').hidden = false; }
  function showEdit() { ta.hidden = false; view.hidden = true; detail.hidden = true; box.querySelector('#tx-edit').hidden = true; }

  /* Runs the core on the draft's text; false (with a message) when there is nothing to check or
     it cannot be. */
  function check(quiet) {
    var text = doc().text || '';
    if (!text.trim()) {
      if (!quiet) { ctx.notice('请先粘贴或打开要核对的文字。', null, 6000); }
      res = null;
      showEdit();
      return false;
    }
    if (text.length > LIMIT) {
      ctx.notice('文字过长（约 ' + Math.round(text.length / 10000) + ' 万字），请分段核对，每次不超过 200 万字。文字已保存。');
      return false;
    }
    var r;
    try { r = JH.api().checkText(text, { policy: ctx.policy() }); } catch (e) {
      ctx.notice('无法核对这段文字：' + msg(e) + '。文字已保存，未作改动。');
      return false;
    }
    res = r;
    byClaim = index(r);
    levels = r.claims.map(function (c, k) { return levelOf(k); });
    checked = text;
    checkedPolicy = ctx.policy();
    chars = Array.from(text);
    paintView();
    showView();
    return true;
  }

  /* a finding tagged with its claim's verdict when it is the claim's own */
  function tagged(f) {
    var k = Number(f.path.split('.')[1]);
    var c = res.claims[k];
    return { severity: f.severity, path: f.path, code: f.code, message: f.message, tag: c && c.verdict !== 'verified' && !EXTRA[f.code] ? VERDICT[c.verdict] : null };
  }

  /* The side list and the summary line, on every change of the draft. */
  JH.textPaint = function () {
    if (!box) { return; }
    var text = doc().text || '';
    // a text changed since it was checked is checked again only when asked; another 口径 at once
    if (res && text !== checked) { res = null; } else if (res && checkedPolicy !== ctx.policy()) { check(true); }
    var s = !res ? (text.trim() ? '尚未核对：点“核对”。' : '') : summaryLine();
    if (ctx.summary.textContent !== s) { ctx.summary.textContent = s; }
    ctx.findings(res ? res.findings.map(tagged) : [], res ? '全部相符，未发现问题。' : text.trim() ? '文字有改动，点“核对”查看结果。'
      : '在左侧粘贴决算说明、预算公开说明或自评报告的文字（可从 PDF、Word 复制），或打开 .txt、.docx 文件，再点“核对”。');
    if (res && sel >= 0) { select(sel, false); }
  };

  JH.textSelect = function (k) { select(k, true); };

  /* The annotated text, for the clipboard. */
  JH.textAnnotated = function () {
    if (!res && !check(false)) { return null; }
    return annotated().map(function (p) { return p.t; }).join('') + '\n\n——校核（文字核对）：' + summaryLine() + '。\n';
  };

  function copy() {
    var text = JH.textAnnotated();
    if (text === null) { return; }
    var done = function () { ctx.notice('已复制带核对意见的全文（每处不相符的计算后面加上【有误：……】等说明）。', null, 6000); };
    var put = function (ev) { ev.clipboardData.setData('text/plain', text); ev.preventDefault(); };
    document.addEventListener('copy', put);
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.removeEventListener('copy', put);
    if (ok) { done(); return; }
    var fail = function () { ctx.notice('浏览器不允许写入剪贴板。请改用“打印”，或在文字中选中后按 Ctrl+C 复制。'); };
    if (navigator.clipboard && navigator.clipboard.writeText) { navigator.clipboard.writeText(text).then(done, fail); } else { fail(); }
  }

  /* The printout: the annotated text and the findings, A4 portrait. */
  JH.textPrint = function (out) {
    out.innerHTML = '';
    out.appendChild(el('h1', { text: '文字核对结果' }));
    if (!res && !check(true)) {
      out.appendChild(el('p', { text: '（没有可核对的文字）' }));
    } else {
      out.appendChild(el('p', { className: 'p-year', text: summaryLine() + '（共 ' + chars.length + ' 字）' }));
      out.appendChild(el('div', { className: 'p-text' }, annotated().map(function (p) { return p.c ? el('span', { className: p.c, text: p.t }) : p.t; })));
      if (res.findings.length) {
        out.appendChild(el('h3', { text: '需要注意的计算（' + res.findings.length + ' 处）' }));
        out.appendChild(el('ol', { className: 'p-findings' }, res.findings.map(function (f) { return el('li', { text: (tagged(f).tag || JH.SEV[f.severity] || '') + '：' + f.message }); })));
      }
    }
    var page = document.getElementById('print-page');
    if (!page) { page = el('style', { id: 'print-page' }); document.head.appendChild(page); }
    page.textContent = '@page { size: A4 portrait; margin: 15mm; }';
  };

  /* A .docx: word/document.xml, paragraphs as lines, a table row as its cells joined by tabs. */
  var W = /^(p|t|tab|br|cr|pPr|rPr|del|Fallback)$/;
  function runText(node) {
    var out = '';
    for (var c = node.firstElementChild; c; c = c.nextElementSibling) {
      var n = W.test(c.localName) ? c.localName : '';
      out += n === 't' ? c.textContent : n === 'tab' ? '\t' : n === 'br' || n === 'cr' ? '\n' : n === 'pPr' || n === 'rPr' || n === 'del' || n === 'Fallback' ? '' : n === 'p' ? runText(c) + '\n' : runText(c);
    }
    return out;
  }
  function blocks(node, lines) {
    for (var c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === 'p') {
        lines.push(runText(c));
      } else if (c.localName === 'tbl') {
        for (var r = c.firstElementChild; r; r = r.nextElementSibling) {
          if (r.localName !== 'tr') { continue; }
          var cells = [];
          for (var d = r.firstElementChild; d; d = d.nextElementSibling) {
            if (d.localName === 'tc') { var sub = []; blocks(d, sub); cells.push(sub.join(' ').replace(/[\t\n]+/g, ' ').trim()); }
          }
          lines.push(cells.join('\t'));
        }
      } else if (c.localName !== 'sectPr') {
        blocks(c, lines);
      }
    }
  }
  function docx(bytes) {
    var files;
    try { files = window.JIAOHE_UNZIP(bytes, { filter: function (f) { return f.name === 'word/document.xml'; } }); } catch (e) { throw new Error('文件已损坏，无法解压'); }
    if (!files['word/document.xml']) { throw new Error('这不是 Word（.docx）文件'); }
    var xml = new DOMParser().parseFromString(new TextDecoder('utf-8').decode(files['word/document.xml']), 'application/xml');
    if (xml.getElementsByTagName('parsererror').length) { throw new Error('Word 文件的正文无法读取'); }
    var lines = [];
    blocks(xml.documentElement, lines);
    return lines.join('\n');
  }

  /* A file's text: .docx by its zip signature, other Office and PDF files told apart, text as
     UTF-8, else (UTF-16 with its mark, or) GB18030 / GBK. Throws a message in Chinese. */
  function fileText(bytes) {
    var head = String.fromCharCode.apply(null, bytes.subarray(0, 4));
    if (head === 'PK\u0003\u0004') { return docx(bytes); }
    if (head === '%PDF') { throw new Error('这是 PDF 文件：请在 PDF 阅读器中全选、复制文字，再粘贴到这里'); }
    if (head === '\u00d0\u00cf\u0011\u00e0') { throw new Error('这是旧版 Word / Excel 文件（.doc / .xls）：请在 Word 中另存为 .docx 或 .txt 后打开'); }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) { return new TextDecoder('utf-16le').decode(bytes); }
    try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (e) { /* not UTF-8 */ }
    if (bytes.indexOf(0) < 0) {
      try { return new TextDecoder('gb18030', { fatal: true }).decode(bytes); } catch (e) { /* not GB18030 either */ }
    }
    throw new Error('这不是文本文件（既不是 UTF-8 也不是 GB18030 / GBK 编码）。请打开 .txt 或 .docx 文件，或直接粘贴文字');
  }

  /* Reads a .txt or .docx; hands its text to done, or tells `say` why it cannot. */
  JH.textOpen = function (file, done, say) {
    var reader = new FileReader();
    reader.onload = function () {
      var text;
      try { text = fileText(new Uint8Array(reader.result)); } catch (e) { say('无法打开“' + file.name + '”：' + msg(e) + '。当前内容未作改动。'); return; }
      text = text.replace(/\r\n?/g, '\n');
      if (!text.trim()) { say('“' + file.name + '”中没有文字。当前内容未作改动。'); return; }
      done(text);
    };
    reader.onerror = function () { say('无法读取“' + file.name + '”。'); };
    reader.readAsArrayBuffer(file);
  };

  /* Draws the mode into the page's form area; checks a text that is already there. */
  JH.textRender = function (container, c) {
    ctx = c;
    var input = el('input', { type: 'file', accept: '.txt,.docx,text/plain', hidden: true });
    var b = function (id, t) { return el('button', { type: 'button', id: id, text: t }); };
    ta = el('textarea', { id: 'tx-input', 'aria-label': '要核对的文字', spellcheck: 'false', placeholder: '在此粘贴要核对的文字（Ctrl+V）……' });
    ta.value = doc().text || '';
    view = el('div', { className: 'tx-view', role: 'document', 'aria-label': '核对结果（原文）', hidden: true });
    detail = el('div', { className: 'tx-detail', role: 'status', hidden: true });
    box = el('div', { className: 'tx' }, [
      el('p', { className: 'tx-hint', text: '粘贴决算说明、预算公开说明或自评报告，点“核对”：文中的合计、其中、占比、增减、差异率、执行率、得分与等级逐一按文中数字核对。' }),
      el('div', { className: 'tx-bar' }, [b('tx-check', '核对'), b('tx-edit', '修改文字'), b('tx-open', '打开文件…'), input, b('tx-copy', '复制结果'), b('tx-print', '打印')]),
      ta, detail, view]);
    container.innerHTML = '';
    container.appendChild(box);
    res = null;
    box.addEventListener('click', function (ev) {
      var t = ev.target;
      var id = t.id;
      if (id === 'tx-check') { ctx.store().flush(); if (check(false)) { JH.textPaint(); view.focus(); } }
      if (id === 'tx-edit') { showEdit(); ta.focus(); }
      if (id === 'tx-open') { input.click(); }
      if (id === 'tx-copy') { copy(); }
      if (id === 'tx-print') { window.print(); }
      var m = t.closest && t.closest('mark[data-c]');
      if (m) {
        // a figure several claims share: each click shows the next
        var ks = m.getAttribute('data-c').split(' ').map(Number);
        select(ks[(ks.indexOf(sel) + 1) % ks.length], false);
      }
    });
    view.addEventListener('keydown', function (ev) {
      if ((ev.key === 'Enter' || ev.key === ' ') && ev.target.tagName === 'MARK') { ev.preventDefault(); ev.target.click(); }
    });
    view.setAttribute('tabindex', '-1');
    input.addEventListener('change', function () {
      var f = input.files[0];
      input.value = '';
      if (f) { ctx.openFile(f); }
    });
    var typed = function (ev) { if (!ev.isComposing) { ctx.store().setField('text', ta.value); } };
    ta.addEventListener('input', typed);
    ta.addEventListener('compositionend', typed);
    if (ta.value.trim()) { check(true); } else { showEdit(); }
  };
})(window.JH = window.JH || {});

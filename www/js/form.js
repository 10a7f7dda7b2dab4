/* Draws a form from the layout the core describes (same rows, columns and wording as the
   official table) and paints an evaluation onto it: computed cells fill themselves, wrong ones
   turn red with the reason beside them. Every user text goes in as text, never as HTML. */
(function (JH) {
  'use strict';

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) { return; }
        if (k === 'text') { e.textContent = v; } else if (k === 'className') { e.className = v; } else { e.setAttribute(k, v === true ? '' : v); }
      });
    }
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function text(v) { return v === undefined || v === null ? '' : String(v); }

  function field(path, value, opts) {
    opts = opts || {};
    var input;
    if (opts.derived) {
      return el('output', { 'data-path': path, className: 'derived', tabindex: '-1', 'aria-label': opts.label || path });
    }
    if (opts.multiline) {
      input = el('textarea', { 'data-path': path, rows: opts.rows || 2, 'aria-label': opts.label || path });
    } else {
      input = el('input', { type: 'text', 'data-path': path, 'aria-label': opts.label || path, size: opts.width || undefined });
    }
    input.value = text(value);
    if (opts.list) { input.setAttribute('list', opts.list); }
    if (opts.computed) { input.classList.add('computable'); }
    return input;
  }

  function datalists(layout) {
    var out = [];
    var subjects = false;
    layout.blocks.forEach(function (b) {
      (b.columns || b.fields || []).forEach(function (c) {
        if (c.options) {
          out.push(el('datalist', { id: 'dl-' + (c.key || c.path) }, c.options.map(function (o) { return el('option', { value: o }); })));
        }
        subjects = subjects || !!c.subjects;
      });
    });
    // the core's list of 科目 codes and names, offered as the user types a code or a name
    if (subjects) { out.push(el('datalist', { id: 'dl-subjects' }, (JH.subjects || []).map(function (o) { return el('option', { value: o }); }))); }
    return out;
  }

  function renderFields(block, doc, actions) {
    var wrap = el('div', { className: 'fields' });
    if (block.title) { wrap.appendChild(el('h3', { text: block.title })); }
    block.fields.forEach(function (f) {
      wrap.appendChild(el('label', { className: 'field' }, [
        el('span', { text: f.label }),
        field(f.path, JH.get(doc, f.path), { derived: f.derived, computed: f.computed, label: f.label, width: f.width, list: f.options ? 'dl-' + f.path : null }),
        el('span', { className: 'why', 'data-why': f.path })
      ]));
    });
    if (block.carry) { wrap.appendChild(carryButton(block.carry, actions)); }
    return wrap;
  }

  /* A 绩效目标表 becomes next year's 自评表: a new draft, this one left as it is. */
  function carryButton(label, actions, index) {
    var b = el('button', { type: 'button', className: 'carry no-print', text: label });
    b.addEventListener('click', function () { actions.carry(index === undefined ? null : index); });
    return b;
  }

  function renderTexts(block, doc) {
    var wrap = el('div', { className: 'texts' }, [el('h3', { text: block.title })]);
    block.fields.forEach(function (f) {
      wrap.appendChild(el('label', { className: 'field wide' }, [
        el('span', { text: f.label }),
        field(f.path, JH.get(doc, f.path), { multiline: true, rows: 3, label: f.label })
      ]));
    });
    return wrap;
  }

  function cell(col, path, value, label, doc) {
    var td = el('td', { className: 'c-' + col.key + (col.wide ? ' wide' : '') + (col.amount ? ' num' : '') + (col.explain ? ' explain' : '') });
    td.appendChild(field(path, value, {
      derived: col.derived, computed: col.computed, multiline: col.wide, rows: 1,
      label: label + ' ' + col.label, list: col.options ? 'dl-' + col.key : col.subjects ? 'dl-subjects' : null
    }));
    if (col.levels) {
      var sel = el('select', { 'data-path': path.replace(/\.actual$/, '.level'), className: 'level', 'aria-label': label + ' 完成等级', hidden: true },
        [el('option', { value: '', text: '完成等级…' })].concat(col.levels.map(function (l) { return el('option', { value: l, text: l }); })));
      sel.value = text(JH.get(doc, path.replace(/\.actual$/, '.level')));
      td.appendChild(sel);
    }
    td.appendChild(el('div', { className: 'why', 'data-why': path }));
    return td;
  }

  function listRow(cols, list, doc, i, carry) {
    var p = list.path + '.' + i;
    var tr = el('tr', { 'data-row': p });
    var name = '第' + (i + 1) + '行';
    cols.forEach(function (c) {
      if (c.total_only) { tr.appendChild(el('td', { className: 'na', text: '—' })); return; }
      tr.appendChild(cell(c, p + '.' + c.key, JH.get(doc, p + '.' + c.key), name, doc));
    });
    var ops = el('td', { className: 'ops no-print' });
    if (carry) { ops.appendChild(el('button', { type: 'button', className: 'carry', 'data-op': 'carry', 'data-index': i, text: carry })); }
    if (list.reorder) {
      ops.appendChild(el('button', { type: 'button', 'data-op': 'up', 'data-index': i, 'aria-label': name + '上移', title: '上移（Ctrl+Shift+↑）', tabindex: '-1', text: '↑' }));
      ops.appendChild(el('button', { type: 'button', 'data-op': 'down', 'data-index': i, 'aria-label': name + '下移', title: '下移（Ctrl+Shift+↓）', tabindex: '-1', text: '↓' }));
    }
    ops.appendChild(el('button', { type: 'button', 'data-op': 'remove', 'data-index': i, 'aria-label': '删除' + name, title: '删除（Ctrl+Shift+Delete）', tabindex: '-1', text: '✕' }));
    if (list.no_add) { name = text(JH.get(doc, p + '.project')) || name; ops.lastChild.setAttribute('aria-label', '移除' + name); }
    tr.appendChild(ops);
    return tr;
  }

  /* A list longer than WINDOW_FROM rows draws only the rows in view (and OVERSCAN either side);
     spacers above and below keep the table its full height, so the page scrolls as if every row
     were there. A 100,000-row table then opens and types as fast as a short one. */
  var WINDOW_FROM = 150;
  var OVERSCAN = 15;
  // the windowed lists of the form being drawn (each form's are kept with its container)
  var grids = [];

  function windowed(body, span, path, n, drawRow) {
    var spacer = function () { return el('tr', { className: 'spacer', 'aria-hidden': 'true' }, [el('td', { colspan: span })]); };
    var g = { body: body, path: path, n: n, drawRow: drawRow, top: spacer(), bottom: spacer(), trs: {}, start: 0, end: 0, rowH: 32 };
    body.appendChild(g.top);
    body.appendChild(g.bottom);
    return g;
  }

  /* Draws the rows [start, end) of a windowed list, keeping the rows already drawn; returns the
     rows added and removed. */
  function drawRange(g, start, end) {
    var added = [];
    var removed = [];
    Object.keys(g.trs).forEach(function (k) {
      var i = Number(k);
      if (i < start || i >= end) { removed.push(g.trs[k]); g.body.removeChild(g.trs[k]); delete g.trs[k]; }
    });
    var cursor = g.top.nextSibling;
    for (var i = start; i < end; i++) {
      if (g.trs[i]) { cursor = g.trs[i].nextSibling; continue; }
      var tr = g.drawRow(i);
      g.trs[i] = tr;
      g.body.insertBefore(tr, cursor);
      added.push(tr);
    }
    g.start = start;
    g.end = end;
    var drawn = end - start;
    if (drawn > 0) {
      var h = 0;
      for (var j = start; j < end; j++) { h += g.trs[j].offsetHeight; }
      if (h > 0) { g.rowH = h / drawn; }
    }
    g.top.firstChild.style.height = Math.round(start * g.rowH) + 'px';
    g.bottom.firstChild.style.height = Math.round((g.n - end) * g.rowH) + 'px';
    return { added: added, removed: removed };
  }

  /* The rows a windowed list should draw for the viewport, keeping a focused row near it. */
  function rangeInView(g) {
    // what shows of the list: the viewport, cut to the table's own scrolling box
    var box = g.body.closest('.grid-wrap');
    var r = box ? box.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    var from = Math.max(0, r.top);
    var to = Math.min(window.innerHeight, r.bottom);
    var top = g.top.getBoundingClientRect().top;
    var first = Math.floor((from - top) / g.rowH);
    var count = Math.ceil(Math.max(0, to - from) / g.rowH);
    var start = Math.max(0, Math.min(g.n, first - OVERSCAN));
    var end = Math.max(start, Math.min(g.n, first + count + OVERSCAN));
    var a = activeIn(g.body);
    var row = a && a.closest ? a.closest('tr[data-row]') : null;
    var focused = row && row.parentNode === g.body ? Number(row.getAttribute('data-row').slice(g.path.length + 1)) : -1;
    if (focused >= 0 && focused >= start - 200 && focused < end + 200) {
      start = Math.min(start, focused);
      end = Math.max(end, focused + 1);
    }
    return [start, end];
  }

  /* Brings the drawn rows of every windowed list in line with the viewport; paints what was
     added with the last evaluation. */
  function updateWindows(container) {
    var v = container.jhView;
    var changed = false;
    (container.jhGrids || []).forEach(function (g) {
      if (!g.body.isConnected) { return; }
      var r = rangeInView(g);
      if (r[0] === g.start && r[1] === g.end) { return; }
      changed = indexRange(v, g, r[0], r[1]) || changed;
    });
    if (changed && v && v.last) { paint(container, v.last, true); }
  }

  /* drawRange, keeping the index of drawn cells in step; true if rows were added */
  function indexRange(v, g, start, end) {
    var d = drawRange(g, start, end);
    if (v) {
      d.removed.forEach(function (tr) { forget(v, tr); });
      d.added.forEach(function (tr) { addToIndex(v, tr); });
    }
    return d.added.length > 0;
  }

  function forget(v, root) {
    Array.prototype.forEach.call(root.querySelectorAll('[data-path]'), function (e) {
      var p = e.getAttribute('data-path');
      var es = v.els[p];
      if (es) { es = es.filter(function (x) { return x !== e; }); if (es.length) { v.els[p] = es; } else { delete v.els[p]; } }
    });
    Array.prototype.forEach.call(root.querySelectorAll('[data-why]'), function (e) { delete v.whys[e.getAttribute('data-why')]; });
    delete v.rows[root.getAttribute('data-row')];
  }

  /* Draws the row of a windowed list that `path` is in, scrolled into view; false if none is. */
  function reveal(container, path) {
    var grids = container.jhGrids || [];
    for (var k = 0; k < grids.length; k++) {
      var g = grids[k];
      if (!g.body.isConnected || path.indexOf(g.path + '.') !== 0) { continue; }
      var i = parseInt(path.slice(g.path.length + 1), 10);
      if (!(i >= 0 && i < g.n)) { return false; }
      if (i >= g.start && i < g.end) { return false; }
      var box = g.body.closest('.grid-wrap');
      if (box && box.scrollHeight > box.clientHeight) {
        box.scrollTop += g.top.getBoundingClientRect().top - box.getBoundingClientRect().top + i * g.rowH - box.clientHeight / 3;
      }
      var y = (box || g.top).getBoundingClientRect().top + window.pageYOffset;
      if (!box || box.scrollHeight <= box.clientHeight) { y += i * g.rowH - window.innerHeight / 3; } else { y -= 60; }
      window.scrollTo(window.pageXOffset, Math.max(0, y));
      updateWindows(container);
      if (!(i >= g.start && i < g.end)) {
        var v = container.jhView;
        if (indexRange(v, g, Math.max(0, i - OVERSCAN), Math.min(g.n, i + OVERSCAN)) && v && v.last) { paint(container, v.last, true); }
      }
      return true;
    }
    return false;
  }

  function renderGrid(block, doc, actions) {
    var cols = block.columns;
    var list = block.list;
    var table = el('table', { className: 'grid', 'data-grid': block.path });
    table.appendChild(el('caption', { text: block.title }));
    var head = el('tr', null, cols.map(function (c) { return el('th', { scope: 'col', className: 'c-' + c.key + (c.explain ? ' explain' : ''), text: c.label, title: c.explain ? '说明用：不是公开表的列，不打印在表中' : null }); }));
    if (list) { head.appendChild(el('th', { scope: 'col', className: 'no-print', text: '操作' })); }
    table.appendChild(el('thead', null, [head]));
    var body = el('tbody');
    (block.fixed || []).forEach(function (fx) {
      var tr = el('tr', { className: 'fixed' });
      cols.forEach(function (c) {
        if (c.key === 'label' || c.key === fx.label_at) { tr.appendChild(el('th', { scope: 'row', className: 'c-label', text: fx.label })); return; }
        if (fx.omit && fx.omit.indexOf(c.key) >= 0) { tr.appendChild(el('td', { className: 'na', text: '—' })); return; }
        var col = c;
        if (fx.computed && fx.computed.indexOf(c.key) >= 0) { col = Object.assign({}, c, { computed: true }); }
        tr.appendChild(cell(col, fx.path + '.' + c.key, JH.get(doc, fx.path + '.' + c.key), fx.label, doc));
      });
      if (list) { tr.appendChild(el('td', { className: 'no-print' })); }
      body.appendChild(tr);
    });
    if (list) {
      var rows = JH.get(doc, list.path) || [];
      var drawRow = function (i) { return listRow(cols, list, doc, i, block.carry); };
      if (rows.length > WINDOW_FROM) {
        grids.push(windowed(body, cols.length + 1, list.path, rows.length, drawRow));
      } else {
        rows.forEach(function (row, i) { body.appendChild(drawRow(i)); });
      }
    }
    table.appendChild(body);
    var csv = el('button', { type: 'button', className: 'csv no-print', text: '导出 CSV', 'aria-label': block.title + ' 导出 CSV' });
    csv.addEventListener('click', function () { actions.exportCsv(block); });
    var wrap = el('div', { className: 'grid-wrap' }, [table, csv]);
    if (list) {
      if (!list.no_add) { wrap.appendChild(el('button', { type: 'button', className: 'add no-print', 'data-op': 'add', text: '＋ ' + list.add })); }
      wrap.addEventListener('click', function (ev) {
        var b = ev.target.closest ? ev.target.closest('button[data-op]') : null;
        if (!b) { return; }
        var i = Number(b.getAttribute('data-index'));
        if (b.getAttribute('data-op') === 'carry') { actions.carry(i); } else { actions.rowOp(list, b.getAttribute('data-op'), i); }
      });
    }
    return wrap;
  }

  /* The generated report text (the core's computed.report): one paragraph a line; the first two
     lines are the title and the year, centred; a line beginning with two full-width spaces is a
     paragraph with a 2-character first-line indent, drawn with CSS text-indent. */
  var INDENT = '\u3000\u3000';
  function reportParagraphs(text) {
    var lines = String(text || '').split('\n');
    while (lines.length && !lines[lines.length - 1]) { lines.pop(); }
    return lines.map(function (line, i) {
      var indented = line.slice(0, 2) === INDENT;
      var t = indented ? line.slice(2) : line;
      var cls = i === 0 ? 'rt-title' : i === 1 ? 'rt-year' : indented ? 'rt-ind' + (/^[一二三四五六七八九十]+、/.test(t) ? ' rt-h1' : '') : 'rt-plain';
      return el('p', { className: cls, text: t });
    });
  }

  /* What a copy of (part of) the report puts on the clipboard: the paragraphs as plain text, each
     with its two full-width spaces back, and as HTML that Word and WPS take paragraph by paragraph
     (the same spaces, the title centred and bold); never the error note above the text. */
  function reportClipboard(box, range) {
    var frag = range.cloneContents();
    var ps = Array.prototype.slice.call(frag.querySelectorAll ? frag.querySelectorAll('p') : []);
    if (ps.length < 2) { return null; }
    var first = range.startContainer.nodeType === 3 ? range.startContainer.parentNode : range.startContainer;
    var midFirst = range.startOffset > 0 && first && first.tagName === 'P' && box.contains(first);
    var esc = function (t) { return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); };
    var plain = [];
    var html = [];
    ps.forEach(function (p, i) {
      var c = p.className;
      var t = (c.indexOf('rt-ind') >= 0 && !(i === 0 && midFirst) ? INDENT : '') + p.textContent;
      plain.push(t);
      var style = c === 'rt-title' ? 'text-align:center;font-size:16pt;font-weight:bold;margin:0 0 6pt' : c === 'rt-year' ? 'text-align:center;margin:0 0 12pt' : 'margin:0;line-height:1.6' + (c.indexOf('rt-h1') >= 0 ? ';font-weight:bold' : '');
      html.push('<p style="' + style + '">' + esc(t) + '</p>');
    });
    return { plain: plain.join('\r\n') + '\r\n', html: '<html><head><meta charset="utf-8"></head><body style="font-family:SimSun,宋体,serif;font-size:12pt">' + html.join('') + '</body></html>' };
  }

  /* The report text view: while the evaluation has errors, a note above the text says so first and
     lists them (each takes the user to its field); the note is not part of the report, so it is
     neither copied nor printed with it. */
  /* `cover`: the reviewer's page above published tables (审核摘要), which lists the errors itself. */
  function renderReport(block, cover) {
    var box = el('div', { 'data-path': block.path, className: 'report-text', tabindex: '-1', role: 'document', 'aria-label': block.title });
    var note = el('div', { className: 'report-errors', hidden: true, role: 'status' });
    var copy = el('button', { type: 'button', className: 'no-print', text: '复制全文' });
    copy.addEventListener('click', function () {
      var range = document.createRange();
      range.selectNodeContents(box);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      try { document.execCommand('copy'); copy.textContent = '已复制'; } catch (e) { copy.textContent = '请按 Ctrl+C 复制'; }
    });
    var sec = el('section', { className: 'report' }, [el('h3', null, [block.title + ' ', copy]), note, box]);
    sec.addEventListener('copy', function (ev) {
      var sel = window.getSelection();
      if (!sel || !sel.rangeCount || !ev.clipboardData) { return; }
      var range = sel.getRangeAt(0);
      if (!box.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== box) { return; }
      var clip = reportClipboard(box, range);
      if (!clip) { return; }
      ev.clipboardData.setData('text/plain', clip.plain);
      ev.clipboardData.setData('text/html', clip.html);
      ev.preventDefault();
    });
    note.addEventListener('click', function (ev) {
      var b = ev.target.closest ? ev.target.closest('[data-goto]') : null;
      if (b && sec.parentNode) { focusPath(sec.parentNode, b.getAttribute('data-goto')); }
    });
    var shown = { text: null, errors: null };
    sec.jhPaint = function (ev) {
      var text = (ev.computed && ev.computed[block.path]) || '';
      if (text !== shown.text) {
        shown.text = text;
        box.innerHTML = '';
        reportParagraphs(text).forEach(function (p) { box.appendChild(p); });
        copy.textContent = '复制全文';
      }
      var errors = (ev.findings || []).filter(function (f) { return f.severity === 'error'; });
      var key = errors.map(function (f) { return f.path + '\u0000' + f.message; }).join('\u0001');
      if (key === shown.errors) { return; }
      shown.errors = key;
      note.innerHTML = '';
      note.hidden = cover || !errors.length;
      if (note.hidden) { return; }
      note.appendChild(el('p', { text: '以下 ' + errors.length + ' 处错误尚未改正，报告中的数字按校核结果填写：' }));
      note.appendChild(el('ol', null, errors.slice(0, 50).map(function (f) {
        return el('li', null, [el('button', { type: 'button', className: 'finding-link', 'data-goto': f.path, text: f.message })]);
      })));
      if (errors.length > 50) { note.appendChild(el('p', { text: '其余 ' + (errors.length - 50) + ' 处见右侧“校核结果”。' })); }
      note.appendChild(el('p', { className: 'report-errors-tail', text: '这段提示不属于报告正文，不会被复制或打印进报告。' }));
    };
    return sec;
  }

  function renderImport(block, actions) {
    var input = el('input', { type: 'file', accept: '.json,application/json', multiple: true, className: 'no-print', 'aria-label': block.label });
    input.addEventListener('change', function () { actions.importFiles(input.files, block.members); input.value = ''; });
    return el('div', { className: 'fields no-print' }, [el('h3', { text: block.title }), el('label', { className: 'field' }, [el('span', { text: block.label }), input])]);
  }

  function render(container, form, doc, actions) {
    // the document this container shows (each form its own: a page may hold several)
    container.jhDoc = doc;
    container.innerHTML = '';
    container.jhView = null;
    grids = container.jhGrids = [];
    var layout = form.layout;
    container.setAttribute('data-kind', layout.kind);
    container.appendChild(el('h1', { className: 'form-title', text: layout.title }));
    container.appendChild(el('p', { className: 'form-year', 'data-year': '' }));
    datalists(layout).forEach(function (d) { container.appendChild(d); });
    var firstTable = -1;
    layout.blocks.forEach(function (b, i) { if (firstTable < 0 && b.list && b.list.published) { firstTable = i; } });
    layout.blocks.forEach(function (b, i) {
      var e = b.type === 'fields' ? renderFields(b, doc, actions) : b.type === 'texts' ? renderTexts(b, doc) : b.type === 'grid' ? renderGrid(b, doc, actions)
        : b.type === 'report' ? renderReport(b, i < firstTable) : b.type === 'import' ? renderImport(b, actions) : null;
      if (!e) { return; }
      // the explanation's own inputs beside published tables look apart from the tables
      if (b.explain) { e.classList.add('explain-block'); }
      container.appendChild(e);
    });
    // measured in the frame that lays the form out anyway, not forced while the page starts
    requestAnimationFrame(function () { freeze(container); });
    updateWindows(container);
    watch(container);
  }

  /* The rows in view follow the scrolling of the page or of a table's own box (capture: scroll
     events do not bubble, nor leave a shadow root). A form taken off the page stops listening, so
     the page keeps no hold on it (unwatch), and listens again when it is put back. */
  function watch(container) {
    if (container.jhUnwatch || !container.isConnected) { return; }
    var queued = false;
    var onScroll = function () {
      if (queued || !container.jhGrids || !container.jhGrids.length) { return; }
      queued = true;
      requestAnimationFrame(function () { queued = false; updateWindows(container); });
    };
    var root = container.getRootNode ? container.getRootNode() : document;
    var roots = root !== document ? [document, root] : [document];
    roots.forEach(function (r) { r.addEventListener('scroll', onScroll, { passive: true, capture: true }); });
    window.addEventListener('resize', onScroll);
    container.jhUnwatch = function () {
      roots.forEach(function (r) { r.removeEventListener('scroll', onScroll, { capture: true }); });
      window.removeEventListener('resize', onScroll);
      container.jhUnwatch = null;
    };
  }
  JH.watch = watch;
  JH.unwatch = function (container) { if (container.jhUnwatch) { container.jhUnwatch(); } };

  /* the focused element in the document or shadow root that `node` is drawn in */
  function activeIn(node) {
    var root = node.getRootNode ? node.getRootNode() : document;
    return root.activeElement || null;
  }

  /* The row names stay in view when a wide table scrolls sideways: its leading text columns (一级,
     二级, 三级指标; a funds row's name) are frozen, each at the width of the ones before it. */
  function freeze(container) {
    if (container.jhObserver) { container.jhObserver.disconnect(); container.jhObserver = null; }
    var observer = null;
    var heads = [];
    var place = function () {
      Array.prototype.forEach.call(container.querySelectorAll('table.grid'), function (table) {
        var cells = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
        var left = 0;
        for (var i = 0; i < cells.length && i < 3; i++) {
          var key = (/\bc-(\S+)/.exec(cells[i].className) || [])[1];
          if (['label', 'level1', 'level2', 'name', 'group'].indexOf(key) < 0) { break; }
          table.style.setProperty('--left-' + key, left + 'px');
          table.classList.add('frozen-' + key);
          heads.push(cells[i]);
          left += cells[i].getBoundingClientRect().width;
        }
        table.style.setProperty('--frozen', left + 'px');
      });
    };
    place();
    // a note under a cell or a wider window changes the columns' widths: place them again
    if (typeof ResizeObserver === 'function') {
      observer = container.jhObserver = new ResizeObserver(function () { heads = []; place(); });
      heads.slice().forEach(function (th) { observer.observe(th); });
    }
  }


  var SEV = { error: '错误', warning: '警告', info: '提示' };

  /* What is drawn, by path: the elements of each path, the note under each cell, each row. Kept
     with the container, so painting finds a cell without searching the page. */
  function index(container) {
    var v = { els: Object.create(null), whys: Object.create(null), rows: Object.create(null), computed: {}, marks: Object.create(null), notes: Object.create(null), year: null };
    addToIndex(v, container);
    container.jhView = v;
    return v;
  }

  function addToIndex(v, root) {
    Array.prototype.forEach.call(root.querySelectorAll('[data-path]'), function (e) {
      var p = e.getAttribute('data-path');
      (v.els[p] || (v.els[p] = [])).push(e);
    });
    Array.prototype.forEach.call(root.querySelectorAll('[data-why]'), function (e) { v.whys[e.getAttribute('data-why')] = e; });
    Array.prototype.forEach.call(root.querySelectorAll('[data-row]'), function (e) { v.rows[e.getAttribute('data-row')] = e; });
    Array.prototype.forEach.call(root.querySelectorAll('section.report'), function (e) { (v.reports || (v.reports = [])).push(e); });
  }

  function view(container) { return container.jhView || index(container); }

  /* The element a finding's path belongs to: the field itself, else its row. */
  function target(container, path) {
    var v = view(container);
    var p = path;
    while (p) {
      var es = v.els[p];
      if (es && es[0].isConnected) { return es[0]; }
      var r = v.rows[p];
      if (r && r.isConnected) { return r.querySelector('input, textarea, select') || r; }
      var i = p.lastIndexOf('.');
      p = i > 0 ? p.slice(0, i) : '';
    }
    return null;
  }

  /* One element as the evaluation shows it: a computed value, or the user's own. */
  function showCell(e, path, computed, doc) {
    var c = computed[path];
    if (e.tagName === 'OUTPUT') {
      var own = JH.get(doc, path);
      var t = c !== undefined ? c : (typeof own === 'string' ? own : '');
      if (e.textContent !== t) { e.textContent = t; }
    } else if (e.classList.contains('computable')) {
      var ph = c === undefined ? '' : c;
      if (e.placeholder !== ph) { e.placeholder = ph; }
      e.classList.toggle('auto', e.value.trim() === '' && c !== undefined);
    } else if (e.tagName === 'INPUT') {
      // a computed value in a blank cell (a weight from its label, a level read from the words)
      // shows as the computed cells do; the cell's own hint comes back when there is none
      if (e.jhHint === undefined) { e.jhHint = e.placeholder; }
      var blank = e.value.trim() === '';
      var hint = blank && c !== undefined ? c : e.jhHint;
      if (e.placeholder !== hint) { e.placeholder = hint; }
      e.classList.toggle('auto', blank && c !== undefined);
    }
    if (e.classList.contains('level')) {
      // the level read from the words, until the user picks one
      var first = e.options[0];
      var want = c !== undefined ? c + '（按文字）' : '完成等级…';
      if (first && first.text !== want) { first.text = want; }
      e.classList.toggle('auto', e.value === '' && c !== undefined);
      var kind = computed[path.replace(/\.level$/, '.kind')];
      var hide = kind !== '定性' && e.value === '';
      if (e.hidden !== hide) { e.hidden = hide; }
    }
  }

  function showPath(v, path, computed) {
    (v.els[path] || []).forEach(function (e) { showCell(e, path, computed, v.doc); });
    // a row's kind decides whether its 完成等级 choice is offered
    if (/\.kind$/.test(path)) { showPath(v, path.replace(/\.kind$/, '.level'), computed); }
  }

  /* Paints an evaluation, touching only the cells whose value, state or note changed since the
     last one (all of them after the form is drawn, or for `root`, rows just drawn). */
  function paint(container, ev, root) {
    var v = view(container);
    v.doc = container.jhDoc;
    var computed = ev.computed || {};
    var full = !v.painted || root;
    if (full) {
      Object.keys(v.els).forEach(function (p) { showPath(v, p, computed); });
    } else {
      var prev = v.computed;
      Object.keys(computed).forEach(function (p) { if (prev[p] !== computed[p]) { showPath(v, p, computed); } });
      Object.keys(prev).forEach(function (p) { if (!(p in computed)) { showPath(v, p, computed); } });
      // the cell being typed in: its own value decides whether its computed value shows
      var a = activeIn(container);
      var ap = a && container.contains(a) ? a.getAttribute('data-path') : null;
      if (ap) { showPath(v, ap, computed); }
    }
    v.computed = computed;
    v.painted = true;
    v.last = ev;
    var year = (v.doc && v.doc.year) || '';
    if (year !== v.year) {
      v.year = year;
      Array.prototype.forEach.call(container.querySelectorAll('[data-year]'), function (y) { y.textContent = year ? '（' + year + '年度）' : ''; });
    }
    // findings: the worst severity on each element, the notes under each cell
    var marks = Object.create(null);
    var notes = Object.create(null);
    var mark = function (path, sev) {
      var e = target(container, path);
      if (!e) { return null; }
      var key = e.getAttribute('data-path') || e.getAttribute('data-row');
      var m = marks[key];
      if (!m || (m.sev !== 'error' && !(sev === 'info' && m.sev === 'warning'))) { marks[key] = { el: e, sev: sev }; }
      return { el: e, key: key };
    };
    (ev.findings || []).forEach(function (f) {
      var at = mark(f.path, f.severity);
      // the other cells of a relation (a total's rows) are marked a step lighter: one of them may
      // be the slip, the reason stays on the first
      (f.related || []).forEach(function (p) { mark(p, f.severity === 'error' ? 'warning' : 'info'); });
      if (!at) { return; }
      var e = at.el, key = at.key;
      if (f.severity === 'info') { return; }
      var why = v.whys[key];
      if (!why) { var td = e.closest ? e.closest('td, label') : null; why = td ? td.querySelector('.why') : null; }
      if (!why) { return; }
      var wk = why.getAttribute('data-why');
      var n = notes[wk] || (notes[wk] = { el: why, text: '', sev: f.severity });
      n.text = n.text ? n.text + '；' + f.message : f.message;
      if (f.severity === 'error') { n.sev = 'error'; }
    });
    var was = full ? null : v.marks;
    Object.keys(full ? v.els : was).forEach(function (k) {
      if (marks[k]) { return; }
      (v.els[k] || (was && was[k] ? [was[k].el] : [])).forEach(function (e) { e.classList.remove('sev-error', 'sev-warning', 'sev-info'); });
    });
    Object.keys(marks).forEach(function (k) {
      var m = marks[k];
      if (!full && was[k] && was[k].sev === m.sev && was[k].el === m.el) { return; }
      m.el.classList.remove('sev-error', 'sev-warning', 'sev-info');
      m.el.classList.add('sev-' + m.sev);
    });
    var wasNotes = full ? null : v.notes;
    Object.keys(full ? v.whys : wasNotes).forEach(function (k) {
      if (notes[k]) { return; }
      var w = full ? v.whys[k] : wasNotes[k].el;
      if (w.textContent) { w.textContent = ''; }
      w.className = 'why';
    });
    Object.keys(notes).forEach(function (k) {
      var n = notes[k];
      if (!full && wasNotes[k] && wasNotes[k].text === n.text && wasNotes[k].sev === n.sev) { return; }
      n.el.textContent = n.text;
      n.el.className = 'why sev-' + n.sev;
    });
    v.marks = marks;
    v.notes = notes;
    (v.reports || []).forEach(function (r) { if (r.jhPaint) { r.jhPaint(ev); } });
  }

  function focusPath(container, path) {
    var e = target(container, path);
    if ((!e || e.tagName === 'TABLE') && reveal(container, path)) { e = target(container, path); }
    if (!e) { return false; }
    if (e.hidden) { e.hidden = false; }
    if (e.scrollIntoView) { e.scrollIntoView({ block: 'center' }); }
    if (e.tagName === 'OUTPUT' || e.tagName === 'TR') { e.setAttribute('tabindex', '-1'); }
    e.focus();
    return true;
  }

  JH.el = el;
  JH.render = render;
  JH.paint = paint;
  JH.focusPath = focusPath;
  JH.SEV = SEV;
  JH.focused = activeIn;
  JH.reportParagraphs = reportParagraphs;
})(window.JH = window.JH || {});

/* <jiaohe-form>: one form being filled in, alive — the core's answer on every keystroke, computed
   cells filled, wrong ones marked with the reason beside them, the findings listed; paste from
   Excel/WPS, the keyboard of a spreadsheet, undo, CSV, print. The offline page is built on it
   (app.js attaches its drafts to the element in the page), and submission systems embed it
   (dist/pkg/element.js: shadow DOM, form-associated). No arithmetic here: every figure comes from
   the core. */
(function (JH) {
  'use strict';

  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  /* a form of the core's catalog (or the page's 文字核对 mode) by its kind */
  JH.formOf = function (kind) {
    if (JH.TEXT && kind === JH.TEXT.kind) { return JH.TEXT; }
    var forms = (JH.catalog && JH.catalog.forms) || [];
    for (var i = 0; i < forms.length; i++) { if (forms[i].kind === kind) { return forms[i]; } }
    return null;
  };

  JH.download = function (name, text, type) {
  var blob = new Blob([text], { type: type });
  var a = JH.el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
}

/* A cell that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading
   apostrophe, as OWASP advises; a figure such as -46.53 or +5% stays a number. */
var FORMULA = /^[=+\-@\t\r]/;
var FIGURE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;
JH.csvCell = function (v) {
  var s = v === undefined || v === null ? '' : String(v);
  if (FORMULA.test(s) && !FIGURE.test(s)) { s = "'" + s; }
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}


  /* Reads document files; hands back [{name, doc}], with the reason for those that are not one.
     `other(name)` may give a reader for files that are not JSON (the page's office workbooks). */
  JH.readFiles = function (files, done, other) {
    var list = Array.prototype.slice.call(files || []);
    var out = [];
    var next = function (i) {
      if (i >= list.length) { done(out); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var read = other && other(list[i].name);
        if (read) { read(list[i].name, new Uint8Array(reader.result), out, function () { next(i + 1); }); return; }
        // decoded as the CLI does (UTF-8 only, refused otherwise), then the core's own reader:
        // the same shapes and messages, long numbers intact
        var text;
        try { text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(reader.result)); } catch (e) {
          out.push({ name: list[i].name, error: '文件不是 UTF-8 编码的文本（可能是 Excel/Word 文件，或 GBK 编码）' });
          next(i + 1);
          return;
        }
        try { out.push({ name: list[i].name, doc: JH.api().readDocument(text) }); } catch (e) { out.push({ name: list[i].name, error: String(e && e.message || e) }); }
        next(i + 1);
      };
      reader.onerror = function () { out.push({ name: list[i].name, error: '无法读取' }); next(i + 1); };
      reader.readAsArrayBuffer(list[i]);
    };
    next(0);
  };


  /* Whether two documents are the same data (as their JSON, key order aside), found without
     writing either out: a large draft differs from its blank at the first list. */
  function sameJson(a, b) {
    if (a === b) { return true; }
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) { return false; }
    if (Array.isArray(a)) {
      if (a.length !== b.length) { return false; }
      for (var i = 0; i < a.length; i++) { if (!sameJson(a[i], b[i])) { return false; } }
      return true;
    }
    var ka = Object.keys(a).filter(function (k) { return a[k] !== undefined; });
    var kb = Object.keys(b).filter(function (k) { return b[k] !== undefined; });
    return ka.length === kb.length && ka.every(function (k) { return Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]); });
  }

  /* The engine of one form: `parts` are where it draws (form, summary, list of findings), `hooks`
     what its host does with notices, files, carried documents and each evaluation. */
  function Sheet(parts, hooks) {
    var store = null, form = null, policy = 'default', last = null;
    var formEl = parts.form, findingsEl = parts.list, summaryEl = parts.summary;
    function notice(msg, action, fade) { hooks.notice(msg, action, fade); }

    function evaluate(doc) {
      try {
        return JH.api().evaluate(doc, { policy: policy });
      } catch (e) {
        return { summary: {}, computed: {}, findings: [{ code: 'document', severity: 'error', path: '', message: String(e && e.message || e) }] };
      }
    }

    /* Evaluates and paints at most once a frame, however fast the keys come: in the key's own event
       when an evaluation takes a few milliseconds, else in the next frame. Should one evaluation
       take long (a very large table), the next waits for a pause in typing instead, so keys never
       queue behind it. */
    var pending = null;
    var slow = false;
    var quick = false;
    var thisFrame = false;
    function refreshSoon() {
      if (pending && !slow) { return; }
      // a quick evaluation runs in the key's own event, so its answer is in the very next frame;
      // a second key in the same frame waits for the next one
      if (!slow && quick && !thisFrame) {
        thisFrame = true;
        requestAnimationFrame(function () { thisFrame = false; });
        refresh();
        return;
      }
      cancelRefresh();
      pending = slow ? { timer: setTimeout(refreshNow, 300) } : { frame: requestAnimationFrame(refreshNow) };
    }
    function cancelRefresh() {
      if (!pending) { return; }
      if (pending.timer) { clearTimeout(pending.timer); } else { cancelAnimationFrame(pending.frame); }
      pending = null;
    }
    function refreshNow() {
      pending = null;
      refresh();
    }

    function refresh() {
      cancelRefresh();
      if (form === JH.TEXT) { last = null; JH.textPaint(); hooks.evaluated(null); return; }
      var t0 = Date.now();
      var ev = evaluate(store.doc);
      var took = Date.now() - t0;
      slow = took > 50;
      quick = took < 6;
      last = ev;
      if (adoptNext) {
        adoptNext = false;
        if (adoptRows(ev)) { return; }
      }
      formEl.jhDoc = store.doc;
      JH.paint(formEl, ev);
      var s = ev.summary || {};
      var parts = [];
      var blank = untouched();
      if (s.missing && s.missing.length && !blank) { parts.push('未完成填报'); }
      if (s.total_score) { parts.push('总分 ' + s.total_score); }
      if (s.grade) { parts.push('等级 ' + s.grade); }
      if (s.exec_rate) { parts.push('执行率 ' + s.exec_rate); }
      parts.push('错误 ' + (s.errors || 0) + '，警告 ' + (s.warnings || 0) + '，提示 ' + (s.infos || 0));
      var summary = parts.join('　');
      if (summaryEl.textContent !== summary) { summaryEl.textContent = summary; }
      // a blank form lacks everything: it is told how to start, not what it lacks
      showFindings(blank ? [] : (ev.findings || []), blank ? hooks.blankText : '未发现问题。');
      hooks.evaluated(ev, blank);
    }

    /* The rows a pasted table gives a list nothing was typed in (the core reports their 科目 as
       computed only then): taken into the draft in one step, so they are rows the user sees and
       edits like any other; the form is drawn again. */
    var adoptNext = false;
    function adoptRows(ev) {
      var c = ev.computed || {};
      var lists = form.layout.blocks.filter(function (b) { return b.type === 'grid' && b.list && c[b.list.path + '.0.subject'] !== undefined; });
      if (!lists.length || store.readOnly) { return false; }
      store.edit(function (doc) {
        lists.forEach(function (b) {
          var rows = [];
          for (var i = 0; c[b.list.path + '.' + i + '.subject'] !== undefined; i++) {
            rows.push({ subject: c[b.list.path + '.' + i + '.subject'], amount: c[b.list.path + '.' + i + '.amount'] || '' });
          }
          JH.set(doc, b.list.path, rows);
        });
      });
      draw(false);
      return true;
    }

    /* nothing typed yet: the draft is still its form's blank */
    function untouched() {
      return !!form && sameJson(store.doc, form.blank);
    }

    /* The findings list, keeping the items that did not change (a keystroke changes a few of
       hundreds), so the page lays out only what is new. */
    var shown = [];
    var LIST_MAX = 500;
    function showFindings(all, none) {
      var list = all.length > LIST_MAX ? all.slice(0, LIST_MAX) : all;
      var more = all.length - list.length;
      var keyOf = function (f) { return f.severity + '|' + f.path + '|' + f.code + '|' + f.message; };
      var old = {};
      shown.forEach(function (s) { (old[s.key] || (old[s.key] = [])).push(s.li); });
      var next = list.map(function (f) {
        var key = keyOf(f);
        var li = old[key] && old[key].shift();
        if (!li) {
          var b = JH.el('button', { type: 'button', className: 'finding sev-' + f.severity, 'data-goto': f.path, 'data-code': f.code },
            [JH.el('span', { className: 'tag', text: f.tag || JH.SEV[f.severity] || f.severity }), ' ' + f.message]);
          li = JH.el('li', null, [b]);
        }
        return { key: key, li: li };
      });
      if (!list.length) {
        var kept = shown.length === 1 && shown[0].key === none;
        next.push({ key: none, li: kept ? shown[0].li : JH.el('li', { className: 'ok', text: none }) });
      }
      if (more > 0) { next.push({ key: '', li: JH.el('li', { className: 'more', text: '另有 ' + more + ' 条问题未列出（按表中顺序列出前 ' + LIST_MAX + ' 条；改正后其余的会显示出来，也可用命令行列出全部）。' }) }); }
      // in place: remove what went, insert what came, move nothing that kept its order
      var round = (showFindings.round = (showFindings.round || 0) + 1);
      next.forEach(function (n) { n.li.jhRound = round; });
      Array.prototype.slice.call(findingsEl.children).forEach(function (li) {
        if (li.jhRound !== round) { findingsEl.removeChild(li); }
      });
      var at = findingsEl.firstChild;
      next.forEach(function (n) {
        if (n.li === at) { at = at.nextSibling; return; }
        findingsEl.insertBefore(n.li, at);
      });
      shown = next;
    }

    /* Draws the open document's form (the text mode's view for 文字核对) and evaluates it. */
    function draw(keepFocus) {
      var active = JH.focused(formEl);
      var path = keepFocus && active && formEl.contains(active) ? active.getAttribute('data-path') : null;
      form = JH.formOf(store.doc.kind) || JH.catalog.forms[0];
      if (form === JH.TEXT) {
        JH.textRender(formEl, { store: function () { return store; }, notice: notice, findings: showFindings, findingsEl: findingsEl, summary: summaryEl, policy: function () { return policy; }, openFile: hooks.openFile });
      } else {
        JH.render(formEl, form, store.doc, { rowOp: rowOp, importFiles: importFiles, exportCsv: exportCsv, carry: carry });
      }
      if (store.readOnly) { lock(true); }
      hooks.drawn(form);
      refresh();
      if (path) { JH.focusPath(formEl, path); }
    }

    /* Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z): true when the key was one of them. The 文字核对 text keeps its
       own undo. */
    function undoKey(ev) {
      var t = ev.target;
      if (t && t.id === 'tx-input') { return true; }
      if ((ev.ctrlKey || ev.metaKey) && !ev.altKey) {
        var k = String(ev.key || '').toLowerCase();
        if (k === 'z' && !ev.shiftKey) { ev.preventDefault(); step(false); return true; }
        if (k === 'y' || (k === 'z' && ev.shiftKey)) { ev.preventDefault(); step(true); return true; }
      }
      return false;
    }

    /* one undo (or redo): the form drawn again, the host told of the changed document */
    function step(redo) {
      if (!(redo ? store.redoEdit() : store.undoEdit())) { return false; }
      if (hooks.edited) { hooks.edited(); }
      draw(true);
      return true;
    }

    function rowOp(list, op, i) {
      var removed = null;
      store.edit(function (doc) {
        var rows = JH.get(doc, list.path);
        if (!rows) { rows = []; JH.set(doc, list.path, rows); }
        if (op === 'add') {
          // empty: its 一级/二级 are offered as choices (the column's list), never copied and appended to
          rows.push(clone(list.template || {}));
        }
        if (op === 'remove') { removed = rows.splice(i, 1)[0]; }
        if (op === 'insert') { rows.splice(i + 1, 0, clone(list.template || {})); }
        if (op === 'up' && i > 0) { rows.splice(i - 1, 0, rows.splice(i, 1)[0]); }
        if (op === 'down' && i < rows.length - 1) { rows.splice(i + 1, 0, rows.splice(i, 1)[0]); }
      });
      draw(false);
      var n = (JH.get(store.doc, list.path) || []).length;
      var idx = op === 'add' ? n - 1 : op === 'up' ? i - 1 : op === 'down' || op === 'insert' ? i + 1 : Math.min(i, n - 1);
      if (idx >= 0) { JH.focusPath(formEl, list.path + '.' + idx); }
      if (removed) {
        var what = removed.name || removed.label || removed.project || '';
        notice('已删除第 ' + (i + 1) + ' 行' + (what ? '“' + what + '”' : '') + '。', { label: '撤销（Ctrl+Z）', run: function () { step(false); } });
      }
    }

    /* A 科目 code typed in a row of a table kept in code order (预算公开表): once the cell is left,
       the row moves to its place, so a 项 lands under its 款 and a 款 under its 类 (codes compare
       as digit strings: 215 < 21505 < 2150501 < 21508). */
    function codeOf(r) { return r ? ['class', 'section', 'item'].map(function (k) { return String(r[k] || '').replace(/\D/g, ''); }).join('') : ''; }
    /* A row of a list kept in code order (预算公开表) whose 科目编码 was typed moves to its place when
       the focus leaves the row, not while its 类, 款 and 项 are still being typed; a code typed whole
       in 类 ("2060401", "206 04 01") is split into the printed columns. */
    var pendingPlace = null;
    function listByCode(path) {
      var m = /^(.*)\.(\d+)\.(class|section|item)$/.exec(path || '');
      var list = null;
      if (m) { form.layout.blocks.forEach(function (b) { if (b.list && b.list.by_code && b.list.path === m[1]) { list = b.list; } }); }
      return list ? { list: list, row: Number(m[2]), key: m[3] } : null;
    }
    function codeTyped(path) {
      var at = listByCode(path);
      if (!at) { return; }
      var r = (JH.get(store.doc, at.list.path) || [])[at.row];
      if (!r) { return; }
      var whole = at.key === 'class' && /^\s*\d{3}\s*\d{2}(\s*\d{2})?\s*$/.test(String(r.class || '')) ? String(r.class).replace(/\s/g, '') : null;
      if (whole && !r.section && !r.item) {
        store.edit(function (doc) {
          var row = JH.get(doc, at.list.path)[at.row];
          row.class = whole.slice(0, 3);
          row.section = whole.slice(3, 5);
          if (whole.length > 5) { row.item = whole.slice(5, 7); }
        });
        // written into the cells as they are: a redraw now would lose the Tab under way
        ['class', 'section', 'item'].forEach(function (k) {
          var e = formEl.querySelector('[data-path="' + at.list.path + '.' + at.row + '.' + k + '"]');
          if (e) { e.value = r[k] || ''; }
        });
      }
      pendingPlace = { list: at.list, row: at.row };
    }
    function placeByCode(next) {
      var p = pendingPlace;
      pendingPlace = null;
      var rows = p && JH.get(store.doc, p.list.path);
      var i = p ? p.row : -1;
      if (!rows || !codeOf(rows[i])) { return; }
      var code = codeOf(rows[i]);
      var to = 0;
      rows.forEach(function (r, j) { if (j !== i && codeOf(r) && codeOf(r) <= code) { to = (j < i ? j : j - 1) + 1; } });
      if (to === i) { return; }
      // the cell the focus went to keeps it, at its row's new index
      var order = rows.map(function (r, j) { return j; });
      order.splice(to, 0, order.splice(i, 1)[0]);
      var prefix = p.list.path + '.';
      var focus = next && next.indexOf(prefix) === 0 ? next.slice(prefix.length).replace(/^(\d+)/, function (j) { return String(order.indexOf(Number(j))); }) : null;
      store.edit(function (doc) { var rs = JH.get(doc, p.list.path); rs.splice(to, 0, rs.splice(i, 1)[0]); });
      draw(false);
      if (focus) { JH.focusPath(formEl, prefix + focus); } else if (next) { JH.focusPath(formEl, next); }
      notice('已按科目编码把这一行移到第 ' + (to + 1) + ' 行。', null, 4000);
    }

    /* A package gathers a department's tables, a 预算公开 its 绩效目标表: each file goes where the
       import block's members say (a list field takes every file of its kind). */
    function importFiles(files, members) {
      var into = {};
      members.forEach(function (m) { into[m.kind] = m; });
      hooks.readFiles(files, function (got) {
        var bad = got.filter(function (g) { return g.error || !g.doc || !into[g.doc.kind]; });
        if (bad.length) {
          var names = members.map(function (m) { return (JH.formOf(m.kind) || { title: m.kind }).title; });
          notice('“' + bad[0].name + '”不是' + names.join('、') + '，未导入任何文件。');
          return;
        }
        store.edit(function (doc) {
          got.forEach(function (g) {
            var m = into[g.doc.kind];
            if (!m.list) { JH.set(doc, m.path, g.doc); return; }
            if (!Array.isArray(JH.get(doc, m.path))) { JH.set(doc, m.path, []); }
            JH.get(doc, m.path).push(g.doc);
          });
        });
        notice('已导入 ' + got.length + ' 个文件。');
        draw(false);
      });
    }

    /* The 绩效目标表 (this one, or project i's / the 部门整体 one of a 预算公开) as next year's
       自评表, handed to the host (the page opens it as a new draft beside this one). */
    function carry(index) {
      var next;
      try {
        next = JH.api().carryForward(store.doc, index === null ? undefined : index);
      } catch (e) {
        notice('无法转为自评表：' + String(e && e.message || e) + '。当前内容未作任何改动。');
        return;
      }
      hooks.carry(next);
    }

    /* Read-only (another tab edits the same draft, or the host form is disabled). */
    function lock(on) {
      Array.prototype.forEach.call(formEl.querySelectorAll('input, textarea'), function (e) { e.readOnly = on; });
      Array.prototype.forEach.call(formEl.querySelectorAll('select, button'), function (e) { e.disabled = on; });
    }

    /* A table as CSV, UTF-8 with a BOM so Excel shows the Chinese; blank cells get the core's figure. */
    function csvOf(block, doc, ev) {
      var value = function (path) {
        var typed = JH.get(doc, path);
        if (typeof typed === 'string' && typed.trim() !== '') { return typed; }
        var c = (ev.computed || {})[path];
        return c === undefined ? (typed === undefined || typed === null ? '' : typed) : c;
      };
      var lines = [block.columns.map(function (c) { return JH.csvCell(c.label); }).join(',')];
      (block.fixed || []).forEach(function (fx) {
        lines.push(block.columns.map(function (c) { return JH.csvCell(c.key === 'label' || c.key === fx.label_at ? fx.label : value(fx.path + '.' + c.key)); }).join(','));
      });
      if (block.list) {
        (JH.get(doc, block.list.path) || []).forEach(function (row, i) {
          lines.push(block.columns.map(function (c) { return JH.csvCell(c.total_only ? '—' : value(block.list.path + '.' + i + '.' + c.key)); }).join(','));
        });
      }
      return '\uFEFF' + lines.join('\r\n') + '\r\n';
    }

    function exportCsv(block) {
      var ev = last || evaluate(store.doc);
      var title = (ev.summary && ev.summary.title) || form.title;
      JH.download((title + '-' + block.title).replace(/[\\/:*?"<>|]/g, '_') + '.csv', csvOf(block, store.doc, ev), 'text/csv;charset=utf-8');
    }

    /* A block copied from Excel or WPS (or a table from Word or a web page) pasted into a table:
       filled from the cell pasted into, to the right and down through the table's rows as the
       official form lays them out (fixed rows, then the list, rows added to the list as needed).
       Cells that fall on a computed column or outside the table are left out, and the message says
       which. One paste is one undo. A single cell goes into the cell itself. */
    function onPaste(ev) {
      var t = ev.target;
      if (!t || !t.getAttribute || !ev.clipboardData) { return; }
      var path = t.getAttribute('data-path');
      var table = t.closest('table[data-grid]');
      if (!path) { return; }
      if (store.readOnly) { ev.preventDefault(); notice(hooks.readOnlyPaste); return; }
      var plain = ev.clipboardData.getData('text/plain');
      // paragraphs of text (no table on the clipboard, no tabs) pasted into a text cell stay in it
      if (t.tagName === 'TEXTAREA' && !/<table/i.test(ev.clipboardData.getData('text/html')) && plain.indexOf('\t') < 0) { return; }
      var grid = JH.clipboardRows(ev.clipboardData);
      if (!grid.length) { return; }
      if (grid.length === 1 && grid[0].length === 1) {
        var one = grid[0][0];
        if (one === ev.clipboardData.getData('text/plain').replace(/\r?\n$/, '')) { return; } // as typed: the browser pastes it
        ev.preventDefault();
        if (t.tagName === 'INPUT') { one = one.replace(/\s*[\r\n]+\s*/g, ' '); }
        t.ownerDocument.execCommand('insertText', false, one);
        return;
      }
      if (!table) { return; }
      var block = null;
      form.layout.blocks.forEach(function (b) { if (b.type === 'grid' && b.path === table.getAttribute('data-grid')) { block = b; } });
      if (!block) { return; }
      ev.preventDefault();
      if (block.list && block.list.published && pastePublished(block, grid, path)) { return; }
      // a header row copied with the table decides where each column goes
      var header = byHeader(grid[0], block);
      if (header) { grid = grid.slice(1); }
      // the official form's columns: the computed ones the page adds (完成率) are not among them
      var cols = block.columns.filter(function (c) { return !c.derived; });
      // whole rows as the page exports them (its own 完成率 included) map onto every column; the page's
      // computed values in them are not pasted
      var width = Math.max.apply(null, grid.map(function (l) { return l.length; }));
      var fromAll = block.columns.map(function (c) { return c.key; }).indexOf(path.split('.').pop());
      if (cols.length !== block.columns.length && fromAll === 0 && width === block.columns.length) { cols = block.columns; }
      var fixed = block.fixed || [];
      var list = block.list;
      // the table's rows in order: fixed rows by path, then the list's rows by index
      var rowAt = t.closest('tr');
      var rowPath = rowAt.getAttribute('data-row');
      var startRow = rowPath ? fixed.length + Number(rowPath.slice(list.path.length + 1)) : fixed.map(function (f) { return f.path; }).indexOf(path.replace(/\.[^.]+$/, ''));
      var startCol = header ? 0 : cols.map(function (c) { return c.key; }).indexOf(path.split('.').pop());
      if (startRow < 0 || startCol < 0 || !grid.length) { return; }
      var colAt = function (c) {
        if (!header) { return cols[startCol + c]; }
        var key = header.keys[c];
        return key === 'operator' ? { key: 'operator' } : block.columns.filter(function (x) { return x.key === key; })[0];
      };
      var filled = 0;
      var skippedCols = {};
      var beyondCols = 0;
      var beyondRows = 0;
      var added = 0;
      store.edit(function (doc) {
        var rows = list ? (JH.get(doc, list.path) || []) : [];
        if (list) { JH.set(doc, list.path, rows); }
        grid.forEach(function (line, r) {
          var at = startRow + r;
          var fx = at < fixed.length ? fixed[at] : null;
          if (!fx && (!list || (list.no_add && at - fixed.length >= rows.length))) { beyondRows++; return; }
          if (!fx) {
            while (rows.length <= at - fixed.length) { rows.push(clone(list.template || {})); added++; }
          }
          var base = fx ? fx.path : list.path + '.' + (at - fixed.length);
          var operator = '';
          line.forEach(function (v, c) {
            var col = colAt(c);
            if (header && !col) { return; } // a column this form does not have (序号, 备注)
            if (!col) { if (v.trim()) { beyondCols++; } return; }
            if (col.key === 'operator') { operator = v.trim(); return; }
            if ((fx && (col.key === 'label' || col.key === fx.label_at)) || col.derived) { return; } // the row's own name; the page's figure
            if (!fx && col.total_only) {
              if (v.trim() && v.trim() !== '—') { skippedCols[col.label] = true; }
              return;
            }
            JH.set(doc, base + '.' + col.key, col.wide ? v : v.replace(/\s*[\r\n]+\s*/g, ' ').trim());
            filled++;
          });
          // 指标性质 in its own column (≥ / ≤ / 正向 / 反向) goes before the value, as the form writes it
          var target = JH.get(doc, base + '.target');
          if (operator && typeof target === 'string' && target.trim() && !/^\s*[<>=≤≥＜＞＝]/.test(target)) {
            JH.set(doc, base + '.target', ({ '正向': '≥', '反向': '≤' }[operator] || operator) + target.trim());
          }
        });
      });
      draw(false);
      JH.focusPath(formEl, path);
      var took = grid.length - beyondRows;
      var msg = '已粘贴 ' + took + ' 行、' + filled + ' 个格子' + (added ? '（新增 ' + added + ' 行）' : '') + '。';
      var left = [];
      var computedCols = Object.keys(skippedCols);
      if (computedCols.length) { left.push('“' + computedCols.join('”“') + '”列只在合计行填写，其余行未粘贴'); }
      if (beyondCols) { left.push(beyondCols + ' 个格子超出表格右侧，未粘贴'); }
      if (beyondRows) { left.push(beyondRows + ' 行超出表格，未粘贴'); }
      if (header && header.renamed.length) { left.unshift('已按表头对应各列：' + header.renamed.join('，')); }
      notice(msg + (left.length ? left.join('；') + '。' : '') + '按 Ctrl+Z 可撤销。', null, 8000);
    }

    /* A whole published table (预算公开表) copied with its header rows, the ※ and column-number row,
       the 编制部门/单位 lines and the header repeated at a page break: the lines that carry figures
       are its rows, the 总计 line its total row, the columns in the printed order. Its rows replace
       the table's. False when the paste has no header (then it is pasted from the cell as usual). */
    function isFigure(c) { return /^-?[\d,，]*[.．]\d+$/.test(String(c).trim()); }
    function pastePublished(block, grid, path) {
      // text copied from the published file may run over several tables: this table's part starts
      // at its column-number line (※ ※ … 1 2 3) and ends where a next table is headed (表3, 编制部门)
      var first = -1;
      grid.forEach(function (l, i) { if (first < 0 && l.indexOf('※') >= 0) { first = i; } });
      var part = grid;
      if (first >= 0) {
        part = grid.slice(first);
        for (var i = 1; i < part.length; i++) {
          var text = part[i].join('').replace(/\s/g, '');
          if (/^表\d+$/.test(text) || /^编制(部门|单位)[:：]/.test(text)) { part = part.slice(0, i); break; }
        }
      }
      var data = part.filter(function (l) { return l.indexOf('※') < 0 && l.some(isFigure); });
      if (data.length === grid.length || !data.length) { return false; }
      var cols = block.columns.filter(function (c) { return !c.derived && !c.explain; });
      // what was typed for the 说明 (上年数, 原因, 主要用于) stays with the row of the same 科目 and name
      var explain = block.columns.filter(function (c) { return c.explain; }).map(function (c) { return c.key; });
      var keyOf = function (r) { return ['class', 'section', 'item', 'project', 'name'].map(function (k) { return String((r && r[k]) || '').replace(/\s/g, ''); }).join('|'); };
      var kept = {};
      (JH.get(store.doc, block.list.path) || []).forEach(function (r) {
        var own = {};
        explain.forEach(function (k) { if (r && r[k] !== undefined && r[k] !== '') { own[k] = r[k]; } });
        if (Object.keys(own).length) { kept[keyOf(r)] = own; }
      });
      var fx = (block.fixed || [])[0];
      var name = cols.map(function (c) { return c.key; }).indexOf('name');
      var rows = [];
      var total = null;
      data.forEach(function (l) {
        var r = {};
        cols.forEach(function (c, j) { var v = String(l[j] || '').replace(/\s*[\r\n]+\s*/g, ' ').trim(); if (v) { r[c.key] = v; } });
        var codes = ['class', 'section', 'item'].some(function (k) { return r[k]; });
        if (fx && !codes && /^(总计|合计)$/.test(String(r.name || '').replace(/\s/g, ''))) { delete r.name; total = r; } else { rows.push(Object.assign(r, kept[keyOf(r)])); }
      });
      store.edit(function (doc) {
        JH.set(doc, block.list.path, rows);
        if (fx && total) { JH.set(doc, fx.path, total); }
      });
      draw(false);
      JH.focusPath(formEl, path);
      var skipped = grid.length - data.length;
      notice('已按公开表粘贴 ' + rows.length + ' 行' + (total ? '和总计行' : '') + '，表头等 ' + skipped + ' 行未粘贴' + (name < 0 ? '' : '；各列按公开表的列序对应') + '。按 Ctrl+Z 可撤销。', null, 8000);
      return true;
    }

    /* A copied header row (其他省份的表样: 调整后预算数, 权重, 原因, 指标性质 in a column of its own):
       the column each pasted cell belongs to, or null when the row is not a header. */
    var OPERATOR_HEADERS = ['指标性质', '指标方向', '性质', '计算符号', '指标属性'];
    function headerName(t) {
      return String(t).replace(/\s+/g, '').replace(/[（(][^）)]*[）)]/g, '').replace(/[:：]$/, '');
    }
    function byHeader(line, block) {
      var keys = [], renamed = [], hits = 0, named = 0;
      line.forEach(function (cell) {
        var name = headerName(cell);
        var key = null;
        if (name) {
          named++;
          block.columns.forEach(function (c) {
            var names = (c.label ? [c.label] : []).concat(c.aliases || []).map(headerName);
            if (!key && names.indexOf(name) >= 0) {
              key = c.key;
              if (headerName(c.label) !== name && c.label) { renamed.push('“' + name + '”→“' + c.label + '”'); }
            }
          });
          if (!key && OPERATOR_HEADERS.indexOf(name) >= 0) { key = 'operator'; renamed.push('“' + name + '”并入年度指标值'); }
          if (key) { hits++; }
        }
        keys.push(key);
      });
      return hits >= 2 && hits * 2 >= named ? { keys: keys, renamed: renamed } : null;
    }

    function onKey(ev) {
      var t = ev.target;
      if (undoKey(ev)) { return; }
      if (!t || !t.getAttribute || !t.getAttribute('data-path') || t.tagName === 'SELECT') { return; }
      var row = t.closest('tr[data-row], tr.fixed');
      // the row's own keys, as the row's buttons are left out of Tab
      var own = row && row.getAttribute('data-row') && /^(.*)\.(\d+)$/.exec(row.getAttribute('data-row'));
      if (own && (ev.ctrlKey || ev.metaKey) && ev.shiftKey) {
        var op = { ArrowUp: 'up', ArrowDown: 'down', Delete: 'remove', Enter: 'insert' }[ev.key];
        var list = null;
        form.layout.blocks.forEach(function (b) { if (b.list && b.list.path === own[1]) { list = b.list; } });
        if (op && list && !(op === 'insert' && list.no_add) && !((op === 'up' || op === 'down') && !list.reorder)) {
          ev.preventDefault();
          rowOp(list, op, Number(own[2]));
          return;
        }
      }
      // ← and → leave a cell only from its edge, as in a spreadsheet
      if (row && (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight') && t.tagName === 'INPUT') {
        var cells = Array.prototype.slice.call(row.querySelectorAll('input[data-path], textarea[data-path]'));
        var atEdge = ev.key === 'ArrowLeft' ? t.selectionStart === 0 && t.selectionEnd === 0 : t.selectionStart === t.value.length;
        var to = cells[cells.indexOf(t) + (ev.key === 'ArrowLeft' ? -1 : 1)];
        if (atEdge && to) { ev.preventDefault(); to.focus(); }
        return;
      }
      // Enter moves down as in a spreadsheet; Alt+Enter or Shift+Enter starts a new line in a text cell
      var down = (ev.key === 'Enter' && !ev.altKey && !ev.shiftKey && (t.tagName !== 'TEXTAREA' || row)) || (ev.key === 'ArrowDown' && t.tagName === 'INPUT');
      var up = ev.key === 'ArrowUp' && t.tagName === 'INPUT';
      if (!row || !(down || up)) { if (ev.key === 'Enter' && t.tagName === 'INPUT') { ev.preventDefault(); } return; }
      var key = t.getAttribute('data-path').split('.').pop();
      var sib = down ? row.nextElementSibling : row.previousElementSibling;
      var next = sib ? sib.querySelector('[data-path$=".' + key + '"]') : null;
      ev.preventDefault();
      if (next) { next.focus(); return; }
      // the next row of a long list may not be drawn yet
      var at = /^(.*)\.(\d+)$/.exec(row.getAttribute('data-row') || '');
      if (at) { JH.focusPath(formEl, at[1] + '.' + (Number(at[2]) + (down ? 1 : -1)) + '.' + key); }
    }


    // while an input method composes (pinyin “zhao'shang”), nothing is recorded, checked or saved;
    // the finished word is
    var typed = function (ev) {
      var p = ev.target.getAttribute && ev.target.getAttribute('data-path');
      if (p && ev.target.tagName !== 'SELECT' && !ev.isComposing && store) {
        // a 决算公开表 pasted or typed: its rows are taken into the blank lists once, as one step
        adoptNext = p.indexOf('tables.') === 0;
        store.setField(p, ev.target.value);
      }
    };
    formEl.addEventListener('input', typed);
    formEl.addEventListener('compositionend', typed);
    formEl.addEventListener('change', function (ev) {
      if (!store) { return; }
      if (ev.target.tagName === 'SELECT') { store.setField(ev.target.getAttribute('data-path'), ev.target.value); }
      codeTyped(ev.target.getAttribute('data-path'));
    });
    formEl.addEventListener('paste', function (ev) { if (store) { onPaste(ev); } });
    formEl.addEventListener('focusout', function (ev) {
      if (!store) { return; }
      store.endCell();
      if (!pendingPlace) { return; }
      var to = ev.relatedTarget;
      var row = ev.target.closest && ev.target.closest('tr');
      if (to && row && row.contains(to)) { return; }
      placeByCode(to && to.getAttribute ? to.getAttribute('data-path') : null);
    });
    formEl.addEventListener('keydown', function (ev) { if (store) { onKey(ev); } });
    findingsEl.addEventListener('click', function (ev) {
      var b = ev.target.closest('[data-goto]');
      if (b && form === JH.TEXT) { JH.textSelect(Number(b.getAttribute('data-goto').split('.')[1])); } else if (b) { JH.focusPath(formEl, b.getAttribute('data-goto')); }
    });

    return {
      /* edits `s` (Edits, or the page's Store) from now on; draws it */
      use: function (s) { store = s; draw(false); },
      draw: draw,
      refresh: refresh,
      changed: refreshSoon,
      /* an evaluation waiting for a pause in typing, done now (the host is about to read it) */
      now: function () { if (pending) { refreshNow(); } },
      undoKey: function (ev) { return !!store && undoKey(ev); },
      lock: lock,
      store: function () { return store; },
      form: function () { return form; },
      last: function () { return last; },
      evaluate: function () { return store ? evaluate(store.doc) : null; },
      untouched: function () { return !!store && untouched(); },
      policy: function (p) { if (p !== undefined && p !== policy) { policy = p; if (store) { refresh(); } } return policy; },
      focus: function (path) { return JH.focusPath(formEl, path); }
    };
  }
  JH.Sheet = Sheet;

  /* The offline page: its drafts (doc.js Store) edited in the page's own parts of `host` (the
     <jiaohe-form> in index.html, marked data-part="form|summary|list"). Works without custom
     elements (the page's floor browsers). */
  JH.attachSheet = function (host, store, hooks) {
    var parts = {};
    ['form', 'summary', 'list'].forEach(function (p) { parts[p] = host.querySelector('[data-part="' + p + '"]'); });
    var sheet = Sheet(parts, hooks);
    if (store) { sheet.use(store); }
    return sheet;
  };

  /* The element, embedded (the package's element.js defines JH.ready): it draws into its shadow
     root and edits its own document in memory. */
  var BLOCK = { error: ['error'], warning: ['error', 'warning'], none: [] };
  if (typeof window === 'undefined' || typeof window.customElements === 'undefined' || typeof HTMLElement === 'undefined') { return; }

  function message(e) { return String(e && e.message || e); }

  /* A document as the host gives it (an object or JSON text), read by the core's reader. */
  function readGiven(value) {
    var text = typeof value === 'string' ? value : JSON.stringify(value);
    try {
      if (JH.TEXT && /^\s*\{\s*"kind"\s*:\s*"text"/.test(text)) { return JSON.parse(text); }
      return JH.api().readDocument(text);
    } catch (e) {
      throw new Error('无法打开这份文档：' + message(e));
    }
  }

  /* the elements on the page, for a restart of the core (the package's jiaohe.js onRestart) */
  var live = new Set();
  JH.recoverForms = function () { live.forEach(function (f) { f.recovered(); }); };

  class JiaoheForm extends HTMLElement {
    static get formAssociated() { return true; }
    static get observedAttributes() { return ['kind', 'policy', 'block-on', 'disabled']; }

    constructor() {
      super();
      this.jh = { sheet: null, formEl: null, hooks: null, recovered: false, internals: null, initial: null, pending: null, policy: null, changed: false, formDisabled: false };
      // form-associated where the browser can (Chrome 77+)
      if (typeof this.attachInternals === 'function') { this.jh.internals = this.attachInternals(); }
    }

    connectedCallback() {
      var self = this;
      if (self.jh.formEl) { live.add(self); JH.watch(self.jh.formEl); }
      if (self.jh.sheet || self.jh.starting || typeof JH.ready !== 'function') { return; }
      self.jh.starting = true;
      JH.ready().then(function () { self.mount(); }).catch(function (e) {
        self.jh.starting = false;
        self.jh.sheet = null;
        var root = self.shadowOrSelf();
        root.textContent = '校核核心无法加载：' + message(e);
        // started again once the host calls init() with the core's location
        (JH.waiting || (JH.waiting = [])).push(self);
      });
    }

    /* taken off the page: the page's scroll and resize no longer reach it (nor hold it) */
    disconnectedCallback() {
      live.delete(this);
      if (this.jh.formEl) { JH.unwatch(this.jh.formEl); }
    }

    /* The core trapped and started afresh: what is typed is untouched, evaluated again; the
       host hears of it once. */
    recovered() {
      if (!this.jh.sheet || !this.jh.sheet.store()) { return; }
      if (!this.jh.recovered) {
        this.jh.recovered = true;
        this.jh.hooks.notice('校核核心出错，已自动重新启动；您填写的内容没有受到影响。');
      }
      this.jh.sheet.refresh();
    }

    shadowOrSelf() { return this.shadowRoot || this.attachShadow({ mode: 'open' }); }

    /* The element's own parts in its shadow root, styled by constructed sheets (a strict CSP
       without 'unsafe-inline' allows them), and a document in memory. */
    mount() {
      var self = this;
      var root = self.shadowOrSelf();
      root.innerHTML = '';
      if (JH.sheets && 'adoptedStyleSheets' in root) { root.adoptedStyleSheets = JH.sheets(); }
      var el = JH.el;
      var noticeEl = el('div', { className: 'notice', role: 'alert', part: 'notice', hidden: true });
      var formEl = el('section', { className: 'form', part: 'form', 'aria-label': '表单' });
      var summary = el('p', { className: 'summary', part: 'summary' });
      var list = el('ol', { part: 'list' });
      var aside = el('aside', { className: 'findings', part: 'findings', 'aria-label': '校核结果' }, [el('h2', { text: '校核结果' }), summary, list]);
      root.appendChild(noticeEl);
      root.appendChild(el('div', { className: 'layout', part: 'layout' }, [formEl, aside]));
      var timer = 0;
      var hooks = {
        blankText: '尚未填写。按原表填写，或从 Excel / WPS 粘贴。',
        readOnlyPaste: '本表现为只读，没有粘贴。',
        notice: function (msg, action, fade) {
          var detail = { message: msg || '', action: action ? action.label : null, run: action ? action.run : null };
          if (msg && !self.dispatchEvent(new CustomEvent('jiaohe-notice', { detail: detail, cancelable: true }))) { return; }
          clearTimeout(timer);
          noticeEl.textContent = msg || '';
          if (action) {
            var b = el('button', { type: 'button', text: action.label });
            b.addEventListener('click', function () { hooks.notice(''); action.run(); });
            noticeEl.appendChild(document.createTextNode(' '));
            noticeEl.appendChild(b);
          }
          noticeEl.hidden = !msg;
          if (fade && !action) { timer = setTimeout(function () { if (noticeEl.textContent === msg) { noticeEl.hidden = true; } }, fade); }
        },
        readFiles: function (files, done) { JH.readFiles(files, done); },
        openFile: function () {},
        carry: function (next) { self.dispatchEvent(new CustomEvent('jiaohe-carry', { detail: { document: next } })); },
        drawn: function () {},
        edited: function () { self.edited(); },
        evaluated: function (ev, blank) { self.evaluated(ev, blank); }
      };
      self.jh.formEl = formEl;
      self.jh.hooks = hooks;
      if (self.isConnected) { live.add(self); }
      self.jh.sheet = JH.Sheet({ form: formEl, summary: summary, list: list }, hooks);
      self.jh.sheet.policy(self.jh.policy || self.getAttribute('policy') || 'default');
      root.addEventListener('keydown', function (ev) { if (!ev.defaultPrevented) { self.jh.sheet.undoKey(ev); } });
      // leaving a cell (for the host's 提交 button, say): the value and validity the host form
      // reads are those of what is typed, even when an evaluation waits for a pause in typing
      root.addEventListener('focusout', function () { self.jh.sheet.now(); });
      var doc = null;
      if (self.jh.pending !== null) {
        try { doc = readGiven(self.jh.pending); } catch (e) { hooks.notice(message(e)); }
        self.jh.pending = null;
      }
      if (!doc) { doc = self.blank(); } else { self.jh.changed = true; }
      self.jh.initial = clone(doc);
      self.useDocument(doc);
      self.dispatchEvent(new CustomEvent('jiaohe-ready', { detail: { evaluation: self.evaluation } }));
    }

    /* the kind's blank document (a catalog copy) */
    blank() {
      var f = JH.formOf(this.getAttribute('kind') || '') || (JH.catalog && JH.catalog.forms[0]);
      return f ? clone(f.blank) : { kind: 'project_self_evaluation' };
    }

    useDocument(doc) {
      var self = this;
      var edits = new JH.Edits(doc, function () { self.edited(); self.jh.sheet.changed(); });
      edits.readOnly = this.disabledNow();
      this.jh.sheet.use(edits);
    }

    /* the user changed the document: the host form's value at once, jiaohe-change after the
       evaluation */
    edited() {
      this.jh.changed = true;
      var store = this.jh.sheet && this.jh.sheet.store();
      if (this.jh.internals && store) { var text = JSON.stringify(store.doc); this.jh.internals.setFormValue(text, text); }
    }

    disabledNow() { return this.hasAttribute('disabled') || this.jh.formDisabled; }

    lockNow() {
      var sheet = this.jh.sheet;
      if (sheet && sheet.store()) { sheet.store().readOnly = this.disabledNow(); sheet.lock(this.disabledNow()); }
    }

    /* After every evaluation: the value the host form submits, its validity, and jiaohe-change
       once the document changed. */
    evaluated(ev, blank) {
      var store = this.jh.sheet && this.jh.sheet.store();
      if (!store) { return; }
      var internals = this.jh.internals;
      if (internals) {
        var text = JSON.stringify(store.doc);
        internals.setFormValue(text, text);
        var block = BLOCK[this.getAttribute('block-on') || 'error'] || BLOCK.error;
        var bad = ev && !blank ? (ev.findings || []).filter(function (f) { return block.indexOf(f.severity) >= 0; }) : [];
        if (ev && blank && block.length) {
          internals.setValidity({ valueMissing: true }, '尚未填写表格。', this.anchor(''));
        } else if (bad.length) {
          var what = bad[0].severity === 'error' ? '错误' : '问题';
          internals.setValidity({ customError: true }, '校核发现 ' + bad.length + ' 处' + what + '，请先改正：' + bad[0].message, this.anchor(bad[0].path));
        } else {
          internals.setValidity({});
        }
      }
      if (this.jh.changed) {
        this.jh.changed = false;
        this.dispatchEvent(new CustomEvent('jiaohe-change', { detail: { document: clone(store.doc), evaluation: ev } }));
      }
    }

    /* the cell a finding is on, for the browser's message bubble (the form when none is drawn) */
    anchor(path) {
      var root = this.shadowRoot || this;
      var e = path ? root.querySelector('[data-path="' + path.replace(/["\\]/g, '') + '"]') : null;
      return e || root.querySelector('input, textarea, select') || undefined;
    }

    attributeChangedCallback(name, old, value) {
      if (name === 'policy') { this.policy = value || 'default'; }
      var sheet = this.jh.sheet;
      if (!sheet || !this.shadowRoot || !sheet.store()) { return; }
      if (name === 'kind' && value !== old && sheet.store().doc.kind !== value && JH.formOf(value || '')) {
        this.jh.initial = this.blank();
        this.jh.changed = true;
        this.useDocument(clone(this.jh.initial));
      }
      if (name === 'block-on') { sheet.refresh(); }
      if (name === 'disabled') { this.lockNow(); }
    }

    get document() {
      var store = this.jh.sheet && this.jh.sheet.store();
      if (store) { return clone(store.doc); }
      if (this.jh.pending === null) { return null; }
      try { return typeof this.jh.pending === 'string' ? JSON.parse(this.jh.pending) : clone(this.jh.pending); } catch (e) { return null; }
    }

    /* A new document (a JS object or JSON text, read by the core's reader: its shapes, its
       Chinese messages). The document the element already holds, given back (a framework binding
       the change event's document to this property), changes nothing, so the cell being typed in
       keeps its focus. Given before the core is loaded, it is read once it is. */
    set document(value) {
      if (value === null || value === undefined) { return; }
      var store = this.jh.sheet && this.jh.sheet.store();
      if (!store || !this.shadowRoot) { this.jh.pending = typeof value === 'string' ? value : clone(value); return; }
      var doc = readGiven(value);
      if (sameJson(store.doc, doc)) { return; }
      // what the host form's reset brings back, as an input's default value
      this.jh.initial = clone(doc);
      // the host hears of the new evaluation as of an edit
      this.jh.changed = true;
      this.useDocument(doc);
    }

    get evaluation() { var s = this.jh.sheet; return s ? s.last() : null; }

    get policy() { return this.jh.sheet ? this.jh.sheet.policy() : this.jh.policy || this.getAttribute('policy') || 'default'; }
    set policy(p) {
      this.jh.policy = p || 'default';
      if (this.jh.sheet) { this.jh.sheet.policy(this.jh.policy); }
    }

    get form() { return this.jh.internals ? this.jh.internals.form : null; }
    get validity() { return this.jh.internals ? this.jh.internals.validity : null; }
    get validationMessage() { return this.jh.internals ? this.jh.internals.validationMessage : ''; }
    checkValidity() { if (this.jh.sheet) { this.jh.sheet.now(); } return this.jh.internals ? this.jh.internals.checkValidity() : true; }
    reportValidity() { if (this.jh.sheet) { this.jh.sheet.now(); } return this.jh.internals ? this.jh.internals.reportValidity() : true; }

    /* the finding's cell focused and scrolled into view; false when it is not on the form */
    focusFinding(path) { return !!this.jh.sheet && this.jh.sheet.focus(String(path || '')); }

    /* The official printout (the same one the page prints), from a frame of its own, so the host
       page around the element is not printed. */
    print() {
      var sheet = this.jh.sheet;
      if (!sheet || !sheet.store()) { return; }
      var frame = document.createElement('iframe');
      frame.setAttribute('aria-hidden', 'true');
      frame.style.position = 'fixed';
      frame.style.width = '0';
      frame.style.height = '0';
      frame.style.border = '0';
      document.body.appendChild(frame);
      var d = frame.contentDocument;
      var w = frame.contentWindow;
      var make = function (css) { var s = new w.CSSStyleSheet(); s.replaceSync(css); return s; };
      var print = make(JH.PRINT_CSS || '');
      print.media.mediaText = 'print';
      d.jhPrint = { page: make(''), print: print };
      d.adoptedStyleSheets = [make(JH.CSS || ''), print, d.jhPrint.page];
      var box = d.createElement('section');
      box.className = 'printout';
      d.body.appendChild(box);
      JH.printout(box, sheet.form(), sheet.store().doc, sheet.evaluate(), true);
      w.addEventListener('afterprint', function () { setTimeout(function () { frame.remove(); }, 0); });
      w.focus();
      w.print();
    }

    /* The official .xlsx (formulas for totals, 执行率, 总分 and 等级; the findings on the 审核意见
       sheet) as bytes; the office module is loaded on the first call. */
    exportXlsx() {
      var sheet = this.jh.sheet;
      if (!sheet || !sheet.store() || typeof JH.office !== 'function') { return Promise.reject(new Error('校核核心尚未就绪')); }
      var doc = sheet.store().doc;
      var policy = sheet.policy();
      return JH.office().then(function (office) {
        return new Uint8Array(office.writeXlsx(JH.api().toWorkbook(doc, { policy: policy })));
      });
    }

    formResetCallback() {
      if (this.jh.sheet && this.jh.initial) { this.jh.changed = true; this.useDocument(clone(this.jh.initial)); }
    }
    formDisabledCallback(disabled) {
      this.jh.formDisabled = !!disabled;
      this.lockNow();
    }
    formStateRestoreCallback(state) {
      if (typeof state !== 'string' || !state) { return; }
      try { this.document = state; } catch (e) { /* the restored text is not a document: keep what is there */ }
    }
  }

  if (!window.customElements.get('jiaohe-form')) { window.customElements.define('jiaohe-form', JiaoheForm); }
  JH.JiaoheForm = JiaoheForm;
})(window.JH = window.JH || {});

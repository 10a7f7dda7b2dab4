/* The page: drafts, forms and policy; the core's answer on every keystroke; files in and out
   (one file opens as a new draft, many as a reviewer's table); paste from Excel; CSV; keys.
   No arithmetic here: every figure shown comes from the core. */
(function (JH) {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var catalog, store, form, policy = 'default', last = null;
  var formEl, findingsEl, summaryEl;

  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  function formOf(kind) {
    if (kind === JH.TEXT.kind) { return JH.TEXT; }
    for (var i = 0; i < catalog.forms.length; i++) { if (catalog.forms[i].kind === kind) { return catalog.forms[i]; } }
    return null;
  }

  /* A message above the form; one without an action fades after `fade` ms when given. */
  var noticeTimer = 0;
  function notice(msg, action, fade) {
    var n = $('notice');
    clearTimeout(noticeTimer);
    if (fade && !action) { noticeTimer = setTimeout(function () { if (n.textContent === msg) { n.hidden = true; n.textContent = ''; } }, fade); }
    n.textContent = msg || '';
    if (action) {
      var b = JH.el('button', { type: 'button', text: action.label });
      b.addEventListener('click', function () { notice(''); action.run(); });
      n.appendChild(document.createTextNode(' '));
      n.appendChild(b);
    }
    n.hidden = !msg;
  }

  function evaluate(doc) {
    try {
      return window.jiaohe.evaluate(doc, { policy: policy });
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
    if (form === JH.TEXT) { last = null; JH.textPaint(); showSaveState(); return; }
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
    JH.current = store.doc;
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
    showSaveState();
    // a blank form lacks everything: it is told how to start, not what it lacks
    showFindings(blank ? [] : (ev.findings || []), blank ? '尚未填写。按原表填写，或从 Excel 粘贴；“更多 → 打开示例表”可先看一张填好的表；要核对一段文字（决算说明等），在“表单”中选“文字核对”。' : '未发现问题。');
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
    return !!form && JSON.stringify(store.doc) === JSON.stringify(form.blank);
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

  /* 已保存 only once the draft is on disk (doc.js: the durable copy) */
  function showSaveState() {
    var st = $('save-state');
    var state = store.readOnly ? 'readonly' : store.state || (store.savedAt ? 'saved' : 'failed');
    st.textContent = { saving: '保存中…', saved: '已保存', readonly: '只读（另一标签页正在编辑）' }[state] || '未能保存到浏览器（存储已满或被禁用），请“保存为文件”';
    st.className = 'save-state' + (state === 'saved' ? ' saved' : state === 'saving' ? '' : ' unsaved');
    if (state === 'failed' && !saveWarned) {
      saveWarned = true;
      notice('草稿未能保存到本浏览器（存储已满或被禁用）。为免丢失，请把它保存为文件。', { label: '保存为文件', run: saveFile });
    }
    if (state === 'saved') { saveWarned = false; }
  }

  function drawDrafts() {
    var sel = $('draft');
    sel.innerHTML = '';
    store.drafts().forEach(function (d) { sel.appendChild(JH.el('option', { value: d.id, text: d.name + (store.broken[d.id] ? '（无法打开）' : '') })); });
    sel.value = store.id;
  }

  /* A stored draft the core cannot read: kept as it is, never opened; its text can be saved or
     the draft deleted. */
  function showBroken(id) {
    var b = store.broken[id];
    var m = store.meta(id);
    if (!b || !m) { return; }
    var n = $('notice');
    notice('草稿“' + m.name + '”无法打开：' + b.error + '。它的原文仍保存在本浏览器中。');
    var save = JH.el('button', { type: 'button', text: '导出原文' });
    save.addEventListener('click', function () { download(m.name.replace(/[\\/:*?"<>|]/g, '_') + '（原文）.json', b.raw, 'application/json'); });
    var drop = JH.el('button', { type: 'button', text: '删除此草稿' });
    drop.addEventListener('click', function () { store.forget(id); drawDrafts(); notice('已删除无法打开的草稿“' + m.name + '”。'); });
    n.appendChild(document.createTextNode(' '));
    n.appendChild(save);
    n.appendChild(document.createTextNode(' '));
    n.appendChild(drop);
  }

  function draw(keepFocus) {
    var active = document.activeElement;
    var path = keepFocus && active ? active.getAttribute('data-path') : null;
    form = formOf(store.doc.kind) || catalog.forms[0];
    $('form-kind').value = form.kind;
    var text = form === JH.TEXT;
    $('legend').hidden = text;
    $('legend-text').hidden = !text;
    $('legend-explain').hidden = text || !form.layout.blocks.some(function (b) { return (b.columns || []).some(function (c) { return c.explain; }); });
    if (text) {
      JH.textRender(formEl, { store: function () { return store; }, notice: notice, findings: showFindings, findingsEl: findingsEl, summary: summaryEl, policy: function () { return policy; }, openFile: openFile });
    } else {
      JH.render(formEl, form, store.doc, { rowOp: rowOp, importFiles: importFiles, exportCsv: exportCsv, carry: carry });
    }
    // Word only for a form with a full text (自评报告, 决算说明, 预算公开说明); Excel for every table
    $('save-docx').hidden = text || !form.layout.blocks.some(function (b) { return b.type === 'report' && b.path !== 'review'; });
    $('save-xlsx').hidden = text;
    if (store.readOnly) { lockForm(); }
    drawDrafts();
    refresh();
    if (path) { JH.focusPath(formEl, path); }
  }

  function newDraft(doc, name) {
    store.create(doc, name);
    draw(false);
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
      notice('已删除第 ' + (i + 1) + ' 行' + (what ? '“' + what + '”' : '') + '。', { label: '撤销（Ctrl+Z）', run: function () { if (store.undoEdit()) { draw(true); } } });
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

  /* Reads document files; hands back [{name, doc}], with the reason for those that are not one. */
  function readFiles(files, done) {
    var list = Array.prototype.slice.call(files || []);
    var out = [];
    var next = function (i) {
      if (i >= list.length) { done(out); return; }
      var reader = new FileReader();
      reader.onload = function () {
        if (OFFICE.test(list[i].name)) { readOffice(list[i].name, new Uint8Array(reader.result), out, function () { next(i + 1); }); return; }
        // decoded as the CLI does (UTF-8 only, refused otherwise), then the core's own reader:
        // the same shapes and messages, long numbers intact
        var text;
        try { text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(reader.result)); } catch (e) {
          out.push({ name: list[i].name, error: '文件不是 UTF-8 编码的文本（可能是 Excel/Word 文件，或 GBK 编码）' });
          next(i + 1);
          return;
        }
        try { out.push({ name: list[i].name, doc: window.jiaohe.readDocument(text) }); } catch (e) { out.push({ name: list[i].name, error: String(e && e.message || e) }); }
        next(i + 1);
      };
      reader.onerror = function () { out.push({ name: list[i].name, error: '无法读取' }); next(i + 1); };
      reader.readAsArrayBuffer(list[i]);
    };
    next(0);
  }

  var OFFICE = /\.(xlsx|xlsm|xls|ods|xlsb)$/i;

  /* An Excel/WPS/LibreOffice workbook: the office module reads its cells as displayed, the core
     recognises the forms in them by their titles and headers. Each form found is one entry of
     `out` (a workbook of 14 项目表 gives 14); cells that could not be placed are kept as notes. */
  function readOffice(name, bytes, out, done) {
    var fail = function (e) { out.push({ name: name, error: String(e && e.message || e) }); done(); };
    window.jiaohe.office().then(function (office) {
      var opened;
      try { opened = window.jiaohe.fromWorkbook(office.readWorkbook(bytes, name)); } catch (e) { fail(e); return; }
      var many = opened.documents.length > 1;
      opened.documents.forEach(function (doc, k) {
        out.push({ name: many ? name + '（第 ' + (k + 1) + ' 张表）' : name, doc: doc, notes: k === 0 ? opened.notes : [] });
      });
      done();
    }, fail);
  }

  /* What of a workbook was not read, said once it is open. */
  function notesText(notes) {
    if (!notes || !notes.length) { return ''; }
    var shown = notes.slice(0, 3).map(function (n) { return (n.sheet ? '［' + n.sheet + '］' : '') + n.message; });
    return '以下内容未读取（共 ' + notes.length + (notes.length >= 40 ? ' 处以上' : ' 处') + '）：' + shown.join('；') + (notes.length > 3 ? '……' : '') + '。';
  }

  /* Checks a parsed file with the core; returns the evaluation or an error text. */
  function check(file) {
    if (file.error) { return { error: file.error }; }
    try { return { ev: window.jiaohe.evaluate(file.doc, { policy: policy }) }; } catch (e) { return { error: String(e && e.message || e) }; }
  }

  /* One file opens as a new draft; a malformed one changes nothing. Many files: a table. */
  function openFiles(files) {
    if (files.length === 1 && /\.(txt|docx?)$/i.test(files[0].name)) { openFile(files[0]); return; }
    readFiles(files, function (got) {
      if (got.length === 1) {
        var r = check(got[0]);
        if (r.error) { notice('无法打开“' + got[0].name + '”：' + r.error + '。当前内容未作任何改动。'); return; }
        newDraft(got[0].doc, got[0].name.replace(/\.(json|xlsx|xlsm|xls|ods|xlsb)$/i, ''));
        var said = notesText(got[0].notes);
        notice(OFFICE.test(got[0].name) ? '已从“' + got[0].name + '”读出' + got[0].doc.kind.replace(/.*/, function () { return (formOf(got[0].doc.kind) || { title: '表单' }).title; }) + '，作为新草稿打开。' + said : said);
        return;
      }
      showBatch(got);
    });
  }

  /* A .txt or .docx for 文字核对: into the text draft open when it is empty, else a new one. */
  function openFile(file) {
    JH.textOpen(file, function (text) {
      var name = file.name.replace(/\.(txt|docx)$/i, '');
      notice('');
      if (form === JH.TEXT && !store.readOnly && !(store.doc.text || '').trim()) {
        store.edit(function (doc) { doc.text = text; });
        store.rename(name);
        draw(false);
      } else {
        newDraft({ kind: JH.TEXT.kind, text: text }, name);
      }
    }, notice);
  }

  /* The reviewer's table: one row per file with its form, name, 总分, 等级 and counts, under the
     口径 chosen now (recomputed when it changes), sortable by any column, exportable as CSV. */
  var batch = null;
  var BATCH_COLS = [
    { label: '文件', key: 'file' }, { label: '表单', key: 'form' }, { label: '名称', key: 'title' },
    { label: '总分', key: 'total', number: true }, { label: '等级', key: 'grade', order: ['优', '良', '中', '差'] },
    { label: '错误', key: 'errors', number: true }, { label: '警告', key: 'warnings', number: true }, { label: '提示', key: 'infos', number: true }
  ];

  function showBatch(got) {
    batch = { got: got, sort: null, desc: false };
    drawBatch();
    $('batch').scrollIntoView({ block: 'start' });
  }

  function policyTitle() {
    var t = policy;
    catalog.profiles.forEach(function (p) { if (p.name === policy) { t = p.title; } });
    return t;
  }

  function batchRows() {
    return batch.got.map(function (file) {
      var r = check(file);
      if (r.error) { return { file: file.name, error: r.error, src: file }; }
      var s = r.ev.summary;
      var f = formOf(r.ev.kind);
      return { file: file.name, form: f ? f.title : r.ev.kind, title: s.title || '', total: s.total_score || '', grade: s.grade || (s.missing && s.missing.length ? '未完成填报' : ''), errors: s.errors, warnings: s.warnings, infos: s.infos, src: file };
    });
  }

  /* Orders two plain decimal texts (`-12.5`, `89.15`) by value, digit by digit: a figure is
     never turned into a float, not even to sort. */
  function compareDecimal(a, b) {
    var neg = function (x) { return x.charAt(0) === '-'; };
    if (neg(a) !== neg(b)) { return neg(a) ? -1 : 1; }
    var abs = function (x) {
      var p = x.replace(/^-/, '').split('.');
      return { int: p[0].replace(/^0+(?=\d)/, ''), frac: p[1] || '' };
    };
    var x = abs(a);
    var y = abs(b);
    var w = Math.max(x.frac.length, y.frac.length);
    var pad = function (f) { while (f.length < w) { f += '0'; } return f; };
    var c = x.int.length !== y.int.length ? x.int.length - y.int.length
      : x.int < y.int ? -1 : x.int > y.int ? 1
        : pad(x.frac) < pad(y.frac) ? -1 : pad(x.frac) > pad(y.frac) ? 1 : 0;
    return neg(a) ? -c : c;
  }

  function sortRows(rows) {
    if (!batch.sort) { return rows; }
    var col = BATCH_COLS.filter(function (c) { return c.key === batch.sort; })[0];
    var rank = function (r) {
      var v = r[col.key];
      if (r.error && col.key !== 'file') { return null; }
      if (col.number) { var n = String(v).replace(/,/g, ''); return /^-?\d+(\.\d+)?$/.test(n) ? n : null; }
      if (col.order) { var i = col.order.indexOf(v); return i < 0 ? null : i; }
      return String(v || '');
    };
    return rows.map(function (r, i) { return { r: r, k: rank(r), i: i }; }).sort(function (a, b) {
      // files without a value (unreadable, no 总分) go last either way; ties keep the files' order
      if (a.k === null || b.k === null) { return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1; }
      var c = typeof a.k === 'number' ? a.k - b.k : col.number ? compareDecimal(a.k, b.k) : a.k.localeCompare(b.k, 'zh-CN');
      return (batch.desc ? -c : c) || a.i - b.i;
    }).map(function (x) { return x.r; });
  }

  function drawBatch() {
    var box = $('batch');
    if (!batch) { return; }
    box.innerHTML = '';
    var rows = sortRows(batchRows());
    batch.shown = rows;
    var head = JH.el('tr', null, BATCH_COLS.map(function (c) {
      var mark = batch.sort === c.key ? (batch.desc ? ' ▼' : ' ▲') : '';
      var b = JH.el('button', { type: 'button', className: 'sort', 'data-sort': c.key, title: '按' + c.label + '排序', text: c.label + mark });
      return JH.el('th', { scope: 'col', 'aria-sort': mark ? (batch.desc ? 'descending' : 'ascending') : 'none' }, [b]);
    }).concat([JH.el('th', { scope: 'col', text: '' })]));
    var table = JH.el('table', { className: 'grid batch-table' }, [JH.el('caption', { text: '批量校核（' + rows.length + ' 个文件，评分口径：' + policyTitle() + '）' }), JH.el('thead', null, [head])]);
    head.addEventListener('click', function (ev) {
      var b = ev.target.closest('button[data-sort]');
      if (!b) { return; }
      var k = b.getAttribute('data-sort');
      batch.desc = batch.sort === k ? !batch.desc : false;
      batch.sort = k;
      drawBatch();
    });
    var body = JH.el('tbody');
    rows.forEach(function (r) {
      var tr = JH.el('tr', { 'data-file': r.file });
      if (r.error) {
        tr.appendChild(JH.el('td', { text: r.file }));
        tr.appendChild(JH.el('td', { colspan: 8, className: 'sev-error', text: r.error }));
      } else {
        BATCH_COLS.forEach(function (c) {
          var v = r[c.key];
          tr.appendChild(JH.el('td', { className: c.key === 'errors' && v ? 'sev-error' : c.key === 'warnings' && v ? 'sev-warning' : c.number ? 'num' : '', text: v === '' ? '—' : String(v) }));
        });
        var open = JH.el('button', { type: 'button', text: '打开', 'aria-label': '打开' + r.file });
        open.addEventListener('click', function () {
          newDraft(clone(r.src.doc), r.file.replace(/\.json$/i, ''));
          notice('已打开“' + r.file + '”（作为新草稿；列表仍在上方）。', null, 6000);
          formEl.scrollIntoView({ block: 'start' });
        });
        tr.appendChild(JH.el('td', null, [open]));
      }
      body.appendChild(tr);
    });
    table.appendChild(body);
    var csv = JH.el('button', { type: 'button', text: '导出列表（CSV）' });
    csv.addEventListener('click', function () {
      var lines = [BATCH_COLS.map(function (c) { return csvCell(c.label); }).concat(['说明']).join(',')];
      batch.shown.forEach(function (r) {
        lines.push(BATCH_COLS.map(function (c) { return csvCell(c.key === 'file' ? r.file : r.error ? '' : r[c.key]); }).concat([csvCell(r.error || '')]).join(','));
      });
      download('批量校核-' + policyTitle().replace(/[\\/:*?"<>|（）()]/g, '') + '.csv', '\uFEFF' + lines.join('\r\n') + '\r\n', 'text/csv;charset=utf-8');
    });
    var close = JH.el('button', { type: 'button', text: '关闭列表' });
    close.addEventListener('click', function () { box.hidden = true; batch = null; });
    box.appendChild(table);
    box.appendChild(csv);
    box.appendChild(document.createTextNode(' '));
    box.appendChild(close);
    box.hidden = false;
  }

  /* A package gathers a department's tables, a 预算公开 its 绩效目标表: each file goes where the
     import block's members say (a list field takes every file of its kind). */
  function importFiles(files, members) {
    var into = {};
    members.forEach(function (m) { into[m.kind] = m; });
    readFiles(files, function (got) {
      var bad = got.filter(function (g) { return g.error || !g.doc || !into[g.doc.kind]; });
      if (bad.length) {
        var names = members.map(function (m) { return (formOf(m.kind) || { title: m.kind }).title; });
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
     自评表: a new draft beside this one, its indicators and 分值 filled in, actuals left blank. */
  function carry(index) {
    var next;
    try {
      next = window.jiaohe.carryForward(store.doc, index === null ? undefined : index);
    } catch (e) {
      notice('无法转为自评表：' + String(e && e.message || e) + '。当前内容未作任何改动。');
      return;
    }
    var name = (next.project || next.unit || '').trim() || '自评表';
    newDraft(next, name + '（' + (next.year ? next.year + '年度' : '') + '自评表）');
    notice('已按绩效目标表新建自评表草稿“' + name + '”：指标、指标值、分值和年初预算数已填入；年度结束后请填写全年预算数、全年执行数和各指标的实际完成值。原绩效目标表仍在草稿列表中。', null, 12000);
  }

  function download(name, text, type) {
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
  function csvCell(v) {
    var s = v === undefined || v === null ? '' : String(v);
    if (FORMULA.test(s) && !FIGURE.test(s)) { s = "'" + s; }
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /* A table as CSV, UTF-8 with a BOM so Excel shows the Chinese; blank cells get the core's figure. */
  function csvOf(block, doc, ev) {
    var value = function (path) {
      var typed = JH.get(doc, path);
      if (typeof typed === 'string' && typed.trim() !== '') { return typed; }
      var c = (ev.computed || {})[path];
      return c === undefined ? (typed === undefined || typed === null ? '' : typed) : c;
    };
    var lines = [block.columns.map(function (c) { return csvCell(c.label); }).join(',')];
    (block.fixed || []).forEach(function (fx) {
      lines.push(block.columns.map(function (c) { return csvCell(c.key === 'label' || c.key === fx.label_at ? fx.label : value(fx.path + '.' + c.key)); }).join(','));
    });
    if (block.list) {
      (JH.get(doc, block.list.path) || []).forEach(function (row, i) {
        lines.push(block.columns.map(function (c) { return csvCell(c.total_only ? '—' : value(block.list.path + '.' + i + '.' + c.key)); }).join(','));
      });
    }
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }

  function exportCsv(block) {
    var ev = last || evaluate(store.doc);
    var title = (ev.summary && ev.summary.title) || form.title;
    download((title + '-' + block.title).replace(/[\\/:*?"<>|]/g, '_') + '.csv', csvOf(block, store.doc, ev), 'text/csv;charset=utf-8');
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
    if (store.readOnly) { ev.preventDefault(); notice('本页现为只读（另一标签页正在编辑这份草稿），没有粘贴；请刷新本页。'); return; }
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
      document.execCommand('insertText', false, one);
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
    if (t && t.id === 'tx-input') { return; } // the text keeps its own undo
    if ((ev.ctrlKey || ev.metaKey) && !ev.altKey) {
      var k = ev.key.toLowerCase();
      if (k === 'z' && !ev.shiftKey) { ev.preventDefault(); if (store.undoEdit()) { draw(true); } return; }
      if (k === 'y' || (k === 'z' && ev.shiftKey)) { ev.preventDefault(); if (store.redoEdit()) { draw(true); } return; }
    }
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

  function on(id, fn) { $(id).addEventListener('click', fn); }

  var saveWarned = false;

  /* The open draft as a JSON file, named after its project or unit. */
  function saveFile() {
    var m = store.meta(store.id);
    if (form === JH.TEXT) { download((m ? m.name : '文字').replace(/[\\/:*?"<>|]/g, '_') + '.txt', '\uFEFF' + (store.doc.text || ''), 'text/plain;charset=utf-8'); return; }
    var title = [store.doc.project, store.doc.unit, m && m.name].filter(function (t) { return typeof t === 'string' && t.trim(); })[0] || '表单';
    download(title.trim().replace(/[\\/:*?"<>|]/g, '_') + '.json', JSON.stringify(store.doc, null, 2), 'application/json');
  }

  /* The form as the official Excel table (computed cells as live formulas, the findings on a
     second sheet) or, for a report, the full text as a Word document in the 公文 typography. The
     office module is compiled on the first save; the draft is never touched. */
  function saveOffice(word) {
    var m = store.meta(store.id);
    var title = [store.doc.project, store.doc.unit, m && m.name].filter(function (t) { return typeof t === 'string' && t.trim(); })[0] || '表单';
    var name = title.trim().replace(/[\\/:*?"<>|]/g, '_') + (word ? '.docx' : '.xlsx');
    var layout;
    try { layout = word ? window.jiaohe.toReport(store.doc, { policy: policy }) : window.jiaohe.toWorkbook(store.doc, { policy: policy }); } catch (e) {
      notice('无法导出：' + String(e && e.message || e) + '。');
      return;
    }
    notice('正在生成' + name + '…');
    window.jiaohe.office().then(function (office) {
      var bytes = word ? office.writeDocx(layout) : office.writeXlsx(layout);
      download(name, bytes, word ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      notice('已生成“' + name + '”' + (word ? '。' : '：合计、执行率、总分、等级为公式，在 Excel/WPS 中修改数字会自动重算；校核意见在“审核意见”工作表。'), null, 12000);
    }).catch(function (e) { notice('无法导出：' + String(e && e.message || e) + '。'); });
  }

  /* What every store needs once made: the save state, the durable copies, the other tabs. */
  function watchStore() {
    store.onSaved = showSaveState;
    store.reconcile(function (changed) {
      if (changed) { draw(false); }
      document.documentElement.setAttribute('data-restored', 'true');
    });
    var mine = store;
    store.watchOtherTabs(function () {
      if (mine !== store) { return; }
      lockForm();
      showSaveState();
      notice('这份草稿刚在另一个标签页中被修改。为免互相覆盖，本页已停止保存并改为只读；请刷新本页查看最新内容。', { label: '刷新', run: function () { window.location.reload(); } });
    });
  }

  /* Read-only while another tab edits the same draft. */
  function lockForm() {
    Array.prototype.forEach.call(formEl.querySelectorAll('input, textarea'), function (e) { e.readOnly = true; });
    Array.prototype.forEach.call(formEl.querySelectorAll('select, button'), function (e) { e.disabled = true; });
  }

  /* A preference kept in this browser's storage (when it has one). */
  function pref(key, value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      window.localStorage.setItem(key, value);
    } catch (e) { /* storage blocked: the preference lasts as long as the page */ }
    return null;
  }

  /* the core was started again after a trap: evaluate what is on screen once more */
  JH.recovered = function () { if (store) { refresh(); } };

  JH.start = function () {
    catalog = window.jiaohe.catalog();
    JH.subjects = catalog.subjects;
    formEl = $('form');
    findingsEl = $('findings');
    summaryEl = $('summary');
    $('version').textContent = 'v' + window.jiaohe.version;
    catalog.forms.concat([JH.TEXT]).forEach(function (f) { $('form-kind').appendChild(JH.el('option', { value: f.kind, text: f.title })); });
    catalog.profiles.forEach(function (p) { $('policy').appendChild(JH.el('option', { value: p.name, text: p.title })); });
    policy = pref('jiaohe.policy') || 'default';
    $('policy').value = policy;
    if ($('policy').value !== policy) { policy = 'default'; $('policy').value = policy; }

    store = new JH.Store(refreshSoon);
    /* start-up never depends on stored data being valid: a draft the core cannot read, or the page
       cannot draw, is set aside (listed as 无法打开) and the page starts on another or a new one */
    if (!store.resume()) {
      store.create(clone(catalog.forms[0].blank), '草稿 ' + (store.drafts().length + 1));
      store.fresh = store.id;
    }
    try {
      draw(false);
    } catch (e) {
      store.broken[store.id] = { raw: JSON.stringify(store.doc), error: '无法显示（' + (e && e.message || e) + '）' };
      store.create(clone(catalog.forms[0].blank), '草稿 ' + (store.drafts().length + 1));
      draw(false);
    }
    watchStore();
    var broken = Object.keys(store.broken);
    if (broken.length) {
      notice('有 ' + broken.length + ' 份草稿无法打开，已在草稿列表中标为“无法打开”，原文未作改动；选中它可以导出原文或删除。');
    }
    if (JH.storageBlocked) {
      notice('本浏览器禁止网页保存数据：草稿只保存在这个页面中，关闭后即丢失，请及时“保存为文件”。');
    } else if (!pref('jiaohe.privacy-seen') && !broken.length) {
      notice('草稿自动保存在本浏览器中。以文件方式打开的网页共用这份存储，其他本地网页也能读到；在公用电脑上请勾选“不在本机保存”，用完后可“清除本机草稿”。',
        { label: '知道了', run: function () { pref('jiaohe.privacy-seen', '1'); } });
    }
    $('no-store').checked = JH.isSessionOnly();
    $('no-store').disabled = !!JH.storageBlocked;
    $('no-store').addEventListener('change', function () {
      var on = $('no-store').checked;
      if (!JH.sessionOnly(on)) { $('no-store').checked = !on; notice('无法切换保存位置（浏览器存储不可用）。'); return; }
      store.save();
      notice(on ? '草稿现在只保存在这个标签页中，关闭标签页后即清除；本浏览器中不再保留。' : '草稿重新自动保存在本浏览器中。');
    });
    on('clear-drafts', function () {
      if (!window.confirm('清除本浏览器中保存的全部草稿？此操作不能撤销，需要的草稿请先“保存为文件”。')) { return; }
      store.flush(); // a save still waiting must not write the draft back afterwards
      JH.clearDrafts();
      store = new JH.Store(refreshSoon);
      store.create(clone(catalog.forms[0].blank), '草稿 1');
      watchStore();
      draw(false);
      notice('已清除本机草稿。');
    });

    // while an input method composes (pinyin “zhao'shang”), nothing is recorded, checked or saved;
    // the finished word is
    var typed = function (ev) {
      var p = ev.target.getAttribute && ev.target.getAttribute('data-path');
      if (p && ev.target.tagName !== 'SELECT' && !ev.isComposing) {
        // a 决算公开表 pasted or typed: its rows are taken into the blank lists once, as one step
        adoptNext = p.indexOf('tables.') === 0;
        store.setField(p, ev.target.value);
      }
    };
    formEl.addEventListener('input', typed);
    formEl.addEventListener('compositionend', typed);
    formEl.addEventListener('change', function (ev) {
      if (ev.target.tagName === 'SELECT') { store.setField(ev.target.getAttribute('data-path'), ev.target.value); }
      codeTyped(ev.target.getAttribute('data-path'));
    });
    formEl.addEventListener('paste', onPaste);
    // a save still waiting for a pause in typing is written when the page goes away
    window.addEventListener('pagehide', function () { store.flush(); });
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { store.flush(); } });
    formEl.addEventListener('focusout', function (ev) {
      store.endCell();
      if (!pendingPlace) { return; }
      var to = ev.relatedTarget;
      var row = ev.target.closest && ev.target.closest('tr');
      if (to && row && row.contains(to)) { return; }
      placeByCode(to && to.getAttribute ? to.getAttribute('data-path') : null);
    });
    document.addEventListener('keydown', onKey);
    findingsEl.addEventListener('click', function (ev) {
      var b = ev.target.closest('[data-goto]');
      if (b && form === JH.TEXT) { JH.textSelect(Number(b.getAttribute('data-goto').split('.')[1])); } else if (b) { JH.focusPath(formEl, b.getAttribute('data-goto')); }
    });
    $('policy').addEventListener('change', function () {
      policy = $('policy').value;
      pref('jiaohe.policy', policy);
      refresh();
      drawBatch();
    });
    $('form-kind').addEventListener('change', function () {
      var f = formOf($('form-kind').value);
      if (f && f.kind !== store.doc.kind) { newDraft(clone(f.blank), f.title); notice('已为“' + f.title + '”新建草稿；原来的内容仍在草稿列表中。'); }
    });
    $('draft').addEventListener('change', function () {
      var id = $('draft').value;
      store.openAnywhere(id, function (opened) { if (opened) { draw(false); } else { drawDrafts(); showBroken(id); } });
    });
    on('new-doc', function () { newDraft(clone(form.blank), form.title); });
    on('rename-draft', function () {
      var m = store.meta(store.id);
      var name = window.prompt('草稿名称', m ? m.name : '');
      if (name && name.trim()) { store.rename(name.trim()); drawDrafts(); }
    });
    on('dup-draft', function () { store.duplicate(); draw(false); });
    on('del-draft', function () {
      var m = store.meta(store.id);
      store.remove();
      // the last draft gone: a blank one takes its place, and goes again if the delete is undone
      var stand = null;
      if (!store.resume()) { stand = store.create(clone(form.blank), '草稿 1'); }
      draw(false);
      notice('已删除草稿“' + (m ? m.name : '') + '”。', { label: '撤销', run: function () {
        var blank = stand && store.id === stand && JSON.stringify(store.doc) === JSON.stringify(form.blank);
        store.restoreRemoved();
        if (blank) { store.forget(stand); }
        draw(false);
      } });
    });
    on('save-doc', saveFile);
    on('save-xlsx', function () { saveOffice(false); });
    on('save-docx', function () { saveOffice(true); });
    // files dropped anywhere on the page open as the 打开 button opens them
    document.addEventListener('dragover', function (ev) { if (ev.dataTransfer && Array.prototype.indexOf.call(ev.dataTransfer.types || [], 'Files') >= 0) { ev.preventDefault(); ev.dataTransfer.dropEffect = 'copy'; } });
    document.addEventListener('drop', function (ev) {
      if (!ev.dataTransfer || !ev.dataTransfer.files || !ev.dataTransfer.files.length) { return; }
      ev.preventDefault();
      openFiles(ev.dataTransfer.files);
    });
    // the menu closes once one of its buttons has done its work
    $('more').addEventListener('click', function (ev) { if (ev.target.tagName === 'BUTTON') { $('more').open = false; } });
    on('example-doc', function () {
      var example = window.jiaohe.readDocument($('jiaohe-example').textContent);
      newDraft(example, '示例：' + example.project);
      notice('已打开示例表（乌鲁木齐市 2023 年公开的项目支出绩效自评表）：按“乌鲁木齐2023口径”总分 89.15、等级良。可随意修改，原表不受影响。', null, 12000);
    });
    on('help-doc', function () { $('help').hidden = !$('help').hidden; if (!$('help').hidden) { $('help').scrollIntoView({ block: 'nearest' }); } });
    on('help-close', function () { $('help').hidden = true; });
    on('open-doc', function () { $('open-file').click(); });
    $('open-file').addEventListener('change', function (ev) { openFiles(ev.target.files); ev.target.value = ''; });
    on('print-doc', function () { window.print(); });
    // what is printed is the official table drawn for print, not the form being filled in
    $('print-findings').checked = pref('jiaohe.print-findings') !== 'no';
    $('print-findings').addEventListener('change', function () { pref('jiaohe.print-findings', $('print-findings').checked ? 'yes' : 'no'); });
    window.addEventListener('beforeprint', function () {
      if (form === JH.TEXT) { JH.textPrint($('printout')); return; }
      JH.printout($('printout'), form, store.doc, evaluate(store.doc), $('print-findings').checked);
    });
  };

})(window.JH = window.JH || {});

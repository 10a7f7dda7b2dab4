/* The page: drafts, forms and policy around the one <jiaohe-form> (element.js) that edits the
   open draft; files in and out (one file opens as a new draft, many as a reviewer's table), office
   files, the notices. No arithmetic here: every figure shown comes from the core. */
(function (JH) {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var catalog, store, form, sheet, policy = 'default';

  function clone(x) { return JSON.parse(JSON.stringify(x)); }
  var formOf = JH.formOf;
  var download = JH.download;
  var csvCell = JH.csvCell;

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

  function draw(keepFocus) { sheet.draw(keepFocus); }

  /* what the page shows around the form, once the element has drawn it */
  function drawn(f) {
    form = f;
    $('form-kind').value = f.kind;
    var text = f === JH.TEXT;
    $('legend').hidden = text;
    $('legend-text').hidden = !text;
    $('legend-explain').hidden = text || !f.layout.blocks.some(function (b) { return (b.columns || []).some(function (c) { return c.explain; }); });
    // Word only for a form with a full text (自评报告, 决算说明, 预算公开说明); Excel for every table
    $('save-docx').hidden = text || !f.layout.blocks.some(function (b) { return b.type === 'report' && b.path !== 'review'; });
    $('save-xlsx').hidden = text;
    drawDrafts();
  }

  function newDraft(doc, name) {
    store.create(doc, name);
    draw(false);
  }

  /* Reads document files (JSON, and office workbooks through the office module). */
  function readFiles(files, done) { JH.readFiles(files, done, function (name) { return OFFICE.test(name) && readOffice; }); }

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
          $('form').scrollIntoView({ block: 'start' });
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

  /* A 绩效目标表 carried forward (the element's 转为…自评表): next year's 自评表 as a new draft
     beside this one, its indicators and 分值 filled in, actuals left blank. */
  function carried(next) {
    var name = (next.project || next.unit || '').trim() || '自评表';
    newDraft(next, name + '（' + (next.year ? next.year + '年度' : '') + '自评表）');
    notice('已按绩效目标表新建自评表草稿“' + name + '”：指标、指标值、分值和年初预算数已填入；年度结束后请填写全年预算数、全年执行数和各指标的实际完成值。原绩效目标表仍在草稿列表中。', null, 12000);
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
      notice('已生成“' + name + '”' + (word ? '。' : '：合计、执行率及其得分、总分、等级为公式，在 Excel/WPS 中修改数字会自动重算；校核意见在“审核意见”工作表。'), null, 12000);
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
      sheet.lock(true);
      showSaveState();
      notice('这份草稿刚在另一个标签页中被修改。为免互相覆盖，本页已停止保存并改为只读；请刷新本页查看最新内容。', { label: '刷新', run: function () { window.location.reload(); } });
    });
  }

  /* the open draft changed (a key, a paste, an undo): the element evaluates it again */
  function changed() { sheet.changed(); }

  /* A preference kept in this browser's storage (when it has one). */
  function pref(key, value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      window.localStorage.setItem(key, value);
    } catch (e) { /* storage blocked: the preference lasts as long as the page */ }
    return null;
  }

  /* the core was started again after a trap: evaluate what is on screen once more */
  JH.recovered = function () { if (store && sheet) { sheet.refresh(); } };

  JH.start = function () {
    catalog = JH.catalog = window.jiaohe.catalog();
    JH.subjects = catalog.subjects;
    $('version').textContent = 'v' + window.jiaohe.version;
    catalog.forms.concat([JH.TEXT]).forEach(function (f) { $('form-kind').appendChild(JH.el('option', { value: f.kind, text: f.title })); });
    catalog.profiles.forEach(function (p) { $('policy').appendChild(JH.el('option', { value: p.name, text: p.title })); });
    policy = pref('jiaohe.policy') || 'default';
    $('policy').value = policy;
    if ($('policy').value !== policy) { policy = 'default'; $('policy').value = policy; }

    sheet = JH.attachSheet($('sheet'), null, {
      blankText: '尚未填写。按原表填写，或从 Excel 粘贴；“更多 → 打开示例表”可先看一张填好的表；要核对一段文字（决算说明等），在“表单”中选“文字核对”。',
      readOnlyPaste: '本页现为只读（另一标签页正在编辑这份草稿），没有粘贴；请刷新本页。',
      notice: notice,
      readFiles: readFiles,
      openFile: openFile,
      carry: carried,
      drawn: drawn,
      evaluated: showSaveState
    });
    sheet.policy(policy);
    store = new JH.Store(changed);
    /* start-up never depends on stored data being valid: a draft the core cannot read, or the page
       cannot draw, is set aside (listed as 无法打开) and the page starts on another or a new one */
    if (!store.resume()) {
      store.create(clone(catalog.forms[0].blank), '草稿 ' + (store.drafts().length + 1));
      store.fresh = store.id;
    }
    try {
      sheet.use(store);
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
      store = new JH.Store(changed);
      store.create(clone(catalog.forms[0].blank), '草稿 1');
      watchStore();
      sheet.use(store);
      notice('已清除本机草稿。');
    });

    // a save still waiting for a pause in typing is written when the page goes away
    window.addEventListener('pagehide', function () { store.flush(); });
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { store.flush(); } });
    // Ctrl+Z / Ctrl+Y anywhere on the page, not only in the form
    document.addEventListener('keydown', function (ev) { if (!ev.defaultPrevented) { sheet.undoKey(ev); } });
    $('policy').addEventListener('change', function () {
      policy = $('policy').value;
      pref('jiaohe.policy', policy);
      sheet.policy(policy);
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
      JH.printout($('printout'), form, store.doc, sheet.evaluate(), $('print-findings').checked);
    });
  };

})(window.JH = window.JH || {});
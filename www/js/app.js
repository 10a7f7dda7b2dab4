/* The page: pick a form and a policy, edit, see the core's answer on every keystroke, open and
   save documents as files, keyboard moves inside grids. No arithmetic here: every figure shown
   comes from the core. */
(function (JH) {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var catalog, store, form, policy = 'default';
  var formEl, findingsEl, summaryEl;

  function formOf(kind) {
    for (var i = 0; i < catalog.forms.length; i++) { if (catalog.forms[i].kind === kind) { return catalog.forms[i]; } }
    return null;
  }

  function notice(msg) {
    var n = $('notice');
    n.textContent = msg || '';
    n.hidden = !msg;
  }

  function evaluate() {
    try {
      return window.jiaohe.evaluate(store.doc, { policy: policy });
    } catch (e) {
      return { summary: {}, computed: {}, findings: [{ code: 'document', severity: 'error', path: '', message: String(e && e.message || e) }] };
    }
  }

  function refresh() {
    var ev = evaluate();
    JH.current = store.doc;
    JH.paint(formEl, ev);
    var s = ev.summary || {};
    summaryEl.textContent = '';
    var parts = [];
    if (s.total_score) { parts.push('总分 ' + s.total_score); }
    if (s.grade) { parts.push('等级 ' + s.grade); }
    if (s.exec_rate) { parts.push('执行率 ' + s.exec_rate); }
    parts.push('错误 ' + (s.errors || 0) + '，警告 ' + (s.warnings || 0) + '，提示 ' + (s.infos || 0));
    summaryEl.textContent = parts.join('　');
    findingsEl.innerHTML = '';
    (ev.findings || []).forEach(function (f) {
      var b = JH.el('button', { type: 'button', className: 'finding sev-' + f.severity, 'data-goto': f.path, 'data-code': f.code },
        [JH.el('span', { className: 'tag', text: JH.SEV[f.severity] || f.severity }), ' ' + f.message]);
      findingsEl.appendChild(JH.el('li', null, [b]));
    });
    if (!(ev.findings || []).length) { findingsEl.appendChild(JH.el('li', { className: 'ok', text: '未发现问题。' })); }
    var st = $('save-state');
    st.textContent = store.savedAt ? '已保存' : '未能保存到浏览器（存储已满或被禁用），请“保存为文件”';
    st.className = 'save-state' + (store.savedAt ? ' saved' : ' unsaved');
    window.jiaoheLast = ev;
  }

  function draw(keepFocus) {
    var active = document.activeElement;
    var path = keepFocus && active ? active.getAttribute('data-path') : null;
    form = formOf(store.doc.kind) || catalog.forms[0];
    $('form-kind').value = form.kind;
    JH.render(formEl, form, store.doc, { rowOp: rowOp, importFiles: importFiles });
    refresh();
    if (path) { JH.focusPath(formEl, path); }
  }

  function rowOp(list, op, i) {
    store.edit(function (doc) {
      var rows = JH.get(doc, list.path);
      if (!rows) { rows = []; JH.set(doc, list.path, rows); }
      if (op === 'add') {
        var tpl = JSON.parse(JSON.stringify(list.template || {}));
        var last = rows[rows.length - 1];
        if (last && 'level1' in last) { tpl.level1 = last.level1 || ''; tpl.level2 = last.level2 || ''; }
        rows.push(tpl);
      }
      if (op === 'remove') { rows.splice(i, 1); }
      if (op === 'up' && i > 0) { rows.splice(i - 1, 0, rows.splice(i, 1)[0]); }
      if (op === 'down' && i < rows.length - 1) { rows.splice(i + 1, 0, rows.splice(i, 1)[0]); }
    });
    draw(false);
    var n = (JH.get(store.doc, list.path) || []).length;
    var idx = op === 'add' ? n - 1 : op === 'up' ? i - 1 : op === 'down' ? i + 1 : Math.min(i, n - 1);
    if (idx >= 0) { JH.focusPath(formEl, list.path + '.' + idx); }
  }

  /* Reads JSON files; hands back [{name, doc}] or a message naming the first bad file. */
  function readFiles(files, done) {
    var list = Array.prototype.slice.call(files || []);
    var out = [];
    var next = function (i) {
      if (i >= list.length) { done(null, out); return; }
      var reader = new FileReader();
      reader.onload = function () {
        try { out.push({ name: list[i].name, doc: JSON.parse(String(reader.result).replace(/^\uFEFF/, '')) }); } catch (e) { done('“' + list[i].name + '”不是有效的 JSON 文件'); return; }
        next(i + 1);
      };
      reader.onerror = function () { done('无法读取“' + list[i].name + '”'); };
      reader.readAsText(list[i], 'utf-8');
    };
    next(0);
  }

  /* A package gathers a department's tables: the 整体 table and its project tables. */
  function importFiles(files, kinds) {
    readFiles(files, function (err, got) {
      if (err) { notice(err + '，未导入任何文件。'); return; }
      var bad = got.filter(function (g) { return !g.doc || kinds.indexOf(g.doc.kind) < 0; });
      if (bad.length) { notice('“' + bad[0].name + '”不是整体支出或项目支出自评表，未导入任何文件。'); return; }
      store.edit(function (doc) {
        got.forEach(function (g) {
          if (g.doc.kind === 'department_self_evaluation') { doc.department = g.doc; } else { (doc.projects = doc.projects || []).push(g.doc); }
        });
      });
      notice('已导入 ' + got.length + ' 个文件。');
      draw(false);
    });
  }

  function download(name, text, type) {
    var blob = new Blob([text], { type: type });
    var a = JH.el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function openText(name, textContent) {
    var doc;
    try {
      doc = JSON.parse(textContent.replace(/^\uFEFF/, ''));
      window.jiaohe.evaluate(doc, { policy: policy });
    } catch (e) {
      notice('无法打开“' + name + '”：' + (e && e.message ? e.message : e) + '。当前内容未作任何改动。');
      return false;
    }
    store.edit(function () {});
    store.doc = doc;
    store.save();
    notice('');
    draw(false);
    return true;
  }

  function onKey(ev) {
    var t = ev.target;
    if ((ev.ctrlKey || ev.metaKey) && !ev.altKey) {
      var k = ev.key.toLowerCase();
      if (k === 'z' && !ev.shiftKey) { ev.preventDefault(); if (store.undoEdit()) { draw(true); } return; }
      if (k === 'y' || (k === 'z' && ev.shiftKey)) { ev.preventDefault(); if (store.redoEdit()) { draw(true); } return; }
    }
    if (!t || !t.getAttribute || !t.getAttribute('data-path') || t.tagName === 'SELECT') { return; }
    var row = t.closest('tr[data-row]');
    var down = (ev.key === 'Enter' && t.tagName !== 'TEXTAREA') || (ev.key === 'ArrowDown' && t.tagName === 'INPUT');
    var up = ev.key === 'ArrowUp' && t.tagName === 'INPUT';
    if (!row || !(down || up)) { if (ev.key === 'Enter' && t.tagName === 'INPUT') { ev.preventDefault(); } return; }
    var key = t.getAttribute('data-path').split('.').pop();
    var sib = down ? row.nextElementSibling : row.previousElementSibling;
    if (sib) {
      var next = sib.querySelector('[data-path$=".' + key + '"]');
      if (next) { ev.preventDefault(); next.focus(); }
    } else {
      ev.preventDefault();
    }
  }

  JH.start = function () {
    catalog = window.jiaohe.catalog();
    formEl = $('form');
    findingsEl = $('findings');
    summaryEl = $('summary');
    $('version').textContent = 'v' + window.jiaohe.version;
    catalog.forms.forEach(function (f) { $('form-kind').appendChild(JH.el('option', { value: f.kind, text: f.title })); });
    catalog.profiles.forEach(function (p) { $('policy').appendChild(JH.el('option', { value: p.name, text: p.title })); });
    policy = window.localStorage.getItem('jiaohe.policy') || 'default';
    $('policy').value = policy;
    if ($('policy').value !== policy) { policy = 'default'; $('policy').value = policy; }

    store = new JH.Store(function (structural) { if (structural) { draw(true); } else { refresh(); } });
    var saved = store.restore();
    store.doc = saved && saved.kind ? saved : JSON.parse(JSON.stringify(catalog.forms[0].blank));
    store.save();
    draw(false);

    formEl.addEventListener('input', function (ev) {
      var p = ev.target.getAttribute && ev.target.getAttribute('data-path');
      if (p) { store.setField(p, ev.target.value); }
    });
    formEl.addEventListener('change', function (ev) {
      if (ev.target.tagName === 'SELECT') { store.setField(ev.target.getAttribute('data-path'), ev.target.value); }
    });
    document.addEventListener('keydown', onKey);
    findingsEl.addEventListener('click', function (ev) {
      var b = ev.target.closest('[data-goto]');
      if (b) { JH.focusPath(formEl, b.getAttribute('data-goto')); }
    });
    $('policy').addEventListener('change', function () {
      policy = $('policy').value;
      window.localStorage.setItem('jiaohe.policy', policy);
      refresh();
    });
    $('form-kind').addEventListener('change', function () {
      var f = formOf($('form-kind').value);
      if (f && f.kind !== store.doc.kind) { store.edit(function () {}); store.doc = JSON.parse(JSON.stringify(f.blank)); store.save(); draw(false); }
    });
    $('new-doc').addEventListener('click', function () {
      store.edit(function () {});
      store.doc = JSON.parse(JSON.stringify(form.blank));
      store.save();
      draw(false);
      notice('已新建空白表单；按 Ctrl+Z 可恢复之前的内容。');
    });
    $('save-doc').addEventListener('click', function () {
      var name = (store.doc.project || store.doc.unit || '表单').replace(/[\\/:*?"<>|]/g, '_');
      download(name + '.json', JSON.stringify(store.doc, null, 2), 'application/json');
    });
    $('open-doc').addEventListener('click', function () { $('open-file').click(); });
    $('open-file').addEventListener('change', function (ev) {
      var files = ev.target.files;
      if (!files || !files.length) { return; }
      var reader = new FileReader();
      var f = files[0];
      reader.onload = function () { openText(f.name, String(reader.result)); ev.target.value = ''; };
      reader.onerror = function () { notice('无法读取“' + f.name + '”。当前内容未作任何改动。'); };
      reader.readAsText(f, 'utf-8');
    });
    $('print-doc').addEventListener('click', function () { window.print(); });
  };

  JH.openText = openText;
})(window.JH = window.JH || {});

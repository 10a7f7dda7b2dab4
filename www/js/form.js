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
    layout.blocks.forEach(function (b) {
      (b.columns || b.fields || []).forEach(function (c) {
        if (c.options) {
          out.push(el('datalist', { id: 'dl-' + (c.key || c.path) }, c.options.map(function (o) { return el('option', { value: o }); })));
        }
      });
    });
    return out;
  }

  function renderFields(block, doc) {
    var wrap = el('div', { className: 'fields' });
    if (block.title) { wrap.appendChild(el('h3', { text: block.title })); }
    block.fields.forEach(function (f) {
      wrap.appendChild(el('label', { className: 'field' }, [
        el('span', { text: f.label }),
        field(f.path, JH.get(doc, f.path), { derived: f.derived, computed: f.computed, label: f.label, width: f.width, list: f.options ? 'dl-' + f.path : null }),
        el('span', { className: 'why', 'data-why': f.path })
      ]));
    });
    return wrap;
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

  function cell(col, path, value, label) {
    var td = el('td', { className: 'c-' + col.key + (col.wide ? ' wide' : '') + (col.amount ? ' num' : '') });
    td.appendChild(field(path, value, {
      derived: col.derived, computed: col.computed, multiline: col.wide, rows: 1,
      label: label + ' ' + col.label, list: col.options ? 'dl-' + col.key : null
    }));
    if (col.levels) {
      var sel = el('select', { 'data-path': path.replace(/\.actual$/, '.level'), className: 'level', 'aria-label': label + ' 完成等级', hidden: true },
        [el('option', { value: '', text: '完成等级…' })].concat(col.levels.map(function (l) { return el('option', { value: l, text: l }); })));
      sel.value = text(JH.get(JH.current, path.replace(/\.actual$/, '.level')));
      td.appendChild(sel);
    }
    td.appendChild(el('div', { className: 'why', 'data-why': path }));
    return td;
  }

  function renderGrid(block, doc, actions) {
    var cols = block.columns;
    var list = block.list;
    var table = el('table', { className: 'grid', 'data-grid': block.path });
    table.appendChild(el('caption', { text: block.title }));
    var head = el('tr', null, cols.map(function (c) { return el('th', { scope: 'col', text: c.label }); }));
    if (list) { head.appendChild(el('th', { scope: 'col', className: 'no-print', text: '操作' })); }
    table.appendChild(el('thead', null, [head]));
    var body = el('tbody');
    (block.fixed || []).forEach(function (fx) {
      var tr = el('tr', { className: 'fixed' });
      cols.forEach(function (c) {
        if (c.key === 'label') { tr.appendChild(el('th', { scope: 'row', text: fx.label })); return; }
        var col = c;
        if (fx.computed && fx.computed.indexOf(c.key) >= 0) { col = Object.assign({}, c, { computed: true }); }
        tr.appendChild(cell(col, fx.path + '.' + c.key, JH.get(doc, fx.path + '.' + c.key), fx.label));
      });
      if (list) { tr.appendChild(el('td', { className: 'no-print' })); }
      body.appendChild(tr);
    });
    if (list) {
      var rows = JH.get(doc, list.path) || [];
      rows.forEach(function (row, i) {
        var p = list.path + '.' + i;
        var tr = el('tr', { 'data-row': p });
        var name = '第' + (i + 1) + '行';
        cols.forEach(function (c) {
          if (c.total_only) { tr.appendChild(el('td', { className: 'na', text: '—' })); return; }
          tr.appendChild(cell(c, p + '.' + c.key, JH.get(doc, p + '.' + c.key), name));
        });
        var ops = el('td', { className: 'ops no-print' });
        if (list.reorder) {
          ops.appendChild(el('button', { type: 'button', 'data-op': 'up', 'data-index': i, 'aria-label': name + '上移', title: '上移', text: '↑' }));
          ops.appendChild(el('button', { type: 'button', 'data-op': 'down', 'data-index': i, 'aria-label': name + '下移', title: '下移', text: '↓' }));
        }
        ops.appendChild(el('button', { type: 'button', 'data-op': 'remove', 'data-index': i, 'aria-label': '删除' + name, title: '删除', text: '✕' }));
        if (list.no_add) { name = text(JH.get(doc, p + '.project')) || name; ops.lastChild.setAttribute('aria-label', '移除' + name); }
        tr.appendChild(ops);
        body.appendChild(tr);
      });
    }
    table.appendChild(body);
    var csv = el('button', { type: 'button', className: 'csv no-print', text: '导出 CSV', 'aria-label': block.title + ' 导出 CSV' });
    csv.addEventListener('click', function () { actions.exportCsv(block); });
    var wrap = el('div', { className: 'grid-wrap' }, [table, csv]);
    if (list) {
      if (!list.no_add) { wrap.appendChild(el('button', { type: 'button', className: 'add no-print', 'data-op': 'add', text: '＋ ' + list.add })); }
      wrap.addEventListener('click', function (ev) {
        var b = ev.target.closest ? ev.target.closest('button[data-op]') : null;
        if (b) { actions.rowOp(list, b.getAttribute('data-op'), Number(b.getAttribute('data-index'))); }
      });
    }
    return wrap;
  }

  /* The generated text: read-only, copied or printed as it is. */
  function renderReport(block) {
    var out = el('output', { 'data-path': block.path, className: 'report-text', tabindex: '-1', 'aria-label': block.title });
    var copy = el('button', { type: 'button', className: 'no-print', text: '复制全文' });
    copy.addEventListener('click', function () {
      var range = document.createRange();
      range.selectNodeContents(out);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      try { document.execCommand('copy'); copy.textContent = '已复制'; } catch (e) { copy.textContent = '请按 Ctrl+C 复制'; }
    });
    return el('section', { className: 'report' }, [el('h3', null, [block.title + ' ', copy]), out]);
  }

  function renderImport(block, actions) {
    var input = el('input', { type: 'file', accept: '.json,application/json', multiple: true, className: 'no-print', 'aria-label': block.label });
    input.addEventListener('change', function () { actions.importFiles(input.files, block.kinds); input.value = ''; });
    return el('div', { className: 'fields no-print' }, [el('h3', { text: block.title }), el('label', { className: 'field' }, [el('span', { text: block.label }), input])]);
  }

  function render(container, form, doc, actions) {
    JH.current = doc;
    container.innerHTML = '';
    var layout = form.layout;
    container.appendChild(el('h1', { className: 'form-title', text: layout.title }));
    container.appendChild(el('p', { className: 'form-year', 'data-year': '' }));
    datalists(layout).forEach(function (d) { container.appendChild(d); });
    layout.blocks.forEach(function (b) {
      if (b.type === 'fields') { container.appendChild(renderFields(b, doc)); }
      if (b.type === 'texts') { container.appendChild(renderTexts(b, doc)); }
      if (b.type === 'grid') { container.appendChild(renderGrid(b, doc, actions)); }
      if (b.type === 'report') { container.appendChild(renderReport(b)); }
      if (b.type === 'import') { container.appendChild(renderImport(b, actions)); }
    });
  }

  var SEV = { error: '错误', warning: '警告', info: '提示' };

  /* The element a finding's path belongs to: the field itself, else its row. */
  function target(container, path) {
    var p = path;
    while (p) {
      var e = container.querySelector('[data-path="' + p + '"]');
      if (e) { return e; }
      var r = container.querySelector('[data-row="' + p + '"]');
      if (r) { return r.querySelector('input, textarea, select') || r; }
      var i = p.lastIndexOf('.');
      p = i > 0 ? p.slice(0, i) : '';
    }
    return null;
  }

  function paint(container, ev) {
    var computed = ev.computed || {};
    container.querySelectorAll('[data-path]').forEach(function (e) {
      var path = e.getAttribute('data-path');
      var c = computed[path];
      e.classList.remove('sev-error', 'sev-warning', 'sev-info');
      if (e.tagName === 'OUTPUT') {
        var own = JH.get(JH.current, path);
        e.textContent = c !== undefined ? c : (typeof own === 'string' ? own : '');
      } else if (e.classList.contains('computable')) {
        e.placeholder = c === undefined ? '' : c;
        e.classList.toggle('auto', e.value.trim() === '' && c !== undefined);
      } else if (e.tagName === 'INPUT' && c !== undefined && e.value.trim() === '') {
        e.placeholder = c;
      }
      if (e.classList.contains('level')) {
        var kind = computed[path.replace(/\.level$/, '.kind')];
        e.hidden = kind !== '定性' && e.value === '';
      }
    });
    container.querySelectorAll('.why').forEach(function (w) { w.textContent = ''; w.className = 'why'; });
    container.querySelectorAll('[data-year]').forEach(function (y) {
      var year = (JH.current && JH.current.year) || '';
      y.textContent = year ? '（' + year + '年度）' : '';
    });
    (ev.findings || []).forEach(function (f) {
      var e = target(container, f.path);
      if (!e) { return; }
      if (!e.classList.contains('sev-error') && !(f.severity === 'info' && e.classList.contains('sev-warning'))) {
        e.classList.remove('sev-warning', 'sev-info');
        e.classList.add('sev-' + f.severity);
      }
      var td = e.closest ? e.closest('td, label') : null;
      var why = td ? td.querySelector('.why') : null;
      if (why && f.severity !== 'info') {
        why.textContent = (why.textContent ? why.textContent + '；' : '') + f.message;
        why.classList.add('sev-' + f.severity);
      }
    });
  }

  function focusPath(container, path) {
    var e = target(container, path);
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
})(window.JH = window.JH || {});

/* The printout: the official table as it is handed in, drawn from the form's layout, the draft
   and the last evaluation — plain text in ruled cells (no input boxes, no colours), every text in
   full, 一级/二级 merged down the rows they cover, the header repeated on each page, and the
   findings after the table when asked for. A4 landscape for the tables, portrait for the report.
   A report form prints the report itself, as it is handed in: the generated text in paragraphs
   (title and year centred, 2-character first-line indents), not the page's entry tables; while
   errors remain, a note marked as not part of the report comes first when findings are printed. */
(function (JH) {
  'use strict';
  var el = JH.el;
  // more rows than a browser lays out for printing in reasonable time
  var PRINT_MAX = 5000;

  function shown(doc, computed, path) {
    var own = JH.get(doc, path);
    var typed = typeof own === 'string' ? own.trim() : own === undefined || own === null ? '' : String(own);
    if (typed) { return typed; }
    var c = computed[path];
    return c === undefined ? '' : String(c);
  }

  function fields(block, doc, computed) {
    var rows = [];
    var pairs = block.fields.map(function (f) { return [f.label, shown(doc, computed, f.path)]; });
    for (var i = 0; i < pairs.length; i += 3) {
      var tr = el('tr');
      pairs.slice(i, i + 3).forEach(function (p) { tr.appendChild(el('th', { text: p[0] })); tr.appendChild(el('td', { text: p[1] })); });
      rows.push(tr);
    }
    return el('table', { className: 'p-fields' }, [el('tbody', null, rows)]);
  }

  function texts(block, doc) {
    return el('table', { className: 'p-texts' }, [el('caption', { text: block.title }), el('tbody', null, block.fields.map(function (f) {
      return el('tr', null, [el('th', { text: f.label }), el('td', { className: 'p-long', text: shown(doc, {}, f.path) })]);
    }))]);
  }

  function grid(block, doc, computed) {
    var list = block.list;
    var all = list ? (JH.get(doc, list.path) || []) : [];
    var rows = all.slice(0, PRINT_MAX);
    // the official form's columns: not the page's own computed ones; 赋分规则 only when written
    var cols = block.columns.filter(function (c) {
      if ((c.derived && list && !list.no_add) || c.explain) { return false; }
      if (c.key === 'rule') { return rows.some(function (r) { return r && typeof r.rule === 'string' && r.rule.trim(); }); }
      return true;
    });
    // each column's share of the width, in whole parts; the browser divides
    var weight = function (c) { return c.wide ? 30 : c.text ? 16 : 10; };
    var total = cols.reduce(function (a, c) { return a + weight(c); }, 0);
    // widths through the CSSOM, not style attributes: a strict CSP (the embedded element's) refuses those
    var colgroup = el('colgroup', null, cols.map(function (c) { var col = el('col'); col.style.width = 'calc(100% * ' + weight(c) + ' / ' + total + ')'; return col; }));
    var head = el('thead', null, [el('tr', null, cols.map(function (c) { return el('th', { text: c.label }); }))]);
    var body = el('tbody');
    (block.fixed || []).forEach(function (fx) {
      body.appendChild(el('tr', null, cols.map(function (c) {
        return c.key === 'label' || c.key === fx.label_at ? el('th', { text: fx.label }) : el('td', { className: c.text ? '' : 'p-num', text: shown(doc, computed, fx.path + '.' + c.key) });
      })));
    });
    // 一级 / 二级 as merged cells: a blank one continues the one above, as on the official form
    var levels = rows.map(function () { return {}; });
    ['level1', 'level2'].forEach(function (key) {
      if (!cols.some(function (c) { return c.key === key; })) { return; }
      var start = -1;
      var value = null;
      rows.forEach(function (r, i) {
        var v = r && typeof r[key] === 'string' ? r[key].trim() : '';
        var parentBreak = key === 'level2' && levels[i].level1Start;
        if (start < 0 || (v && v !== value) || parentBreak) { start = i; value = v; levels[i][key + 'Start'] = true; levels[i][key] = 1; } else { levels[start][key]++; }
      });
    });
    rows.forEach(function (r, i) {
      var p = list.path + '.' + i;
      var tr = el('tr');
      cols.forEach(function (c) {
        if (c.key === 'level1' || c.key === 'level2') {
          if (!levels[i][c.key + 'Start']) { return; }
          var td = el('td', { text: shown(doc, computed, p + '.' + c.key) });
          if (levels[i][c.key] > 1) { td.setAttribute('rowspan', levels[i][c.key]); }
          tr.appendChild(td);
          return;
        }
        tr.appendChild(el('td', { className: c.text || c.wide ? 'p-long' : 'p-num', text: c.total_only ? '' : shown(doc, computed, p + '.' + c.key) }));
      });
      body.appendChild(tr);
    });
    if (all.length > PRINT_MAX) {
      body.appendChild(el('tr', null, [el('td', { colspan: cols.length, text: '本表共 ' + all.length + ' 行，打印只含前 ' + PRINT_MAX + ' 行；完整的表格请“导出 CSV”后打印。' })]));
    }
    return el('table', { className: 'p-grid' }, [el('caption', { text: block.title }), colgroup, head, body]);
  }

  function totalsRow(table, block, doc, computed) {
    var n = table.querySelector('colgroup').children.length;
    var k = block.fields.length;
    var tr = el('tr', { className: 'p-total' });
    block.fields.forEach(function (f, i) {
      var span = i < k - 1 ? Math.floor(n / k) : n - Math.floor(n / k) * (k - 1);
      tr.appendChild(el('td', { colspan: span, text: f.label + '：' + shown(doc, computed, f.path) }));
    });
    table.tBodies[0].appendChild(tr);
  }

  function report(box, block, computed, findings, withFindings) {
    var errors = findings.filter(function (f) { return f.severity === 'error'; });
    if (withFindings && errors.length) {
      box.appendChild(el('p', { className: 'p-note', text: '校核提示（不属于报告正文）：以下 ' + errors.length + ' 处错误尚未改正，报告中的数字按校核结果填写，错误列在文末“校核结果”中。' }));
    }
    box.appendChild(el('div', { className: 'p-report' }, JH.reportParagraphs(computed[block.path])));
  }

  JH.printout = function (box, form, doc, ev, withFindings) {
    var computed = (ev && ev.computed) || {};
    var layout = form.layout;
    var findings = (ev && ev.findings) || [];
    box.innerHTML = '';
    var reports = layout.blocks.filter(function (b) { return b.type === 'report'; });
    var reportBlock = reports[0];
    // published tables with their texts (预算公开) print them all: a text placed above the tables
    // (the reviewer's 审核摘要) is the first page, the tables follow in landscape, the texts below
    // them (the 说明) on portrait pages after them; a report form prints its report alone
    var firstTable = -1;
    layout.blocks.forEach(function (b, i) { if (firstTable < 0 && b.list && b.list.published) { firstTable = i; } });
    var end = box;
    if (firstTable >= 0) {
      var before = reports.filter(function (b) { return layout.blocks.indexOf(b) < firstTable; });
      before.forEach(function (b) { report(box.appendChild(el('div', { className: 'p-report-part p-cover' })), b, computed, findings, false); });
      tables(box, layout, doc, computed);
      reports.filter(function (b) { return before.indexOf(b) < 0; }).forEach(function (b) {
        // the findings follow the explanation on its portrait pages
        end = box.appendChild(el('div', { className: 'p-report-part' }));
        report(end, b, computed, findings, withFindings);
      });
      reportBlock = null;
    } else if (reportBlock) {
      report(box, reportBlock, computed, findings, withFindings);
    } else {
      tables(box, layout, doc, computed);
    }
    if (withFindings && findings.length) {
      end.appendChild(el('h3', { className: 'p-findings-title' + (reportBlock ? ' p-break' : ''), text: '校核结果（' + findings.length + ' 条）' }));
      end.appendChild(el('ol', { className: 'p-findings' }, findings.map(function (f) { return el('li', { text: (JH.SEV[f.severity] || f.severity) + '：' + f.message }); })));
    }
    var pageRule = '@page { size: A4 ' + (reportBlock ? 'portrait' : 'landscape') + '; margin: ' + MARGIN_MM + 'mm; } @page report { size: A4 portrait; }';
    var doc0 = box.ownerDocument;
    if (doc0.jhPrint) {
      // the element prints from its own frame, whose styles are constructed sheets (strict CSP)
      doc0.jhPrint.page.replaceSync(pageRule);
    } else {
      var page = doc0.getElementById('print-page');
      if (!page) { page = el('style', { id: 'print-page' }); doc0.head.appendChild(page); }
      page.textContent = pageRule;
    }
    if (!reportBlock) { paginate(box); }
  };

  var MARGIN_MM = 12;
  var PX_PER_MM = 96 / 25.4;

  /* Where the pages of a printed table break, decided here rather than by the browser: Chromium
     will not break between rows a merged (rowspan) cell covers, so a merged 一级 group that does
     not fit below the header moved whole to the next page and left the header alone at the foot
     of the page before. The printout is laid out once with the print styles at the A4 landscape
     content width, each row is placed on its page as the browser places unbreakable rows, and
     each table is cut where a page ends: every part is its own table with the header, starting a
     new page, and a merged cell cut by the page is continued at the top of the next part (its
     name printed again). A table none of whose rows fits below its header starts a page whole. */
  function paginate(box) {
    var doc0 = box.ownerDocument;
    var style = doc0.jhPrint ? null : doc0.querySelector('style[media="print"]');
    var sheet = style ? { set media(m) { style.media = m; } } : doc0.jhPrint ? { set media(m) { doc0.jhPrint.print.media.mediaText = m; } } : null;
    if (!sheet) { return; }
    var width = (297 - 2 * MARGIN_MM) * PX_PER_MM;
    // a little short of the page, for the rounding of borders and lines between two layouts
    var height = (210 - 2 * MARGIN_MM) * PX_PER_MM * 0.985;
    sheet.media = 'all';
    box.style.width = width + 'px';
    var cuts = [];
    try {
      var origin = box.getBoundingClientRect().top;
      var top = function (e) { return e.getBoundingClientRect().top - origin; };
      var bottom = function (e) { return e.getBoundingClientRect().bottom - origin; };
      var pageTop = 0;
      Array.prototype.forEach.call(box.children, function (block) {
        // a portrait page before the tables (the 审核摘要) ends its page
        if (/\bp-cover\b/.test(block.className)) { pageTop = bottom(block); return; }
        if (block.tagName !== 'TABLE') {
          if (bottom(block) - pageTop > height && top(block) > pageTop) { pageTop = top(block); }
          return;
        }
        var head = block.tHead ? block.tHead.getBoundingClientRect().height : 0;
        var rows = block.tBodies[0] ? Array.prototype.slice.call(block.tBodies[0].rows) : [];
        var at = [];
        rows.forEach(function (tr, i) {
          if (bottom(tr) - pageTop > height) {
            if (i === 0) {
              // not even the first row fits below the header: the table starts the next page
              if (top(block) > pageTop) { pageTop = top(block); at.push(0); }
            } else {
              // the totals row goes with the row above it, not alone under a header
              var j = /\bp-total\b/.test(tr.className) && i > 1 && at[at.length - 1] !== i - 1 ? i - 1 : i;
              if (top(rows[j]) - head > pageTop) { pageTop = top(rows[j]) - head; at.push(j); }
            }
          }
          // a row taller than a page is broken inside by the browser
          while (bottom(tr) - pageTop > height) { pageTop += height; }
        });
        // only the grids have merged cells and a header to repeat; the others break as they are
        if (at.length && /\bp-grid\b/.test(block.className)) { cuts.push({ table: block, at: at }); }
      });
    } finally {
      sheet.media = 'print';
      box.style.width = '';
    }
    cuts.forEach(function (c) { cut(c.table, c.at); });
  }

  /* `table` cut before each of its body rows in `at` (0: the whole table starts a page). The
     merged cells are the leading columns (一级, 二级), so a continued one goes first in its row. */
  function cut(table, at) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    // the merged cells open at this row: { cell, first row, last row it covers }
    var open = [];
    var parts = [];
    var next = table;
    rows.forEach(function (tr, i) {
      open = open.filter(function (o) { return o.last >= i; });
      if (at.indexOf(i) >= 0) {
        if (i > 0) {
          parts.push(next);
          next = table.cloneNode(false);
          next.appendChild(table.querySelector('colgroup').cloneNode(true));
          if (table.tHead) { next.appendChild(table.tHead.cloneNode(true)); }
          next.appendChild(el('tbody'));
          // each merged cell the page cuts ends above it and goes on at the top of the new part
          var lead = open.map(function (o) {
            o.cell.rowSpan = i - o.first;
            var go = o.cell.cloneNode(true);
            go.rowSpan = o.last - i + 1;
            o.cell = go;
            o.first = i;
            return go;
          });
          for (var k = lead.length - 1; k >= 0; k--) { tr.insertBefore(lead[k], tr.firstChild); }
        }
        next.style.breakBefore = 'page';
        next.style.pageBreakBefore = 'always';
      }
      Array.prototype.forEach.call(tr.cells, function (td) {
        if (td.rowSpan > 1 && !open.some(function (o) { return o.cell === td; })) { open.push({ cell: td, first: i, last: i + td.rowSpan - 1 }); }
      });
      if (next !== table) { next.tBodies[0].appendChild(tr); }
    });
    parts.push(next);
    var after = table.nextSibling;
    parts.slice(1).forEach(function (p) { table.parentNode.insertBefore(p, after); });
  }

  function tables(box, layout, doc, computed) {
    box.appendChild(el('h1', { text: layout.title }));
    if (doc.year) { box.appendChild(el('p', { className: 'p-year', text: '（' + doc.year + '年度）' })); }
    var lastGrid = null;
    layout.blocks.forEach(function (b) {
      if (b.explain) { return; }
      // the totals under a table are its last row, as on the official form, so they stay with it
      if (b.type === 'fields' && lastGrid && b.title === '合计') { totalsRow(lastGrid, b, doc, computed); lastGrid = null; return; }
      lastGrid = b.type === 'grid' ? box.appendChild(grid(b, doc, computed)) : null;
      if (b.type === 'grid') { return; }
      if (b.type === 'fields') { if (b.title) { box.appendChild(el('h3', { text: b.title })); } box.appendChild(fields(b, doc, computed)); }
      if (b.type === 'texts') { box.appendChild(texts(b, doc)); }
    });
  }
})(window.JH = window.JH || {});

/* What Excel and WPS put on the clipboard, read as they write it. Text: cells separated by tabs,
   rows by line breaks, and a cell that holds a tab, a line break or a quote written in quotes with
   its quotes doubled. HTML (also there when a table is copied from Excel, WPS, Word or a web
   page): the first table, merged cells repeated into every row and column they cover, <br> as a
   line break. Both give rows of cell texts. */
(function (JH) {
  'use strict';

  /* Whether the quote at `i`, opening a cell, is Excel's quoting: its closing quote is followed by
     the end of the cell. Otherwise (`"放管服"改革`, an unmatched `"`) the quote is the text's own. */
  function quotedCell(text, i) {
    for (var j = i + 1; j < text.length; j++) {
      if (text.charAt(j) !== '"') { continue; }
      if (text.charAt(j + 1) === '"') { j++; continue; }
      var after = text.charAt(j + 1);
      return after === '' || after === '\t' || after === '\r' || after === '\n';
    }
    return false;
  }

  function parseText(text) {
    var rows = [];
    var row = [];
    var cell = '';
    var quoted = false;
    var fresh = true; // at the start of a cell
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (quoted) {
        if (ch !== '"') { cell += ch; } else if (text.charAt(i + 1) === '"') { cell += '"'; i++; } else { quoted = false; }
        continue;
      }
      if (fresh && ch === '"' && quotedCell(text, i)) { quoted = true; fresh = false; continue; }
      fresh = false;
      if (ch === '\t') { row.push(cell); cell = ''; fresh = true; continue; }
      if (ch === '\r' || ch === '\n') {
        if (ch === '\r' && text.charAt(i + 1) === '\n') { i++; }
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        fresh = true;
        continue;
      }
      cell += ch;
    }
    if (!fresh || cell !== '' || row.length) { row.push(cell); rows.push(row); }
    return rows;
  }

  function parseHtml(html) {
    if (!/<table/i.test(html) || typeof DOMParser !== 'function') { return null; }
    var table = new DOMParser().parseFromString(html, 'text/html').querySelector('table');
    if (!table) { return null; }
    var rows = [];
    Array.prototype.forEach.call(table.rows, function (tr, r) {
      var row = rows[r] || (rows[r] = []);
      var c = 0;
      Array.prototype.forEach.call(tr.cells, function (td) {
        while (row[c] !== undefined) { c++; }
        Array.prototype.forEach.call(td.querySelectorAll('br'), function (b) { b.parentNode.replaceChild(td.ownerDocument.createTextNode('\u0000'), b); });
        // HTML's own line wrapping is a space; only <br> breaks a line
        var text = td.textContent.replace(/[\s\u00a0]+/g, ' ').replace(/ ?\u0000 ?/g, '\n').trim();
        var across = Math.max(1, td.colSpan || 1);
        // a merged cell reaches no further than the rows copied
        var down = Math.max(1, Math.min(td.rowSpan || 1, table.rows.length - r));
        for (var dr = 0; dr < down; dr++) {
          var into = rows[r + dr] || (rows[r + dr] = []);
          for (var dc = 0; dc < across; dc++) { into[c + dc] = text; }
        }
        c += across;
      });
    });
    // a merged cell may leave holes in the rows it does not reach
    return rows.map(function (row) { var out = []; for (var i = 0; i < row.length; i++) { out.push(row[i] === undefined ? '' : row[i]); } return out; });
  }

  /* The clipboard's table: its HTML table when there is one, else its text. */
  JH.clipboardRows = function (data) {
    var html = data.getData('text/html');
    var rows = html ? parseHtml(html) : null;
    return rows && rows.length ? rows : parseText(data.getData('text/plain') || '');
  };
  JH.parseClipboardText = parseText;
})(window.JH = window.JH || {});

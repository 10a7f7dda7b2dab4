/* A document being edited: fields read and written by path ("funds.rows.0.executed"), undo and
   redo, text held exactly as typed (invalid text included). The element edits one in memory; the
   page's drafts (doc.js) are Edits that save themselves. */
(function (JH) {
  'use strict';

  function get(obj, path) {
    var parts = path.split('.');
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || typeof cur !== 'object') { return undefined; }
      cur = cur[parts[i]];
    }
    return cur;
  }

  function set(obj, path, value) {
    var parts = path.split('.');
    var cur = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      var k = parts[i];
      if (cur[k] === null || typeof cur[k] !== 'object') {
        cur[k] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      }
      cur = cur[k];
    }
    cur[parts[parts.length - 1]] = value;
  }

  /* `onChange` runs after every edit; save and saveSoon are the drafts' (nothing in memory). */
  function Edits(doc, onChange) {
    this.doc = doc;
    this.onChange = onChange || function () {};
    this.undo = [];
    this.redo = [];
    this.cellOpen = null;
    this.readOnly = false;
  }
  Edits.prototype.save = function () { return true; };
  Edits.prototype.saveSoon = function () {};
  Edits.prototype.flush = function () {};

  /* An edit of rows (add, move, remove, paste): undo keeps the document before it. */
  Edits.prototype.edit = function (fn) {
    if (this.readOnly) { this.onChange(); return; }
    this.remember(JSON.stringify(this.doc));
    fn(this.doc);
    this.save();
    this.onChange();
  };

  Edits.prototype.remember = function (step) {
    this.undo.push(step);
    if (this.undo.length > 500) { this.undo.shift(); }
    this.redo = [];
    this.cellOpen = null;
  };

  /* Replaces the whole document as one undoable edit (new form, opened file). */
  Edits.prototype.replace = function (doc) {
    this.remember(JSON.stringify(this.doc));
    this.doc = doc;
    this.save();
  };

  /* One cell's edit: undo keeps only that cell's text before it, and the keystrokes of one
     visit to a cell are one step, as in Excel/WPS (`endCell` closes the visit). */
  Edits.prototype.setField = function (path, value) {
    var before = get(this.doc, path);
    if (before === value) { return; }
    if (this.readOnly) { this.onChange(); return; }
    if (this.cellOpen !== path) {
      this.remember({ path: path, text: before });
      this.cellOpen = path;
    }
    set(this.doc, path, value);
    this.saveSoon();
    this.onChange();
  };

  Edits.prototype.endCell = function () { this.cellOpen = null; };

  Edits.prototype.step = function (from, to) {
    if (!from.length || this.readOnly) { return false; }
    var step = from.pop();
    if (typeof step === 'string') {
      to.push(JSON.stringify(this.doc));
      this.doc = JSON.parse(step);
    } else {
      to.push({ path: step.path, text: get(this.doc, step.path) });
      set(this.doc, step.path, step.text === undefined ? '' : step.text);
    }
    this.cellOpen = null;
    this.save();
    return true;
  };
  Edits.prototype.undoEdit = function () { return this.step(this.undo, this.redo); };
  Edits.prototype.redoEdit = function () { return this.step(this.redo, this.undo); };

  /* the core's functions: the page's window.jiaohe (loader.js), or the package's ES module */
  JH.api = function () { return JH.wasm || window.jiaohe; };

  JH.get = get;
  JH.set = set;
  JH.Edits = Edits;
})(window.JH = window.JH || {});

/* The document the user is editing: read and write fields by path ("funds.rows.0.executed"),
   autosave every change to browser storage, undo and redo. Holds text exactly as typed. */
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

  var KEY = 'jiaohe.current';

  function Store(onChange) {
    this.onChange = onChange;
    this.doc = null;
    this.undo = [];
    this.redo = [];
    this.savedAt = null;
  }

  Store.prototype.load = function (doc) {
    this.doc = doc;
    this.undo = [];
    this.redo = [];
    this.save();
  };

  Store.prototype.restore = function () {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (raw) { return JSON.parse(raw); }
    } catch (e) { /* a damaged draft is not a reason to fail to start */ }
    return null;
  };

  Store.prototype.save = function () {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(this.doc));
      this.savedAt = new Date();
      return true;
    } catch (e) {
      this.savedAt = null;
      return false;
    }
  };

  /* One edit: remember the whole document before it, so undo is exact. */
  Store.prototype.edit = function (fn) {
    this.undo.push(JSON.stringify(this.doc));
    if (this.undo.length > 200) { this.undo.shift(); }
    this.redo = [];
    fn(this.doc);
    this.save();
    this.onChange();
  };

  Store.prototype.setField = function (path, value) {
    if (get(this.doc, path) === value) { return; }
    this.edit(function (doc) { set(doc, path, value); });
  };

  Store.prototype.step = function (from, to) {
    if (!from.length) { return false; }
    to.push(JSON.stringify(this.doc));
    this.doc = JSON.parse(from.pop());
    this.save();
    this.onChange(true);
    return true;
  };
  Store.prototype.undoEdit = function () { return this.step(this.undo, this.redo); };
  Store.prototype.redoEdit = function () { return this.step(this.redo, this.undo); };

  JH.get = get;
  JH.set = set;
  JH.Store = Store;
})(window.JH = window.JH || {});

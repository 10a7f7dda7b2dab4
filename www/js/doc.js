/* The documents the user is editing: read and write fields by path ("funds.rows.0.executed"),
   several named drafts kept in browser storage and saved on every change, undo and redo.
   Holds text exactly as typed, invalid text included. */
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

  var INDEX = 'jiaohe.drafts';
  var ACTIVE = 'jiaohe.active';
  var LEGACY = 'jiaohe.current';
  /* where drafts live: this browser's storage (shared by every local file page), or, with
     “不在本机保存”, this tab's session only; blocked storage falls back to memory */
  var MODE = 'jiaohe.mode';
  function usable(name) {
    try { var s = window[name]; s.setItem('jiaohe.probe', '1'); s.removeItem('jiaohe.probe'); return s; } catch (e) { return null; }
  }
  function memory() {
    var m = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(m, k) ? m[k] : null; },
      setItem: function (k, v) { m[k] = String(v); },
      removeItem: function (k) { delete m[k]; },
      key: function (i) { return Object.keys(m)[i] || null; },
      get length() { return Object.keys(m).length; }
    };
  }
  var local = usable('localStorage');
  var session = usable('sessionStorage') || memory();
  JH.storageBlocked = !local;
  var ls = local && local.getItem(MODE) !== 'session' ? local : session;

  /* the drafts and their list (preferences stay where they are) */
  function keys(store) {
    var out = [];
    try { for (var i = 0; i < store.length; i++) { var k = store.key(i); if (k && (k.indexOf('jiaohe.draft.') === 0 || k === INDEX || k === ACTIVE)) { out.push(k); } } } catch (e) { /* none */ }
    return out;
  }

  /* Moves every draft to this tab's session (true) or back to this browser's storage (false). */
  JH.sessionOnly = function (on) {
    if (!local) { return false; }
    var from = on ? local : session;
    var to = on ? session : local;
    try {
      keys(from).forEach(function (k) { to.setItem(k, from.getItem(k)); from.removeItem(k); });
      if (on) { local.setItem(MODE, 'session'); } else { local.removeItem(MODE); }
    } catch (e) { return false; }
    ls = to;
    return true;
  };
  JH.isSessionOnly = function () { return ls !== local; };

  /* Removes every draft from this browser's storage and this tab's session. */
  JH.clearDrafts = function () {
    [local, session].forEach(function (s) { if (s) { keys(s).forEach(function (k) { try { s.removeItem(k); } catch (e) { /* gone */ } }); } });
  };

  function read(key) {
    try { var raw = ls.getItem(key); return raw ? JSON.parse(raw) : null; } catch (e) { return null; }
  }

  /* A stored draft through the core's reader (the one files and the CLI use): { doc } when it is a
     document, { raw, error } when it is not, null when there is nothing. */
  function readDraft(key) {
    var raw;
    try { raw = ls.getItem(key); } catch (e) { return null; }
    if (!raw) { return null; }
    try { return { doc: window.jiaohe.readDocument(raw) }; } catch (e) { return { raw: raw, error: String(e && e.message || e) }; }
  }

  function write(key, value) {
    try { ls.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }

  function newId() { return 'd' + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36); }

  function Store(onChange) {
    this.onChange = onChange;
    this.doc = null;
    this.id = null;
    this.undo = [];
    this.redo = [];
    this.savedAt = null;
    this.trash = null;
    /* drafts that cannot be read, by id: listed, never opened, never overwritten */
    this.broken = {};
    var index = read(INDEX);
    this.index = Array.isArray(index) ? index.filter(function (m) { return m && typeof m.id === 'string'; }).map(function (m) {
      return { id: m.id, name: typeof m.name === 'string' && m.name ? m.name : '草稿' };
    }) : [];
    /* every stored draft is listed, even one the list lost (a damaged list, another tab's save) */
    var known = {};
    this.index.forEach(function (m) { known[m.id] = true; });
    var found = 0;
    try {
      for (var k = 0; k < ls.length; k++) {
        var key = ls.key(k);
        var id = key && /^jiaohe\.draft\.(.+)$/.exec(key);
        if (id && !known[id[1]]) { found++; known[id[1]] = true; this.index.push({ id: id[1], name: '恢复的草稿 ' + found }); }
      }
    } catch (e) { /* storage unreadable: nothing to recover */ }
    if (found) { this.saveIndex(); }
    var legacy = read(LEGACY);
    if (!this.index.length && legacy && legacy.kind) {
      this.create(legacy, '草稿 1');
      try { ls.removeItem(LEGACY); } catch (e) { /* keep going */ }
    }
  }

  Store.prototype.drafts = function () { return this.index.slice(); };

  Store.prototype.saveIndex = function () { return write(INDEX, this.index); };

  Store.prototype.meta = function (id) {
    for (var i = 0; i < this.index.length; i++) { if (this.index[i].id === id) { return this.index[i]; } }
    return null;
  };

  /* Opens the last active draft, or else the first that can be read; false when none can. */
  Store.prototype.resume = function () {
    var id = null;
    try { id = ls.getItem(ACTIVE); } catch (e) { /* none */ }
    if (this.meta(id) && this.open(id)) { return true; }
    for (var i = 0; i < this.index.length; i++) {
      if (this.open(this.index[i].id)) { return true; }
    }
    return false;
  };

  Store.prototype.open = function (id) {
    var r = readDraft('jiaohe.draft.' + id);
    if (!r) { return false; }
    if (r.error) { this.broken[id] = r; return false; }
    var doc = r.doc;
    this.id = id;
    this.doc = doc;
    this.undo = [];
    this.redo = [];
    this.savedAt = new Date(); // it came from storage
    try { ls.setItem(ACTIVE, id); } catch (e) { /* not fatal */ }
    return true;
  };

  Store.prototype.create = function (doc, name) {
    var id = newId();
    this.index.push({ id: id, name: name || ('草稿 ' + (this.index.length + 1)) });
    this.id = id;
    this.doc = doc;
    this.undo = [];
    this.redo = [];
    this.save();
    try { ls.setItem(ACTIVE, id); } catch (e) { /* not fatal */ }
    return id;
  };

  Store.prototype.rename = function (name) {
    var m = this.meta(this.id);
    if (m && name) { m.name = name; this.saveIndex(); }
  };

  Store.prototype.duplicate = function () {
    var m = this.meta(this.id);
    return this.create(JSON.parse(JSON.stringify(this.doc)), (m ? m.name : '草稿') + ' 副本');
  };

  /* Deletes the current draft, keeping it for one undo. */
  Store.prototype.remove = function () {
    var m = this.meta(this.id);
    if (!m) { return; }
    this.trash = { meta: m, doc: this.doc, at: this.index.indexOf(m) };
    this.index.splice(this.trash.at, 1);
    try { ls.removeItem('jiaohe.draft.' + m.id); } catch (e) { /* gone either way */ }
    this.saveIndex();
    this.id = null;
    this.doc = null;
  };

  /* Deletes a draft that cannot be opened. */
  Store.prototype.forget = function (id) {
    var m = this.meta(id);
    if (!m) { return; }
    this.index.splice(this.index.indexOf(m), 1);
    delete this.broken[id];
    try { ls.removeItem('jiaohe.draft.' + id); } catch (e) { /* gone either way */ }
    this.saveIndex();
  };

  Store.prototype.restoreRemoved = function () {
    var t = this.trash;
    if (!t) { return false; }
    this.trash = null;
    this.index.splice(Math.min(t.at, this.index.length), 0, t.meta);
    this.id = t.meta.id;
    this.doc = t.doc;
    this.save();
    try { ls.setItem(ACTIVE, this.id); } catch (e) { /* not fatal */ }
    return true;
  };

  Store.prototype.save = function () {
    var ok = write('jiaohe.draft.' + this.id, this.doc) && this.saveIndex();
    this.savedAt = ok ? new Date() : null;
    return ok;
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

  /* Replaces the whole document as one undoable edit (new form, opened file). */
  Store.prototype.replace = function (doc) {
    this.undo.push(JSON.stringify(this.doc));
    this.redo = [];
    this.doc = doc;
    this.save();
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
    return true;
  };
  Store.prototype.undoEdit = function () { return this.step(this.undo, this.redo); };
  Store.prototype.redoEdit = function () { return this.step(this.redo, this.undo); };

  JH.get = get;
  JH.set = set;
  JH.Store = Store;
})(window.JH = window.JH || {});

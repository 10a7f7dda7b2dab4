/* The page's drafts: several named documents kept in browser storage (and durably in IndexedDB)
   and saved on every change; a Store is the Edits (edits.js) of the open draft, saved. */
(function (JH) {
  'use strict';

  var get = JH.get;

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
    try { for (var i = 0; i < store.length; i++) { var k = store.key(i); if (k && (k.indexOf('jiaohe.draft.') === 0 || k.indexOf('jiaohe.at.') === 0 || k === INDEX || k === ACTIVE)) { out.push(k); } } } catch (e) { /* none */ }
    return out;
  }

  /* Moves every draft to this tab's session (true) or back to this browser's storage (false). */
  JH.sessionOnly = function (on) {
    if (!local) { return false; }
    var from = on ? local : session;
    var to = on ? session : local;
    var moving = keys(from);
    try {
      moving.forEach(function (k) { to.setItem(k, from.getItem(k)); });
    } catch (e) {
      // not all of it fits: undo the copy, leave everything where it was
      moving.forEach(function (k) { try { to.removeItem(k); } catch (x) { /* gone */ } });
      return false;
    }
    try {
      moving.forEach(function (k) { from.removeItem(k); });
      if (on) { local.setItem(MODE, 'session'); } else { local.removeItem(MODE); }
      // nothing of the drafts stays on this computer, the durable copies included
      if (on) { durable(function (d) { d.transaction('drafts', 'readwrite').objectStore('drafts').clear(); }); }
    } catch (e) { return false; }
    ls = to;
    return true;
  };
  JH.isSessionOnly = function () { return ls !== local; };

  /* Removes every draft from this browser's storage and this tab's session. */
  JH.clearDrafts = function () {
    [local, session].forEach(function (s) { if (s) { keys(s).forEach(function (k) { try { s.removeItem(k); } catch (e) { /* gone */ } }); } });
    durable(function (db) { db.transaction('drafts', 'readwrite').objectStore('drafts').clear(); });
  };

  /* The durable copy: every save is also written to IndexedDB with strict durability, and
     “已保存” is shown only once that transaction has completed, that is, once the draft is on
     disk (localStorage reaches the disk some seconds later: a browser killed meanwhile lost the
     last edits). At start the newer of the two copies wins. Not used with “不在本机保存”. */
  var db = null;
  function durable(fn, fail) {
    if (!db) {
      db = new Promise(function (resolve) {
        var req;
        try { req = window.indexedDB.open('jiaohe', 1); } catch (e) { resolve(null); return; }
        req.onupgradeneeded = function () { req.result.createObjectStore('drafts'); };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = req.onblocked = function () { resolve(null); };
      });
    }
    db.then(function (d) {
      if (!d) { if (fail) { fail(); } return; }
      try { fn(d); } catch (e) { if (fail) { fail(); } }
    });
  }
  function durablePut(id, record, done) {
    durable(function (d) {
      var tx;
      try { tx = d.transaction('drafts', 'readwrite', { durability: 'strict' }); } catch (e) { tx = d.transaction('drafts', 'readwrite'); }
      tx.objectStore('drafts').put(record, id);
      tx.oncomplete = function () { done(true); };
      tx.onerror = tx.onabort = function () { done(false); };
    }, function () { done(null); });
  }
  function durableDelete(id) {
    durable(function (d) { d.transaction('drafts', 'readwrite').objectStore('drafts').delete(id); });
  }
  /* every durable record: [{ id, text, at, name }] */
  function durableAll(done) {
    durable(function (d) {
      var out = [];
      var req = d.transaction('drafts', 'readonly').objectStore('drafts').openCursor();
      req.onsuccess = function () {
        var c = req.result;
        if (c) { var r = c.value || {}; out.push({ id: String(c.key), text: r.text, at: r.at || 0, name: r.name }); c.continue(); } else { done(out); }
      };
      req.onerror = function () { done([]); };
    }, function () { done([]); });
  }

  /* A document from its stored text: a 文字核对 draft as it is (the core reads the forms). */
  function readDoc(raw) {
    if (/^\s*\{\s*"kind"\s*:\s*"text"/.test(raw)) {
      var d = JSON.parse(raw);
      if (typeof d.text !== 'string') { throw new Error('文字核对草稿缺少文字'); }
      return { kind: 'text', text: d.text };
    }
    return window.jiaohe.readDocument(raw);
  }

  /* The kind of the draft the page will open (the loader starts forms A and B before the full
     core is in): '' when there is none, null when its text is not in this storage. */
  JH.activeKind = function () {
    try {
      var id = ls.getItem(ACTIVE);
      if (!id) { return ''; }
      var raw = ls.getItem('jiaohe.draft.' + id);
      var m = raw && /^\s*\{\s*"kind"\s*:\s*"([^"\\]*)"/.exec(raw.slice(0, 200));
      return m ? m[1] : null;
    } catch (e) { return ''; }
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
    try { return { doc: readDoc(raw) }; } catch (e) {
      // the core restarting, or still loading its full part, is no fault of the draft's
      if (e && e.busy || JH.core && JH.core.restarting) { return null; }
      return { raw: raw, error: String(e && e.message || e) };
    }
  }

  function write(key, value) {
    try { ls.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }

  /* a stored save time, or 0 when it is missing or damaged */
  function stamp(v) { var n = Number(v); return isFinite(n) && n > 0 ? n : 0; }

  function newId() { return 'd' + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36); }

  function Store(onChange) {
    JH.Edits.call(this, null, onChange);
    // the draft last worked on, before this start opens one
    try { this.wasActive = ls.getItem(ACTIVE); } catch (e) { this.wasActive = null; }
    this.doc = null;
    this.id = null;
    this.undo = [];
    this.redo = [];
    this.savedAt = null;
    this.trash = null;
    /* drafts that cannot be read, by id: listed, never opened, never overwritten */
    this.broken = {};
    /* drafts deleted in this tab: not brought back from another tab's list */
    this.gone = {};
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

  Store.prototype = Object.create(JH.Edits.prototype);
  Store.prototype.constructor = Store;

  Store.prototype.drafts = function () { return this.index.slice(); };

  /* Writes the list of drafts, keeping any another tab has added meanwhile. */
  Store.prototype.saveIndex = function () {
    var self = this;
    var stored = read(INDEX);
    if (Array.isArray(stored)) {
      stored.forEach(function (m) { if (m && typeof m.id === 'string' && !self.meta(m.id) && !self.gone[m.id]) { self.index.push({ id: m.id, name: String(m.name || '草稿') }); } });
    }
    return write(INDEX, this.index);
  };

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
    this.flush();
    var r = readDraft('jiaohe.draft.' + id);
    if (!r) { return false; }
    if (r.error) { this.broken[id] = r; return false; }
    var doc = r.doc;
    this.id = id;
    this.doc = doc;
    this.undo = [];
    this.redo = [];
    this.savedAt = new Date(); // it came from storage
    this.state = 'saved';
    this.readOnly = false;
    this.lastAt = stamp(ls.getItem('jiaohe.at.' + id));
    this.cellOpen = null;
    try { ls.setItem(ACTIVE, id); } catch (e) { /* not fatal */ }
    return true;
  };

  Store.prototype.create = function (doc, name) {
    this.flush();
    var id = newId();
    this.index.push({ id: id, name: name || ('草稿 ' + (this.index.length + 1)) });
    this.id = id;
    this.doc = doc;
    this.undo = [];
    this.redo = [];
    this.cellOpen = null;
    this.readOnly = false;
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
    this.flush();
    var m = this.meta(this.id);
    if (!m) { return; }
    this.trash = { meta: m, doc: this.doc, at: this.index.indexOf(m) };
    this.index.splice(this.trash.at, 1);
    this.gone[m.id] = true;
    try { ls.removeItem('jiaohe.draft.' + m.id); ls.removeItem('jiaohe.at.' + m.id); } catch (e) { /* gone either way */ }
    durableDelete(m.id);
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
    this.gone[id] = true;
    try { ls.removeItem('jiaohe.draft.' + id); ls.removeItem('jiaohe.at.' + id); } catch (e) { /* gone either way */ }
    durableDelete(id);
    this.saveIndex();
  };

  Store.prototype.restoreRemoved = function () {
    this.flush();
    var t = this.trash;
    if (!t) { return false; }
    this.trash = null;
    delete this.gone[t.meta.id];
    this.index.splice(Math.min(t.at, this.index.length), 0, t.meta);
    this.id = t.meta.id;
    this.doc = t.doc;
    // the undo steps were the other draft's
    this.undo = [];
    this.redo = [];
    this.cellOpen = null;
    this.readOnly = false;
    this.save();
    try { ls.setItem(ACTIVE, this.id); } catch (e) { /* not fatal */ }
    return true;
  };

  /* Saves the open draft: to this browser's storage at once, and durably (see `durable`);
     `state` is 'saving' until the durable copy is on disk, then 'saved' (or 'failed'). */
  Store.prototype.save = function () {
    if (this.saveTimer) { clearTimeout(this.saveTimer); this.saveTimer = 0; }
    if (this.readOnly) { return false; }
    var self = this;
    var id = this.id;
    var text = JSON.stringify(this.doc);
    var at = Math.max(Date.now(), (this.lastAt || 0) + 1);
    this.lastAt = at;
    var ok = false;
    try { ls.setItem('jiaohe.draft.' + id, text); ls.setItem('jiaohe.at.' + id, String(at)); ok = this.saveIndex(); } catch (e) { ok = false; }
    if (ls !== local) {
      this.savedAt = ok ? new Date() : null;
      this.state = ok ? 'saved' : 'failed';
      return ok;
    }
    this.state = 'saving';
    var m = this.meta(id);
    durablePut(id, { text: text, at: at, name: m ? m.name : '' }, function (done) {
      if (self.lastAt !== at || self.id !== id) { return; } // a newer save is on its way
      // the durable copy holds it (a draft too big for the browser's storage is kept there
      // alone, and opened from there); with no IndexedDB the browser's storage must
      var saved = done === true || (done === null && ok);
      self.savedAt = saved ? new Date() : null;
      self.state = saved ? 'saved' : 'failed';
      if (self.onSaved) { self.onSaved(); }
    });
    return ok;
  };

  /* At start: the durable copies that are newer than this browser's storage (a browser killed
     before it wrote them) replace them, and drafts only the durable store knows are listed.
     Calls back with true when the open draft was replaced. */
  /* Opens a draft from its durable text (a draft the browser's storage could not hold). */
  Store.prototype.openDurable = function (r) {
    var doc;
    try { doc = readDoc(r.text); } catch (e) { return false; }
    this.flush();
    if (!this.meta(r.id)) { this.index.push({ id: r.id, name: r.name || '恢复的草稿' }); }
    this.id = r.id;
    this.doc = doc;
    this.undo = [];
    this.redo = [];
    this.savedAt = new Date();
    this.state = 'saved';
    this.readOnly = false;
    this.lastAt = r.at;
    this.cellOpen = null;
    try { ls.setItem(ACTIVE, r.id); } catch (e) { /* not fatal */ }
    return true;
  };

  /* Opens a draft, from the durable copy when the browser's storage does not hold its text;
     done(true) once it is open, done(false) when it cannot be. */
  Store.prototype.openAnywhere = function (id, done) {
    if (this.open(id)) { done(true); return; }
    if (this.broken[id] || ls !== local) { done(false); return; }
    var self = this;
    durableAll(function (records) {
      var r = records.filter(function (x) { return x.id === id && typeof x.text === 'string'; })[0];
      done(!!r && self.openDurable(r));
    });
  };

  Store.prototype.reconcile = function (done) {
    var self = this;
    var active = this.wasActive;
    if (ls !== local) { done(false); return; }
    durableAll(function (records) {
      var changedOpen = false;
      records.forEach(function (r) {
        if (typeof r.text !== 'string') { return; }
        var at = stamp(ls.getItem('jiaohe.at.' + r.id));
        var known = self.meta(r.id);
        if (known && at >= r.at) { return; }
        var copied = true;
        try { ls.setItem('jiaohe.draft.' + r.id, r.text); ls.setItem('jiaohe.at.' + r.id, String(r.at)); } catch (e) { copied = false; }
        if (!known) { self.index.push({ id: r.id, name: r.name || '恢复的草稿' }); }
        if (r.id === self.id) {
          if (copied) {
            changedOpen = self.open(r.id);
          } else {
            // the browser's storage is full: open the newer durable text as it is
            changedOpen = self.openDurable(r) || changedOpen;
          }
        }
      });
      // the page started on a new blank draft because the browser's storage had lost everything:
      // open the draft last worked on instead, and drop the untouched blank
      var restored = records.filter(function (r) { return typeof r.text === 'string' && r.id !== self.id; });
      if (self.fresh && self.fresh === self.id && !self.undo.length && restored.length) {
        var blank = self.id;
        var newest = restored.reduce(function (x, y) { return y.at > x.at ? y : x; });
        if (self.open(newest.id) || self.openDurable(newest)) {
          self.forget(blank);
          changedOpen = true;
        }
      } else if (active && active !== self.id && !self.undo.length) {
        // the draft last worked on was too big for the browser's storage: it is in the durable copy
        records.forEach(function (r) { if (r.id === active && typeof r.text === 'string' && self.openDurable(r)) { changedOpen = true; } });
      }
      self.fresh = false;
      self.saveIndex();
      done(changedOpen);
    });
  };

  /* Another tab saved the draft this one has open: this one stops writing (it would overwrite
     those edits) until it is reloaded. */
  Store.prototype.watchOtherTabs = function (onConflict) {
    var self = this;
    window.addEventListener('storage', function (ev) {
      if (ev.storageArea !== ls || !ev.key) { return; }
      if (ev.key === 'jiaohe.draft.' + self.id && !self.readOnly && ev.newValue !== null) {
        self.readOnly = true;
        onConflict();
      } else if (ev.key === INDEX) {
        // drafts created or renamed in the other tab join this tab's list
        var theirs = read(INDEX);
        if (Array.isArray(theirs)) {
          theirs.forEach(function (m) { if (m && typeof m.id === 'string' && !self.meta(m.id) && !self.gone[m.id]) { self.index.push({ id: m.id, name: String(m.name || '草稿') }); } });
        }
      }
    });
  };

  /* While typing, the draft is written at most every SAVE_MS (and at once when the page is hidden
     or closed, or another draft is opened): a keystroke never waits for the whole draft to be
     serialised and stored. 已保存 shows only once the write is done. */
  var SAVE_MS = 200;
  Store.prototype.saveSoon = function () {
    if (this.readOnly) { return; }
    this.state = 'saving';
    if (this.saveTimer) { return; }
    var self = this;
    this.saveTimer = setTimeout(function () {
      self.saveTimer = 0;
      self.save();
      if (self.onSaved) { self.onSaved(); }
    }, SAVE_MS);
  };

  /* Writes a pending save now. */
  Store.prototype.flush = function () {
    if (!this.saveTimer) { return; }
    this.save();
    if (this.onSaved) { this.onSaved(); }
  };

  JH.Store = Store;
})(window.JH = window.JH || {});

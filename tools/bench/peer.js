/* A JavaScript peer of the core's evaluation of a 项目支出绩效自评表, for `make bench` only.
   It reads the same document object and does the same arithmetic on the same cells as the Rust
   core (src/number.rs, src/indicator.rs, src/scoring.rs, src/forms/project.rs and
   src/forms/indicators.rs, default policy), returning the same shape: { kind, summary,
   computed: { path: text }, findings: [...] }.

   This file is one function expression of the arithmetic backend N; tools/bench/arith.js has two:
   plain Number (toFixed) and big.js (exact decimals, 四舍五入). The bench injects this source once
   per backend, as separate scripts, so each copy is optimised by V8 for its own number type.

   Backend N: of(parsed) · int(n) · add sub mul div · abs · cmp(a, b) → -1/0/1 · isZero ·
   round2 (half away from zero) · fix2 (text, 2 decimals) · plain (shortest text). */
(function peer(N) {
  'use strict';

  /* ---------- reading what people type (text only; no arithmetic) ---------- */

  var FOLD = { '．': '.', '，': ',', '－': '-', '−': '-', '–': '-', '％': '%', '＋': '+', '＝': '=', '＞': '>', '＜': '<',
    '\u3000': ' ', '\u00a0': ' ', '\t': ' ', '\r': ' ', '\n': ' ' };
  var FOLD_RE = /[０-９．，－−–％＋＝＞＜\u3000\u00a0\t\r\n]/g;
  function foldChar(c) {
    var code = c.charCodeAt(0);
    return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : FOLD[c];
  }
  function normalize(text) {
    return text.replace(FOLD_RE, foldChar).trim();
  }
  var NA = { '': 1, '—': 1, '-': 1, '--': 1, '——': 1, '/': 1, '／': 1 };
  function notApplicable(t) {
    return NA[t] === 1;
  }

  var DIGITS_RE = /^[0-9.,]+$/;
  var ONLY_DIGITS_RE = /^[0-9]+$/;
  var LEADING_ZEROS_RE = /^0+/;
  /* `1,505.70`, `-46.53`: { t: plain text, d: decimals written } or null. */
  function parseDecimal(text) {
    var t = text.trim();
    var neg = t.charCodeAt(0) === 45;
    var body = neg ? t.slice(1).trimStart() : (t.charCodeAt(0) === 43 ? t.slice(1) : t).trimStart();
    if (!body || !DIGITS_RE.test(body)) { return null; }
    var dot = body.indexOf('.');
    var int = dot < 0 ? body : body.slice(0, dot);
    var frac = dot < 0 ? null : body.slice(dot + 1);
    if (frac !== null && (!frac || !ONLY_DIGITS_RE.test(frac))) { return null; }
    if (!int) { return null; }
    if (int.indexOf(',') >= 0) {
      var groups = int.split(',');
      if (!groups[0] || groups[0].length > 3) { return null; }
      for (var g = 1; g < groups.length; g++) { if (groups[g].length !== 3) { return null; } }
      int = groups.join('');
    }
    if (int.replace(LEADING_ZEROS_RE, '').length > 15 || (frac !== null && frac.length > 10)) { return null; }
    return { t: (neg ? '-' : '') + (frac === null ? int : int + '.' + frac), d: frac === null ? 0 : frac.length, x: 0 };
  }

  function unreadable(text, what) {
    return { err: '无法识别“' + text.trim() + '”为' + what + '，请填写数字（如 1,234.56）' };
  }
  /* An amount in 万元: null for "not applicable", a parsed figure, or { err }. */
  function parseAmount(text) {
    var t = normalize(text);
    if (notApplicable(t)) { return null; }
    var body = t;
    var unit = '';
    if (t.endsWith('万元')) { body = t.slice(0, -2).trimEnd(); unit = '万元'; }
    else if (t.endsWith('亿元')) { body = t.slice(0, -2).trimEnd(); unit = '亿元'; }
    else if (t.endsWith('元')) { return { err: '“' + text.trim() + '”的单位是元，本表金额以万元填写（例如 1.23 万元）' }; }
    var f = parseDecimal(body);
    if (!f) { return unreadable(text, '金额'); }
    if (unit === '亿元') { f.x = 4; f.d = Math.max(0, f.d - 4); }
    return f;
  }
  function parseRate(text) {
    var t = normalize(text);
    if (notApplicable(t)) { return null; }
    return parseDecimal(t.endsWith('%') ? t.slice(0, -1).trimEnd() : t) || unreadable(text, '百分比');
  }
  function parseScore(text) {
    var t = normalize(text);
    if (notApplicable(t)) { return null; }
    return parseDecimal(t.endsWith('分') ? t.slice(0, -1).trimEnd() : t) || unreadable(text, '分值');
  }

  var GE = 0, GT = 1, LE = 2, LT = 3, EQ = 4;
  var SYMBOL = ['≥', '>', '≤', '<', '='];
  var OPERATORS = [['>=', GE], ['=>', GE], ['≥', GE], ['≧', GE], ['大于等于', GE], ['不低于', GE], ['不少于', GE],
    ['<=', LE], ['=<', LE], ['≤', LE], ['≦', LE], ['小于等于', LE], ['不高于', LE], ['不超过', LE], ['不多于', LE],
    ['>', GT], ['大于', GT], ['<', LT], ['小于', LT], ['=', EQ], ['等于', EQ]];

  function parseOperatorColumn(text) {
    var t = normalize(text).replace(/ /g, '');
    if (!t) { return null; }
    if (t === '正向' || t === '正向指标') { return GE; }
    if (t === '反向' || t === '反向指标') { return LE; }
    for (var i = 0; i < OPERATORS.length; i++) { if (OPERATORS[i][0] === t) { return OPERATORS[i][1]; } }
    return { err: '无法识别指标性质“' + text.trim() + '”，可填 ≥、≤、=、正向、反向' };
  }

  var UNIT_WORDS = { '百分比': '%', '百分率': '%', '％': '%', '公里': '千米', '个百分点': '%' };
  var UNIT_BAD_RE = /[0-9×* ，,]/;
  var QUANTITY = 0, DATE = 1, SERIAL = 2, WORDS = 3;

  function daysInMonth(y, m) {
    if (m === 2) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28; }
    return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  }
  var DAY_SPLIT_RE = /[.\-/年月]/;
  var DAY_TAIL_RE = /日+$/;
  var BEFORE_TAIL_RE = /前+$/;
  /* `2023.12.31` → 20231231, or -1 */
  function parseDay(s) {
    var t = s.trim().replace(DAY_TAIL_RE, '').replace(BEFORE_TAIL_RE, '');
    var parts = t.split(DAY_SPLIT_RE).filter(Boolean);
    if (parts.length !== 3 || parts[0].length !== 4) { return -1; }
    for (var i = 0; i < 3; i++) { if (!ONLY_DIGITS_RE.test(parts[i])) { return -1; } }
    var y = +parts[0], m = +parts[1], d = +parts[2];
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) { return -1; }
    return y * 10000 + m * 100 + d;
  }
  /* Excel's day numbers (44561 = 2021-12-31) for 2000–2099, or -1 */
  function excelSerial(n) {
    if (n < 36526 || n > 73051) { return -1; }
    var days = n - 36526, y = 2000, m = 1;
    for (;;) { var len = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365; if (days < len) { break; } days -= len; y++; }
    for (;;) { var ml = daysInMonth(y, m); if (days < ml) { break; } days -= ml; m++; }
    return y * 10000 + m * 100 + days + 1;
  }

  function splitNumber(s) {
    var end = 0;
    while (end < s.length) {
      var c = s.charCodeAt(end);
      if ((c >= 48 && c <= 57) || c === 46 || c === 44 || (end === 0 && c === 45)) { end++; } else { break; }
    }
    if (end === 0) { return null; }
    var num = s.slice(0, end);
    while (num && (num.endsWith('.') || num.endsWith(','))) { num = num.slice(0, -1); }
    var f = parseDecimal(num);
    return f ? { f: f, unit: s.slice(num.length) } : null;
  }

  var STRAY_GE_RE = /> =/g, STRAY_LE_RE = /< =/g, STRAY_RGE_RE = /= >/g;
  /* A target or actual: null (blank), { k, cmp, f, unit } / { k: DATE, cmp, day } /
     { k: SERIAL, f, day } / { k: WORDS, text }, or { err }. */
  function parseValue(text) {
    var t = normalize(text);
    if (!t) { return null; }
    var folded = t.replace(STRAY_GE_RE, '>=').replace(STRAY_LE_RE, '<=').replace(STRAY_RGE_RE, '=>');
    var cmp = -1, rest = folded;
    for (var i = 0; i < OPERATORS.length; i++) {
      if (folded.startsWith(OPERATORS[i][0])) { cmp = OPERATORS[i][1]; rest = folded.slice(OPERATORS[i][0].length).trim(); break; }
    }
    var day = parseDay(rest);
    if (day >= 0) { return { k: DATE, cmp: cmp, day: day }; }
    var sn = splitNumber(rest);
    if (sn) {
      var unit = sn.unit.trim();
      if ([...unit].length <= 6 && !UNIT_BAD_RE.test(unit)) {
        if (cmp < 0 && !unit && sn.f.d === 0) {
          var serial = excelSerial(+sn.f.t);
          if (serial >= 0) { return { k: SERIAL, f: sn.f, day: serial }; }
        }
        return { k: QUANTITY, cmp: cmp, f: sn.f, unit: UNIT_WORDS[unit] || unit };
      }
      var first = sn.unit.trimStart().charCodeAt(0);
      if ((first >= 48 && first <= 57) || first === 37 || first === 46 || first === 32) {
        return { err: '无法读取“' + text.trim() + '”：数字后跟着数字或符号，可能是扫描识别错误，请核对后重填' };
      }
      return { k: WORDS, text: t };
    }
    if (cmp >= 0) {
      var c0 = rest.charCodeAt(0);
      if ((c0 >= 48 && c0 <= 57) || c0 === 46) { return { err: '无法读取“' + text.trim() + '”中的数值，请核对后重填' }; }
      return { k: WORDS, text: rest };
    }
    return { k: WORDS, text: t };
  }

  var ACHIEVED = 0, PARTLY = 1, NOT_ACHIEVED = 2;
  var LEVELS = ['达成', '部分达成', '未达成'];
  function levelOf(text) {
    var i = LEVELS.indexOf(text.trim());
    return i < 0 ? -1 : i;
  }
  function qualitativeLevel(target, actual) {
    var a = normalize(actual);
    var l = levelOf(a);
    if (l >= 0) { return l; }
    if (a.indexOf('未') >= 0 || a.indexOf('没有') >= 0) { return NOT_ACHIEVED; }
    if (a.indexOf('部分') >= 0) { return PARTLY; }
    if (a === normalize(target) || a.indexOf('达到') >= 0 || a.indexOf('达成') >= 0 || a.indexOf('完成') >= 0 || a.indexOf('实现') >= 0) { return ACHIEVED; }
    return -1;
  }

  var PROPORTIONAL = 0, DIRECT = 1, GRADE = 2, SATISFACTION = 3;
  var RULES = ['按照完成比例赋分', '直接赋分', '按评判等级赋分', '满意度赋分'];
  var SPACE_RE = /\s/g;
  function parseRule(text) {
    var t = text.replace(SPACE_RE, '');
    if (!t) { return -1; }
    for (var i = 0; i < RULES.length; i++) { if (RULES[i] === t || RULES[i].replace('按照', '按') === t) { return i; } }
    return { err: '无法识别赋分规则“' + text.trim() + '”，可选：按照完成比例赋分、直接赋分、按评判等级赋分、满意度赋分' };
  }

  /* ---------- arithmetic (through N) ---------- */

  var ZERO = N.int(0), ONE = N.int(1), HUNDRED = N.int(100);
  var EXEC_WEIGHT = N.int(10);
  var TOLERANCE = N.of({ t: '0.01', d: 2, x: 0 });
  var OVER_WARN = N.of({ t: '0.2', d: 1, x: 0 });
  var BAND_ACHIEVED = N.of({ t: '0.8', d: 1, x: 0 });
  var BAND_PARTLY = N.of({ t: '0.6', d: 1, x: 0 });
  var CUTS = [N.int(90), N.int(80), N.int(60)];
  var UNIT_FACTORS = { '元': ['money', N.int(1)], '万元': ['money', N.int(10000)], '亿元': ['money', N.int(100000000)],
    '米': ['length', N.int(1)], '千米': ['length', N.int(1000)], '分钟': ['time', N.int(1)], '小时': ['time', N.int(60)],
    '天': ['time', N.int(1440)], '日': ['time', N.int(1440)] };

  function lt(a, b) { return N.cmp(a, b) < 0; }
  function le(a, b) { return N.cmp(a, b) <= 0; }
  function gt(a, b) { return N.cmp(a, b) > 0; }
  function ge(a, b) { return N.cmp(a, b) >= 0; }
  function eq(a, b) { return N.cmp(a, b) === 0; }
  function cap(c) { return lt(c, ZERO) ? ZERO : gt(c, ONE) ? ONE : c; }

  function group(fixed) {
    var neg = fixed.charCodeAt(0) === 45;
    var s = neg ? fixed.slice(1) : fixed;
    var dot = s.indexOf('.');
    var int = dot < 0 ? s : s.slice(0, dot);
    var out = '';
    for (var i = 0; i < int.length; i++) {
      if (i > 0 && (int.length - i) % 3 === 0) { out += ','; }
      out += int[i];
    }
    if (dot >= 0) { out += s.slice(dot); }
    return neg && /[1-9]/.test(s) ? '-' + out : out;
  }
  function fmtAmount(v) { return group(N.fix2(v)); }
  function fmtScore(v) { return group(N.fix2(v)); }
  function fmtRate(v) { return group(N.fix2(v)) + '%'; }

  function convert(value, from, to) {
    if (from === to || !from || !to) { return value; }
    var f = UNIT_FACTORS[from], t = UNIT_FACTORS[to];
    if (!f || !t || f[0] !== t[0]) { return null; }
    return N.div(N.mul(value, f[1]), t[1]);
  }

  var POSITIVE = 0, REVERSE = 1, ZERO_KIND = 2, QUALITATIVE = 3, DATE_KIND = 4;
  var KIND_LABELS = ['正向', '反向', '等于0', '定性', '日期'];
  function completion(kind, target, actual) {
    if (kind === POSITIVE) { return N.isZero(target) ? (ge(actual, ZERO) ? ONE : ZERO) : N.div(actual, target); }
    if (kind === REVERSE) { return le(actual, ZERO) ? ONE : N.div(target, actual); }
    if (kind === ZERO_KIND) { return le(actual, ZERO) ? ONE : ZERO; }
    return ONE;
  }

  var WITHIN_LIMIT = 0, LINEAR = 1, ACTUAL_OVER_TARGET = 2;
  var FORMULA_TEXT = ['限额内得满分，超出按 目标值/实际值 计分', '限额内得满分，超出按超出比例线性扣分', '按 实际值/目标值 计分'];
  function reverseScore(formula, weight, target, actual) {
    var within = le(actual, target);
    var fraction;
    if (formula === WITHIN_LIMIT) { fraction = within ? ONE : N.div(target, actual); }
    else if (formula === LINEAR) { fraction = within ? ONE : N.isZero(target) ? ZERO : N.sub(ONE, N.div(N.sub(actual, target), target)); }
    else if (N.isZero(target)) { fraction = N.isZero(actual) ? ONE : ZERO; }
    else { fraction = within ? N.div(actual, target) : N.div(target, actual); }
    return N.round2(N.mul(weight, cap(fraction)));
  }
  function quantitativeScore(rule, weight, c) {
    if (rule === DIRECT) { return ge(c, ONE) ? weight : ZERO; }
    return N.round2(N.mul(weight, cap(c)));
  }
  function band(level, weight) {
    if (level === ACHIEVED) { return [N.round2(N.mul(weight, BAND_ACHIEVED)), weight]; }
    if (level === PARTLY) { return [N.round2(N.mul(weight, BAND_PARTLY)), N.round2(N.mul(weight, BAND_ACHIEVED))]; }
    return [ZERO, N.round2(N.mul(weight, BAND_PARTLY))];
  }
  function inBand(level, s, weight) {
    var b = band(level, weight);
    return level === ACHIEVED ? ge(s, b[0]) && le(s, b[1]) : ge(s, b[0]) && lt(s, b[1]);
  }
  function defaultQualitativeScore(rule, level, weight) {
    if (level === ACHIEVED) { return weight; }
    if (rule === DIRECT) { return ZERO; }
    return band(level, weight)[0];
  }
  function halfUnit(decimals) { return N.of({ t: '5e-' + (decimals + 1), d: decimals + 1, x: 0 }); }
  /* whether a stated percentage can be the rounding of num / den × 100 within their rounding */
  function rateReachable(stated, num, den) {
    var hn = halfUnit(num.d), hd = halfUnit(den.d);
    var dLo = N.sub(den.v, hd), dHi = N.add(den.v, hd);
    if (le(dLo, ZERO) && ge(dHi, ZERO)) { return false; }
    var nLo = N.sub(num.v, hn), nHi = N.add(num.v, hn);
    var corners = [N.div(nLo, dLo), N.div(nLo, dHi), N.div(nHi, dLo), N.div(nHi, dHi)];
    var lo = corners[0], hi = corners[0];
    for (var i = 1; i < 4; i++) { if (lt(corners[i], lo)) { lo = corners[i]; } if (gt(corners[i], hi)) { hi = corners[i]; } }
    lo = N.mul(lo, HUNDRED); hi = N.mul(hi, HUNDRED);
    var hs = halfUnit(stated.d);
    return ge(N.add(stated.v, hs), lo) && le(N.sub(stated.v, hs), hi);
  }
  function gradeOf(total) {
    return ge(total, CUTS[0]) ? '优' : ge(total, CUTS[1]) ? '良' : ge(total, CUTS[2]) ? '中' : '差';
  }

  /* ---------- the sheet: computed cells and findings ---------- */

  function cell(v, key) {
    var x = v == null ? undefined : v[key];
    if (typeof x === 'string') { return x; }
    if (typeof x === 'number' || typeof x === 'boolean') { return String(x); }
    return '';
  }
  function Sheet() {
    this.computed = {};
    this.findings = [];
  }
  Sheet.prototype.set = function (path, text) { this.computed[path] = text; };
  Sheet.prototype.push = function (code, severity, path, message, stated, computed) {
    this.findings.push({ code: code, severity: severity, path: path, stated: stated === undefined ? null : stated,
      computed: computed === undefined ? null : computed, message: message });
  };
  Sheet.prototype.figure = function (path, text, parsed) {
    if (parsed === null) { return null; }
    if (parsed.err !== undefined) { this.push('value.unparseable', 'error', path, parsed.err, text); return null; }
    return { v: N.of(parsed), d: parsed.d, t: parsed.t };
  };
  Sheet.prototype.amount = function (path, text) { return this.figure(path, text, parseAmount(text)); };
  Sheet.prototype.rate = function (path, text) { return this.figure(path, text, parseRate(text)); };
  Sheet.prototype.score = function (path, text) { return this.figure(path, text, parseScore(text)); };

  /* ---------- form A ---------- */

  var COLUMNS = ['initial', 'adjusted', 'executed'];
  var COLUMN_LABELS = ['年初预算数', '全年预算数', '全年执行数'];

  function fundsTotals(funds, sh) {
    var total = funds && funds.total;
    var rows = funds && Array.isArray(funds.rows) ? funds.rows : [];
    var out = [null, null, null];
    for (var k = 0; k < 3; k++) {
      var col = COLUMNS[k];
      var sum = ZERO, terms = 0, decimals = 0;
      for (var i = 0; i < rows.length; i++) {
        var f = sh.amount('funds.rows.' + i + '.' + col, cell(rows[i], col));
        if (f) { sum = N.add(sum, f.v); terms++; if (f.d > decimals) { decimals = f.d; } }
      }
      var path = 'funds.total.' + col;
      var stated = sh.amount(path, cell(total, col));
      if (terms > 0) { sh.set(path, fmtAmount(sum)); }
      if (stated && terms > 0) {
        var diff = N.abs(N.sub(stated.v, sum));
        if (!N.isZero(diff)) {
          var s = fmtAmount(stated.v), c = fmtAmount(sum);
          if (le(diff, N.mul(TOLERANCE, N.int(terms)))) {
            sh.push('sum.tail', 'info', path, '年度资金总额的' + COLUMN_LABELS[k] + ' ' + s + ' 与各项之和 ' + c + ' 相差在尾差范围内', s, c);
          } else {
            sh.push('sum.mismatch', 'error', path, '年度资金总额的' + COLUMN_LABELS[k] + '应为 ' + c + '，填写为 ' + s, s, c);
          }
        }
        out[k] = stated;
      } else if (stated) {
        out[k] = stated;
      } else if (terms > 0) {
        out[k] = { v: sum, d: decimals, t: null };
      }
    }
    if (out[1] && out[2] && gt(out[2].v, out[1].v)) {
      var e = fmtAmount(out[2].v), a = fmtAmount(out[1].v);
      sh.push('funds.over_budget', 'warning', 'funds.total.executed', '全年执行数 ' + e + ' 超过全年预算数 ' + a, e, a);
    }
    return out;
  }

  function execBlock(row, adj, exe, sh) {
    var path = 'funds.total';
    var wf = sh.score(path + '.weight', cell(row, 'weight'));
    var weight = wf ? wf.v : EXEC_WEIGHT;
    sh.set(path + '.weight', fmtScore(weight));
    var statedRate = sh.rate(path + '.rate', cell(row, 'rate'));
    var statedScore = sh.score(path + '.score', cell(row, 'score'));
    if (!adj || !exe) { return { weight: weight, rate: null, score: statedScore ? statedScore.v : null }; }
    if (N.isZero(adj.v)) {
      sh.push('exec_rate.no_budget', 'warning', path + '.adjusted', '全年预算数为 0，无法计算执行率');
      return { weight: weight, rate: null, score: statedScore ? statedScore.v : null };
    }
    var rate = N.round2(N.mul(N.div(exe.v, adj.v), HUNDRED));
    var rateText = fmtRate(rate);
    sh.set(path + '.rate', rateText);
    if (statedRate && !eq(statedRate.v, rate)) {
      var ok = rateReachable(statedRate, exe, adj);
      sh.push(ok ? 'rate.tail' : 'rate.mismatch', ok ? 'info' : 'error', path + '.rate',
        ok ? '执行率填写为 ' + statedRate.t + '%，按 ' + fmtAmount(exe.v) + ' / ' + fmtAmount(adj.v) + ' 计算为 ' + rateText + '，在四舍五入范围内'
          : '执行率应为 ' + rateText + '（' + fmtAmount(exe.v) + ' / ' + fmtAmount(adj.v) + '），填写为 ' + statedRate.t + '%',
        statedRate.t + '%', rateText);
    }
    var upTo100 = gt(rate, HUNDRED) ? HUNDRED : rate;
    var score = N.round2(N.div(N.mul(weight, lt(upTo100, ZERO) ? ZERO : upTo100), HUNDRED));
    var scoreText = fmtScore(score);
    sh.set(path + '.score', scoreText);
    if (!cell(row, 'score').trim()) {
      sh.push('exec.score_missing', 'warning', path + '.score',
        '未填写执行率得分，按 ' + fmtScore(weight) + ' × ' + fmtRate(upTo100) + ' 应为 ' + scoreText, null, scoreText);
    }
    if (statedScore && !eq(statedScore.v, score)) {
      sh.push('score.mismatch', 'error', path + '.score',
        '执行率得分应为 ' + scoreText + '（' + fmtScore(weight) + ' × ' + fmtRate(upTo100) + '），填写为 ' + fmtScore(statedScore.v),
        fmtScore(statedScore.v), scoreText);
    }
    return { weight: weight, rate: rate, score: score };
  }

  function readRow(v) {
    return { level1: cell(v, 'level1'), level2: cell(v, 'level2'), name: cell(v, 'name'), operator: cell(v, 'operator'),
      target: cell(v, 'target'), actual: cell(v, 'actual'), level: cell(v, 'level'), weight: cell(v, 'weight'),
      score: cell(v, 'score'), rule: cell(v, 'rule'), reason: cell(v, 'reason') };
  }

  function columnsSwapped(r) {
    var w = parseValue(r.weight), a = parseValue(r.actual);
    var withUnit = w !== null && w.k === QUANTITY && w.unit !== '';
    var bare = a !== null && a.k === QUANTITY && a.unit === '' && a.cmp < 0;
    if (!withUnit || !bare) { return false; }
    var s = parseScore(r.weight);
    return s !== null && s.err !== undefined;
  }

  function outcome(r, path, operator, target, actual, sh) {
    var name = r.name.trim();
    var chosen = levelOf(r.level);
    if (!target || !actual) {
      if (target && target.k === WORDS && !actual && chosen >= 0) { return { k: WORDS, level: chosen }; }
      var blankTarget = !r.target.trim();
      if (blankTarget || !r.actual.trim()) {
        sh.push('value.missing', 'warning', path + (blankTarget ? '.target' : '.actual'), '指标“' + name + '”未填写' + (blankTarget ? '年度指标值' : '实际完成值'));
      }
      return null;
    }
    var deadline = target.k === DATE || (target.k === SERIAL && actual.k === DATE);
    if (deadline && (target.k === DATE || target.k === SERIAL) && (actual.k === DATE || actual.k === SERIAL)) {
      return { k: DATE, onTime: actual.day <= target.day };
    }
    if (target.k === WORDS) {
      return { k: WORDS, level: chosen >= 0 ? chosen : qualitativeLevel(target.text, r.actual) };
    }
    if (actual.k === WORDS) {
      var level = chosen >= 0 ? chosen : qualitativeLevel(r.target, actual.text);
      if (level >= 0) { return { k: WORDS, level: level }; }
      sh.push('value.kind_mismatch', 'warning', path + '.actual', '指标“' + name + '”的年度指标值是数值，实际完成值“' + r.actual.trim() + '”不是，无法计算完成率');
      return null;
    }
    if (target.k === DATE || actual.k === DATE) {
      sh.push('value.kind_mismatch', 'warning', path + '.actual', '指标“' + name + '”的年度指标值与实际完成值类型不同（日期/数值），无法比较');
      return null;
    }
    var tunit = target.k === QUANTITY ? target.unit : '';
    var aunit = actual.k === QUANTITY ? actual.unit : '';
    var a = convert(N.of(actual.f), aunit, tunit);
    if (a === null) {
      sh.push('unit.mismatch', 'warning', path + '.actual', '指标“' + name + '”的单位不一致：年度指标值为“' + tunit + '”，实际完成值为“' + aunit + '”，无法比较，得分未能核实', aunit, tunit);
      return null;
    }
    var t = N.of(target.f);
    var cmp = operator >= 0 ? operator : target.k === QUANTITY && target.cmp >= 0 ? target.cmp : EQ;
    var kind = cmp === GE || cmp === GT ? POSITIVE : cmp === LE || cmp === LT ? REVERSE : N.isZero(t) ? ZERO_KIND : POSITIVE;
    return { k: QUANTITY, kind: kind, cmp: cmp, target: t, actual: a, unit: tunit };
  }

  function evaluateRow(row, path, level1, level2, executedFunds, sh) {
    if (columnsSwapped(row)) {
      sh.push('columns.swapped', 'warning', path + '.weight',
        '指标“' + row.name.trim() + '”的分值“' + row.weight.trim() + '”带有单位，实际完成值“' + row.actual.trim() + '”像是分值：两列可能填反了，已按互换后校核',
        row.weight.trim(), row.actual.trim());
      row = Object.assign({}, row, { actual: row.weight, weight: row.actual });
    }
    var wf = sh.score(path + '.weight', row.weight);
    var sf = sh.score(path + '.score', row.score);
    var stated = sf ? sf.v : null;
    var weight = wf ? wf.v : null;
    var rule = parseRule(row.rule);
    if (typeof rule !== 'number') { sh.push('value.unparseable', 'error', path + '.rule', rule.err, row.rule); rule = -1; }
    var operator = parseOperatorColumn(row.operator);
    if (operator === null) { operator = -1; }
    else if (typeof operator !== 'number') { sh.push('value.unparseable', 'error', path + '.operator', operator.err, row.operator); operator = -1; }
    var target = parseValue(row.target);
    if (target && target.err !== undefined) { sh.push('value.unparseable', 'error', path + '.target', target.err, row.target); target = null; }
    var actual = parseValue(row.actual);
    if (actual && actual.err !== undefined) { sh.push('value.unparseable', 'error', path + '.actual', actual.err, row.actual); actual = null; }

    if (weight === null && !row.weight.trim()) {
      sh.push('weight.missing', 'warning', path + '.weight', '指标“' + row.name.trim() + '”未填写分值');
    }
    if (actual && (actual.k === QUANTITY || actual.k === DATE) && actual.cmp >= 0 && actual.cmp !== EQ) {
      sh.push('value.actual_has_comparator', 'warning', path + '.actual',
        '实际完成值“' + row.actual.trim() + '”带有“' + SYMBOL[actual.cmp] + '”，实际值应是一个确定的数；已按其中的数值计算');
    }

    var oc = outcome(row, path, operator, target, actual, sh);
    var kind = oc === null ? -1 : oc.k === QUANTITY ? oc.kind : oc.k === DATE ? DATE_KIND : QUALITATIVE;
    if (kind >= 0) { sh.set(path + '.kind', KIND_LABELS[kind]); }
    if (rule < 0) { rule = kind === QUALITATIVE ? GRADE : PROPORTIONAL; }
    sh.set(path + '.rule', RULES[rule]);

    var c = null;
    if (oc !== null && oc.k === QUANTITY) {
      c = completion(oc.kind, oc.target, oc.actual);
      sh.set(path + '.completion', fmtRate(N.mul(c, HUNDRED)));
    } else if (oc !== null && oc.k === DATE) {
      sh.set(path + '.completion', oc.onTime ? '100.00%' : '逾期');
    } else if (oc !== null && oc.level >= 0) {
      sh.set(path + '.completion', LEVELS[oc.level]);
    }

    if (weight === null) { return [null, stated]; }
    if (stated !== null && gt(stated, weight)) {
      sh.push('score.over_weight', 'error', path + '.score',
        '指标“' + row.name.trim() + '”得分 ' + fmtScore(stated) + ' 超过其分值 ' + fmtScore(weight), fmtScore(stated), fmtScore(weight));
    }

    var computed = null;
    if (oc !== null && oc.k === QUANTITY && oc.kind === REVERSE && rule !== DIRECT) {
      var cs = reverseScore(WITHIN_LIMIT, weight, oc.target, oc.actual);
      if (stated !== null && gt(N.abs(N.sub(stated, cs)), TOLERANCE)) {
        var other = -1;
        if (eq(reverseScore(LINEAR, weight, oc.target, oc.actual), stated)) { other = LINEAR; }
        else if (eq(reverseScore(ACTUAL_OVER_TARGET, weight, oc.target, oc.actual), stated)) { other = ACTUAL_OVER_TARGET; }
        if (other >= 0) {
          sh.push('score.policy_differs', 'warning', path + '.score',
            '反向指标“' + row.name.trim() + '”按当前口径（' + FORMULA_TEXT[WITHIN_LIMIT] + '）应得 ' + fmtScore(cs) + '，填写为 ' + fmtScore(stated) +
            '；填写值与“' + FORMULA_TEXT[other] + '”的算法一致，请确认所在地区的评分口径', fmtScore(stated), fmtScore(cs));
          sh.set(path + '.score', fmtScore(cs));
          return [weight, cs];
        }
      }
      computed = cs;
    } else if (oc !== null && oc.k === QUANTITY) {
      computed = quantitativeScore(rule, weight, c);
    } else if (oc !== null && oc.k === DATE) {
      computed = oc.onTime ? weight : ZERO;
    } else if (oc !== null && oc.level >= 0) {
      if (stated !== null && rule !== DIRECT) {
        if (inBand(oc.level, stated, weight)) {
          computed = stated;
        } else {
          var b = band(oc.level, weight);
          sh.push('score.out_of_band', 'error', path + '.score',
            '定性指标“' + row.name.trim() + '”为' + LEVELS[oc.level] + '，按评判等级赋分应在 ' + fmtScore(b[0]) + ' 至 ' + fmtScore(b[1]) + ' 分之间，填写为 ' + fmtScore(stated),
            fmtScore(stated), fmtScore(b[0]) + '–' + fmtScore(b[1]));
          computed = defaultQualitativeScore(rule, oc.level, weight);
        }
      } else {
        computed = defaultQualitativeScore(rule, oc.level, weight);
      }
    } else if (oc !== null) {
      sh.push('qualitative.level_needed', 'warning', path + '.level',
        '定性指标“' + row.name.trim() + '”的实际完成值“' + row.actual.trim() + '”无法判断完成程度，请选择：达成、部分达成或未达成');
    }

    if (computed !== null && stated !== null && !eq(computed, stated)) {
      var tail = le(N.abs(N.sub(computed, stated)), TOLERANCE);
      sh.push(tail ? 'score.tail' : 'score.mismatch', tail ? 'info' : 'error', path + '.score',
        tail ? '指标“' + row.name.trim() + '”得分 ' + fmtScore(stated) + ' 与计算值 ' + fmtScore(computed) + ' 相差 0.01 以内（尾差）'
          : '指标“' + row.name.trim() + '”的得分应为 ' + fmtScore(computed) + '，填写为 ' + fmtScore(stated),
        fmtScore(stated), fmtScore(computed));
    }
    if (computed !== null) { sh.set(path + '.score', fmtScore(computed)); }

    deviationReason(row, path, oc, c, sh);
    costAboveFunds(row, path, level1, level2, oc, executedFunds, sh);
    return [weight, computed !== null ? computed : stated];
  }

  function deviationReason(row, path, oc, c, sh) {
    if (row.reason.trim() || oc === null) { return; }
    var why = null;
    if (oc.k === QUANTITY) {
      if (lt(c, ONE)) { why = '完成率 ' + fmtRate(N.mul(c, HUNDRED)) + ' 未达到目标'; }
      else if (oc.cmp === EQ && !eq(oc.actual, oc.target)) { why = '指标值要求等于 ' + N.plain(oc.target) + '，实际为 ' + N.plain(oc.actual); }
      else if (oc.kind === POSITIVE && gt(c, N.add(ONE, OVER_WARN))) { why = '完成率 ' + fmtRate(N.mul(c, HUNDRED)) + '，超出目标 ' + N.plain(N.mul(OVER_WARN, HUNDRED)) + '% 以上'; }
      else if (oc.kind === REVERSE && lt(oc.actual, N.mul(oc.target, N.sub(ONE, OVER_WARN)))) {
        why = '实际值 ' + N.plain(oc.actual) + ' 低于限额 ' + N.plain(oc.target) + ' 的 ' + N.plain(N.mul(OVER_WARN, HUNDRED)) + '% 以上';
      }
    } else if (oc.k === DATE) {
      if (!oc.onTime) { why = '未在时限内完成'; }
    } else if (oc.level >= 0 && oc.level !== ACHIEVED) {
      why = '完成程度为' + LEVELS[oc.level];
    }
    if (why !== null) {
      sh.push('deviation.reason_missing', 'warning', path + '.reason', '指标“' + row.name.trim() + '”' + why + '，应填写偏差原因分析及改进措施');
    }
  }

  function costAboveFunds(row, path, level1, level2, oc, executed, sh) {
    if (oc === null || oc.k !== QUANTITY || executed === null) { return; }
    if (level1.indexOf('成本') < 0 && level2.indexOf('成本') < 0) { return; }
    if (oc.unit !== '元' && oc.unit !== '万元' && oc.unit !== '亿元') { return; }
    var wan = convert(oc.actual, oc.unit, '万元');
    if (gt(wan, executed)) {
      sh.push('cost.exceeds_executed', 'warning', path + '.actual',
        '成本指标“' + row.name.trim() + '”的实际完成值 ' + N.plain(wan) + ' 万元 超过项目全年执行数 ' + fmtAmount(executed) + ' 万元',
        N.plain(wan), fmtAmount(executed));
    }
  }

  function indicatorTable(rows, executedFunds, sh) {
    var weights = ZERO, scores = ZERO, n = 0, level1 = '', level2 = '';
    for (var i = 0; i < rows.length; i++) {
      var row = readRow(rows[i]);
      var l1 = row.level1.trim(), l2 = row.level2.trim();
      if (l1) { level1 = l1; level2 = ''; }
      if (l2) { level2 = l2; }
      if (!row.name.trim() && !row.target.trim() && !row.actual.trim() && !row.weight.trim() && !row.score.trim()) { continue; }
      n++;
      var ws = evaluateRow(row, 'indicators.' + i, level1, level2, executedFunds, sh);
      if (ws[0] !== null) { weights = N.add(weights, ws[0]); }
      if (ws[1] !== null) { scores = N.add(scores, ws[1]); }
    }
    sh.set('indicators.weight_total', fmtScore(weights));
    sh.set('indicators.score_total', fmtScore(scores));
    return { weight: weights, score: scores, rows: n };
  }

  function totalAndGrade(exec, ind, statedTotal, statedGrade, sh) {
    var weights = N.add(ind.weight, exec.weight);
    sh.set('weight_total', fmtScore(weights));
    if (ind.rows > 0 && !eq(weights, HUNDRED)) {
      sh.push('weights.total', 'error', 'weight_total',
        '指标分值合计 ' + fmtScore(ind.weight) + ' 加执行率分值 ' + fmtScore(exec.weight) + ' 为 ' + fmtScore(weights) + '，应为 100',
        fmtScore(weights), '100.00');
    }
    var sf = sh.score('total_score', statedTotal);
    var stated = sf ? sf.v : null;
    var total = exec.score !== null ? N.add(exec.score, ind.score) : null;
    if (total !== null) { sh.set('total_score', fmtScore(total)); }
    if (total !== null && stated !== null && !eq(total, stated)) {
      var byPolicy = sh.findings.some(function (f) { return f.code === 'score.policy_differs'; });
      sh.push('total.mismatch', byPolicy ? 'warning' : 'error', 'total_score',
        '总分应为 ' + fmtScore(total) + '（执行率得分 ' + fmtScore(exec.score) + ' + 指标得分 ' + fmtScore(ind.score) + '），填写为 ' + fmtScore(stated) +
        (byPolicy ? '；差异来自反向指标的评分口径，见各指标说明' : ''), fmtScore(stated), fmtScore(total));
    }
    if (total !== null && !statedTotal.trim() && ind.rows > 0) {
      sh.push('total.missing', 'warning', 'total_score', '未填写总分，按计算应为 ' + fmtScore(total), null, fmtScore(total));
    }
    if (stated !== null && gt(stated, HUNDRED)) {
      sh.push('total.over_100', 'error', 'total_score', '总分 ' + fmtScore(stated) + ' 超过 100');
    }
    var basis = total !== null ? total : stated;
    var grade = basis !== null ? gradeOf(basis) : null;
    if (grade !== null) {
      sh.set('grade', grade);
      var typed = statedGrade.trim();
      if (typed && typed !== grade) {
        var known = typed === '优' || typed === '良' || typed === '中' || typed === '差';
        sh.push('grade.mismatch', 'error', 'grade', known
          ? '总分 ' + fmtScore(basis) + ' 对应的等级应为“' + grade + '”，填写为“' + typed + '”'
          : '等级填写为“' + typed + '”，不是 优/良/中/差 之一；按总分 ' + fmtScore(basis) + ' 应为“' + grade + '”', typed, grade);
      }
    }
    return [total, grade];
  }

  var SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
  function bySeverity(a, b) { return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]; }

  /* evaluate(document) → { kind, summary, computed, findings } under the default policy */
  function evaluate(doc) {
    if (!doc || doc.kind !== 'project_self_evaluation') { throw new Error('peer: only project_self_evaluation documents'); }
    var sh = new Sheet();
    var funds = doc.funds || {};
    var totals = fundsTotals(funds, sh);
    var exec = execBlock(funds.total, totals[1], totals[2], sh);
    var ind = indicatorTable(Array.isArray(doc.indicators) ? doc.indicators : [], totals[2] ? totals[2].v : null, sh);
    var tg = totalAndGrade(exec, ind, cell(doc, 'total_score'), cell(doc, 'grade'), sh);
    var name = cell(doc, 'project').trim() || cell(doc, 'unit').trim();
    var year = cell(doc, 'year').trim();
    var errors = 0, warnings = 0, infos = 0;
    for (var i = 0; i < sh.findings.length; i++) {
      var s = sh.findings[i].severity;
      if (s === 'error') { errors++; } else if (s === 'warning') { warnings++; } else { infos++; }
    }
    sh.findings.sort(bySeverity);
    return {
      kind: 'project_self_evaluation',
      summary: { title: name + (year ? '（' + year + '年度）' : ''), policy: 'default',
        total_score: tg[0] !== null ? fmtScore(tg[0]) : null, grade: tg[1],
        exec_rate: exec.rate !== null ? fmtRate(exec.rate) : null, errors: errors, warnings: warnings, infos: infos },
      computed: sh.computed,
      findings: sh.findings,
    };
  }

  return { evaluate: evaluate };
})

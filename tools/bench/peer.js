/* A JavaScript peer of the core's evaluation of a 项目支出绩效自评表, for `make bench` only.
   It reads the same document object and does the same arithmetic on the same cells as the Rust
   core (src/number.rs, src/indicator.rs, src/scoring.rs, src/forms/project.rs,
   src/forms/indicators.rs and src/forms/weights.rs, default policy), returning the same shape: { kind, summary,
   computed: { path: text }, findings: [...] }.

   This file is one function expression of the arithmetic backend N; tools/bench/arith.js has two:
   plain Number (toFixed) and big.js (exact decimals, 四舍五入). The bench injects this source once
   per backend, as separate scripts, so each copy is optimised by V8 for its own number type.

   Backend N: of(parsed) · int(n) · add sub mul div · abs · cmp(a, b) → -1/0/1 · isZero ·
   round2 · round(a, dp) (half away from zero) · fix2 (text, 2 decimals) · plain (shortest text). */
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
  var NONZERO_DIGIT_RE = /[1-9]/;
  /* the UTF-8 length, as Rust's str::len */
  function byteLength(t) {
    var n = 0;
    for (var i = 0; i < t.length; i++) { var c = t.charCodeAt(i); n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 0 : c >= 0xdc00 && c < 0xe000 ? 4 : 3; }
    return n;
  }
  /* of normalized text: blank, a dash, or `基数为0，不可比` (a rate with no base) */
  function notApplicable(t) {
    return NA[t] === 1 || (t.indexOf('不可比') >= 0 && byteLength(t) >= 9 && !NONZERO_DIGIT_RE.test(t));
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

  function leap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
  function daysInMonth(y, m) {
    if (m === 2) { return leap(y) ? 29 : 28; }
    return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  }
  var DAY_SPLIT_RE = /[.\-/年月]/;
  var DAY_CHARS_RE = /[.\-/年]/;
  var DAY_TAIL_RE = /[日号]+$/;
  var LEADING_DIGIT_RE = /^\s*[0-9]/;
  var YEAR_RE = /^[0-9]{4}$/;
  var UINT_RE = /^\+?[0-9]+$/;
  var BEFORE = ['以前', '之前', '前', '以内', '内'];
  function stripBefore(s) {
    s = s.trim();
    for (;;) {
      var hit = false;
      for (var i = 0; i < BEFORE.length; i++) {
        if (s.endsWith(BEFORE[i])) { s = s.slice(0, -BEFORE[i].length).trimEnd(); hit = true; break; }
      }
      if (!hit) { return s; }
    }
  }
  function yearOf(y) { return YEAR_RE.test(y) ? +y : -1; }
  /* `2023.12.31`, `2023年12月31日前`, `2023年底`, `2024年2月底` → 20231231, or -1 */
  function parseDay(s) {
    if (!LEADING_DIGIT_RE.test(s) || !DAY_CHARS_RE.test(s)) { return -1; }
    s = stripBefore(s);
    var y, m;
    if (s.endsWith('年底') || s.endsWith('年末')) {
      y = yearOf(s.slice(0, -2));
      return y < 0 ? -1 : y * 10000 + 1231;
    }
    if (s.endsWith('月底') || s.endsWith('月末')) {
      var ym = s.slice(0, -2), at = ym.indexOf('年');
      if (at < 0) { return -1; }
      y = yearOf(ym.slice(0, at));
      var ms = ym.slice(at + 1);
      m = UINT_RE.test(ms) ? +ms : 0;
      if (y < 0 || m < 1 || m > 12) { return -1; }
      return y * 10000 + m * 100 + daysInMonth(y, m);
    }
    s = s.replace(DAY_TAIL_RE, '');
    var parts = s.split(DAY_SPLIT_RE).filter(Boolean);
    if (parts.length !== 3) { return -1; }
    y = yearOf(parts[0]);
    if (y < 0 || !UINT_RE.test(parts[1]) || !UINT_RE.test(parts[2])) { return -1; }
    m = +parts[1];
    var d = +parts[2];
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) { return -1; }
    return y * 10000 + m * 100 + d;
  }
  var YEAR_WORDS = { '年底': 1, '年末': 1, '年': 1, '本年': 1, '本年度': 1, '年度': 1, '当年': 1 };
  /* `年底前`, `6月30日前`, `12月底前` in `year`, or -1 */
  function deadlineIn(text, year) {
    var s = stripBefore(normalize(text));
    if (YEAR_WORDS[s] === 1) { return year * 10000 + 1231; }
    return parseDay(year + '年' + s);
  }
  /* Excel's day numbers (44561 = 2021-12-31) for 2000–2099, or -1 */
  function excelSerial(n) {
    if (n < 36526 || n > 73051) { return -1; }
    var days = n - 36526, y = 2000, m = 1;
    for (;;) { var len = leap(y) ? 366 : 365; if (days < len) { break; } days -= len; y++; }
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

  var LETTERS_RE = /[OolI]/;
  var LETTERS_G_RE = /[OolI]/g;
  var ASCII_DIGIT_RE = /[0-9]/;
  function letterDigit(c) { return c === 'O' || c === 'o' ? '0' : '1'; }
  /* letters typed for digits (`1O0`): the number it probably is, to ask about, or null */
  function digitsFromLetters(text) {
    var t = normalize(text);
    var numeric = ASCII_DIGIT_RE.test(t) || (t.endsWith('%') && t.length > 1);
    if (!numeric || !LETTERS_RE.test(t)) { return null; }
    var fixed = t.replace(LETTERS_G_RE, letterDigit);
    var v = parseValue(fixed);
    return v !== null && v.k === QUANTITY ? fixed : null;
  }
  function lettersError(text, n) { return { err: '“' + text.trim() + '”中夹有字母，是否为 ' + n + '？请改为数字' }; }

  var STRAY_GE_RE = /> =/g, STRAY_LE_RE = /< =/g, STRAY_RGE_RE = /= >/g;
  /* A target or actual: null (blank), { k, cmp, f, unit } / { k: DATE, cmp, day } /
     { k: SERIAL, f, day } / { k: WORDS, text }, or { err }. */
  function parseValue(text) {
    var t = normalize(text);
    if (!t) { return null; }
    var folded = t.indexOf('=') >= 0 && (t.indexOf(' =') >= 0 || t.indexOf('= ') >= 0)
      ? t.replace(STRAY_GE_RE, '>=').replace(STRAY_LE_RE, '<=').replace(STRAY_RGE_RE, '=>') : t;
    var cmp = -1, rest = folded;
    for (var i = 0; i < OPERATORS.length; i++) {
      if (folded.startsWith(OPERATORS[i][0])) { cmp = OPERATORS[i][1]; rest = folded.slice(OPERATORS[i][0].length).trim(); break; }
    }
    var day = parseDay(rest);
    if (day >= 0) { return { k: DATE, cmp: cmp, day: day }; }
    if ((rest.indexOf('月') >= 0 || rest.startsWith('年') || rest.startsWith('本年') || rest.startsWith('当年')) && deadlineIn(rest, 2000) >= 0) {
      return { k: WORDS, text: t };
    }
    var sn = splitNumber(rest), n;
    if (sn) {
      var unit = sn.unit.trim();
      var u0 = unit.charAt(0);
      if (u0 === 'O' || u0 === 'o' || u0 === 'l' || u0 === 'I') {
        n = digitsFromLetters(t);
        if (n !== null) { return lettersError(text, n); }
      }
      if ([...unit].length <= 6 && !UNIT_BAD_RE.test(unit)) {
        if (cmp < 0 && !unit && sn.f.d === 0) {
          var serial = excelSerial(+sn.f.t);
          if (serial >= 0) { return { k: SERIAL, f: sn.f, day: serial }; }
        }
        return { k: QUANTITY, cmp: cmp, f: sn.f, unit: UNIT_WORDS[unit] || unit };
      }
      var first = unit.charCodeAt(0);
      if ((first >= 48 && first <= 57) || first === 37 || first === 46) {
        return { err: '无法读取“' + text.trim() + '”：数字后跟着数字或符号，可能是扫描识别错误，请核对后重填' };
      }
      n = digitsFromLetters(t);
      if (n !== null) { return lettersError(text, n); }
      return { k: WORDS, text: t };
    }
    var c0 = rest.charCodeAt(0);
    if (cmp >= 0 && ((c0 >= 48 && c0 <= 57) || c0 === 46)) { return { err: '无法读取“' + text.trim() + '”中的数值，请核对后重填' }; }
    n = digitsFromLetters(rest);
    if (n !== null) { return lettersError(text, digitsFromLetters(t) || n); }
    return { k: WORDS, text: cmp >= 0 ? rest : t };
  }

  var ACHIEVED = 0, PARTLY = 1, NOT_ACHIEVED = 2;
  var LEVELS = ['达成', '部分达成', '未达成'];
  function levelOf(text) {
    var i = LEVELS.indexOf(text.trim());
    return i < 0 ? -1 : i;
  }
  var SPEC_WORDS = ['达到', '达成', '完成', '实现'];
  var MET = ['达到', '达成', '完成', '实现', '达标', '显著', '明显', '提高', '提升', '改善', '增强', '有效', '良好', '优良', '满意', '合格', '按期', '按时', '如期', '全部', '全面',
    '稳步', '持续', '确保', '保障', '符合', '到位', '落实', '已'];
  var TURNING_RE = /[未不没滞延逾无部基有略一初欠零杜0]/;
  var AVOID_TARGET = ['不发生', '无', '杜绝', '零', '避免', '不出现', '0起', '0次', '0例'];
  var AVOIDED = ['未发生', '未出现', '没有发生', '无', '零', '0起', '0次', '0例', '杜绝'];
  var WEAK = ['不明显', '无明显', '不到位', '不够', '不理想', '不足', '欠缺', '未见', '不高', '不好', '不显著'];
  var MISSED = ['不达标', '不合格', '不符合', '滞后', '延期', '逾期', '无法', '未达到', '未达成', '未完成', '未实现', '没有完成'];
  var UP = ['提高', '提升', '增加', '增长', '增强', '改善', '扩大', '加强'];
  var DOWN = ['降低', '下降', '减少', '压缩', '缩短', '减轻'];
  var SIZED = ['显著', '明显', '大幅', '大力', '全面'];
  var PARTLY_WORDS = ['部分', '基本', '有所', '略有', '一定程度', '初步'];
  var ABSENT = ['未发生', '未出现', '没有发生', '没有出现'];
  var NOT_WORDS = ['未', '没有'];
  function wordIn(a, words) {
    for (var i = 0; i < words.length; i++) { if (a.indexOf(words[i]) >= 0) { return words[i]; } }
    return null;
  }
  function anyIn(t, words) { return wordIn(t, words) !== null; }
  function reading(level, w) { return { level: level, word: w }; }
  function metReading(w) { return reading(ACHIEVED, SPEC_WORDS.indexOf(w) >= 0 ? null : w); }
  /* { level, word } (word: what it was read from, null for nothing to show) or null */
  function qualitativeLevel(target, actual) {
    var a = normalize(actual), t = normalize(target);
    var l = levelOf(a);
    if (l >= 0) { return reading(l, null); }
    if (a === t) { return reading(ACHIEVED, null); }
    var w;
    if (!TURNING_RE.test(a)) {
      w = wordIn(a, MET);
      if (w !== null) { return metReading(w); }
    }
    if (anyIn(t, AVOID_TARGET)) {
      w = wordIn(a, AVOIDED);
      if (w !== null) { return reading(ACHIEVED, w); }
    }
    if (anyIn(a, WEAK)) { return null; }
    w = wordIn(a, MISSED);
    if (w !== null) { return reading(NOT_ACHIEVED, w); }
    if (!anyIn(t, SIZED)) {
      if (anyIn(t, UP)) { w = wordIn(a, UP); if (w !== null) { return reading(ACHIEVED, w); } }
      if (anyIn(t, DOWN)) { w = wordIn(a, DOWN); if (w !== null) { return reading(ACHIEVED, w); } }
    }
    w = wordIn(a, PARTLY_WORDS);
    if (w !== null) { return reading(PARTLY, w); }
    if (anyIn(a, ABSENT)) { return null; }
    w = wordIn(a, NOT_WORDS);
    if (w !== null) { return reading(NOT_ACHIEVED, w); }
    w = wordIn(a, MET);
    return w !== null ? metReading(w) : null;
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
  function reverseExact(formula, weight, target, actual) {
    var within = le(actual, target);
    var fraction;
    if (formula === WITHIN_LIMIT) { fraction = within ? ONE : N.isZero(actual) ? ZERO : N.div(target, actual); }
    else if (formula === LINEAR) { fraction = within ? ONE : N.isZero(target) ? ZERO : N.sub(ONE, N.div(N.sub(actual, target), target)); }
    else if (N.isZero(target)) { fraction = N.isZero(actual) ? ONE : ZERO; }
    else if (within) { fraction = N.div(actual, target); }
    else { fraction = N.isZero(actual) ? ZERO : N.div(target, actual); }
    return N.mul(weight, cap(fraction));
  }
  function reverseScore(formula, weight, target, actual) { return N.round2(reverseExact(formula, weight, target, actual)); }
  function quantitativeExact(rule, weight, c) {
    if (rule === DIRECT) { return ge(c, ONE) ? weight : ZERO; }
    return N.mul(weight, cap(c));
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
  function min(a, b) { return lt(b, a) ? b : a; }
  function max(a, b) { return gt(b, a) ? b : a; }
  function percentExact(num, den) { return N.isZero(den) ? null : N.mul(N.div(num, den), HUNDRED); }
  var EQUAL = 0, TAIL = 1, MISMATCH = 2;
  /* a stated rate against num ÷ den: equal when the unrounded rate rounds to it at its own precision */
  function judgeRate(stated, exact, num, den) {
    if (exact !== null && eq(N.round(exact, stated.d), stated.v)) { return EQUAL; }
    return rateReachable(stated, num, den) ? TAIL : MISMATCH;
  }
  function compareTotal(stated, computed, terms) {
    var diff = N.abs(N.sub(stated, computed));
    if (N.isZero(diff)) { return EQUAL; }
    return le(diff, N.mul(TOLERANCE, N.int(terms > 1 ? terms : 1))) ? TAIL : MISMATCH;
  }
  function gradeOf(total) {
    return ge(total, CUTS[0]) ? '优' : ge(total, CUTS[1]) ? '良' : ge(total, CUTS[2]) ? '中' : '差';
  }

  /* ---------- weights printed in labels (src/forms/weights.rs) ---------- */

  var BRACKETS = [['（', '）'], ['(', ')'], ['【', '】'], ['[', ']']];
  var NUMERAL_RE = /[0-9一二三四五六七八九十]/;
  var NUMERALS_RE = /^[0-9一二三四五六七八九十]+$/;
  var NUMBERING_STOPS = ['、', '.', '．', ')', '）'];
  /* `一、产出指标`, `（一）数量指标`, `1.满意度指标` → the name without its numbering */
  function unnumbered(t) {
    var c0 = t.charAt(0);
    if (c0 === '（' || c0 === '(') {
      var rest = t.slice(1);
      var a = rest.indexOf('）'), b = rest.indexOf(')');
      var at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
      if (at >= 0) {
        var n = rest.slice(0, at), after = rest.slice(at + 1);
        if (n && NUMERALS_RE.test(n) && after.trim()) { return after.trimStart(); }
      }
    }
    var end = 0;
    while (end < t.length && NUMERAL_RE.test(t.charAt(end))) { end++; }
    if (end > 0 && NUMBERING_STOPS.indexOf(t.charAt(end)) >= 0) {
      var r = t.slice(end + 1), r0 = r.charCodeAt(0);
      if (r.trim() && !(r0 >= 48 && r0 <= 57)) { return r.trimStart(); }
    }
    return t;
  }
  var OPTIONAL_MARKS = { '可选': 1, '可选项': 1, '可选指标': 1, '选填': 1, '选择性指标': 1 };
  function bracketed(t) {
    for (var i = 0; i < BRACKETS.length; i++) {
      var open = BRACKETS[i][0], close = BRACKETS[i][1];
      if (t.endsWith(close)) {
        var body = t.slice(0, -1), at = body.lastIndexOf(open);
        if (at >= 0) {
          var name = body.slice(0, at);
          if (name.trim()) { return [name.trimEnd(), body.slice(at + 1)]; }
        }
      }
    }
    return null;
  }
  var WEIGHT_PREFIXES = ['分值', '权重', '共'];
  var COLON_RE = /^[:： ]+/;
  /* `30分`, `分值30`, `权重：30%`, `30` (bare only when needUnit is false) → the weight, or null */
  function weightText(text, needUnit) {
    var s = normalize(text).trim();
    for (var i = 0; i < WEIGHT_PREFIXES.length; i++) {
      if (s.startsWith(WEIGHT_PREFIXES[i])) { s = s.slice(WEIGHT_PREFIXES[i].length).replace(COLON_RE, ''); }
    }
    var unit = s.endsWith('分') || s.endsWith('%');
    var body = unit ? s.slice(0, -1).trimEnd() : s;
    if (needUnit && !unit) { return null; }
    var f = parseDecimal(body);
    if (!f) { return null; }
    var w = N.of(f);
    return ge(w, ZERO) && le(w, HUNDRED) ? w : null;
  }
  var WEIGHT_CHAR_RE = /[0-9.\s０-９．]/;
  var ENDS_DIGIT_RE = /[0-9]$/;
  function trailingWeight(t) {
    if (!t.endsWith('分')) { return null; }
    var body = t.slice(0, -1), start = body.length;
    while (start > 0 && WEIGHT_CHAR_RE.test(body.charAt(start - 1))) { start--; }
    if (start === body.length) { return null; }
    var name = body.slice(0, start).trimEnd();
    if (!name || ENDS_DIGIT_RE.test(name)) { return null; }
    var w = weightText(body.slice(start).trim() + '分', true);
    return w === null ? null : [name, w];
  }
  /* `产出指标（30分）` → { name: 产出指标, weight: 30, optional: false } */
  function label(text) {
    var name = unnumbered(text.trim()), weight = null, optional = false, i;
    for (i = 0; i < BRACKETS.length; i++) {
      if (name.startsWith(BRACKETS[i][0])) {
        var r = name.slice(1), at = r.indexOf(BRACKETS[i][1]);
        if (at >= 0 && OPTIONAL_MARKS[r.slice(0, at).trim()] === 1) { optional = true; name = r.slice(at + 1).trimStart(); }
      }
    }
    for (var k = 0; k < 2; k++) {
      var b = bracketed(name);
      if (b !== null) {
        var inner = b[1].trim();
        if (OPTIONAL_MARKS[inner] === 1) { optional = true; name = b[0]; continue; }
        var w = weightText(inner, false);
        if (w !== null) { weight = w; name = b[0]; continue; }
        break;
      }
      var tw = trailingWeight(name);
      if (tw !== null) { weight = tw[1]; name = tw[0]; continue; }
      var mark = name.endsWith('可选项') ? 3 : name.endsWith('可选') ? 2 : 0;
      if (mark && name.slice(0, -mark).trim()) { optional = true; name = name.slice(0, -mark).trimEnd(); continue; }
      break;
    }
    return { name: name.trim(), weight: weight, optional: optional };
  }

  function scoreValue(text) {
    var p = parseScore(text);
    return p === null || p.err !== undefined ? null : N.of(p);
  }
  /* the row's own weight (from the 实际完成值 column when the two are swapped) */
  function ownWeight(row) {
    var p = parseScore(row.weight);
    if (p === null) { return null; }
    if (p.err === undefined) { return N.of(p); }
    return columnsSwapped(row) ? scoreValue(row.actual) : null;
  }
  function filled(row) {
    return !notApplicable(normalize(row.actual)) || !notApplicable(normalize(row.score)) || !notApplicable(normalize(row.level));
  }
  function disagrees(g) { return g.parts !== null && !eq(g.parts, g.weight); }

  /* What the table declares before any row is scored: rows counted, levels in force, labelled groups. */
  function plan(rows) {
    var p = { counted: [], l1: [], l2: [], groupOf: [], weights: [], groups: [], weight: ZERO, byLabels: ZERO, hasSatisfaction: false };
    var n1 = '', n2 = '', g1 = -1, g2 = -1, opt1 = false, opt2 = false, i, k, lab;
    for (i = 0; i < rows.length; i++) {
      var row = rows[i];
      if (row.level1.trim()) {
        lab = label(row.level1);
        n1 = lab.name; opt1 = lab.optional; n2 = ''; opt2 = false; g2 = -1; g1 = -1;
        if (lab.weight !== null) {
          p.groups.push({ level: 1, row: i, name: lab.name, weight: lab.weight, rows: [], inner: [], parts: null, byRows: lab.weight, top: true });
          g1 = p.groups.length - 1;
        }
      }
      if (row.level2.trim()) {
        lab = label(row.level2);
        n2 = lab.name; opt2 = lab.optional; g2 = -1;
        if (lab.weight !== null) {
          p.groups.push({ level: 2, row: i, name: lab.name, weight: lab.weight, rows: [], inner: [], parts: null, byRows: lab.weight, top: g1 < 0 });
          g2 = p.groups.length - 1;
          if (g1 >= 0) { p.groups[g1].inner.push(g2); }
        }
      }
      var optional = opt1 || opt2 || (row.name.indexOf('选') >= 0 && label(row.name).optional);
      var blank = !row.name.trim() && !row.target.trim() && !row.actual.trim() && !row.weight.trim() && !row.score.trim();
      var counted = !blank && !(optional && !filled(row));
      p.counted.push(counted);
      p.l1.push(n1);
      p.l2.push(n2);
      if (counted && !p.hasSatisfaction) { p.hasSatisfaction = n1.indexOf('满意度') >= 0 || n2.indexOf('满意度') >= 0; }
      var g = counted ? (g2 >= 0 ? g2 : g1) : -1;
      p.groupOf.push(g);
      var w = counted ? ownWeight(row) : null;
      p.weights.push(w);
      if (g >= 0) { p.groups[g].rows.push(i); }
      else if (w !== null) { p.weight = N.add(p.weight, w); p.byLabels = N.add(p.byLabels, w); }
    }
    for (k = p.groups.length - 1; k >= 0; k--) {
      var gr = p.groups[k], own = ZERO, all = true, j;
      for (j = 0; j < gr.rows.length; j++) { var rw = p.weights[gr.rows[j]]; if (rw === null) { all = false; } else { own = N.add(own, rw); } }
      var inner = ZERO, innerRows = ZERO, anyInner = false;
      for (j = 0; j < gr.inner.length; j++) {
        var ig = p.groups[gr.inner[j]];
        inner = N.add(inner, ig.weight); innerRows = N.add(innerRows, ig.byRows);
        if (ig.rows.length) { anyInner = true; }
      }
      gr.used = gr.rows.length > 0 || anyInner;
      gr.parts = all && gr.used ? N.add(own, inner) : null;
      gr.byRows = all ? N.add(own, innerRows) : gr.weight;
    }
    for (k = 0; k < p.groups.length; k++) {
      var t = p.groups[k];
      if (t.top && t.used) { p.weight = N.add(p.weight, t.byRows); p.byLabels = N.add(p.byLabels, t.weight); }
    }
    return p;
  }
  /* a weight a row takes from its label: it has none, and it is its group's only row */
  function inheritedWeight(p, i) {
    var g = p.groupOf[i];
    if (g < 0) { return null; }
    var gr = p.groups[g];
    return gr.rows.length === 1 && gr.inner.length === 0 ? gr.weight : null;
  }
  function disputedRow(p, i) {
    var g = p.groupOf[i];
    if (g < 0) { return false; }
    if (disagrees(p.groups[g])) { return true; }
    for (var k = 0; k < p.groups.length; k++) { if (p.groups[k].inner.indexOf(g) >= 0 && disagrees(p.groups[k])) { return true; } }
    return false;
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
    this.missing = [];
  }
  Sheet.prototype.set = function (path, text) { this.computed[path] = text; };
  Sheet.prototype.push = function (code, severity, path, message, stated, computed) {
    this.findings.push({ code: code, severity: severity, path: path, stated: stated === undefined ? null : stated,
      computed: computed === undefined ? null : computed, message: message });
  };
  Sheet.prototype.has = function (code) {
    for (var i = 0; i < this.findings.length; i++) { if (this.findings[i].code === code) { return true; } }
    return false;
  };
  Sheet.prototype.find = function (path, code) {
    for (var i = 0; i < this.findings.length; i++) { var f = this.findings[i]; if (f.path === path && f.code === code) { return f; } }
    return null;
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
  var PREFIX_RE = /^其中[：:]/;
  function rowName(r) { return cell(r, 'label').trim().replace(PREFIX_RE, '').trim(); }
  function na(text) { return notApplicable(normalize(text)); }

  function fundsTotals(funds, sh) {
    var total = funds && funds.total;
    var rows = funds && Array.isArray(funds.rows) ? funds.rows : [];
    var values = [], broken = [null, null, null], i, k, path;
    for (i = 0; i < rows.length; i++) {
      var v = [null, null, null];
      for (k = 0; k < 3; k++) {
        var text = cell(rows[i], COLUMNS[k]);
        path = 'funds.rows.' + i + '.' + COLUMNS[k];
        v[k] = sh.amount(path, text);
        if (v[k] === null && !na(text) && broken[k] === null) { broken[k] = path; }
      }
      if (v[1] && v[2] && gt(v[2].v, v[1].v)) {
        var ev = fmtAmount(v[2].v), av = fmtAmount(v[1].v);
        sh.push('funds.over_budget', 'warning', 'funds.rows.' + i + '.executed', rowName(rows[i]) + '的全年执行数 ' + ev + ' 超过其全年预算数 ' + av + '，请核对这一行', ev, av);
      }
      values.push(v);
    }
    var sums = [null, null, null], stated = [null, null, null], texts = [];
    for (k = 0; k < 3; k++) {
      var sum = ZERO, terms = 0, decimals = 0;
      for (i = 0; i < values.length; i++) {
        var f = values[i][k];
        if (f) { sum = N.add(sum, f.v); terms++; if (f.d > decimals) { decimals = f.d; } }
      }
      if (terms > 0 && broken[k] === null) { sums[k] = { v: sum, d: decimals, t: null, terms: terms }; }
      texts.push(cell(total, COLUMNS[k]));
      stated[k] = sh.amount('funds.total.' + COLUMNS[k], texts[k]);
    }
    var zeroOrBlank = true, zeroOverMoney = false;
    for (k = 0; k < 3; k++) {
      if (!((stated[k] === null || N.isZero(stated[k].v)) && (stated[k] !== null || na(texts[k])))) { zeroOrBlank = false; }
      if (stated[k] !== null && N.isZero(stated[k].v) && sums[k] !== null && !N.isZero(sums[k].v)) { zeroOverMoney = true; }
    }
    if (zeroOrBlank && zeroOverMoney) {
      var what = [];
      for (k = 0; k < 3; k++) {
        if (sums[k]) { sh.set('funds.total.' + COLUMNS[k], fmtAmount(sums[k].v)); what.push(COLUMN_LABELS[k] + ' ' + fmtAmount(sums[k].v)); }
      }
      sh.push('funds.total_unfilled', 'warning', 'funds.total.adjusted',
        '年度资金总额一行填写为 0，而其中各项合计' + what.join('、') + '：请按各项之和填写这一行，执行率和得分已按各项之和计算');
      return { cols: sums, unfilled: true, wrong: [null, null, null] };
    }
    var cols = [null, null, null], wrong = [null, null, null];
    for (k = 0; k < 3; k++) {
      path = 'funds.total.' + COLUMNS[k];
      if (broken[k] !== null || sums[k] === null) { cols[k] = stated[k]; continue; }
      var sm = sums[k], st = stated[k];
      sh.set(path, fmtAmount(sm.v));
      cols[k] = st || sm;
      if (!st) { continue; }
      var agreement = compareTotal(st.v, sm.v, sm.terms);
      if (agreement === EQUAL) { continue; }
      var s = fmtAmount(st.v), c = fmtAmount(sm.v);
      if (agreement === TAIL) {
        sh.push('sum.tail', 'info', path, '年度资金总额的' + COLUMN_LABELS[k] + ' ' + s + ' 与各项之和 ' + c + ' 相差在尾差范围内', s, c);
      } else {
        wrong[k] = sm;
        sh.push('sum.mismatch', 'error', path, '年度资金总额的' + COLUMN_LABELS[k] + ' ' + s + ' 与其中各项之和 ' + c + ' 不符，请改正合计或填错的那一项', s, c);
      }
    }
    if (cols[1] && cols[2] && !sh.has('funds.over_budget') && gt(cols[2].v, cols[1].v)) {
      var e = fmtAmount(cols[2].v), a = fmtAmount(cols[1].v);
      sh.push('funds.over_budget', 'warning', 'funds.total.executed', '全年执行数 ' + e + ' 超过全年预算数 ' + a + '，请核对', e, a);
    }
    return { cols: cols, unfilled: false, wrong: wrong };
  }

  function execScoreOf(weight, rate) {
    return N.div(N.mul(weight, lt(rate, ZERO) ? ZERO : gt(rate, HUNDRED) ? HUNDRED : rate), HUNDRED);
  }

  function execBlock(row, funds, declared, sh) {
    var path = 'funds.total';
    var sw = sh.score(path + '.weight', cell(row, 'weight'));
    var scoreText = cell(row, 'score');
    var absent = (sw === null || N.isZero(sw.v)) && na(scoreText) && na(cell(row, 'weight')) && eq(declared, HUNDRED);
    var weight = absent ? ZERO : sw !== null ? sw.v : EXEC_WEIGHT;
    sh.set(path + '.weight', fmtScore(weight));
    var statedRate = sh.rate(path + '.rate', cell(row, 'rate'));
    var statedScore = sh.score(path + '.score', scoreText);
    var stated = statedScore ? statedScore.v : null;
    if (funds.unfilled) {
      if (statedRate && N.isZero(statedRate.v)) { statedRate = null; }
      if (statedScore && N.isZero(statedScore.v)) { statedScore = null; }
    }
    var adj = funds.cols[1], exe = funds.cols[2];
    if (statedRate) {
      // a total that disagrees with its rows while the stated 执行率 agrees with the rows: the total is the slip
      var a = funds.wrong[1] || adj, e = funds.wrong[2] || exe;
      if (a && e && adj && exe && judgeRate(statedRate, percentExact(exe.v, adj.v), exe, adj) === MISMATCH &&
          judgeRate(statedRate, percentExact(e.v, a.v), e, a) !== MISMATCH) {
        adj = a; exe = e;
      }
    }
    var none = { weight: weight, rate: null, score: absent ? ZERO : stated, exact: null, stated: stated };
    if (!adj || !exe) { return none; }
    if (N.isZero(adj.v)) {
      sh.push('exec_rate.no_budget', 'warning', path + '.adjusted', '全年预算数为 0，无法计算执行率：请填写全年预算数');
      return none;
    }
    var exactRate = percentExact(exe.v, adj.v);
    var rate = N.round2(exactRate);
    var rateText = fmtRate(rate);
    sh.set(path + '.rate', rateText);
    if (statedRate && !eq(statedRate.v, rate)) {
      var j = judgeRate(statedRate, exactRate, exe, adj);
      if (j !== EQUAL) {
        var how = fmtAmount(exe.v) + ' ÷ ' + fmtAmount(adj.v);
        sh.push(j === TAIL ? 'rate.tail' : 'rate.mismatch', j === TAIL ? 'info' : 'error', path + '.rate',
          j === TAIL ? '执行率填写为 ' + statedRate.t + '%，按 ' + how + ' 计算为 ' + rateText + '，在四舍五入范围内'
            : '执行率应为 ' + rateText + '（' + how + '），填写为 ' + statedRate.t + '%',
          statedRate.t + '%', rateText);
      }
    }
    if (absent) {
      sh.push('weights.no_exec_block', 'info', path + '.weight', '指标分值合计已为 100，本表未设执行率分值：执行率 ' + rateText + ' 不计分，总分为各指标得分之和');
      return { weight: weight, rate: rate, score: ZERO, exact: ZERO, stated: null };
    }
    var exact = execScoreOf(weight, rate);
    var score = N.round2(exact);
    var st = fmtScore(score);
    sh.set(path + '.score', st);
    var why = fmtScore(weight) + ' × ' + fmtRate(min(rate, HUNDRED));
    if (funds.unfilled) {
      var uf = sh.find('funds.total.adjusted', 'funds.total_unfilled');
      if (uf) { uf.message += '（执行率 ' + rateText + '，得分 ' + st + '）'; }
    }
    if (!scoreText.trim() || (funds.unfilled && !statedScore)) {
      if (!funds.unfilled) { sh.push('exec.score_missing', 'warning', path + '.score', '未填写执行率得分，按 ' + why + ' 应为 ' + st + '，请填写', null, st); }
    } else if (statedScore && !eq(statedScore.v, score)) {
      if (statedRate && !eq(statedRate.v, rate) && eq(N.round2(execScoreOf(weight, statedRate.v)), statedScore.v)) {
        var rm = sh.find(path + '.rate', 'rate.mismatch');
        if (rm) { rm.message += '；执行率得分随之应为 ' + st + '（' + why + '）'; }
      } else {
        sh.push('score.mismatch', 'error', path + '.score', '执行率得分应为 ' + st + '（' + why + '），填写为 ' + fmtScore(statedScore.v), fmtScore(statedScore.v), st);
      }
    }
    return { weight: weight, rate: rate, score: score, exact: exact, stated: stated };
  }

  function readRow(v) {
    return { level1: cell(v, 'level1'), level2: cell(v, 'level2'), name: cell(v, 'name'), operator: cell(v, 'operator'),
      target: cell(v, 'target'), actual: cell(v, 'actual'), level: cell(v, 'level'), weight: cell(v, 'weight'),
      score: cell(v, 'score'), rule: cell(v, 'rule'), reason: cell(v, 'reason') };
  }

  function columnsSwapped(r) {
    var s = parseScore(r.weight);
    if (s === null || s.err === undefined) { return false; }
    var w = parseValue(r.weight);
    if (w === null || w.k !== QUANTITY || w.unit === '') { return false; }
    var a = parseValue(r.actual);
    return a !== null && a.k === QUANTITY && a.unit === '' && a.cmp < 0;
  }

  function dayOf(v) { return v.k === DATE || v.k === SERIAL ? v.day : -1; }

  function outcome(r, path, operator, target, actual, year, sh) {
    var name = r.name.trim();
    var chosen = levelOf(r.level);
    if (!target || !actual) {
      if (target && target.k === WORDS && !actual && chosen >= 0) { return { k: WORDS, level: chosen }; }
      var blankTarget = !r.target.trim();
      if (blankTarget || !r.actual.trim()) {
        sh.push('value.missing', 'warning', path + (blankTarget ? '.target' : '.actual'), '指标“' + name + '”未填写' + (blankTarget ? '年度指标值' : '实际完成值') + '，请填写');
      }
      return null;
    }
    var td = dayOf(target), ad = dayOf(actual);
    if ((target.k === DATE || (target.k === SERIAL && actual.k === DATE)) && td >= 0 && ad >= 0) {
      return { k: DATE, onTime: ad <= td };
    }
    if (target.k === WORDS && ad >= 0) {
      var t = deadlineIn(target.text, year !== null ? year : Math.floor(ad / 10000));
      if (t >= 0) { return { k: DATE, onTime: ad <= t }; }
    }
    var level;
    if (target.k === WORDS) { return { k: WORDS, level: chosen >= 0 ? chosen : readLevel(target.text, r.actual, r, path, sh) }; }
    if (actual.k === WORDS) {
      level = chosen >= 0 ? chosen : readLevel(r.target, actual.text, r, path, sh);
      if (level >= 0) { return { k: WORDS, level: level }; }
      sh.push('value.kind_mismatch', 'warning', path + '.actual', '指标“' + name + '”的年度指标值是数值，实际完成值“' + r.actual.trim() + '”不是，无法计算完成率：请填写实际达到的数值');
      return null;
    }
    if ((target.k !== QUANTITY && target.k !== SERIAL) || (actual.k !== QUANTITY && actual.k !== SERIAL)) {
      sh.push('value.kind_mismatch', 'warning', path + '.actual', '指标“' + name + '”的年度指标值与实际完成值类型不同（日期/数值），无法比较：请按年度指标值的写法填写实际完成值');
      return null;
    }
    var tunit = target.k === QUANTITY ? target.unit : '';
    var aunit = actual.k === QUANTITY ? actual.unit : '';
    var a = convert(N.of(actual.f), aunit, tunit);
    if (a === null) {
      sh.push('unit.mismatch', 'warning', path + '.actual', '指标“' + name + '”的单位不一致：年度指标值为“' + tunit + '”，实际完成值为“' + aunit + '”，无法比较，得分未能核实：请用同一单位填写', aunit, tunit);
      return null;
    }
    var tv = N.of(target.f);
    var cmp = operator >= 0 ? operator : target.k === QUANTITY && target.cmp >= 0 ? target.cmp : EQ;
    var kind = cmp === GE || cmp === GT ? POSITIVE : cmp === LE || cmp === LT ? REVERSE : N.isZero(tv) ? ZERO_KIND : POSITIVE;
    return { k: QUANTITY, kind: kind, cmp: cmp, target: tv, actual: a, unit: tunit };
  }
  /* a level read from words: shown in the 完成程度 cell, with the word it was read from */
  function readLevel(target, actual, r, path, sh) {
    var got = qualitativeLevel(target, actual);
    if (got === null) { return -1; }
    sh.set(path + '.level', LEVELS[got.level]);
    if (got.word !== null) {
      sh.push('qualitative.reading', 'info', path + '.level', '指标“' + r.name.trim() + '”的实际完成值“' + actual.trim() + '”按“' + got.word + '”判为' + LEVELS[got.level] + '；如不同，请在完成程度中另选');
    }
    return got.level;
  }

  var LEVEL1 = ['产出指标', '成本指标', '效益指标', '满意度指标'];
  var LEVEL2 = ['数量指标', '质量指标', '时效指标', '成本指标', '经济成本指标', '社会成本指标', '生态环境成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '满意度指标'];

  /* what one row contributes: { score, exact, stated, disputed, band } */
  function evaluateRow(row, i, pl, ctx, sh) {
    var path = 'indicators.' + i;
    var level1 = pl.l1[i], level2 = pl.l2[i];
    if (columnsSwapped(row)) {
      sh.push('columns.swapped', 'warning', path + '.weight',
        '指标“' + row.name.trim() + '”的分值“' + row.weight.trim() + '”带有单位，实际完成值“' + row.actual.trim() + '”像是分值：两列可能填反了：请互换两列（已按互换后校核）',
        row.weight.trim(), row.actual.trim());
      row = Object.assign({}, row, { actual: row.weight, weight: row.actual });
    }
    var wf = pl.weights[i];
    if (wf === null) { var wp = sh.score(path + '.weight', row.weight); wf = wp ? wp.v : null; }
    var sf = sh.score(path + '.score', row.score);
    var stated = sf ? sf.v : null;
    var trustLabel = ctx.trustLabels && disputedRow(pl, i);
    var inherited = !row.weight.trim() || trustLabel ? inheritedWeight(pl, i) : null;
    var weight = trustLabel ? inherited : wf !== null ? wf : inherited;
    if (inherited !== null) { sh.set(path + '.weight', fmtScore(inherited)); }
    var rule = parseRule(row.rule);
    if (typeof rule !== 'number') { sh.push('value.unparseable', 'error', path + '.rule', rule.err, row.rule); rule = -1; }
    var operator = parseOperatorColumn(row.operator);
    if (operator === null) { operator = -1; }
    else if (typeof operator !== 'number') { sh.push('value.unparseable', 'error', path + '.operator', operator.err, row.operator); operator = -1; }
    var target = parseValue(row.target);
    if (target && target.err !== undefined) { sh.push('value.unparseable', 'error', path + '.target', target.err, row.target); target = null; }
    var actual = parseValue(row.actual);
    if (actual && actual.err !== undefined) { sh.push('value.unparseable', 'error', path + '.actual', actual.err, row.actual); actual = null; }

    if (weight === null && !row.weight.trim() && pl.groupOf[i] < 0) {
      sh.push('weight.missing', 'warning', path + '.weight', '指标“' + row.name.trim() + '”未填写分值，请填写');
    }
    if (actual && (actual.k === QUANTITY || actual.k === DATE) && actual.cmp >= 0 && actual.cmp !== EQ) {
      sh.push('value.actual_has_comparator', 'warning', path + '.actual',
        '实际完成值“' + row.actual.trim() + '”带有“' + SYMBOL[actual.cmp] + '”，实际值应是一个确定的数：请去掉符号（已按其中的数值计算）');
    }

    var oc = outcome(row, path, operator, target, actual, ctx.year, sh);
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

    var out = { score: stated, exact: null, stated: stated, disputed: false, band: null };
    if (weight === null) { return out; }
    if (trustLabel && inherited === null && stated !== null) { out.exact = stated; return out; }
    var name = row.name.trim();
    var over = stated !== null && gt(stated, weight);
    if (over) {
      out.disputed = true;
      sh.push('score.over_weight', 'error', path + '.score', '指标“' + name + '”得分 ' + fmtScore(stated) + ' 超过其分值 ' + fmtScore(weight) + '，请改正得分', fmtScore(stated), fmtScore(weight));
    }

    var exact = null;
    if (oc !== null && oc.k === QUANTITY && oc.kind === REVERSE && rule !== DIRECT) {
      exact = reverseExact(WITHIN_LIMIT, weight, oc.target, oc.actual);
      var cs = N.round2(exact);
      if (stated !== null && gt(N.abs(N.sub(stated, cs)), TOLERANCE)) {
        var other = -1;
        if (eq(reverseScore(LINEAR, weight, oc.target, oc.actual), stated)) { other = LINEAR; }
        else if (eq(reverseScore(ACTUAL_OVER_TARGET, weight, oc.target, oc.actual), stated)) { other = ACTUAL_OVER_TARGET; }
        if (other >= 0) {
          sh.push('score.policy_differs', 'warning', path + '.score',
            '反向指标“' + name + '”按当前口径（' + FORMULA_TEXT[WITHIN_LIMIT] + '）应得 ' + fmtScore(cs) + '，填写为 ' + fmtScore(stated) +
            '；填写值与“' + FORMULA_TEXT[other] + '”的算法一致，请确认所在地区的评分口径', fmtScore(stated), fmtScore(cs));
          sh.set(path + '.score', fmtScore(cs));
          out.score = cs;
          out.exact = exact;
          return out;
        }
      }
    } else if (oc !== null && oc.k === QUANTITY) {
      exact = quantitativeExact(rule, weight, c);
    } else if (oc !== null && oc.k === DATE) {
      exact = oc.onTime ? weight : ZERO;
    } else if (oc !== null && oc.level >= 0) {
      if (stated !== null && rule !== DIRECT) {
        if (inBand(oc.level, stated, weight)) {
          exact = stated;
        } else {
          // the band is the answer: no single score is "the" right one
          var b = band(oc.level, weight);
          out.disputed = true;
          if (!over) {
            sh.push('score.out_of_band', 'error', path + '.score',
              '定性指标“' + name + '”为' + LEVELS[oc.level] + '，按评判等级赋分得分应在 ' + fmtScore(b[0]) + (oc.level === ACHIEVED ? ' 至 ' : ' 至不足 ') + fmtScore(b[1]) + ' 分之间，填写为 ' + fmtScore(stated),
              fmtScore(stated), fmtScore(b[0]) + '–' + fmtScore(b[1]));
          }
          out.exact = stated;
          out.band = b;
          deviationReason(row, path, oc, c, sh);
          return out;
        }
      } else {
        exact = defaultQualitativeScore(rule, oc.level, weight);
      }
    } else if (oc !== null) {
      sh.push('qualitative.level_needed', 'warning', path + '.level',
        '定性指标“' + name + '”的实际完成值“' + row.actual.trim() + '”无法判断完成程度，请选择：达成、部分达成或未达成');
    }
    var computed = exact !== null ? N.round2(exact) : null;

    if (computed !== null && stated !== null && !eq(computed, stated)) {
      var tail = le(N.abs(N.sub(computed, stated)), TOLERANCE);
      out.disputed = !tail;
      if (over) {
        var ow = sh.find(path + '.score', 'score.over_weight');
        if (ow) { ow.message = '指标“' + name + '”得分 ' + fmtScore(stated) + ' 超过其分值 ' + fmtScore(weight) + '，应为 ' + fmtScore(computed) + '，请改正得分'; }
      } else {
        sh.push(tail ? 'score.tail' : 'score.mismatch', tail ? 'info' : 'error', path + '.score',
          tail ? '指标“' + name + '”得分 ' + fmtScore(stated) + ' 与计算值 ' + fmtScore(computed) + ' 相差 0.01 以内，属尾差'
            : '指标“' + name + '”的得分应为 ' + fmtScore(computed) + '，填写为 ' + fmtScore(stated),
          fmtScore(stated), fmtScore(computed));
      }
    }
    if (computed !== null) { sh.set(path + '.score', fmtScore(computed)); }

    deviationReason(row, path, oc, c, sh);
    costAboveFunds(row, path, level1, level2, oc, ctx.executedFunds, sh);
    out.score = computed !== null ? computed : stated;
    out.exact = exact !== null ? exact : stated;
    return out;
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
        '成本指标“' + row.name.trim() + '”的实际完成值 ' + N.plain(wan) + ' 万元 超过项目全年执行数 ' + fmtAmount(executed) + ' 万元，请核对金额或单位',
        N.plain(wan), fmtAmount(executed));
    }
  }

  /* a label's weight against its direct parts; the scores under the innermost label against its weight */
  function checkGroups(rows, pl, scores, sh) {
    var over = [], names = [], k, j;
    for (k = 0; k < pl.groups.length; k++) { over.push(false); }
    for (k = pl.groups.length - 1; k >= 0; k--) {
      var g = pl.groups[k];
      var at = 'indicators.' + g.row + (g.level === 1 ? '.level1' : '.level2');
      var level = g.level === 1 ? '一级' : '二级';
      if (g.parts !== null && disagrees(g)) {
        var parts = [];
        for (j = 0; j < g.inner.length; j++) { parts.push(N.plain(pl.groups[g.inner[j]].weight)); }
        for (j = 0; j < g.rows.length; j++) { var ow = ownWeight(rows[g.rows[j]]); if (ow !== null) { parts.push(N.plain(ow)); } }
        sh.push('weights.group', 'error', at, level + '指标“' + g.name + '”标注 ' + N.plain(g.weight) + ' 分，其下分值合计 ' + N.plain(g.parts) + ' 分（' + parts.join(' + ') + '），请改正标注或分值',
          fmtScore(g.weight), fmtScore(g.parts));
        continue;
      }
      if (!scores) { continue; }
      var skip = false;
      for (j = 0; j < g.inner.length; j++) { if (over[g.inner[j]] || disagrees(pl.groups[g.inner[j]])) { skip = true; } }
      if (skip) { continue; }
      var got = ZERO, r;
      for (j = 0; j < g.rows.length; j++) { r = scores[g.rows[j]]; if (r !== null) { got = N.add(got, r); } }
      for (j = 0; j < g.inner.length; j++) {
        var ig = pl.groups[g.inner[j]];
        for (var m = 0; m < ig.rows.length; m++) { r = scores[ig.rows[m]]; if (r !== null) { got = N.add(got, r); } }
      }
      if (gt(got, g.weight)) {
        over[k] = true;
        sh.push('score.over_weight', 'error', at, level + '指标“' + g.name + '”下各指标得分合计 ' + fmtScore(got) + ' 超过其分值 ' + fmtScore(g.weight) + '，请核对得分', fmtScore(got), fmtScore(g.weight));
      }
    }
    for (k = 0; k < pl.groups.length; k++) { if (over[k]) { names.push(pl.groups[k].name); } }
    return names;
  }

  function indicatorTable(rows, pl, ctx, sh) {
    var t = { weight: pl.weight, byLabels: pl.byLabels, score: ZERO, exact: ZERO, stated: ZERO, disputed: [],
      bands: null, rows: 0, hasSatisfaction: pl.hasSatisfaction, withoutActual: 0, withoutScore: 0, execStated: null, execExact: null };
    var scores = pl.groups.length ? [] : null;
    var bIn = ZERO, bLo = ZERO, bHi = ZERO, banded = false;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var level1 = pl.l1[i], level2 = pl.l2[i];
      if (row.level1.trim() && LEVEL1.indexOf(level1) < 0) {
        sh.push('level.nonstandard', 'warning', 'indicators.' + i + '.level1', '一级指标“' + level1 + '”不是' + LEVEL1.join('、') + '之一，请改为其中之一');
      }
      if (row.level2.trim() && level2 && LEVEL2.indexOf(level2) < 0) {
        sh.push('level.nonstandard', 'info', 'indicators.' + i + '.level2', '二级指标“' + level2 + '”不是常见的二级指标（' + LEVEL2.join('、') + '），请核对');
      }
      if (!pl.counted[i]) { if (scores) { scores.push(null); } continue; }
      t.rows++;
      if (!row.actual.trim() && !row.level.trim()) { t.withoutActual++; }
      var r = evaluateRow(row, i, pl, ctx, sh);
      if (r.score === null) { t.withoutScore++; }
      if (scores) { scores.push(r.score); }
      if (r.score !== null) { t.score = N.add(t.score, r.score); }
      var ex = r.exact !== null ? r.exact : r.score;
      if (ex !== null) { t.exact = N.add(t.exact, ex); }
      var st = r.stated !== null ? r.stated : r.score;
      if (st !== null) { t.stated = N.add(t.stated, st); }
      if (r.disputed) { t.disputed.push(row.name.trim()); }
      if (r.band !== null && r.score !== null) {
        banded = true;
        bIn = N.add(bIn, r.score); bLo = N.add(bLo, r.band[0]); bHi = N.add(bHi, r.band[1]);
      }
    }
    var over = checkGroups(rows, pl, scores, sh);
    for (var k = 0; k < over.length; k++) { t.disputed.push(over[k]); }
    if (banded) { t.bands = [bIn, bLo, bHi]; }
    sh.set('indicators.weight_total', fmtScore(t.weight));
    sh.set('indicators.score_total', fmtScore(t.score));
    return t;
  }

  function totalAndGrade(exec, ind, statedTotal, statedGrade, sh) {
    var weights = N.add(ind.weight, exec.weight);
    sh.set('weight_total', fmtScore(weights));
    var sf = sh.score('total_score', statedTotal);
    var stated = sf ? sf.v : null;
    var missing = sh.missing, i;
    sh.missing = [];
    if (ind.rows === 0) { missing.unshift('绩效指标（三级指标、指标值与实际完成值）'); }
    if (exec.score === null && !missing.some(function (m) { return m.indexOf('全年') >= 0; })) { missing.push('执行率（年度资金的全年预算数和全年执行数）'); }
    if (ind.withoutActual > 0) { missing.push(ind.withoutActual + ' 项指标的实际完成值'); }
    if (ind.withoutScore > 0 && ind.withoutScore !== ind.withoutActual) { missing.push(ind.withoutScore + ' 项指标的得分（无法按实际完成值计算）'); }
    var whole = eq(weights, HUNDRED);
    if (ind.rows > 0 && lt(weights, HUNDRED) && stated === null && !ind.hasSatisfaction) {
      missing.push('部分指标（分值合计 ' + fmtScore(weights) + '，应为 100）');
    } else if (ind.rows > 0 && !whole && eq(N.add(ind.byLabels, exec.weight), HUNDRED) && sh.has('weights.group')) {
      for (i = 0; i < sh.findings.length; i++) { if (sh.findings[i].code === 'weights.group') { sh.findings[i].message += '；改正前无法核对总分和等级'; } }
      return [null, null];
    } else if (ind.rows > 0 && !whole) {
      sh.push('weights.total', 'error', 'weight_total',
        '指标分值合计 ' + fmtScore(ind.weight) + ' 加执行率分值 ' + fmtScore(exec.weight) + ' 为 ' + fmtScore(weights) + '，应为 100，请核对各指标分值；改正前无法核对总分和等级',
        fmtScore(weights), '100.00');
      return [null, null];
    }
    if (stated !== null && gt(stated, HUNDRED) && ind.disputed.length === 0) {
      sh.push('total.over_100', 'error', 'total_score', '总分 ' + fmtScore(stated) + ' 超过 100，请核对各项得分');
    }
    if (missing.length) {
      sh.push('form.incomplete', 'warning', 'total_score', '未完成填报，尚缺：' + missing.join('、') + '；填完后再计算总分、评定等级');
      sh.missing = missing;
      return [null, null];
    }
    if (exec.score === null) { return [null, null]; }
    // a 定性 score out of its band counts as the score within the band the stated 总分 implies
    var shift = ZERO;
    if (ind.bands !== null && !(N.isZero(ind.bands[0]) && N.isZero(ind.bands[1]) && N.isZero(ind.bands[2]))) {
      var inBands = ind.bands[0], lo = ind.bands[1], hi = ind.bands[2];
      var wanted = stated !== null ? N.sub(stated, N.sub(N.add(exec.score, ind.score), inBands)) : inBands;
      shift = N.sub(min(max(wanted, min(lo, hi)), max(lo, hi)), inBands);
    }
    var t = N.add(N.add(exec.score, ind.score), shift);
    sh.set('total_score', fmtScore(t));
    var how = '执行率得分 ' + fmtScore(exec.score) + ' + 指标得分 ' + fmtScore(N.add(ind.score, shift));
    var follows = false, tail = null;
    if (stated !== null && !eq(stated, t)) {
      var own = N.add(ind.execStated !== null ? ind.execStated : exec.score, ind.stated);
      var exact = N.add(N.add(ind.execExact !== null ? ind.execExact : exec.score, ind.exact), shift);
      var byPolicy = sh.has('score.policy_differs');
      var wrong = ind.disputed.slice();
      if (ind.execStated !== null && !eq(ind.execStated, exec.score)) { wrong.unshift('执行率'); }
      var s = fmtScore(stated), c = fmtScore(t);
      if (eq(N.round2(exact), stated) || (eq(stated, own) && wrong.length === 0 && compareTotal(stated, t, ind.rows + 1) === TAIL)) {
        tail = stated;
        sh.push('total.tail', 'info', 'total_score', '总分 ' + s + ' 无需改动：各项得分四舍五入前合计 ' + N.plain(N.round(exact, 4)) + '，按两位小数的各项相加为 ' + c + '（' + how + '），相差属尾差', s, c);
      } else if (byPolicy) {
        follows = true;
        sh.push('total.mismatch', 'warning', 'total_score', '总分应为 ' + c + '（' + how + '），填写为 ' + s + '；差异来自反向指标的评分口径，见各指标说明', s, c);
      } else if (eq(stated, own) && wrong.length) {
        follows = true;
        sh.push('total.follows', 'warning', 'total_score', '总分填写为 ' + s + '，是所填各项得分之和；' + wrong.map(function (w) { return '“' + w + '”'; }).join('、') + '的得分改正后，总分应为 ' + c + '（' + how + '）', s, c);
      } else {
        sh.push('total.mismatch', 'error', 'total_score', '总分应为 ' + c + '（' + how + '），填写为 ' + s, s, c);
      }
    }
    if (!statedTotal.trim()) {
      sh.push('total.missing', 'warning', 'total_score', '未填写总分，按 ' + how + ' 应为 ' + fmtScore(t) + '，请填写', null, fmtScore(t));
    }
    if (tail !== null) { t = tail; sh.set('total_score', fmtScore(t)); }
    if (gt(t, HUNDRED)) { return [null, null]; }
    var grade = gradeOf(t);
    sh.set('grade', grade);
    var typed = statedGrade.trim();
    if (typed && typed !== grade) {
      var known = typed === '优' || typed === '良' || typed === '中' || typed === '差';
      if (known && follows && stated !== null && gradeOf(stated) === typed) {
        sh.push('grade.follows', 'warning', 'grade', '等级“' + typed + '”与填写的总分相符；总分改为 ' + fmtScore(t) + ' 后，等级应为“' + grade + '”', typed, grade);
      } else {
        sh.push('grade.mismatch', 'error', 'grade', known
          ? '总分 ' + fmtScore(t) + ' 对应的等级应为“' + grade + '”，填写为“' + typed + '”'
          : '等级填写为“' + typed + '”，不是 优/良/中/差 之一；按总分 ' + fmtScore(t) + ' 应为“' + grade + '”', typed, grade);
      }
    }
    return [t, grade];
  }

  var SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
  function bySeverity(a, b) { return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]; }
  var YEAR_TAIL_RE = /[年度]+$/;
  var INT_RE = /^[+-]?[0-9]+$/;

  /* evaluate(document) → { kind, summary, computed, findings } under the default policy */
  function evaluate(doc) {
    if (!doc || doc.kind !== 'project_self_evaluation') { throw new Error('peer: only project_self_evaluation documents'); }
    var sh = new Sheet();
    var funds = doc.funds || {};
    var totals = fundsTotals(funds, sh);
    var rows = (Array.isArray(doc.indicators) ? doc.indicators : []).map(readRow);
    var pl = plan(rows);
    var exec = execBlock(funds.total, totals, pl.weight, sh);
    if (!totals.cols[1]) { sh.missing.push('年度资金的全年预算数'); }
    if (!totals.cols[2]) { sh.missing.push('年度资金的全年执行数'); }
    var yearText = cell(doc, 'year').trim();
    var y = yearText.replace(YEAR_TAIL_RE, '');
    var year = INT_RE.test(y) ? parseInt(y, 10) : null;
    var trustLabels = !eq(N.add(pl.weight, exec.weight), HUNDRED) && eq(N.add(pl.byLabels, exec.weight), HUNDRED);
    var ctx = { executedFunds: totals.cols[2] ? totals.cols[2].v : null, year: year, trustLabels: trustLabels };
    var ind = indicatorTable(rows, pl, ctx, sh);
    if (trustLabels && pl.groups.every(function (g) { return !disagrees(g) || (g.rows.length === 1 && g.inner.length === 0); })) {
      ind.weight = pl.byLabels;
    }
    ind.execStated = exec.stated;
    ind.execExact = exec.exact;
    var untouched = ind.rows === 0 && !cell(doc, 'total_score').trim() && !cell(doc, 'grade').trim() &&
      [funds.total].concat(Array.isArray(funds.rows) ? funds.rows : []).every(function (r) {
        return !cell(r, 'initial').trim() && !cell(r, 'adjusted').trim() && !cell(r, 'executed').trim() && !cell(r, 'rate').trim() && !cell(r, 'score').trim();
      });
    var tg;
    if (untouched) {
      sh.missing.unshift('绩效指标（三级指标、指标值与实际完成值）');
      tg = [null, null];
    } else {
      tg = totalAndGrade(exec, ind, cell(doc, 'total_score'), cell(doc, 'grade'), sh);
    }
    var name = cell(doc, 'project').trim() || cell(doc, 'unit').trim();
    var errors = 0, warnings = 0, infos = 0;
    for (var i = 0; i < sh.findings.length; i++) {
      var s = sh.findings[i].severity;
      if (s === 'error') { errors++; } else if (s === 'warning') { warnings++; } else { infos++; }
    }
    sh.findings.sort(bySeverity);
    return {
      kind: 'project_self_evaluation',
      summary: { title: name + (yearText ? '（' + yearText + '年度）' : ''), policy: 'default',
        total_score: tg[0] !== null ? fmtScore(tg[0]) : null, grade: tg[1],
        exec_rate: exec.rate !== null ? fmtRate(exec.rate) : null, errors: errors, warnings: warnings, infos: infos, missing: sh.missing },
      computed: sh.computed,
      findings: sh.findings,
    };
  }

  return { evaluate: evaluate };
})

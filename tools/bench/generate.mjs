// Documents for `make bench`, made deterministically from the seed fixtures' own rows: the same
// shapes (≥ / ≤ / = targets with units, percentages, qualitative rows, deadlines, a funds block
// with 其中 rows), other figures. Nothing here computes a result the bench then checks against.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small seeded generator, so every run makes the same documents. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROJECT = 'project_self_evaluation';

/** Every project table among the fixtures, by name (`seed001/05`). */
export function seedTables(root) {
  const out = [];
  for (const dir of ['seed001', 'seed002']) {
    const full = path.join(root, 'tests/fixtures', dir);
    for (const f of readdirSync(full).filter((f) => f.endsWith('.json')).sort()) {
      const doc = JSON.parse(readFileSync(path.join(full, f), 'utf8'));
      if (doc.kind === PROJECT) out.push({ name: `${dir}/${f.replace(/\.json$/, '')}`, doc });
    }
  }
  return out;
}

/** The seed 001 table with the most indicator rows (the first of equals). */
export function largestSeed(tables) {
  return tables.filter((t) => t.name.startsWith('seed001/')).reduce((a, b) => (b.doc.indicators.length > a.doc.indicators.length ? b : a));
}

// ---- figures in text ----

const NUMBER_RE = /\d[\d,]*(?:\.\d+)?/;
const FULL_WIDTH = { '.': '．', '%': '％', '>': '＞', '<': '＜', '=': '＝', ',': '，' };

function decimalsOf(s) {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
function withSeparators(fixed) {
  const [int, frac] = fixed.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
}
function numberIn(text) {
  const m = NUMBER_RE.exec(text);
  return m ? { at: m.index, raw: m[0], value: Number(m[0].replace(/,/g, '')), decimals: decimalsOf(m[0]) } : null;
}
/** The text with its first figure replaced by `value`, written with as many decimals as before. */
function replaceNumber(text, n, value, { separators = false } = {}) {
  let v = n.decimals === 0 && n.value > 0 ? Math.max(1, Math.round(value)) : value;
  if (text.includes('%') && n.value <= 100) v = Math.min(v, 100);
  let s = v.toFixed(n.decimals);
  if (separators || n.raw.includes(',')) s = withSeparators(s);
  return text.slice(0, n.at) + s + text.slice(n.at + n.raw.length);
}
function fullWidth(text) {
  return text.replace(/[0-9.%><=,]/g, (c) => (c >= '0' && c <= '9' ? String.fromCharCode(c.charCodeAt(0) - 48 + 0xff10) : FULL_WIDTH[c]));
}
function operatorSpelling(text, r) {
  const x = r();
  if (x < 0.25) return text.replace(/^>=/, '≥').replace(/^<=/, '≤');
  if (x < 0.27) return text.replace(/^>=/, '> =');
  return text;
}

const QUALITATIVE_ACTUALS = ['部分达到', '未达到预期', '达成'];

/** One indicator row like `seedRow`, its figures moved by a factor, sometimes written otherwise
 *  (full-width digits, ≥ for >=, thousands separators). */
export function varyRow(seedRow, r) {
  const row = { ...seedRow };
  const t = numberIn(row.target || '');
  const a = numberIn(row.actual || '');
  const dated = /^\d{4}\.\d{1,2}\.\d{1,2}$/.test((row.target || '').trim());
  if (t && !dated) {
    const f = 0.5 + r() * 1.5;
    const p = r() < 0.6 ? 1 : 0.8 + r() * 0.35;
    const big = t.value * f >= 1000;
    row.target = operatorSpelling(replaceNumber(row.target, t, t.value * f, { separators: big }), r);
    if (a) row.actual = replaceNumber(row.actual, a, a.value * f * p, { separators: big && a.value * f * p >= 1000 });
  } else if (!dated && a === null && r() < 0.15) {
    row.actual = QUALITATIVE_ACTUALS[Math.floor(r() * QUALITATIVE_ACTUALS.length)];
  }
  if (r() < 0.08) row.target = fullWidth(row.target);
  if (r() < 0.08) row.actual = fullWidth(row.actual);
  return row;
}

// ---- the funds block, in cents ----

const cents = (text) => Math.round(Number(String(text).replace(/,/g, '')) * 100);
const money = (c) => withSeparators((c / 100).toFixed(2));
/** 执行率 in hundredths of a percent, rounded half up, from cents (integers: exact). */
const rateHundredths = (executed, adjusted) => Math.floor((executed * 20000 + adjusted) / (2 * adjusted));

/** A funds block of 其中 rows with the given cents, the total stated as their sum (moved by
 *  `offset` cents), 执行率 and its score stated as computed by integers. */
function fundsBlock(rows, offset = 0) {
  const sum = (k) => rows.reduce((s, row) => s + row[k], 0);
  const [initial, adjusted, executed] = ['initial', 'adjusted', 'executed'].map(sum);
  const total = { label: '年度资金总额', initial: money(initial), adjusted: money(adjusted), executed: money(executed + offset), weight: '10' };
  if (adjusted > 0) {
    const rate = rateHundredths(executed + offset, adjusted);
    total.rate = `${(rate / 100).toFixed(2)}%`;
    total.score = `${(Math.floor((Math.min(rate, 10000) + 5) / 10) / 100).toFixed(2)}分`;
  }
  return { total, rows: rows.map((row) => ({ label: row.label, initial: money(row.initial), adjusted: money(row.adjusted), executed: money(row.executed) })) };
}

/** Whether a target and an actual are figures in one unit: a score the core can compute (it
 *  cannot across 元/人次 and 元/人/半天, and then the table would be 未完成填报). */
function sameUnit(target, actual) {
  const unit = (t) => String(t || '').replace(/^[^\d]*[\d.,]+\s*/, '');
  return /\d/.test(actual || '') && unit(target) === unit(actual);
}

/** A project table of `count` indicator rows built from every seed table's rows, one funds
 *  block with three 其中 rows; weights add up to 90 (with the 10 of 执行率, 100). */
export function bigTable(tables, count = 500, seed = 500) {
  const r = rng(seed);
  const pool = [];
  for (const { doc } of tables) {
    let l1 = '', l2 = '';
    for (const row of doc.indicators) {
      if (row.level1) { l1 = row.level1; l2 = ''; }
      if (row.level2) l2 = row.level2;
      pool.push({ ...row, level1: l1, level2: l2 });
    }
  }
  const ORDER = ['产出指标', '成本指标', '效益指标', '满意度指标'];
  const picked = Array.from({ length: count }, () => pool[Math.floor(r() * pool.length)])
    .map((row, i) => ({ row, i }))
    .sort((x, y) => ORDER.indexOf(x.row.level1) - ORDER.indexOf(y.row.level1) || x.row.level2.localeCompare(y.row.level2) || x.i - y.i);
  const WEIGHTS = ['0.1', '0.15', '0.2', '0.25', '0.2']; // 0.9 per five rows
  let l1 = '', l2 = '';
  const indicators = picked.map(({ row }, i) => {
    const v = varyRow(row, r);
    const weight = WEIGHTS[i % WEIGHTS.length];
    const x = r();
    const out = {
      level1: v.level1 === l1 ? '' : v.level1,
      level2: v.level2 === l2 && v.level1 === l1 ? '' : v.level2,
      name: `${v.name}（${i + 1}）`,
      target: v.target,
      actual: v.actual,
      weight,
      // a third left for the core to fill, most stated as full marks, a few plainly wrong
      score: x < 0.33 && sameUnit(v.target, v.actual) ? '' : x < 0.95 ? Number(weight).toFixed(2) : (Number(weight) * 0.5).toFixed(2),
      reason: r() < 0.5 ? v.reason || '' : '',
    };
    // a filled-in table: a 定性 result the core cannot read from its words has its level chosen
    if (!/\d/.test(v.actual || '')) out.level = '达成';
    l1 = v.level1;
    l2 = v.level2;
    return out;
  });
  const amount = () => Math.round((50 + r() * 20000) * 100);
  const rows = ['其中：当年财政拨款', '上年结转资金', '其他资金'].map((label) => {
    const initial = amount();
    const adjusted = Math.round(initial * (0.6 + r() * 0.6));
    return { label, initial, adjusted, executed: Math.round(adjusted * (0.3 + r() * 0.7)) };
  });
  return {
    kind: PROJECT,
    version: 1,
    year: '2024',
    project: `基准项目（${count} 项指标）`,
    department: '基准部门',
    implementer: '基准单位',
    funds: fundsBlock(rows),
    goals: { expected: '按计划完成全部指标。', actual: '基本完成。' },
    total_score: '',
    grade: '',
    indicators,
  };
}

/** `count` project documents, the i-th moved from seed table i mod n: other funds, other
 *  figures in the indicators, now and then a total off by a 尾差 or by more. */
export function manyDocs(tables, count, seed = 10000) {
  const docs = [];
  for (let i = 0; i < count; i++) {
    const r = rng(seed + i);
    const base = tables[i % tables.length].doc;
    const g = 0.3 + r() * 2.7;
    const rows = base.funds.rows.map((row) => {
      const initial = Math.round(cents(row.initial || '0') * g);
      const adjusted = Math.round(cents(row.adjusted || '0') * g);
      return { label: row.label, initial, adjusted, executed: Math.min(adjusted, Math.round(cents(row.executed || '0') * g)) };
    });
    const x = r();
    const doc = structuredClone(base);
    doc.project = `${base.project}（第 ${i + 1} 号）`;
    doc.funds = fundsBlock(rows, x < 0.05 ? 1 : x < 0.1 ? 100 : 0);
    doc.indicators = base.indicators.map((row) => varyRow(row, r));
    docs.push(doc);
  }
  return docs;
}

/** Writes documents as 00001.json… into `dir` (emptied first); returns the file names. */
export function writeDocs(dir, docs) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const width = String(docs.length).length;
  return docs.map((doc, i) => {
    const name = `${String(i + 1).padStart(width, '0')}.json`;
    writeFileSync(path.join(dir, name), JSON.stringify(doc));
    return name;
  });
}

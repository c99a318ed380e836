// specs.mjs: scores number, currency and date-time recognition on the English test
// specifications of Recognizers-Text, with ONE scorer for every tool.
//
// Usage:
//   node specs.mjs cases SPECS_DIR OUT.jsonl        the spec inputs as JSON Lines
//        (id, text, published = the case's reference date) for `newsledger extract`
//   node specs.mjs score TOOL SPECS_DIR [EXTRACT_OUT.jsonl]
//        TOOL: newsledger (reads its extract output) | recognizers | chrono | compromise
//
// Scoring, per case: the tool's predicted items of the file's kind (numbers, ranges,
// percentages, ordinals, money, time expressions) are matched one-to-one with the
// expected results; a case is right when every expected item is matched and nothing
// else was predicted (so a false alarm on a negative case is wrong). Three figures:
//   span    exact span, value ignored
//   exact   exact span and an equal value
//   overlap spans overlap and an equal value (tools differ in what a span includes:
//           "about 80,000" vs "80,000", "on Tuesday" vs "Tuesday")
// Values: numbers numerically (percent without "%", money without its unit); ordinals
// by their number; ranges as intervals "[a,b)"; time expressions as TIMEX-like strings,
// where the expected side accepts its timex and its resolved values (both the past and
// the future reading of an ambiguous one, date ranges as "start,end" and as a month or
// year when they cover exactly one).
import fs from 'node:fs';
import path from 'node:path';
import { byteMapper, loadPeer, readJson, readJsonl, refDate } from './lib.mjs';

export const FILES = [
  ['numbers', 'Number/English/NumberModel.json', 'number'],
  ['numbers', 'Number/English/NumberRangeModel.json', 'range'],
  ['numbers', 'Number/English/PercentModel.json', 'percent'],
  ['numbers', 'Number/English/OrdinalModel.json', 'ordinal'],
  ['currency', 'NumberWithUnit/English/CurrencyModel.json', 'currency'],
  ['datetime', 'DateTime/English/DateTimeModel.json', 'time'],
  ['datetime', 'DateTime/English/DateParser.json', 'time'],
  ['datetime', 'DateTime/English/DatePeriodParser.json', 'time'],
  ['datetime', 'DateTime/English/DurationParser.json', 'time'],
];

const num = (x) => {
  const n = Number(String(x).replace(/[%,\s]/g, ''));
  return Number.isFinite(n) ? `n:${+n.toPrecision(12)}` : `s:${x}`;
};

// TIMEX-like canonical form: "2016-11-07 16:00:00" and "2016-11-07T16" both become
// "2016-11-07T16:00"; "07:00:00" and "T07" become "T07:00".
export function canonTime(s) {
  if (s == null) return null;
  s = String(s).trim();
  let m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2})(?::(\d{2}))?(?::(\d{2}))?/.exec(s);
  if (m) return `${m[1]}T${m[2]}:${m[3] || '00'}${m[4] && m[4] !== '00' ? ':' + m[4] : ''}`;
  m = /^T?(\d{2})(?::(\d{2}))?(?::(\d{2}))?$/.exec(s);
  if (m && (s.startsWith('T') || s.includes(':')))
    return `T${m[1]}:${m[2] || '00'}${m[3] && m[3] !== '00' ? ':' + m[3] : ''}`;
  return s;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
function addDays(iso, k) {
  const d = refDate(iso);
  d.setDate(d.getDate() + k);
  return ymd(d);
}

// Candidate strings for a date range [start, end] with either end convention.
function rangeCandidates(start, end, out) {
  const s = canonTime(start), e = canonTime(end);
  out.add(`${s},${e}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(e)) {
    out.add(`${s},${addDays(e, 1)}`);
    out.add(`${s},${addDays(e, -1)}`);
  }
  const ms = /^(\d{4})-(\d{2})-01$/.exec(s);
  if (ms) {
    const next = new Date(+ms[1], +ms[2], 1), last = new Date(+ms[1], +ms[2], 0);
    if (e === ymd(next) || e === ymd(last)) out.add(`${ms[1]}-${ms[2]}`);
    if (ms[2] === '01' && (e === `${+ms[1] + 1}-01-01` || e === `${ms[1]}-12-31`)) out.add(ms[1]);
  }
}

// Candidates of one resolution value in the model format ({timex, type, value, start, end}).
function modelValueCandidates(v, out) {
  if (v.timex) out.add(canonTime(v.timex));
  if (v.value) out.add(canonTime(v.value));
  if (v.start && v.end) rangeCandidates(v.start, v.end, out);
  else if (v.start) out.add(canonTime(v.start));
  else if (v.end) out.add(canonTime(v.end));
}

function expectedValues(kind, r) {
  const out = new Set();
  if (kind === 'time') {
    if (r.Resolution && r.Resolution.values) for (const v of r.Resolution.values) modelValueCandidates(v, out);
    if (r.Value) {
      if (r.Value.Timex) out.add(canonTime(r.Value.Timex));
      for (const res of [r.Value.FutureResolution, r.Value.PastResolution]) {
        if (!res) continue;
        if (res.startDate && res.endDate) rangeCandidates(res.startDate, res.endDate, out);
        for (const k of ['date', 'time', 'datetime', 'duration', 'startDate', 'endDate'])
          if (res[k]) out.add(canonTime(res[k]));
      }
    }
    return out;
  }
  const v = r.Resolution ? r.Resolution.value : undefined;
  if (v === undefined) return out;
  if (kind === 'range') out.add(`r:${String(v).replace(/\s/g, '')}`);
  else out.add(num(v));
  if (kind === 'ordinal') out.add(`s:${v}`);
  return out;
}

export function loadCases(specs) {
  const cases = [];
  for (const [category, file, kind] of FILES) {
    const p = path.join(specs, file);
    if (!fs.existsSync(p)) continue;
    readJson(p).forEach((c, i) => {
      const expected = (c.Results || []).map((r) => {
        const start = r.Start;
        const end = r.End !== undefined ? r.End + 1 : r.Start + (r.Length ?? (r.Text || '').length);
        return { start, end, values: expectedValues(kind, r) };
      });
      const ref = c.Context && c.Context.ReferenceDateTime;
      cases.push({ id: `${path.basename(file, '.json')}#${i}`, category, file: path.basename(file, '.json'), kind,
                   input: c.Input, ref, expected });
    });
  }
  return cases;
}

// ---- predictions -------------------------------------------------------------------

const trimSpan = (text, s, e) => {  // compromise keeps attached punctuation in its spans
  while (e > s && /[\s.,;:!?"')\]]/.test(text[e - 1])) --e;
  while (s < e && /[\s"'(\[]/.test(text[s])) ++s;
  return [s, e];
};

function intervalOf(q) {
  const f = (x) => (x == null ? '' : `${+Number(x).toPrecision(12)}`);
  switch (q.qualifier) {
    case 'range':  // "between 20 and 30" is [20,30) to them: any bracket is accepted
      return ['[', '('].flatMap((a) => [']', ')'].map((b) => `r:${a}${f(q.low)},${f(q.high)}${b}`));
    case 'at_least': return `r:[${f(q.low ?? q.value)},)`;
    case 'more_than': return `r:(${f(q.low ?? q.value)},)`;
    case 'at_most': return `r:(,${f(q.high ?? q.value)}]`;
    case 'less_than': return `r:(,${f(q.high ?? q.value)})`;
    default: return null;
  }
}

function newsledgerPredict(out) {
  return (c) => {
    const doc = out.get(c.id);
    if (!doc) return null;
    const toUnit = byteMapper(doc.text ?? c.input);
    const items = [];
    const add = (o, values) => items.push({ start: toUnit(o.start), end: toUnit(o.end), values: new Set(values) });
    if (c.kind === 'time') {
      for (const t of doc.times || []) {
        const v = new Set([canonTime(t.value)]);
        const iv = /^([^/]+)\/([^/]+)$/.exec(t.value || '');  // ISO interval "start/end"
        if (iv) rangeCandidates(iv[1], iv[2], v);
        add(t, v);
      }
      return items;
    }
    for (const q of doc.quantities || []) {
      const type = q.type || 'count';
      const v = q.value != null ? [num(q.value)] : ['s:null'];  // "dollars" alone: a unit, no value
      if (c.kind === 'ordinal' && type === 'ordinal') add(q, [...v, ...(q.value != null ? [`s:${q.value}`] : [])]);
      else if (c.kind === 'percent' && (type === 'percent' || q.unit === 'percent')) add(q, v);
      else if (c.kind === 'currency' && type === 'money') add(q, v);
      else if (c.kind === 'range' && intervalOf(q)) add(q, [intervalOf(q)].flat());
      else if (c.kind === 'number' && type !== 'ordinal' && type !== 'percent' && q.qualifier !== 'vague') add(q, v);
    }
    return items;
  };
}

function recognizersPredict(R) {
  const items = (rs, f) => rs.map((r) => ({ start: r.start, end: r.end + 1, values: f(r.resolution || {}) }));
  return (c) => {
    const ref = c.ref ? refDate(c.ref) : new Date();
    switch (c.kind) {
      case 'number': return items(R.recognizeNumber(c.input, R.Culture.English), (r) => new Set([num(r.value)]));
      case 'percent': return items(R.recognizePercentage(c.input, R.Culture.English), (r) => new Set([num(r.value)]));
      case 'ordinal':
        return items(R.recognizeOrdinal(c.input, R.Culture.English), (r) => new Set([num(r.value), `s:${r.value}`]));
      case 'currency': return items(R.recognizeCurrency(c.input, R.Culture.English), (r) => new Set([num(r.value)]));
      case 'range': return [];  // the JavaScript suite has no number-range model
      case 'time':
        return items(R.recognizeDateTime(c.input, R.Culture.English, undefined, ref), (r) => {
          const out = new Set();
          for (const v of r.values || []) modelValueCandidates(v, out);
          return out;
        });
      default: return [];
    }
  };
}

function chronoValue(comp) {
  const k = (x) => comp.isCertain(x);
  const y = comp.get('year'), mo = pad(comp.get('month')), d = pad(comp.get('day'));
  if (k('hour')) return `${y}-${mo}-${d}T${pad(comp.get('hour'))}:${pad(comp.get('minute') || 0)}`;
  if (k('day') || k('weekday')) return `${y}-${mo}-${d}`;
  if (k('month')) return `${y}-${mo}`;
  if (k('year')) return `${y}`;
  return `${y}-${mo}-${d}`;
}

function chronoPredict(chrono) {
  return (c) => {
    if (c.kind !== 'time') return null;
    const ref = c.ref ? refDate(c.ref) : new Date();
    return chrono.parse(c.input, ref).map((r) => {
      const values = new Set([canonTime(chronoValue(r.start))]);
      if (r.end) rangeCandidates(chronoValue(r.start), chronoValue(r.end), values);
      return { start: r.index, end: r.index + r.text.length, values };
    });
  };
}

function compromisePredict(nlp) {
  const items = (text, list, f) => list.map((x) => {
    const [s, e] = trimSpan(text, x.offset.start, x.offset.start + x.offset.length);
    return { start: s, end: e, values: f(x) };
  });
  return (c) => {
    const doc = nlp(c.input);
    const o = { offset: true };
    switch (c.kind) {
      case 'number':
        return items(c.input, doc.numbers().isCardinal().json(o), (x) => new Set(x.number ? [num(x.number.num)] : []));
      case 'percent':
        return items(c.input, doc.percentages().json(o), (x) => new Set(x.number ? [num(x.number.num)] : []));
      case 'ordinal':
        return items(c.input, doc.numbers().isOrdinal().json(o), (x) => new Set(x.number ? [num(x.number.num)] : []));
      case 'currency':
        return items(c.input, doc.money().json(o), (x) => new Set(x.money ? [num(x.money.num)] : []));
      case 'range': return [];
      case 'time': {
        const today = c.ref ? c.ref.slice(0, 10) : undefined;
        const dates = items(c.input, doc.dates({ today }).json(o), (x) => {
          const out = new Set();
          const d = x.dates || {};
          if (!d.start) return out;
          const s = d.start.slice(0, 10), e = d.end ? d.end.slice(0, 10) : s;
          if (d.unit === 'month') out.add(s.slice(0, 7));
          else if (d.unit === 'year') out.add(s.slice(0, 4));
          else if (d.unit === 'hour' || d.unit === 'minute') out.add(canonTime(d.start.slice(0, 16)));
          else out.add(s);
          if (e !== s) rangeCandidates(s, e, out);
          return out;
        });
        const durs = items(c.input, doc.durations().json(o), (x) => {
          const d = x.duration || {};
          const dp = ['year', 'month', 'week', 'day'].filter((u) => d[u]).map((u) => `${d[u]}${u[0].toUpperCase()}`).join('');
          const tp = ['hour', 'minute', 'second'].filter((u) => d[u]).map((u) => `${d[u]}${u[0].toUpperCase()}`).join('');
          return new Set([`P${dp}${tp ? 'T' + tp : ''}`]);
        });
        return [...dates, ...durs].sort((a, b) => a.start - b.start);
      }
      default: return [];
    }
  };
}

// ---- scoring -----------------------------------------------------------------------

function matches(expected, predicted, same) {
  if (expected.length !== predicted.length) return false;
  const used = new Set();
  for (const e of expected) {
    const k = predicted.findIndex((p, i) => !used.has(i) && same(e, p));
    if (k < 0) return false;
    used.add(k);
  }
  return true;
}
const valueEq = (e, p) => [...p.values].some((v) => e.values.has(v));
const exactSpan = (e, p) => e.start === p.start && e.end === p.end;
const overlap = (e, p) => p.start < e.end && e.start < p.end;

export function score(cases, predict) {
  const files = {}, cats = {};
  for (const c of cases) {
    let pred;
    try {
      pred = predict(c);
    } catch (err) {
      pred = [{ start: -1, end: -1, values: new Set(['error']) }];  // a crash counts as wrong
    }
    if (pred === null) continue;  // this tool does not do this kind
    const r = {
      span: matches(c.expected, pred, exactSpan),
      exact: matches(c.expected, pred, (e, p) => exactSpan(e, p) && valueEq(e, p)),
      overlap: matches(c.expected, pred, (e, p) => overlap(e, p) && valueEq(e, p)),
    };
    for (const [table, key] of [[files, c.file], [cats, c.category]]) {
      const t = (table[key] ??= { cases: 0, span: 0, exact: 0, overlap: 0 });
      t.cases++;
      for (const k of ['span', 'exact', 'overlap']) t[k] += r[k] ? 1 : 0;
    }
  }
  return { files, categories: cats };
}

async function main() {
  const [cmd, a, b, c] = process.argv.slice(2);
  if (cmd === 'cases') {
    const lines = loadCases(a).map((k) => JSON.stringify({ id: k.id, text: k.input, ...(k.ref ? { published: k.ref.slice(0, 10) } : {}) }));
    fs.writeFileSync(b, lines.join('\n') + '\n');
    return;
  }
  if (cmd !== 'score') throw new Error('usage: specs.mjs cases SPECS OUT | score TOOL SPECS [EXTRACT_OUT]');
  const tool = a, cases = loadCases(b);
  let predict;
  if (tool === 'newsledger') {
    const out = new Map(readJsonl(c).map((d) => [d.id, d]));
    predict = newsledgerPredict(out);
  } else if (tool === 'recognizers') predict = recognizersPredict((await loadPeer('recognizers')).R);
  else if (tool === 'chrono') predict = chronoPredict((await loadPeer('chrono')).chrono);
  else if (tool === 'compromise') predict = compromisePredict((await loadPeer('compromise-dates')).nlp);
  else throw new Error(`unknown tool ${tool}`);
  console.log(JSON.stringify({ tool, ...score(cases, predict) }));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

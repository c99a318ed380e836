// lib.mjs: what the peer scripts share: the peers themselves (loaded once), readers of
// the gold files (CoNLL-U, IOB2, Recognizers-Text specs, JSON Lines), character-offset
// helpers, and the alignment used to score raw-text taggers against gold tokens.
//
// Offsets: JavaScript strings index UTF-16 code units, newsledger reports UTF-8 bytes.
// Everything here is compared in UTF-16 units; byteToUnit() converts newsledger's.
import fs from 'node:fs';

export function readJsonl(path) {
  return fs.readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

export function readJson(path) {
  return JSON.parse(fs.readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}

// Maps a UTF-8 byte offset of `text` to its UTF-16 offset.
export function byteMapper(text) {
  const map = new Map();
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    map.set(bytes, i);
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  map.set(bytes, text.length);
  return (b) => (map.has(b) ? map.get(b) : -1);
}

// Finds each form in `text` in order (skipping what lies between) and returns
// [start, end) UTF-16 spans; a form not found gets the empty span at the cursor.
export function locate(text, forms) {
  const spans = [];
  let at = 0;
  for (const f of forms) {
    const i = text.indexOf(f, at);
    if (i < 0 || i - at > 40) {
      spans.push([at, at]);
      continue;
    }
    spans.push([i, i + f.length]);
    at = i + f.length;
  }
  return spans;
}

// CoNLL-U sentences: {id, text, tokens: [{form, upos, span}]} with spans located in
// `# text`. Multi-word tokens: the words share the surface span of their range line.
export function readConllu(path) {
  const sents = [];
  let cur = null;
  let mwtEnd = 0, mwtForm = null;
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id = ')) {
      cur = { id: line.slice(12), text: '', words: [] };
      mwtEnd = 0;
    }
    else if (line.startsWith('# text = ')) cur.text = line.slice(9);
    else if (line === '') {
      if (cur && cur.words.length) sents.push(finishConllu(cur));
      cur = null;
    } else if (!line.startsWith('#') && cur) {
      const c = line.split('\t');
      if (c[0].includes('.')) continue;  // empty nodes
      if (c[0].includes('-')) {
        mwtEnd = Number(c[0].split('-')[1]);
        mwtForm = c[1];
        cur.words.push({ surface: mwtForm, range: true });
        continue;
      }
      const inMwt = Number(c[0]) <= mwtEnd;
      cur.words.push({ form: c[1], upos: c[3], inMwt });
    }
  }
  if (cur && cur.words.length) sents.push(finishConllu(cur));
  return sents;
}

function finishConllu(cur) {
  const surfaces = [];
  for (const w of cur.words) if (w.range || !w.inMwt) surfaces.push(w.range ? w.surface : w.form);
  const spans = locate(cur.text, surfaces);
  const tokens = [];
  let k = -1;
  for (let i = 0; i < cur.words.length; ++i) {
    const w = cur.words[i];
    if (!w.range && !w.inMwt) {
      ++k;
      tokens.push({ form: w.form, upos: w.upos, span: spans[k] });
      continue;
    }
    if (!w.range) continue;
    // A multi-word token ("don't" = do + n't): its words get consecutive pieces of the
    // surface when their forms spell it, else each word gets the whole surface.
    ++k;
    const parts = [];
    for (let j = i + 1; j < cur.words.length && cur.words[j].inMwt && !cur.words[j].range; ++j) parts.push(cur.words[j]);
    const spell = parts.map((p) => p.form).join('').toLowerCase() === w.surface.toLowerCase();
    let at = spans[k][0];
    for (const p of parts) {
      const span = spell ? [at, at + p.form.length] : spans[k];
      at += p.form.length;
      tokens.push({ form: p.form, upos: p.upos, span });
    }
  }
  return { id: cur.id, text: cur.text, tokens };
}

// IOB2 sentences: {id, text, tokens, entities: [{type, span}]}.
export function readIob2(path) {
  const sents = [];
  let cur = null;
  const flush = () => {
    if (!cur || !cur.forms.length) return;
    const spans = locate(cur.text, cur.forms);
    const entities = [];
    let open = null;
    cur.tags.forEach((t, i) => {
      const [bio, type] = t.split('-');
      if (bio === 'B' || (bio === 'I' && (!open || open.type !== type))) {
        if (open) entities.push(open);
        open = { type, span: [spans[i][0], spans[i][1]] };
      } else if (bio === 'I') open.span[1] = spans[i][1];
      else if (open) { entities.push(open); open = null; }
    });
    if (open) entities.push(open);
    sents.push({ id: cur.id, text: cur.text, entities });
  };
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id = ')) { flush(); cur = { id: line.slice(12), text: '', forms: [], tags: [] }; }
    else if (line.startsWith('# text = ')) cur.text = line.slice(9);
    else if (line === '') { flush(); cur = null; }
    else if (!line.startsWith('#') && cur) {
      const c = line.split('\t');
      cur.forms.push(c[1]);
      cur.tags.push(c[2]);
    }
  }
  flush();
  return sents;
}

// Scores predicted tags on raw text against gold tokens: each gold token takes the tag
// of the predicted token that covers its first character (none: counted wrong).
// Returns {gold, correct, exactTokens} where exactTokens counts gold tokens whose span a
// predicted token matches exactly (a tokenisation-agreement figure).
export function scoreAligned(goldTokens, predTokens) {
  let correct = 0, exact = 0, p = 0;
  for (const g of goldTokens) {
    while (p < predTokens.length && predTokens[p].span[1] <= g.span[0]) ++p;
    const t = predTokens[p];
    if (!t || t.span[0] > g.span[0]) continue;
    if (t.span[0] === g.span[0] && t.span[1] === g.span[1]) ++exact;
    if (t.upos === g.upos) ++correct;
  }
  return { gold: goldTokens.length, correct, exactTokens: exact };
}

// Span F1 of typed entity spans (exact boundaries and type).
export function spanF1(golds, preds, types) {
  const per = {};
  for (const t of [...types, 'ALL']) per[t] = { tp: 0, gold: 0, pred: 0 };
  for (let i = 0; i < golds.length; ++i) {
    const key = (e) => `${e.span[0]}:${e.span[1]}:${e.type}`;
    const g = new Set(golds[i].filter((e) => types.includes(e.type)).map(key));
    const pr = new Set(preds[i].filter((e) => types.includes(e.type)).map(key));
    for (const k of g) { per[k.split(':')[2]].gold++; per.ALL.gold++; }
    for (const k of pr) {
      const t = k.split(':')[2];
      per[t].pred++; per.ALL.pred++;
      if (g.has(k)) { per[t].tp++; per.ALL.tp++; }
    }
  }
  const out = {};
  for (const [t, c] of Object.entries(per)) {
    const p = c.pred ? c.tp / c.pred : 0, r = c.gold ? c.tp / c.gold : 0;
    out[t] = { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0, ...c };
  }
  return out;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// Loads a peer by name; each returns an object of the functions the scripts call.
export async function loadPeer(name) {
  switch (name) {
    case 'wink': {
      const winkNLP = (await import('wink-nlp')).default;
      const model = (await import('wink-eng-lite-web-model')).default;
      const nlp = winkNLP(model);
      return { nlp, its: nlp.its };
    }
    case 'compromise':
    case 'compromise-dates': {
      const nlp = (await import('compromise')).default;
      if (name === 'compromise-dates') nlp.plugin((await import('compromise-dates')).default);
      return { nlp };
    }
    case 'chrono':
      return { chrono: await import('chrono-node') };
    case 'recognizers':
      return { R: await import('@microsoft/recognizers-text-suite') };
    default:
      throw new Error(`unknown peer ${name}`);
  }
}

// A Date at local midnight of an ISO date ("2025-11-17" or "2016-11-07T00:00:00").
export function refDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(iso || '');
  if (!m) return new Date(2025, 10, 17);
  return new Date(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0));
}

// accuracy.mjs: UPOS and entity accuracy of raw-text taggers against gold tokens, with
// one scorer for every tool.
//
// Usage:
//   node accuracy.mjs inputs GOLD.conllu OUT.jsonl      one JSON Lines document per
//        gold sentence (id = sent_id, text = "# text"), for `newsledger extract`
//   node accuracy.mjs pos wink GOLD.conllu
//   node accuracy.mjs pos newsledger GOLD.conllu EXTRACT.conllu
//   node accuracy.mjs ner wink|compromise GOLD.iob2
//   node accuracy.mjs ner newsledger GOLD.iob2 EXTRACT.jsonl
//
// Every tool reads the raw text of each sentence (no tool is given the gold tokens);
// its tokens are aligned to the gold tokens by character offsets:
//   POS  a gold token takes the tag of the predicted token covering its first character;
//        accuracy = right tags / gold tokens (a gold token no predicted token starts in
//        or covers counts as wrong). Also reported: the share of gold tokens whose exact
//        span the tool produced (tokenisation agreement).
//   NER  exact-span, exact-type F1 over PER, ORG, LOC (UNER's three types).
import fs from 'node:fs';
import { byteMapper, loadPeer, locate, readConllu, readIob2, readJsonl, scoreAligned, spanF1 } from './lib.mjs';

const TYPES = ['PER', 'ORG', 'LOC'];

// wink-nlp's entity types (DATE, CARDINAL, MONEY, PERCENT, TIME, DURATION, ORDINAL,
// EMAIL, URL, HASHTAG, MENTION, EMOJI...) are pattern-based; none is a person,
// organisation or place, so this mapping is empty by necessity, not by choice.
const WINK_TO_UNER = { PERSON: 'PER', ORG: 'ORG', ORGANIZATION: 'ORG', GPE: 'LOC', LOC: 'LOC', LOCATION: 'LOC' };
const NEWSLEDGER_TO_UNER = { PERSON: 'PER', ORG: 'ORG', LOC: 'LOC' };

function winkTokens(w, text) {
  const doc = w.nlp.readDoc(text);
  const values = doc.tokens().out();
  const tags = doc.tokens().out(w.its.pos);
  const spans = locate(text, values);
  return { doc, tokens: values.map((v, i) => ({ span: spans[i], upos: tags[i] })), spans };
}

// newsledger's CoNLL-U output: `# newdoc id = ID` then tokens with TokenRange=a:b
// (UTF-8 bytes of the document text).
function readExtractConllu(path, texts) {
  const out = new Map();
  let id = null, map = null;
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc id = ')) {
      id = line.slice(14);
      map = byteMapper(texts.get(id) ?? '');
      out.set(id, []);
    } else if (id && line && !line.startsWith('#')) {
      const c = line.split('\t');
      const m = /TokenRange=(\d+):(\d+)/.exec(c[9] || '');
      if (m) out.get(id).push({ span: [map(+m[1]), map(+m[2])], upos: c[3] });
    }
  }
  return out;
}

async function main() {
  const [cmd, tool, gold, pred] = process.argv.slice(2);
  if (cmd === 'inputs') {
    const sents = tool.endsWith('.iob2') ? readIob2(tool) : readConllu(tool);
    fs.writeFileSync(gold, sents.map((s) => JSON.stringify({ id: s.id, text: s.text })).join('\n') + '\n');
    return;
  }
  if (cmd === 'pos') {
    const sents = readConllu(gold);
    let predOf;
    if (tool === 'wink') {
      const w = await loadPeer('wink');
      predOf = (s) => winkTokens(w, s.text).tokens;
    } else if (tool === 'newsledger') {
      const got = readExtractConllu(pred, new Map(sents.map((s) => [s.id, s.text])));
      if (![...got.values()].some((ts) => ts.some((t) => t.upos && t.upos !== '_')))
        throw new Error('newsledger extract printed no UPOS tags');
      predOf = (s) => got.get(s.id) || [];
    } else throw new Error(`no POS for ${tool}`);
    const tot = { gold: 0, correct: 0, exactTokens: 0 };
    for (const s of sents) {
      const r = scoreAligned(s.tokens, predOf(s));
      for (const k of Object.keys(tot)) tot[k] += r[k];
    }
    console.log(JSON.stringify({ tool, task: 'pos', sentences: sents.length, ...tot,
                                 accuracy: tot.correct / tot.gold, tokenAgreement: tot.exactTokens / tot.gold }));
    return;
  }
  if (cmd === 'ner') {
    const sents = readIob2(gold);
    const seen = {};
    let predOf;
    if (tool === 'wink') {
      const w = await loadPeer('wink');
      predOf = (s) => {
        const { doc, spans } = winkTokens(w, s.text);
        const det = doc.entities().out(w.its.detail), sp = doc.entities().out(w.its.span);
        return det.flatMap((e, i) => {
          seen[e.type] = (seen[e.type] || 0) + 1;
          const t = WINK_TO_UNER[e.type];
          return t ? [{ type: t, span: [spans[sp[i][0]][0], spans[sp[i][1]][1]] }] : [];
        });
      };
    } else if (tool === 'compromise') {
      const { nlp } = await loadPeer('compromise');
      predOf = (s) => {
        const doc = nlp(s.text);
        const ents = [];
        for (const [type, list] of [['PER', doc.people()], ['ORG', doc.organizations()], ['LOC', doc.places()]])
          for (const x of list.json({ offset: true })) {
            let a = x.offset.start, b = a + x.offset.length;
            while (b > a && /[\s.,;:!?"')\]]/.test(s.text[b - 1])) --b;  // attached punctuation
            ents.push({ type, span: [a, b] });
          }
        return ents;
      };
    } else if (tool === 'newsledger') {
      const got = new Map(readJsonl(pred).map((d) => [d.id, d]));
      predOf = (s) => {
        const d = got.get(s.id);
        if (!d) return [];
        const map = byteMapper(s.text);
        return (d.entities || []).filter((e) => !e.pronoun && NEWSLEDGER_TO_UNER[e.type])
          .map((e) => ({ type: NEWSLEDGER_TO_UNER[e.type], span: [map(e.start), map(e.end)] }));
      };
    } else throw new Error(`no NER for ${tool}`);
    const preds = sents.map(predOf);
    const f = spanF1(sents.map((s) => s.entities), preds, TYPES);
    console.log(JSON.stringify({ tool, task: 'ner', sentences: sents.length, scores: f,
                                 typesSeen: tool === 'wink' ? seen : undefined }));
    return;
  }
  throw new Error('usage: accuracy.mjs inputs|pos|ner ...');
}

await main();

// report.mjs: turns the results run.sh collected in build/peers/ into BENCHMARKS.md.
// Usage: node report.mjs RESULTS_DIR OUT.md
// Every sentence that compares newsledger with a peer is computed from the results, so
// a regenerated file never claims more than its run measured. bench/peers/NOTES.md
// (hand-written: causes of the gaps) is appended when present.
import fs from 'node:fs';
import path from 'node:path';
import { median } from './lib.mjs';

const [dir, outPath] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
const read = (f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8').trim() : '');
const jsonl = (f) => read(f).split('\n').filter(Boolean).map((l) => JSON.parse(l));
const machine = JSON.parse(read('machine.json'));
const corpus = JSON.parse(read('corpus.json'));
const speed = jsonl('speed.jsonl');
const acc = jsonl('accuracy.jsonl');
const caps = read('capabilities').split(/\s+/).filter(Boolean);
const command = read('command');

const L = [];
const gaps = [];  // plain statements where newsledger is behind
const f1 = (x) => (x == null ? '—' : x.toFixed(1));
// Rates span four orders of magnitude: three significant digits, at most one decimal above 100.
const rt = (x) => (x == null || !Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toPrecision(3));
const f3 = (x) => (x == null ? '—' : x.toFixed(3));
const int = (x) => Math.round(x).toLocaleString('en-US');
const pct = (n, d) => (d ? (n / d).toFixed(3) : '—');

L.push('# Benchmarks: newsledger side by side with its peers', '');
L.push(`Generated ${machine.date} on commit ${machine.commit} by:`, '', '```sh', command, '```', '');
L.push('That one command regenerates this file from scratch: it installs the peers at the exact versions of',
  '`bench/peers/package-lock.json` (`bench/peers/setup.sh`, `npm ci`), builds newsledger (Release),',
  'builds the corpus with `bench/make_corpus.py`, runs every tool and writes this file. Raw results stay in',
  '`build/peers/`. Peers: ' + machine.peers.map((p) => '`' + p + '`').join(', ') + '.', '');

L.push('## Machine', '');
L.push(`- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memGiB} GiB; Linux ${machine.kernel}`);
L.push(`- node ${machine.node}; ${machine.gxx}; newsledger built with CMAKE_BUILD_TYPE=Release`);
L.push(`- Every run pinned to core ${machine.core} with \`taskset -c ${machine.core}\`; newsledger with \`--threads 1\`.`);
const shared = Math.max(...machine.load.flatMap((s) => s.split(' ').map(Number))) > 0.5;
L.push(`- Load average (1, 5, 15 min) at start ${machine.load[0]}, at the end ${machine.load[1]}` +
  (shared ? ': **the machine was shared** with other jobs during the run, so absolute figures are noisy;'
    + ' the min–max spread shows by how much.' : '.'));
L.push('');

// ---- speed -----------------------------------------------------------------------
const WORK = {
  'newsledger nlp': 'whole `extract` pipeline',
  'wink nlp': 'tokens, sentences, POS, entities (`readDoc`)',
  'compromise nlp': 'tokens, tags, people/places/organisations',
  'newsledger dates': 'whole `extract` pipeline (it has no dates-only mode)',
  'chrono dates': 'dates only (`chrono.parse`)',
  'compromise-dates dates': 'tagging + `dates()` + `numbers()`',
  'recognizers dates': '`recognizeDateTime` + `recognizeNumber`',
};
const NEEDS = { nlp: [['pos', 'POS'], ['entities', 'entities']], dates: [['times', 'times'], ['quantities', 'numbers']] };
function speedTable(task, title, c) {
  const lacking = NEEDS[task].filter(([k]) => !caps.includes(k)).map(([, w]) => w);
  const rows = speed.filter((r) => r.task === task);
  const nl = rows.find((r) => r.tool === 'newsledger' && !r.error);
  const peerBytes = rows.find((r) => r.tool !== 'newsledger' && r.bytes)?.bytes ?? nl?.bytes;
  const tokPerByte = c.tokens / peerBytes;
  L.push(`### ${title}`, '');
  L.push(`Input: \`${c.corpus}\` (${c.docs} documents, ${f1(peerBytes / 1e6)} MB of text,` +
    ` ${int(c.tokens)} tokens as newsledger's UD-style tokenizer counts them). Every tool reads the same texts.` +
    ` tokens/s = MB/s × that common token count per MB, so both columns rank tools alike.` +
    ` Median of ${machine.reps} timed runs after one warm-up run that is not counted; min–max in brackets.`, '');
  L.push('| tool | work done in the timed run | MB/s, CPU time: median (min–max) | tokens/s, CPU time | MB/s, wall clock: median (min–max) | peak RSS MB | newsledger vs this tool (CPU time) |');
  L.push('|---|---|---|---|---|---|---|');
  const rate = (r, xs) => xs.map((x) => r.bytes / 1e6 / x);
  const cell = (v) => `${rt(median(v))} (${rt(Math.min(...v))}–${rt(Math.max(...v))})`;
  const nlRate = nl && nl.cpu?.length ? median(rate(nl, nl.cpu)) : null;
  for (const r of rows) {
    if (r.error) { L.push(`| ${r.tool} | ${WORK[`${r.tool} ${task}`] ?? ''} | not available (${r.error}) | | | | |`); continue; }
    const cpu = rate(r, r.cpu && r.cpu.length ? r.cpu : r.seconds), wall = rate(r, r.seconds);
    let work = WORK[`${r.tool} ${task}`] ?? '';
    if (r.tool === 'newsledger') work += `; stages present: ${r.stages.split(' ').filter((x) => x && x !== 'jsonl').join(', ') || 'segmentation only'}` + (r.note ? `; ${r.note}` : '');
    let vs = '';
    if (r.tool !== 'newsledger' && nlRate) {
      const ratio = nlRate / median(cpu);
      vs = ratio >= 1 ? `newsledger ${ratio.toFixed(1)}× faster` : `**newsledger ${(1 / ratio).toFixed(1)}× slower**`;
      if (lacking.length) vs += ` (not the same work: newsledger has no ${lacking.join(' or ')} in this build)`;
      if (ratio < 1) gaps.push(`Speed (${title.toLowerCase()}): newsledger is ${(1 / ratio).toFixed(1)}× slower than ${r.tool}.`);
    }
    L.push(`| ${r.tool} | ${work} | ${cell(cpu)} | ${int(median(cpu) * 1e6 * tokPerByte)} | ${cell(wall)} | ${f1(r.rss_kb / 1024)} | ${vs} |`);
  }
  L.push('');
}
L.push('## Speed (one core)', '');
L.push('Timing: peers are timed inside node around their processing calls only (texts already in memory,',
  'models loaded). newsledger is timed by its own `extract --stats` clocks, which also count reading and',
  'parsing the JSON Lines file and writing the JSON output to /dev/null (model loading excluded), so its',
  'figure is if anything pessimistic. The ranking uses CPU time (user + system of the process during the',
  'timed work), which waiting for a busy core does not inflate; wall-clock figures are given beside it.',
  'Peak RSS is `/usr/bin/time -v` of the whole process (node: ~40 MB of it is the runtime).', '');
speedTable('nlp', 'Tokenisation + POS + entities', corpus.nlp);
speedTable('dates', 'Date and number recognition', corpus.dates);
const nlStages = speed.find((r) => r.tool === 'newsledger' && !r.error);
if (nlStages) {
  for (const [stage, what] of [['pos', 'POS tags'], ['entities', 'named entities'], ['times', 'time expressions'], ['quantities', 'numbers']])
    if (!caps.includes(stage)) gaps.push(`newsledger's \`extract\` on this commit produces no ${what} yet, so its speed rows do less work than the peers' on that part.`);
}

// ---- accuracy --------------------------------------------------------------------
const find = (tool, task) => acc.find((r) => r.tool === tool && r.task === task);
const err = (name) => acc.find((r) => r.name === name)?.error;
const own = (kind) => {
  const last = read(`eval-${kind}.last`);
  if (last) return { ok: true, text: last };
  const e = read(`eval-${kind}.error`);
  return { ok: false, text: !e || /--help|not a kind|unknown/i.test(e) ? `no \`evaluate ${kind}\` in this build` : e };
};
const ownValue = (text, key) => { const m = new RegExp(`${key}=([0-9.]+)`).exec(text); return m ? +m[1] : null; };

L.push('## Accuracy where the tasks overlap', '');
L.push('Each peer reads the raw sentence text (none of them can take gold tokens); newsledger is scored the same',
  'way (raw text through `extract`), and its own `evaluate` figure on gold tokens is shown beside it.', '');

L.push('### UPOS on UD English-EWT test', '');
L.push('Raw text, aligned: each gold token takes the tag of the predicted token that covers its first character;',
  'a gold token no predicted token covers counts as wrong. "Tokens agreeing" is the share of gold tokens the',
  'tool reproduced exactly. wink-nlp tags with the UPOS tag set already, so no mapping is needed.', '');
L.push('| tool | input | UPOS accuracy | tokens agreeing |', '|---|---|---|---|');
const ownPos = own('pos');
L.push(`| newsledger \`evaluate pos\` | gold tokens | ${ownPos.ok ? f3(ownValue(ownPos.text, 'upos')) + ' (`' + ownPos.text + '`)' : 'not available (' + ownPos.text + ')'} | 1 (given) |`);
const posRow = (tool) => {
  const r = find(tool, 'pos');
  if (!r) return L.push(`| ${tool} | raw text | not available (${err(`pos ${tool}`) ?? 'no result'}) | |`);
  L.push(`| ${tool} | raw text | ${f3(r.accuracy)} | ${f3(r.tokenAgreement)} |`);
};
posRow('newsledger');
posRow('wink');
L.push('| compromise | — | not scored: its tags are not UPOS and it keeps punctuation inside terms | |');
L.push('| (published, for scale) Stanza | gold tokens | 0.954 | |', '');
const pn = find('newsledger', 'pos'), pw = find('wink', 'pos');
if (!pn) gaps.push('UPOS: newsledger could not be scored on raw text in this run (see the table).');
else if (pw && pn.accuracy < pw.accuracy) gaps.push(`UPOS: newsledger (${f3(pn.accuracy)}) is less accurate than wink-nlp (${f3(pw.accuracy)}).`);

L.push('### Entities on UNER English-EWT test', '');
L.push('Exact span and type, PER/ORG/LOC (the types of UNER; newsledger PERSON→PER, ORG, LOC; MISC and resolved',
  'pronouns dropped; compromise people/organizations/places → PER/ORG/LOC).', '');
L.push('| tool | input | PER F1 | ORG F1 | LOC F1 | P | R | F1 |', '|---|---|---|---|---|---|---|---|');
const ownNer = own('ner');
L.push(`| newsledger \`evaluate ner\` | gold tokens | | | | | | ${ownNer.ok ? f3(ownValue(ownNer.text, 'f1')) + ' (`' + ownNer.text + '`)' : 'not available (' + ownNer.text + ')'} |`);
const nerRow = (tool) => {
  const r = find(tool, 'ner');
  if (!r) return L.push(`| ${tool} | raw text | not available (${err(`ner ${tool}`) ?? 'no result'}) | | | | | |`);
  const s = r.scores;
  if (tool === 'wink' && s.ALL.pred === 0) {
    const seen = Object.keys(r.typesSeen || {}).sort().join(', ');
    return L.push(`| wink | raw text | — | — | — | — | — | no PER/ORG/LOC: its entity types are ${seen} |`);
  }
  L.push(`| ${tool} | raw text | ${f3(s.PER.f1)} | ${f3(s.ORG.f1)} | ${f3(s.LOC.f1)} | ${f3(s.ALL.precision)} | ${f3(s.ALL.recall)} | ${f3(s.ALL.f1)} |`);
};
nerRow('newsledger');
nerRow('compromise');
nerRow('wink');
L.push('');
const nn = find('newsledger', 'ner'), nc = find('compromise', 'ner');
if (!nn) gaps.push('Entities: newsledger could not be scored on raw text in this run (see the table).');
else if (nc && nn.scores.ALL.f1 < nc.scores.ALL.f1)
  gaps.push(`Entities: newsledger (F1 ${f3(nn.scores.ALL.f1)}) is less accurate than compromise (${f3(nc.scores.ALL.f1)}).`);

L.push('### Numbers, money and dates on the Recognizers-Text English specs', '');
L.push('Same cases and the same scorer (`bench/peers/specs.mjs`) for every tool. A case is right when the tool\'s',
  'items of that kind match the expected ones one-to-one and nothing else is predicted. **exact**: same span',
  'and an equal value; **overlap**: overlapping spans and an equal value (tools disagree on what a span',
  'includes: "about 80,000", "on Tuesday"). Time values compare as TIMEX strings; an expectation accepts its',
  'timex and its resolved past and future values. numbers = NumberModel + NumberRangeModel + PercentModel +',
  'OrdinalModel; currency = CurrencyModel (value only, not the unit); datetime = DateTimeModel + DateParser +',
  'DatePeriodParser + DurationParser. These are Recognizers-Text\'s own test cases, many marked',
  '"NotSupported" for its JavaScript port, which is what runs here; its score is the JavaScript port\'s.', '');
const ownRec = own('recognizers');
const TOOLS = ['newsledger', 'recognizers', 'chrono', 'compromise'];
const NAMES = { newsledger: 'newsledger', recognizers: 'Recognizers-Text', chrono: 'chrono-node', compromise: 'compromise(-dates)' };
L.push('| category | cases | ' + TOOLS.map((t) => `${NAMES[t]} exact / overlap`).join(' | ') + ' |');
L.push('|---|---|' + TOOLS.map(() => '---').join('|') + '|');
for (const cat of ['numbers', 'currency', 'datetime']) {
  const cells = TOOLS.map((t) => {
    const r = find(t, undefined) ?? acc.find((x) => x.tool === t && x.categories);
    if (!r) return `not available (${err(`specs ${t}`) ?? 'no result'})`;
    const c = r.categories[cat];
    return c ? `${pct(c.exact, c.cases)} / ${pct(c.overlap, c.cases)}` : 'does not do this';
  });
  const n = acc.find((x) => x.categories?.[cat])?.categories[cat].cases ?? '';
  L.push(`| ${cat} | ${n} | ${cells.join(' | ')} |`);
}
L.push('');
L.push(`newsledger's own scorer: \`newsledger evaluate recognizers --specs …\` → ${ownRec.ok ? '`' + ownRec.text + '`' : 'not available (' + ownRec.text + ')'}`, '');
L.push('<details><summary>Per spec file (exact / overlap)</summary>', '');
const files = [...new Set(acc.filter((x) => x.files).flatMap((x) => Object.keys(x.files)))];
L.push('| file | ' + TOOLS.map((t) => NAMES[t]).join(' | ') + ' |', '|---|' + TOOLS.map(() => '---').join('|') + '|');
for (const f of files) {
  L.push(`| ${f} | ` + TOOLS.map((t) => {
    const r = acc.find((x) => x.tool === t && x.files);
    const c = r?.files[f];
    return c ? `${pct(c.exact, c.cases)} / ${pct(c.overlap, c.cases)} (${c.cases})` : '—';
  }).join(' | ') + ' |');
}
L.push('', '</details>', '');
const sn = acc.find((x) => x.tool === 'newsledger' && x.categories);
if (!sn) gaps.push('Recognizers specs: newsledger could not be scored in this run (see the table).');
else for (const t of ['recognizers', 'chrono', 'compromise']) {
  const r = acc.find((x) => x.tool === t && x.categories);
  if (!r) continue;
  for (const [cat, c] of Object.entries(r.categories)) {
    const mine = sn.categories[cat];
    if (mine && mine.overlap / mine.cases < c.overlap / c.cases)
      gaps.push(`Recognizers specs, ${cat}: newsledger (${pct(mine.overlap, mine.cases)} overlap) is behind ${NAMES[t]} (${pct(c.overlap, c.cases)}).`);
  }
}

L.push('## Where newsledger is not (yet) ahead', '');
if (gaps.length) for (const g of gaps) L.push(`- ${g}`);
else L.push('- Nowhere in this run: newsledger is faster and at least as accurate on every row where it does the same work.');
L.push('');
const notes = path.join(here, 'NOTES.md');
if (fs.existsSync(notes)) L.push(fs.readFileSync(notes, 'utf8').trim(), '');
fs.writeFileSync(outPath, L.join('\n'));

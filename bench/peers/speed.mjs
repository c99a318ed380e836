// speed.mjs: times one peer on the documents of a JSON Lines corpus.
//
// Usage: node speed.mjs TOOL TASK CORPUS REPS
//   TOOL/TASK: wink nlp | compromise nlp | compromise-dates dates | chrono dates |
//              recognizers dates
// The corpus is read and parsed before timing; one warm-up pass (JIT, lazy tables) is
// run and not counted, then REPS timed passes. Each pass does the tool's whole job on
// every document and consumes its output (so nothing is skipped lazily). Prints one
// JSON object: {tool, task, docs, bytes, seconds: [...], cpu: [...], units, found}, with
// the wall-clock and the CPU time (user + system, of the whole process: node's own
// threads included) of each timed pass.
import { loadPeer, readJsonl, refDate } from './lib.mjs';

const [tool, task, corpus, repsArg] = process.argv.slice(2);
const reps = Number(repsArg || 3);
const docs = readJsonl(corpus).map((d) => ({ text: d.text, ref: refDate(d.published) }));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
const peer = await loadPeer(tool);

// Each job returns [units, found]: its own count of tokens (or 0) and of annotations.
const jobs = {
  'wink nlp': (d) => {
    const { nlp, its } = peer;
    const doc = nlp.readDoc(d.text);
    const pos = doc.tokens().out(its.pos);
    const ents = doc.entities().out(its.detail);
    return [pos.length, ents.length + doc.sentences().length()];
  },
  'compromise nlp': (d) => {
    const doc = peer.nlp(d.text);  // tokenises and tags every term
    const terms = doc.terms().json({ tags: true, text: false }).length;
    const ents = doc.people().length + doc.places().length + doc.organizations().length;
    return [terms, ents];
  },
  'compromise-dates dates': (d) => {
    const doc = peer.nlp(d.text);
    const dates = doc.dates({ today: d.ref.toISOString().slice(0, 10) }).json().length;
    const nums = doc.numbers().json().length;
    return [0, dates + nums];
  },
  'chrono dates': (d) => [0, peer.chrono.parse(d.text, d.ref).length],
  'recognizers dates': (d) => {
    const { R } = peer;
    const a = R.recognizeDateTime(d.text, R.Culture.English, undefined, d.ref);
    const b = R.recognizeNumber(d.text, R.Culture.English);
    return [0, a.length + b.length];
  },
};
const job = jobs[`${tool} ${task}`];
if (!job) throw new Error(`no job for ${tool} ${task}`);

function pass() {
  let units = 0, found = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const d of docs) {
    const [u, f] = job(d);
    units += u;
    found += f;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { seconds, cpu: (c.user + c.system) / 1e6, units, found };
}

pass();  // warm-up, not counted
const runs = [];
for (let i = 0; i < reps; ++i) runs.push(pass());
console.log(JSON.stringify({ tool, task, docs: docs.length, bytes, seconds: runs.map((r) => r.seconds),
                             cpu: runs.map((r) => r.cpu),
                             units: runs[0].units, found: runs[0].found }));

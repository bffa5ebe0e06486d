// npm run corpus: recall and false positives of the bundled signatures on the labelled dev
// split of real error messages (../shared/corpus/dev-cases.jsonl, or CORPUS=path). Each case's
// text goes through the real pipeline (parse as a log, classify) as a pasted log would. Recall
// counts specific findings; the summary gives the share with a specific finding and with any
// finding (the generic layer included).
// Run after `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadCatalogue, bundledSignatureDir } = await import(path.join(root, 'dist/src/classify/catalogue.js'));
const { Classifier } = await import(path.join(root, 'dist/src/classify/index.js'));
const { parseLines } = await import(path.join(root, 'dist/src/formats/index.js'));

const corpus = process.env.CORPUS ?? path.resolve(root, '../shared/corpus/dev-cases.jsonl');
if (!fs.existsSync(corpus)) {
  console.error(`corpus not found: ${corpus} (set CORPUS=path/to/cases.jsonl)`);
  process.exit(2);
}
const cases = fs.readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const signatures = await loadCatalogue([bundledSignatureDir()]);
const ids = signatures.map((s) => s.id).sort();

async function* lines(text) {
  let n = 0;
  for (const t of text.split(/\r?\n/)) yield { source: 'case', lineNo: ++n, text: t };
}

// --pipeline: every message also goes through the whole run (locate, fix, review, report) as a
// log file in an empty project, and any exception is a crash: bad input must never crash.
if (process.argv.includes('--pipeline')) {
  const os = await import('node:os');
  const { run } = await import(path.join(root, 'dist/src/run.js'));
  const { UserError } = await import(path.join(root, 'dist/src/errors.js'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-corpus-'));
  const log = path.join(tmp, 'case.log');
  let crashes = 0;
  let userErrors = 0;
  for (const c of cases) {
    fs.writeFileSync(log, c.text);
    try {
      await run({ logs: [log], project: tmp, fix: false, signatures, version: '0' });
    } catch (err) {
      if (err instanceof UserError) userErrors++;
      else {
        crashes++;
        console.log(`crash on ${c.id}: ${err?.stack?.split('\n').slice(0, 3).join(' | ')}`);
      }
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`pipeline: ${cases.length} messages, ${crashes} crash(es), ${userErrors} input error(s)\n`);
}

// Per case: every signature with a finding, and those of the specific catalogue (not the generic
// layer under it: aws-api-error, terraform-diagnostic, ...), which are what recall is about.
const generic = new Set(signatures.filter((s) => s.match.generic).map((s) => s.id));
const found = new Map(); // case id -> Set of signature ids (generic ones included)
const specific = new Map(); // case id -> Set of specific signature ids
const listed = new Map(); // case id -> number of unclassified failures
for (const c of cases) {
  const classifier = new Classifier(signatures);
  await parseLines(lines(c.text), (e) => classifier.add(e));
  const result = classifier.result();
  const ids = new Set(result.findings.map((f) => f.signature.id));
  found.set(c.id, ids);
  specific.set(c.id, new Set([...ids].filter((id) => !generic.has(id))));
  listed.set(c.id, result.unclassified.filter((u) => u.severity !== 'warning').length);
}

// Per signature: recall on its own label, precision over every case it fired on.
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const only = process.argv.find((a) => a.startsWith('--label='))?.slice('--label='.length);
let worst = { recall: 1, precision: 1 };
console.log('signature                                 labelled  found  recall  fired  precision');
for (const id of ids) {
  if (only && id !== only) continue;
  const mine = cases.filter((c) => c.label === id);
  const fired = cases.filter((c) => found.get(c.id).has(id));
  const hit = mine.filter((c) => found.get(c.id).has(id));
  // A generic finding on a labelled message is that label's miss (counted in its recall), not a
  // wrong class: the generic layer has no precision of its own.
  const wrong = generic.has(id) ? [] : fired.filter((c) => c.label !== id && c.label !== 'other');
  const recall = mine.length ? hit.length / mine.length : NaN;
  const labelledFired = generic.has(id) ? [] : fired.filter((c) => c.label !== 'other');
  const precision = labelledFired.length ? (labelledFired.length - wrong.length) / labelledFired.length : NaN;
  if (mine.length) worst.recall = Math.min(worst.recall, recall);
  if (labelledFired.length) worst.precision = Math.min(worst.precision, precision);
  const pct = (x) => (Number.isNaN(x) ? '    n/a' : `${(x * 100).toFixed(1)}%`.padStart(7));
  console.log(`${(generic.has(id) ? `${id} (generic)` : id).padEnd(41)} ${String(mine.length).padStart(8)} ${String(hit.length).padStart(6)} ${pct(recall)} ${String(fired.length).padStart(6)} ${pct(precision).padStart(10)}`);
  const show = verbose || only;
  for (const c of mine.filter((x) => !found.get(x.id).has(id)).slice(0, show ? Infinity : 3)) console.log(`    missed ${c.id}: ${c.text.replace(/\s+/g, ' ').slice(0, 110)}`);
  for (const c of wrong.slice(0, show ? Infinity : 3)) console.log(`    wrong on ${c.id} [${c.label}]: ${c.text.replace(/\s+/g, ' ').slice(0, 110)}`);
}

// Over the whole split: how many messages get a specific finding (a signature of the catalogue,
// not the generic layer) and any finding, and, where the label is a signature id, how often the
// specific findings agree with it (the labelled signature is among them and no other signature
// with a label of its own claimed the message).
const idSet = new Set(ids);
const withFinding = cases.filter((c) => found.get(c.id).size > 0);
const withSpecific = cases.filter((c) => specific.get(c.id).size > 0);
const silent = cases.filter((c) => found.get(c.id).size === 0 && listed.get(c.id) === 0);
const scored = cases.filter((c) => idSet.has(c.label) && specific.get(c.id).size > 0);
const agree = scored.filter((c) => specific.get(c.id).has(c.label) && [...specific.get(c.id)].every((s) => s === c.label));
const labels = new Map();
for (const c of cases) labels.set(c.label, (labels.get(c.label) ?? 0) + 1);
const uncovered = [...labels].filter(([l]) => l !== 'other' && !idSet.has(l)).sort((a, b) => b[1] - a[1]);
const untouched = cases.filter((c) => found.get(c.id).size === 0);
const pctOf = (n) => `${((n / cases.length) * 100).toFixed(1)}%`;
console.log(`\n${ids.length} signatures (${generic.size} generic), ${cases.length} cases`);
console.log(`cases with a specific finding: ${withSpecific.length}/${cases.length} (${pctOf(withSpecific.length)})`);
console.log(`cases with any finding (the generic layer included): ${withFinding.length}/${cases.length} (${pctOf(withFinding.length)}, target >= 70%)`);
console.log(`cases with neither a finding nor an unrecognised failure listed: ${silent.length}/${cases.length} (${pctOf(silent.length)})`);
console.log(`agreement where the label is a signature id: ${agree.length}/${scored.length} (${scored.length ? ((agree.length / scored.length) * 100).toFixed(1) : 'n/a'}%, target >= 95%)`);
console.log(`worst recall ${(worst.recall * 100).toFixed(1)}%, worst precision ${(worst.precision * 100).toFixed(1)}%`);
if (uncovered.length) console.log(`labels with no signature: ${uncovered.map(([l, n]) => `${l} ${n}`).join(', ')}`);
if (verbose) for (const c of untouched) console.log(`    no finding ${c.id} [${c.label}]: ${c.text.replace(/\s+/g, ' ').slice(0, 110)}`);
if (verbose) {
  for (const c of cases.filter((x) => specific.get(x.id).size === 0 && found.get(x.id).size > 0)) {
    console.log(`    generic only ${c.id} [${c.label}] ${[...found.get(c.id)].join(',')}: ${c.text.replace(/\s+/g, ' ').slice(0, 100)}`);
  }
}

// npm run corpus: recall and false positives of the bundled signatures on the labelled dev
// split of real error messages (../shared/corpus/dev-cases.jsonl, or CORPUS=path). Each case's
// text goes through the real pipeline (parse as a log, classify) as a pasted log would.
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

const found = new Map(); // case id -> Set of signature ids
for (const c of cases) {
  const classifier = new Classifier(signatures);
  await parseLines(lines(c.text), (e) => classifier.add(e));
  found.set(c.id, new Set(classifier.result().findings.map((f) => f.signature.id)));
}

let worst = { recall: 1, fp: 0 };
console.log('signature                              labelled  found  recall   false pos (of other-labelled)');
for (const id of ids) {
  const mine = cases.filter((c) => c.label === id);
  const others = cases.filter((c) => c.label !== id);
  const hit = mine.filter((c) => found.get(c.id).has(id));
  const fps = others.filter((c) => found.get(c.id).has(id));
  const recall = mine.length ? hit.length / mine.length : NaN;
  const fp = fps.length / others.length;
  if (mine.length) worst.recall = Math.min(worst.recall, recall);
  worst.fp = Math.max(worst.fp, fp);
  console.log(
    `${id.padEnd(38)} ${String(mine.length).padStart(8)} ${String(hit.length).padStart(6)} ${mine.length ? `${(recall * 100).toFixed(1)}%`.padStart(7) : '    n/a'}   ${fps.length} (${(fp * 100).toFixed(2)}%)`,
  );
  for (const c of mine.filter((x) => !found.get(x.id).has(id))) console.log(`    missed ${c.id}: ${c.text.replace(/\s+/g, ' ').slice(0, 100)}`);
  for (const c of fps) console.log(`    false positive ${c.id} [${c.label}]: ${c.text.replace(/\s+/g, ' ').slice(0, 100)}`);
}
console.log(`worst recall ${(worst.recall * 100).toFixed(1)}% (target >= 90%), worst false-positive rate ${(worst.fp * 100).toFixed(2)}% (target <= 5%), ${cases.length} cases`);

// npm run lint:signatures: prove every bundled pattern free of catastrophic backtracking with
// recheck and record the safe verdicts in signatures/recheck-verdicts.json (only patterns
// without a verdict are checked; --all checks every one again; verdicts of patterns that no
// longer exist are dropped). Exit 1 on a vulnerable pattern.
// Run after `npm run build`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadCatalogue, bundledSignatureDir } = await import(path.join(root, 'dist/src/classify/catalogue.js'));
const { lintSignatures, readVerdicts, writeVerdicts, verdictsFile, patternsOf, verdictKey } = await import(path.join(root, 'dist/src/classify/lint.js'));

const dir = bundledSignatureDir();
const file = verdictsFile(dir);
const verdicts = process.argv.includes('--all') ? {} : readVerdicts(file);
const before = Object.keys(verdicts).length;
const signatures = await loadCatalogue([dir]);
const problems = await lintSignatures(signatures, { verdicts });
const checked = Object.keys(verdicts).length - before;
// Verdicts of patterns no signature has any more are dropped.
const current = new Set(signatures.flatMap((s) => patternsOf(s).map((p) => verdictKey(p.source, p.flags))));
for (const key of Object.keys(verdicts)) if (!current.has(key)) delete verdicts[key];
writeVerdicts(file, verdicts);
console.log(`${Object.keys(verdicts).length} patterns proven safe (${checked} newly checked) in ${path.relative(root, file)}`);
for (const p of problems) console.log(`${path.relative(root, p.file)}: ${p.field} is ${p.status}${p.attack ? ` (attack: ${p.attack})` : ''}`);
process.exit(problems.length ? 1 : 0);

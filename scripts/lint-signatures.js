// npm run lint:signatures: prove every bundled pattern free of catastrophic backtracking with
// recheck and record the safe verdicts in signatures/recheck-verdicts.json (only patterns
// without a verdict are checked; --all checks every one again). Exit 1 on a vulnerable pattern.
// Run after `npm run build`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadCatalogue, bundledSignatureDir } = await import(path.join(root, 'dist/src/classify/catalogue.js'));
const { lintSignatures, readVerdicts, writeVerdicts, verdictsFile } = await import(path.join(root, 'dist/src/classify/lint.js'));

const dir = bundledSignatureDir();
const file = verdictsFile(dir);
const verdicts = process.argv.includes('--all') ? {} : readVerdicts(file);
const before = Object.keys(verdicts).length;
const problems = await lintSignatures(await loadCatalogue([dir]), { verdicts });
writeVerdicts(file, verdicts);
console.log(`${Object.keys(verdicts).length} patterns proven safe (${Object.keys(verdicts).length - before} newly checked) in ${path.relative(root, file)}`);
for (const p of problems) console.log(`${path.relative(root, p.file)}: ${p.field} is ${p.status}${p.attack ? ` (attack: ${p.attack})` : ''}`);
process.exit(problems.length ? 1 : 0);

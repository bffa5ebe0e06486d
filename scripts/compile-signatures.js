// Build step (after tsc): parse and validate signatures/*.yaml once, so a run pays for neither
// the YAML parser nor the schema checks and needle analysis at start-up.
//   dist/signatures.json          what classification needs: pattern sources, needles, captures
//   dist/signature-details.json   title, message, fix, references, examples: read on a finding
// Each entry keeps the file's size and mtime: the loader reads the YAML instead when a file was
// edited after the build. A file that does not validate is left out, so the loader reads it
// and reports its error the same way it would for a user's catalogue.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { COMPILED_FILE, COMPILED_FORMAT, DETAILS_FILE, storeSignature, validateSignature } from '../dist/src/classify/catalogue.js';

const dir = 'signatures';
const files = [];
const details = {};
for (const name of (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const file = path.join(dir, name);
  const st = fs.statSync(file);
  let sig;
  try {
    sig = validateSignature(path.resolve(file), parse(fs.readFileSync(file, 'utf8')));
  } catch {
    continue;
  }
  const stored = storeSignature(sig);
  files.push({ name, size: st.size, mtimeMs: st.mtimeMs, signature: stored.signature });
  details[name] = { size: st.size, mtimeMs: st.mtimeMs, details: stored.details };
}
fs.mkdirSync('dist', { recursive: true });
fs.rmSync(path.join('dist', 'signature-examples.json'), { force: true }); // written by older builds
fs.writeFileSync(path.join('dist', COMPILED_FILE), JSON.stringify({ format: COMPILED_FORMAT, files }));
fs.writeFileSync(path.join('dist', DETAILS_FILE), JSON.stringify({ format: COMPILED_FORMAT, files: details }));

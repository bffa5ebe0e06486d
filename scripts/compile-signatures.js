// Build step: parse signatures/*.yaml once into dist/signatures.json, so a run does not pay
// for the YAML parser at start-up. Each entry keeps the file's size and mtime: the loader
// falls back to the YAML when a file was edited after the build.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const dir = 'signatures';
const files = [];
for (const name of (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const file = path.join(dir, name);
  const st = fs.statSync(file);
  let doc;
  try {
    doc = parse(fs.readFileSync(file, 'utf8'));
  } catch {
    continue; // the loader reports a broken file with its own message
  }
  files.push({ name, size: st.size, mtimeMs: st.mtimeMs, doc });
}
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync(path.join('dist', 'signatures.json'), JSON.stringify({ files }));

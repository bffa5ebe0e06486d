// The dated data tables (src/data/*.json) are read at run time next to the compiled modules.
import fs from 'node:fs';
import path from 'node:path';

const from = 'src/data';
const to = 'dist/src/data';
fs.mkdirSync(to, { recursive: true });
for (const name of fs.readdirSync(from)) {
  if (name.endsWith('.json')) fs.copyFileSync(path.join(from, name), path.join(to, name));
}

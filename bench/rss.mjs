// Preloaded by bench/run.js: reports the peak resident set size of the process on exit.
import fs from 'node:fs';
process.on('exit', () => fs.writeSync(2, `\nMAXRSS_KB ${process.resourceUsage().maxRSS}\n`));

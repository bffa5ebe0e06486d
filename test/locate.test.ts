// locate: paths printed by a log (tracebacks from CI machines, Windows paths) map onto the
// project by suffix, and never onto a same-named file the log did not mean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { Project } from '../src/locate/project.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-locate-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
for (const f of ['__main__.py', 'infra/cache.py', 'infra/db/stack.py', 'tools/stack.py', 'app/settings.py', 'node_modules/x/index.ts']) {
  fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
  fs.writeFileSync(path.join(root, f), '# test\n');
}
const project = new Project(root);

describe('mapPath', () => {
  test.each([
    ['/home/runner/work/orders-py/orders-py/infra/cache.py', 'infra/cache.py'],
    ['/home/runner/work/orders-py/orders-py/./__main__.py', '__main__.py'],
    ['C:\\Users\\dev\\orders\\infra\\cache.py', 'infra/cache.py'],
    ['infra/cache.py', 'infra/cache.py'],
    // Two project files are named stack.py: the one whose directories also match.
    ['/srv/build/infra/db/stack.py', 'infra/db/stack.py'],
    // A partial match on the file name alone is taken only when the name is unique.
    ['/opt/other-checkout/config/settings.py', 'app/settings.py'],
  ])('%s -> %s', (printed, rel) => {
    expect(project.mapPath(printed)).toBe(rel);
  });

  test('a file name shared by several project files, directories not matching: no guess', () => {
    expect(project.mapPath('/somewhere/else/stack.py')).toBeUndefined();
  });

  test('a path the project does not have', () => {
    expect(project.mapPath('/home/dev/orders/infra/queue.py')).toBeUndefined();
  });

  test('an absolute path inside the project is used as is', () => {
    expect(project.mapPath(path.join(project.root, 'infra/cache.py'))).toBe('infra/cache.py');
  });
});

describe('source files', () => {
  const js = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-locate-js-'));
  afterAll(() => fs.rmSync(js, { recursive: true, force: true }));
  // lib/stack.js and lib/app.js are tsc's output beside their sources (cdk init's tsconfig has no outDir).
  // bin/ is the outDir of tsconfig.json (Pulumi's TypeScript template), bin/index.js its output.
  const files = ['index.js', 'lib/stack.ts', 'lib/stack.js', 'lib/app.tsx', 'lib/app.js', 'src/fn.mjs', 'src/cfg.cjs', 'src/view.jsx', 'types/x.d.ts', 'types/y.d.mts', 'vendor/lib.min.js', 'dist/out.js', 'app/main.py', 'bin/index.js', 'tsconfig.json'];
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(js, f)), { recursive: true });
    fs.writeFileSync(path.join(js, f), f === 'tsconfig.json' ? '{\n  // Pulumi template\n  "compilerOptions": { "outDir": "bin", "strict": true }\n}\n' : '\n');
  }

  test('JavaScript sources are searched with TypeScript; declarations, bundles and build output (also beside its .ts) are not', () => {
    expect(new Project(js).files('typescript')).toEqual(['index.js', 'lib/app.tsx', 'lib/stack.ts', 'src/cfg.cjs', 'src/fn.mjs', 'src/view.jsx']);
    expect(new Project(js).files('python')).toEqual(['app/main.py']);
  });
});

// stackfix [options] [LOG...]: explain a failed deploy and propose (or, with --fix, write)
// the source fix. stdout carries only the report; notes and errors go to stderr.
// Exit codes (frozen): 0 nothing left to do, 1 findings remain, 2 usage, input or internal error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { UserError } from './errors.js';

function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

interface MainOptions {
  project: string;
  format: 'text' | 'json';
  fix?: boolean;
  signatures: string[];
  color: boolean;
}

async function catalogue(extra: string[]) {
  const { loadCatalogue, bundledSignatureDir } = await import('./classify/catalogue.js');
  const signatures = await loadCatalogue([bundledSignatureDir(), ...extra]);
  if (extra.length) {
    // A user's catalogue is untrusted: refuse regexes that could hang on one crafted line.
    const { lintSignatures } = await import('./classify/lint.js');
    const userFiles = signatures.filter((s) => extra.some((d) => path.resolve(s.file).startsWith(path.resolve(d) + path.sep)));
    const problems = await lintSignatures(userFiles);
    if (problems.length) {
      const p = problems[0]!;
      throw new UserError(`${p.file}: ${p.field}: regex can backtrack catastrophically (attack: ${p.attack ?? 'n/a'})`);
    }
  }
  return signatures;
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

async function diagnose(logs: string[], opts: MainOptions, version: string): Promise<number> {
  if (logs.length === 0 && process.stdin.isTTY) {
    throw new UserError('no deploy log given: pass a file or pipe one in, e.g. `cdk deploy 2>&1 | stackfix` (see --help)');
  }
  const signatures = await catalogue(opts.signatures);
  let spinner: { start(): unknown; stop(): unknown; text: string } | undefined;
  const progress = process.stderr.isTTY
    ? async (text: string | undefined) => {
        if (text === undefined) {
          spinner?.stop();
          return;
        }
        if (!spinner) {
          const { default: ora } = await import('ora');
          spinner = ora({ text, stream: process.stderr });
          spinner.start();
        } else spinner.text = text;
      }
    : undefined;
  const { run } = await import('./run.js');
  let report;
  try {
    ({ report } = await run({ logs, project: opts.project, fix: opts.fix === true, signatures, version, progress: progress && ((t) => void progress(t)) }));
  } finally {
    spinner?.stop();
  }
  const { exitCodeOf } = await import('./report/model.js');
  if (opts.format === 'json') {
    await write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const { renderText } = await import('./report/text.js');
    const color = opts.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
    await write(renderText(report, { color, fixMode: opts.fix === true }));
  }
  return exitCodeOf(report);
}

export async function main(argv: string[]): Promise<number> {
  const version = packageVersion();
  let code = 0;
  const program = new Command('stackfix')
    .description('Read a failed infrastructure deploy log, explain each failure and fix its IaC source.')
    .argument('[log...]', 'deploy log files; none or - reads stdin')
    .option('-p, --project <dir>', 'root of the IaC project to fix', process.cwd())
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('--fix', 'write the proposed fixes (atomically, all or nothing)')
    .option('--signatures <dir>', 'also load signatures from this folder (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--no-color', 'never colour the output')
    .version(version, '-V, --version')
    .showHelpAfterError('(run stackfix --help for usage)')
    .exitOverride()
    .action(async (logs: string[], opts: MainOptions) => {
      code = await diagnose(logs, opts, version);
    });

  // `list` and `explain` are subcommands only as the first argument: `stackfix --no-color list`,
  // `stackfix -- list` and `stackfix ./list` all read a log file named `list`.
  const SUBCOMMANDS = ['list', 'explain'];
  if (SUBCOMMANDS.includes(argv[0] ?? '')) {
    const { addCatalogueCommands } = await import('./catalogue-cli.js');
    addCatalogueCommands(program, { catalogue, write, version });
  } else {
    program.addHelpText('after', '\nCommands:\n  list [--format json] [--signatures <dir>]   the signatures stackfix knows\n  explain <id> [--format json]                what one signature recognises and how it is fixed\n\nA log file named like a command: stackfix ./list');
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    if (err instanceof UserError) {
      process.stderr.write(`stackfix: ${err.message}\n`);
      return 2;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code === 'EPIPE') return 0;
    process.stderr.write(`stackfix: internal error: ${e?.message ?? String(err)}${process.env.STACKFIX_DEBUG ? `\n${e?.stack ?? ''}` : ' (set STACKFIX_DEBUG=1 for the stack trace)'}\n`);
    return 2;
  }
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

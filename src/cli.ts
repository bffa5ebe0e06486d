// stackfix [options] [LOG...]: explain a failed deploy and propose (or, with --fix, write)
// the source fix. stdout carries only the report; notes and errors go to stderr.
// Exit codes (frozen): 0 nothing left to do, 1 findings remain, 2 usage, input or internal error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from './commander.js';
import { bundledSignatureDir, loadCatalogue } from './classify/catalogue.js';
import { UserError } from './errors.js';
import { FORMATS, type FormatName, render } from './report/index.js';
import { exitCodeOf } from './report/model.js';
import { redactionPolicy } from './redact/index.js';
// What every run needs is imported here, not on first use: one module graph loads faster than
// a chain of dynamic imports. The heavy parts (codemods, parsers, CI formats) stay lazy.
import { run } from './run.js';
import { colourWanted, progressOn } from './terminal.js';

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
  format: FormatName;
  output: Array<{ format: FormatName; file: string }>;
  fix?: boolean;
  signatures: string[];
  /** --color (true), --no-color (false), neither (undefined). */
  color?: boolean;
  showAccountIds?: boolean;
}

async function catalogue(extra: string[]) {
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

/** The shared pipeline of the default command and `suggest`: catalogue, then run(). */
async function pipeline(logs: string[], opts: { project: string; signatures: string[]; fix?: boolean; color?: boolean }, version: string) {
  if (logs.length === 0 && process.stdin.isTTY) {
    throw new UserError('no deploy log given: pass a file or pipe one in, e.g. `cdk deploy 2>&1 | stackfix` (see --help)');
  }
  const signatures = await catalogue(opts.signatures);
  const progress = progressOn(process.stderr, process.env, colourWanted(opts.color, process.stderr, process.env));
  try {
    const { report, details } = await run({ logs, project: opts.project, fix: opts.fix === true, signatures, version, progress: progress && ((t) => void progress.update(t)) });
    return { report, details, signatures };
  } finally {
    progress?.stop();
  }
}

async function diagnose(logs: string[], opts: MainOptions, version: string): Promise<number> {
  for (const o of opts.output) (await import('./write/output.js')).checkTarget(o.file);
  const { report, details, signatures } = await pipeline(logs, opts, version);
  const color = colourWanted(opts.color, process.stdout, process.env);
  const renderOptions = { color, fixMode: opts.fix === true, cwd: process.cwd(), signatures, policy: redactionPolicy(opts) };
  if (opts.output.length) {
    const { writeFileAtomic } = await import('./write/output.js');
    for (const o of opts.output) writeFileAtomic(o.file, await render(o.format, report, details, { ...renderOptions, color: false }));
  }
  await write(await render(opts.format, report, details, renderOptions));
  return exitCodeOf(report);
}

interface SuggestCliOptions {
  project: string;
  signatures: string[];
  token?: string;
  repo?: string;
  pr?: string;
  apiUrl?: string;
  dryRun?: boolean;
  timeout?: number;
  showAccountIds?: boolean;
}

async function suggestCommand(logs: string[], opts: SuggestCliOptions, version: string): Promise<number> {
  const { resolveTarget, suggest } = await import('./suggest/index.js');
  const sopts = {
    ...(opts.token !== undefined ? { token: opts.token } : {}),
    ...(opts.repo !== undefined ? { repo: opts.repo } : {}),
    ...(opts.pr !== undefined ? { pr: opts.pr } : {}),
    ...(opts.apiUrl !== undefined ? { apiUrl: opts.apiUrl } : {}),
    dryRun: opts.dryRun === true,
    ...(opts.timeout !== undefined ? { timeoutMs: opts.timeout * 1000 } : {}),
    policy: redactionPolicy(opts),
    env: process.env,
    out: write,
    note: (t: string) => void process.stderr.write(`stackfix: ${t}\n`),
  };
  resolveTarget(sopts); // a missing token or PR number fails before the log is read
  const { report, details } = await pipeline(logs, opts, version);
  await suggest({ report, details, cwd: process.cwd() }, sopts);
  return exitCodeOf(report);
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(?:\.\d+)?$/.test(value) || !(n > 0) || n > 3600) throw new InvalidArgumentError('expected a number of seconds between 0 and 3600, e.g. 30');
  return n;
}

function parseOutput(value: string, prev: MainOptions['output']): MainOptions['output'] {
  const eq = value.indexOf('=');
  const format = value.slice(0, eq) as FormatName;
  if (eq < 1 || !FORMATS.includes(format) || eq === value.length - 1) {
    throw new InvalidArgumentError(`expected FORMAT=FILE with FORMAT one of ${FORMATS.join(', ')}, e.g. sarif=stackfix.sarif`);
  }
  return [...prev, { format, file: value.slice(eq + 1) }];
}

export async function main(argv: string[]): Promise<number> {
  const version = packageVersion();
  let code = 0;
  const program = new Command('stackfix')
    .description('Read a failed infrastructure deploy log, explain each failure and fix its IaC source.')
    .argument('[log...]', 'deploy log files; none or - reads stdin')
    .option('-p, --project <dir>', 'root of the IaC project to fix', process.cwd())
    .addOption(new Option('-f, --format <name>', 'output format on stdout').choices(FORMATS).default('text'))
    .option('-o, --output <format=file>', `also write a report to a file (repeatable; formats: ${FORMATS.join(', ')})`, parseOutput, [] as MainOptions['output'])
    .option('--fix', 'write the proposed fixes (atomically, all or nothing)')
    .option('--signatures <dir>', 'also load signatures from this folder (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--color', 'colour the text report even when stdout is not a terminal (CI logs; FORCE_COLOR=1 too)')
    .option('--no-color', 'never colour the output (NO_COLOR=1 too)')
    .option('--show-account-ids', 'show AWS account ids in shared formats (sarif, github, markdown, rdjson); masked by default')
    .version(version, '-V, --version')
    .showHelpAfterError('(run stackfix --help for usage)')
    .exitOverride()
    .action(async (logs: string[], opts: MainOptions) => {
      code = await diagnose(logs, opts, version);
    });

  // Subcommands are such only as the first argument: `stackfix --no-color list`, `stackfix -- list`
  // and `stackfix ./list` all read a log file named `list`.
  const SUBCOMMANDS = ['list', 'explain', 'suggest'];
  if (argv[0] === 'suggest') {
    program
      .command('suggest')
      .description('post the fixes to a GitHub pull request: suggestions on its diff, a summary comment for the rest')
      .argument('[log...]', 'deploy log files; none or - reads stdin (--project and --signatures as for stackfix)')
      .option('--token <token>', 'GitHub token (default: $GITHUB_TOKEN)')
      .option('--repo <owner/name>', 'repository (default: $GITHUB_REPOSITORY)')
      .option('--pr <number>', 'pull request number (default: from the pull_request event in $GITHUB_EVENT_PATH)')
      .option('--api-url <url>', 'GitHub API URL, for GitHub Enterprise Server (default: $GITHUB_API_URL or https://api.github.com)')
      .option('--dry-run', 'print the requests (method, path, body) instead of sending them')
      .option('--timeout <seconds>', 'give up on a GitHub request after this many seconds (default: 30)', parseSeconds)
      .option('--show-account-ids', 'show AWS account ids in what is posted; masked by default')
      .action(async (logs: string[], opts: SuggestCliOptions) => {
        // --project, --signatures and --show-account-ids are the program's options, wherever they are written.
        const { project, signatures, showAccountIds } = program.opts<MainOptions>();
        code = await suggestCommand(logs, { ...opts, project, signatures, showAccountIds: opts.showAccountIds || showAccountIds }, version);
      });
  } else if (SUBCOMMANDS.includes(argv[0] ?? '')) {
    const { addCatalogueCommands } = await import('./catalogue-cli.js');
    addCatalogueCommands(program, { catalogue, write, version });
  } else {
    program.addHelpText(
      'after',
      '\nCommands:\n  list [--format json] [--signatures <dir>]   the signatures stackfix knows\n  explain <id> [--format json]                what one signature recognises and how it is fixed\n  suggest [LOG...] [--dry-run]                post the fixes to a GitHub pull request\n\nA log file named like a command: stackfix ./list',
    );
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

// The `list` and `explain <id>` subcommands, registered on the main program only when the
// first argument names one of them (see cli.ts). Exit codes: 0 printed, 2 unknown id or a bad
// --signatures folder (one line on stderr).
import { Option, type Command } from './commander.js';
import type { Signature } from './classify/catalogue.js';
import { UserError } from './errors.js';

interface Deps {
  catalogue(extra: string[]): Promise<Signature[]>;
  write(text: string): Promise<void>;
  version: string;
}

interface SubOptions {
  format: 'text' | 'json';
  signatures: string[];
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function addCatalogueCommands(program: Command, deps: Deps): void {
  // Options after the subcommand name are the subcommand's (`stackfix list --format json`).
  program.enablePositionalOptions();
  const common = (cmd: Command) =>
    cmd
      .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
      .option('--signatures <dir>', 'also load signatures from this folder (repeatable)', collect, [] as string[]);

  const load = async (opts: SubOptions) => {
    const extra = [...program.opts<{ signatures: string[] }>().signatures, ...opts.signatures];
    const { bundledSignatureDir } = await import('./classify/catalogue.js');
    return { signatures: await deps.catalogue(extra), bundled: bundledSignatureDir() };
  };

  common(program.command('list').description('list the signatures stackfix knows: id, kind, codemod, languages, title'))
    .action(async (opts: SubOptions) => {
      const { signatures, bundled } = await load(opts);
      const { catalogueEntries, listJson, renderList } = await import('./report/catalogue.js');
      const entries = await catalogueEntries(signatures, bundled);
      await deps.write(opts.format === 'json' ? listJson(entries, deps.version) : renderList(entries));
    });

  common(program.command('explain').description('show what one signature recognises, what it says and how it is fixed'))
    .argument('<id>', 'signature id, e.g. rds-engine-version-unavailable')
    .action(async (id: string, opts: SubOptions) => {
      const { signatures, bundled } = await load(opts);
      const { catalogueEntries, closestIds, explainJson, renderExplain } = await import('./report/catalogue.js');
      const sig = signatures.find((s) => s.id === id);
      if (!sig) {
        const near = closestIds(id, signatures.map((s) => s.id));
        throw new UserError(`unknown signature '${id}'${near.length ? `; did you mean ${near.join(', ')}?` : ''} (stackfix list shows them all)`);
      }
      const [entry] = await catalogueEntries([sig], bundled);
      await deps.write(opts.format === 'json' ? explainJson(sig, entry!, deps.version) : renderExplain(sig, entry!));
    });
}

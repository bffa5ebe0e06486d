// commander is a CommonJS package. Loaded through `import`, Node first scans its source for the
// names it exports (cjs-module-lexer), which cost about 10 ms of every start-up; `require`
// skips that. The types are commander's own.
import { createRequire } from 'node:module';
import type * as commander from 'commander';

const loaded = createRequire(import.meta.url)('commander') as typeof commander;

export const { Command, CommanderError, InvalidArgumentError, Option } = loaded;
export type Command = commander.Command;

// Python transform: `NameError: name 'logs' is not defined` -> import what the name stands for,
// in the file the traceback names (or, without a traceback, in every candidate file that uses
// the name and binds it nowhere), in the file's own import style:
//   CDK:      `aws_logs as logs` into the `from aws_cdk import (...)` list; `from aws_cdk import Duration`;
//             `from constructs import Construct`
//   Pulumi:   `from pulumi_aws import ec2`, `import pulumi_aws as aws`, `import pulumi`. pulumi_aws
//             has no `logs` module (importing it raises ImportError): `logs.LogGroup` becomes
//             `cloudwatch.LogGroup`, `logs.MetricFilter` `cloudwatch.LogMetricFilter`, ...
//   stdlib:   `import json`, `from typing import Optional` (merged into an existing line), ...
// A name bound somewhere in the file (a scoping problem), a name it cannot place (a typo, a
// project class) or an ambiguous one is refused with the reason, never guessed.
import type { CodemodContext, CodemodResult, SourceFile } from '../../src/fix/contract.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import { addToFromList, Imports } from '../../src/fix/python/imports.js';
import { parsePython, type Node, type PyFile } from '../../src/fix/python/parser.js';
import { ancestor, boundNames, eolOf, field, nameUses, walk } from '../../src/fix/python/syntax.js';
import {
  CDK_ALIASES,
  CDK_CORE,
  CDK_MODULES,
  CDKTF_CORE,
  NEEDS_NEWER_PYTHON,
  PULUMI_AWS_MODULES,
  PULUMI_AWS_TOP,
  PULUMI_CORE,
  PULUMI_MOVED,
  STDLIB_MEMBERS,
  STDLIB_MODULES,
  TARGET_MEMBERS,
} from './names-data.js';

export type FilePlan =
  | { kind: 'edit'; text: string; summary: string }
  | { kind: 'already'; reason: string }
  | { kind: 'refuse'; reason: string }
  | { kind: 'none' };

type Group = 'stdlib' | 'third-party';

type Plan =
  | { kind: 'from'; module: string; member: string; alias?: string; group: Group; why: string }
  | { kind: 'import'; module: string; alias?: string; group: Group; why: string }
  | { kind: 'pulumi-moved' }
  | { kind: 'refuse'; reason: string };

interface Use {
  node: Node;
  /** `name.member` */
  member?: string;
  /** The `name.member` attribute node. */
  attr?: Node;
  /** `name(...)` */
  called: boolean;
  /** In a type annotation. */
  annotation: boolean;
  line: number;
}

interface Flavor {
  cdk: boolean;
  constructs: boolean;
  cdktf: boolean;
  pulumi: boolean;
  pulumiAws: boolean;
}

/** Why `name` (logs, events, eventbridge) is not a pulumi_aws module. */
export function pulumiMovedWhy(name: string): string {
  return `pulumi_aws has no \`${name}\` module (importing it fails with ImportError: cannot import name '${name}' from 'pulumi_aws'); ${PULUMI_MOVED[name]?.what ?? 'its'} resources live in pulumi_aws.cloudwatch`;
}

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const name = typeof ctx.captures.name === 'string' ? ctx.captures.name.trim() : '';
  if (!/^[A-Za-z_]\w*$/.test(name)) return { status: 'refused', reason: 'the NameError names no identifier', edits: {} };
  const primary = ctx.location ? ctx.files.find((f) => f.path === ctx.location!.file) : undefined;
  const ordered = primary ? [primary, ...ctx.files.filter((f) => f !== primary)] : ctx.files;

  const edits: Record<string, string> = {};
  const summaries: string[] = [];
  // With a traceback, other files are fixed only when they plainly lack the import: their
  // refusals (a local `logs` variable elsewhere) say nothing about this NameError.
  const refusals: { file: SourceFile; reason: string }[] = [];
  const already: string[] = [];
  for (const file of ordered) {
    const isPrimary = file === primary;
    const plan = await planFile(file, name);
    if (plan.kind === 'edit') {
      edits[file.path] = plan.text;
      summaries.push(`${plan.summary} (${file.path})`);
    } else if (plan.kind === 'refuse') {
      if (isPrimary) return refused(`${file.path}: ${plan.reason}${await guidance(ctx, file, name, plan.reason)}`);
      if (!primary) refusals.push({ file, reason: `${file.path}: ${plan.reason}` });
    } else if (plan.kind === 'already') {
      if (isPrimary || !primary) already.push(`${file.path}: ${plan.reason}`);
    } else if (isPrimary) {
      already.push(`${file.path} no longer reads \`${name}\``);
    }
  }
  const refusedText = refusals.map((r) => r.reason).join('; ');
  if (Object.keys(edits).length) {
    return { status: 'proposed', reason: `${summaries.join('; ')}${refusals.length ? `; not changed: ${refusedText}` : ''}`, edits };
  }
  if (refusals.length) return refused(`${refusedText}${await guidance(ctx, refusals[0]!.file, name, refusals[0]!.reason)}`);
  if (already.length) return { status: 'already-fixed', reason: already.join('; '), edits: {} };
  return { status: 'not-found', reason: `no candidate Python file reads \`${name}\` without defining it`, edits: {} };
}

function refused(reason: string): CodemodResult {
  return { status: 'refused', reason, edits: {} };
}

const UNKNOWN = 'stackfix does not know what';

async function planFile(file: SourceFile, name: string): Promise<FilePlan> {
  let py: PyFile | undefined;
  try {
    py = await parsePython(file.path, file.text);
    if (py.problems().length) return { kind: 'refuse', reason: `has a syntax error at line ${py.problems()[0]!.line}; fix it first` };
    return planParsed(py, name);
  } finally {
    py?.dispose();
  }
}

export function planParsed(py: PyFile, name: string): FilePlan {
  const imports = new Imports(py);
  const binding = imports.bindings.get(name);
  let broken: Node | undefined;
  if (binding) {
    if (binding.target === `pulumi_aws.${name}` && Object.hasOwn(PULUMI_MOVED, name)) broken = binding.statement;
    else {
      const fn = ancestor(binding.statement, ['function_definition', 'class_definition']);
      const line = binding.statement.startPosition.row + 1;
      if (fn) {
        return { kind: 'refuse', reason: `\`${name}\` is imported only inside ${field(fn, 'name')?.text ?? 'a block'} (line ${line}); move the import to the top of the module` };
      }
      const guard = ancestor(binding.statement, 'if_statement');
      if (guard && /TYPE_CHECKING/.test(field(guard, 'condition')?.text ?? '')) {
        return { kind: 'refuse', reason: `\`${name}\` is imported only under \`if TYPE_CHECKING:\` (line ${line}), which does not run; import it unconditionally` };
      }
      // Module-level code runs top to bottom: a read above the import fails even though the name is imported.
      const early = usesOf(py.root, name).find((u) => u.node.startIndex < binding.statement.startIndex && !ancestor(u.node, ['function_definition', 'lambda']));
      if (early) {
        return { kind: 'refuse', reason: `\`${name}\` is imported at line ${line}, after its read at line ${early.line}; move the import above it` };
      }
      return { kind: 'already', reason: `\`${name}\` is imported (line ${line})` };
    }
  } else if (boundNames(py.root).has(name)) {
    const where = bindingLine(py.root, name);
    return {
      kind: 'refuse',
      reason: `\`${name}\` is assigned or defined in this file${where ? ` (line ${where})` : ''}, so the NameError is a scoping problem (a read before the assignment, or in another function), not a missing import`,
    };
  }
  const uses = usesOf(py.root, name);
  if (!uses.length) return { kind: 'none' };
  const flavor = flavorOf(imports);
  const plan = broken ? ({ kind: 'pulumi-moved' } as const) : resolve(name, uses, flavor, imports, py.root);
  if (plan.kind === 'refuse') return plan;
  if (plan.kind === 'pulumi-moved') return pulumiMoved(py, imports, uses, broken, name);
  let edit: Edit;
  try {
    edit = importEdit(py, imports, plan);
  } catch (err) {
    return { kind: 'refuse', reason: `cannot add the import: ${(err as Error).message}` };
  }
  const line = plan.kind === 'from' ? `from ${plan.module} import ${plan.member}${plan.alias ? ` as ${plan.alias}` : ''}` : `import ${plan.module}${plan.alias ? ` as ${plan.alias}` : ''}`;
  return { kind: 'edit', text: applyEdits(py.text, [edit]), summary: `\`${name}\` ${plan.why}: \`${line}\`` };
}

// ---- what the name is --------------------------------------------------------------------

function resolve(name: string, uses: Use[], flavor: Flavor, imports: Imports, root: Node): Plan {
  const newer = NEEDS_NEWER_PYTHON[name];
  if (newer) return { kind: 'refuse', reason: `\`${name}\`: ${newer}; stackfix cannot see the project's Python version, so it leaves the choice to you` };
  if (name === 'datetime') return datetimePlan(uses);

  // A file that imports neither: the constructor calls say which (CDK `X(self, "Id")`, Pulumi `X("name")`).
  const shape = flavor.cdk || flavor.constructs || flavor.cdktf || flavor.pulumi || flavor.pulumiAws ? undefined : callShape(uses);
  const pulumiish = flavor.pulumi || flavor.pulumiAws || shape === 'pulumi';
  const cdkish = flavor.cdk || (flavor.constructs && !flavor.cdktf) || shape === 'cdk';
  if (Object.hasOwn(PULUMI_MOVED, name) && pulumiish) {
    if (flavor.cdk) return { kind: 'refuse', reason: `the file imports both aws_cdk and pulumi, so \`${name}\` could be an aws_cdk module or pulumi_aws.cloudwatch` };
    return { kind: 'pulumi-moved' };
  }

  if (cdkish) {
    const mod = cdkModuleFor(name, uses, root);
    if (typeof mod === 'object') return mod;
    if (mod) {
      const bad = moduleMisuse(name, uses, (m) => /^[A-Z]/.test(m), `aws_cdk.${mod}`);
      if (bad) return bad;
      return { kind: 'from', module: 'aws_cdk', member: mod, alias: mod === name ? undefined : name, group: 'third-party', why: `is the CDK module aws_cdk.${mod}` };
    }
    if (CDK_CORE.has(name)) return { kind: 'from', module: 'aws_cdk', member: name, group: 'third-party', why: 'is a core aws_cdk name' };
    if (name === 'cdk') {
      const bad = moduleMisuse(name, uses, (m) => /^[A-Z]/.test(m) || CDK_MODULES.has(m), 'aws_cdk');
      if (bad) return bad;
      return { kind: 'import', module: 'aws_cdk', alias: 'cdk', group: 'third-party', why: 'is the conventional alias of aws_cdk' };
    }
  }
  if (!pulumiish && !flavor.cdktf && CDK_MODULES.has(name) && name.startsWith('aws_')) {
    const bad = moduleMisuse(name, uses, (m) => /^[A-Z]/.test(m), `aws_cdk.${name}`);
    if (bad) return bad;
    return { kind: 'from', module: 'aws_cdk', member: name, group: 'third-party', why: `is the CDK module aws_cdk.${name}` };
  }
  if (name === 'Construct' && (cdkish || flavor.cdktf)) {
    return { kind: 'from', module: 'constructs', member: 'Construct', group: 'third-party', why: 'is the constructs base class' };
  }
  if (flavor.cdktf && CDKTF_CORE.has(name)) return { kind: 'from', module: 'cdktf', member: name, group: 'third-party', why: 'is a core cdktf name' };

  if (name === 'pulumi') {
    const bad = moduleMisuse(name, uses, () => true, 'pulumi');
    if (bad) return bad;
    return { kind: 'import', module: 'pulumi', group: 'third-party', why: 'is the Pulumi SDK' };
  }
  if (pulumiish) {
    if (PULUMI_AWS_MODULES.has(name)) {
      const bad = moduleMisuse(name, uses, (m) => /^[A-Z]/.test(m) || /^get_/.test(m), `pulumi_aws.${name}`);
      if (bad) return bad;
      return { kind: 'from', module: 'pulumi_aws', member: name, group: 'third-party', why: `is the module pulumi_aws.${name}` };
    }
    if (name === 'aws') {
      const bad = moduleMisuse(name, uses, (m) => PULUMI_AWS_MODULES.has(m) || PULUMI_AWS_TOP.has(m), 'pulumi_aws');
      if (bad) return bad;
      return { kind: 'import', module: 'pulumi_aws', alias: 'aws', group: 'third-party', why: 'is the conventional alias of pulumi_aws' };
    }
    if (flavor.pulumiAws && PULUMI_AWS_TOP.has(name)) return { kind: 'from', module: 'pulumi_aws', member: name, group: 'third-party', why: 'is a top-level pulumi_aws name' };
    if (PULUMI_CORE.has(name)) return { kind: 'from', module: 'pulumi', member: name, group: 'third-party', why: 'is a Pulumi SDK name' };
  }

  if (STDLIB_MODULES.has(name)) {
    const bad = moduleMisuse(name, uses, () => true, `the standard-library module ${name}`);
    if (bad) return bad;
    return { kind: 'import', module: name, group: 'stdlib', why: 'is a standard-library module' };
  }
  if (name === 'field') {
    const dataclasses = imports.localFor('dataclasses.dataclass') !== undefined || imports.localFor('dataclasses') !== undefined;
    if (!dataclasses) return { kind: 'refuse', reason: `${UNKNOWN} \`field\` is: the file does not use dataclasses, so it is not clearly dataclasses.field` };
    return { kind: 'from', module: 'dataclasses', member: 'field', group: 'stdlib', why: 'is dataclasses.field' };
  }
  const std = STDLIB_MEMBERS[name];
  if (std) return { kind: 'from', module: std, member: name, group: 'stdlib', why: `is ${std}.${name}` };
  return { kind: 'refuse', reason: `${UNKNOWN} \`${name}\` is: not a CDK module alias, a pulumi_aws module or a standard-library name it knows` };
}

/** 'cdk' when every `name.X(...)` call is `X(scope, "Id", ...)`, 'pulumi' when every one is `X("name", ...)`. */
function callShape(uses: Use[]): 'cdk' | 'pulumi' | undefined {
  const shapes = new Set<string>();
  for (const u of uses) {
    const call = u.attr?.parent;
    if (call?.type !== 'call' || !field(call, 'function')?.equals(u.attr!)) continue;
    const args = (field(call, 'arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment' && a.type !== 'keyword_argument');
    if (args[0]?.type === 'identifier' && args[1]?.type === 'string') shapes.add('cdk');
    else if (args[0]?.type === 'string') shapes.add('pulumi');
    else shapes.add('other');
  }
  return shapes.size === 1 && !shapes.has('other') ? ([...shapes][0] as 'cdk' | 'pulumi') : undefined;
}

/** The aws_cdk submodule a CDK-file alias stands for; a refusal when the members disagree. */
function cdkModuleFor(name: string, uses: Use[], root: Node): string | undefined | Plan {
  if (name === 'targets') {
    const members = new Set(uses.map((u) => u.member).filter((m): m is string => !!m));
    const events = [...members].filter((m) => TARGET_MEMBERS.aws_events_targets.has(m));
    const r53 = [...members].filter((m) => TARGET_MEMBERS.aws_route53_targets.has(m));
    if (events.length && !r53.length) return 'aws_events_targets';
    if (r53.length && !events.length) return 'aws_route53_targets';
    if (events.length && r53.length) return { kind: 'refuse', reason: `\`targets\` is used for both EventBridge (${events[0]}) and Route 53 (${r53[0]}) targets; import aws_events_targets and aws_route53_targets under two names` };
    const bound = boundNames(root);
    if (bound.has('route53') && !bound.has('events')) return 'aws_route53_targets';
    if (bound.has('events') && !bound.has('route53')) return 'aws_events_targets';
    return { kind: 'refuse', reason: '`targets` could be aws_cdk.aws_events_targets or aws_cdk.aws_route53_targets, and its uses do not say which' };
  }
  const alias = CDK_ALIASES[name];
  if (alias) return alias;
  if (CDK_MODULES.has(`aws_${name}`)) return `aws_${name}`;
  if (CDK_MODULES.has(name) && name.startsWith('aws_')) return name;
  return undefined;
}

/** A module alias is only read as `alias.Member`: anything else means it is not that module. */
function moduleMisuse(name: string, uses: Use[], memberOk: (m: string) => boolean, what: string): Plan | undefined {
  const bare = uses.find((u) => u.member === undefined);
  if (bare) {
    return { kind: 'refuse', reason: `\`${name}\` is read at line ${bare.line} as \`${clip(bare.node.parent?.text ?? name)}\`, not as \`${name}.<member>\`, so it is not clearly ${what}` };
  }
  const odd = uses.find((u) => !memberOk(u.member!));
  if (odd) return { kind: 'refuse', reason: `\`${name}.${odd.member}\` (line ${odd.line}) is not what ${what} exports, so \`${name}\` is not clearly that module` };
  return undefined;
}

const DATETIME_CLASS = new Set(['now', 'utcnow', 'today', 'fromisoformat', 'fromtimestamp', 'utcfromtimestamp', 'strptime', 'combine', 'fromordinal', 'min', 'max', 'resolution']);
const DATETIME_MODULE = new Set(['datetime', 'date', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR', 'MAXYEAR', 'UTC']);

/** `datetime` is a module and a class: the way the file uses it decides. */
function datetimePlan(uses: Use[]): Plan {
  const asClass = uses.filter((u) => u.called || u.annotation || (u.member !== undefined && DATETIME_CLASS.has(u.member)));
  const asModule = uses.filter((u) => u.member !== undefined && DATETIME_MODULE.has(u.member));
  if (asClass.length && !asModule.length) {
    return { kind: 'from', module: 'datetime', member: 'datetime', group: 'stdlib', why: `is used as the class (line ${asClass[0]!.line})` };
  }
  if (asModule.length && !asClass.length) return { kind: 'import', module: 'datetime', group: 'stdlib', why: `is used as the module (\`datetime.${asModule[0]!.member}\`, line ${asModule[0]!.line})` };
  if (asClass.length && asModule.length) {
    return { kind: 'refuse', reason: `\`datetime\` is used as the class (line ${asClass[0]!.line}) and as the module (line ${asModule[0]!.line}); pick \`import datetime\` or \`from datetime import datetime\` and adjust the other reads` };
  }
  return { kind: 'refuse', reason: '`datetime` could be the module (`import datetime`) or the class (`from datetime import datetime`), and its uses do not say which' };
}

// ---- pulumi_aws `logs` / `events` -> `cloudwatch` ---------------------------------------------

function pulumiMoved(py: PyFile, imports: Imports, uses: Use[], broken: Node | undefined, name: string): FilePlan {
  const WHY = pulumiMovedWhy(name);
  const mapped = (m: string) => PULUMI_MOVED[name]!.member(m);
  const bare = uses.find((u) => u.member === undefined);
  if (bare) return { kind: 'refuse', reason: `${WHY}, and \`${name}\` is read at line ${bare.line} as a value, which stackfix cannot map` };
  const unknown = [...new Set(uses.filter((u) => !mapped(u.member!)).map((u) => `${name}.${u.member}`))];
  if (unknown.length) {
    return { kind: 'refuse', reason: `${WHY}, and stackfix knows no pulumi_aws.cloudwatch equivalent of ${unknown.join(', ')}; rewrite ${unknown.length > 1 ? 'them' : 'it'} by hand` };
  }
  const text = py.text;
  const edits: Edit[] = [];
  const bound = boundNames(py.root);
  let prefix = imports.localFor('pulumi_aws.cloudwatch');
  let how = prefix ? `\`${prefix}\` is already imported` : '';
  const brokenName = broken ? importedName(broken, name) : undefined;
  if (!prefix && !bound.has('cloudwatch')) {
    const list = imports.fromStatements('pulumi_aws').find((s) => !s.namedChildren.some((c) => c?.type === 'wildcard_import'));
    if (broken?.type === 'import_from_statement' && brokenName && field(broken, 'module_name')?.text === 'pulumi_aws') {
      // `from pulumi_aws import (..., logs)`: the broken name becomes `cloudwatch`, in place.
      edits.push({ start: brokenName.startIndex, end: brokenName.endIndex, text: 'cloudwatch' });
      prefix = 'cloudwatch';
      how = `\`${name}\` replaced by \`cloudwatch\` in the pulumi_aws import`;
      broken = undefined;
    } else if (list) {
      edits.push(imports.addFromImport('pulumi_aws', 'cloudwatch'));
      prefix = 'cloudwatch';
      how = '`cloudwatch` added to the pulumi_aws import';
    }
  }
  if (!prefix) {
    const reach = imports.reach('pulumi_aws.cloudwatch');
    if (reach) {
      prefix = reach;
      how = `the file reaches it as \`${reach}\``;
    } else if (!bound.has('cloudwatch')) {
      edits.push(withDefSpacing(py, imports, imports.addFromImport('pulumi_aws', 'cloudwatch')));
      prefix = 'cloudwatch';
      how = '`from pulumi_aws import cloudwatch` added';
    } else {
      return { kind: 'refuse', reason: `${WHY}, but this file already uses the name \`cloudwatch\` for something else; import pulumi_aws.cloudwatch under another name by hand` };
    }
  }
  if (broken && brokenName) {
    const removal = removeImportName(text, broken, brokenName);
    if (!removal) return { kind: 'refuse', reason: `${WHY}; remove \`${name}\` from the import at line ${broken.startPosition.row + 1} by hand` };
    edits.push(removal);
  }
  const renames = new Map<string, string>();
  for (const u of uses) {
    const to = mapped(u.member!)!;
    renames.set(`${name}.${u.member}`, `${prefix}.${to}`);
    edits.push({ start: u.attr!.startIndex, end: u.attr!.endIndex, text: `${prefix}.${to}` });
  }
  let out: string;
  try {
    out = applyEdits(text, edits);
  } catch (err) {
    return { kind: 'refuse', reason: `${WHY}; stackfix could not combine the edits (${(err as Error).message})` };
  }
  const list = [...renames].map(([a, b]) => `${a} -> ${b}`).join(', ');
  return { kind: 'edit', text: out, summary: `${WHY}: ${list}; ${how}` };
}

/** The name node (`logs` or `logs as logs`) an import statement binds local to. */
function importedName(stmt: Node, local: string): Node | undefined {
  for (const c of stmt.childrenForFieldName('name')) {
    if (!c) continue;
    const l = c.type === 'aliased_import' ? field(c, 'alias')?.text : c.text.split('.')[0];
    if (l === local) return c;
  }
  return undefined;
}

/** Removes one name from an import, keeping the others' layout; the whole line when it is the only one. */
export function removeImportName(text: string, stmt: Node, name: Node): Edit | undefined {
  const names = stmt.childrenForFieldName('name').filter((c): c is Node => !!c);
  if (names.length === 1) {
    if (stmt.parent?.type !== 'module') return undefined;
    const start = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
    const nl = text.indexOf('\n', stmt.endIndex);
    return { start, end: nl === -1 ? text.length : nl + 1, text: '' };
  }
  const i = names.findIndex((n) => n.startIndex === name.startIndex);
  if (i < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', name.startIndex - 1) + 1;
  const nl = text.indexOf('\n', name.endIndex);
  const lineEnd = nl === -1 ? text.length : nl;
  const before = text.slice(lineStart, name.startIndex);
  const after = text.slice(name.endIndex, lineEnd);
  // On a line of its own in a parenthesised list: drop the line.
  if (/^[ \t]*$/.test(before) && /^\s*,?\s*(?:#.*)?$/.test(after) && name.startPosition.row !== stmt.startPosition.row) {
    return { start: lineStart, end: nl === -1 ? text.length : nl + 1, text: '' };
  }
  if (i > 0) return { start: names[i - 1]!.endIndex, end: name.endIndex, text: '' };
  return { start: name.startIndex, end: names[1]!.startIndex, text: '' };
}

// ---- import edits ------------------------------------------------------------------------

function importEdit(py: PyFile, imports: Imports, plan: Extract<Plan, { kind: 'from' | 'import' }>): Edit {
  return withDefSpacing(py, imports, rawImportEdit(py, imports, plan));
}

function rawImportEdit(py: PyFile, imports: Imports, plan: Extract<Plan, { kind: 'from' | 'import' }>): Edit {
  if (plan.group === 'stdlib') return stdlibEdit(py, imports, plan);
  if (plan.kind === 'from' && plan.module === 'aws_cdk') return cdkFromEdit(py, imports, plan.member, plan.alias);
  if (plan.kind === 'from') {
    const target = imports.fromStatements(plan.module).find((s) => !s.namedChildren.some((c) => c?.type === 'wildcard_import'));
    return target ? addToFromList(py.text, target, entry(plan.member, plan.alias)) : imports.addFromImport(plan.module, plan.member, plan.alias);
  }
  const line = `import ${plan.module}${plan.alias ? ` as ${plan.alias}` : ''}`;
  // `import pulumi` / `import pulumi_aws as aws` and `import aws_cdk as cdk` go next to their
  // siblings, where Pulumi and CDK programs keep them.
  const root = (s: Node) => {
    const n = s.type === 'import_from_statement' ? field(s, 'module_name') : s.childrenForFieldName('name')[0];
    return ((n?.type === 'aliased_import' ? field(n, 'name')?.text : n?.text) ?? '').split('.')[0];
  };
  const stmts = imports.statements.filter((s) => s.type !== 'future_import_statement');
  if (plan.module === 'pulumi_aws') {
    const anchor = stmts.find((s) => s.type === 'import_statement' && root(s) === 'pulumi');
    if (anchor) return lineAfter(py.text, anchor, line);
  }
  const before = plan.module === 'pulumi' ? stmts.find((s) => root(s) === 'pulumi_aws') : plan.module === 'aws_cdk' ? stmts.find((s) => root(s) === 'aws_cdk') : undefined;
  if (before) return lineBefore(py.text, before, line);
  return imports.addImport(plan.module, plan.alias);
}

export function lineBefore(text: string, stmt: Node, line: string): Edit {
  const start = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  return { start, end: start, text: `${line}${eolOf(text)}` };
}

/** A first import above a def or class keeps PEP 8's two blank lines before it. */
function withDefSpacing(py: PyFile, imports: Imports, edit: Edit): Edit {
  if (imports.statements.length) return edit;
  const first = py.root.namedChildren.find((c) => c && c.type !== 'comment');
  if (!first || !['function_definition', 'class_definition', 'decorated_definition'].includes(first.type) || edit.start > first.startIndex) return edit;
  return { ...edit, text: `${edit.text}${eolOf(py.text)}` };
}

function entry(member: string, alias?: string): string {
  return alias && alias !== member ? `${member} as ${alias}` : member;
}

/** aws_cdk imports come as one `from aws_cdk import (...)` list, or one line per module: follow the file. */
function cdkFromEdit(py: PyFile, imports: Imports, member: string, alias?: string): Edit {
  const stmts = imports.fromStatements('aws_cdk').filter((s) => !s.namedChildren.some((c) => c?.type === 'wildcard_import'));
  const text = py.text;
  if (!stmts.length) return imports.addFromImport('aws_cdk', member, alias);
  const names = (s: Node) => s.childrenForFieldName('name').filter((c): c is Node => !!c);
  const isModule = (n: Node) => CDK_MODULES.has((n.type === 'aliased_import' ? field(n, 'name')?.text : n.text) ?? '');
  const adding = entry(member, alias);
  if (CDK_MODULES.has(member)) {
    const paren = (s: Node) => s.children.some((c) => c?.type === '(');
    const single = stmts.filter((s) => names(s).length === 1 && isModule(names(s)[0]!) && !paren(s));
    const lists = stmts.filter((s) => (names(s).length > 1 || paren(s)) && names(s).some(isModule));
    if (lists[0]) return addToFromList(text, lists[0], adding);
    if (single.length) return lineAfter(text, single.at(-1)!, `from aws_cdk import ${adding}`);
    return addToFromList(text, stmts[0]!, adding);
  }
  const core = stmts.find((s) => names(s).some((n) => !isModule(n)));
  if (core) return addToFromList(text, core, adding);
  // Only one-module-per-line imports: a line of its own, before them.
  const first = stmts[0]!;
  const start = text.lastIndexOf('\n', first.startIndex - 1) + 1;
  return { start, end: start, text: `from aws_cdk import ${adding}${eolOf(text)}` };
}

const STDLIB_ROOTS = new Set([...STDLIB_MODULES, 'datetime', 'collections', 'concurrent', 'email', 'http', 'importlib', 'os', 'urllib', 'xml']);

/** Standard-library imports go with the others (isort's first group), or in a group of their own above. */
function stdlibEdit(py: PyFile, imports: Imports, plan: Extract<Plan, { kind: 'from' | 'import' }>): Edit {
  const text = py.text;
  if (plan.kind === 'from') {
    const existing = imports.fromStatements(plan.module).find((s) => !s.namedChildren.some((c) => c?.type === 'wildcard_import'));
    if (existing) return addToFromList(text, existing, plan.member);
  }
  const line = plan.kind === 'from' ? `from ${plan.module} import ${plan.member}` : `import ${plan.module}`;
  const stmts = imports.statements.filter((s) => s.type !== 'future_import_statement');
  const rootOf = (s: Node) => {
    const n = s.type === 'import_from_statement' ? field(s, 'module_name') : s.childrenForFieldName('name')[0];
    const t = n?.type === 'aliased_import' ? field(n, 'name')?.text : n?.text;
    return (t ?? '').split('.')[0]!;
  };
  const std = stmts.filter((s) => STDLIB_ROOTS.has(rootOf(s)));
  if (std.length) return lineAfter(text, std.at(-1)!, line);
  const first = stmts[0];
  if (first) {
    const start = text.lastIndexOf('\n', first.startIndex - 1) + 1;
    const eol = eolOf(text);
    return { start, end: start, text: `${line}${eol}${eol}` };
  }
  return plan.kind === 'from' ? imports.addFromImport(plan.module, plan.member) : imports.addImport(plan.module);
}

export function lineAfter(text: string, stmt: Node, line: string): Edit {
  let end = text.indexOf('\n', stmt.endIndex);
  if (end === -1) end = text.length;
  else if (text[end - 1] === '\r') end--;
  return { start: end, end, text: `${eolOf(text)}${line}` };
}

// ---- reading the file ---------------------------------------------------------------------

function usesOf(root: Node, name: string): Use[] {
  return nameUses(root, name).map((node) => {
    const p = node.parent;
    const isObject = p?.type === 'attribute' && !!field(p, 'object')?.equals(node);
    return {
      node,
      member: isObject ? field(p, 'attribute')?.text : undefined,
      attr: isObject ? p : undefined,
      called: p?.type === 'call' && !!field(p, 'function')?.equals(node),
      annotation: !!ancestor(node, 'type'),
      line: node.startPosition.row + 1,
    };
  });
}

function flavorOf(imports: Imports): Flavor {
  const f: Flavor = { cdk: false, constructs: false, cdktf: false, pulumi: false, pulumiAws: false };
  const roots = [...imports.bindings.values()].map((b) => b.target.split('.')[0]!);
  for (const stmt of imports.statements) {
    const mod = stmt.type === 'import_from_statement' ? field(stmt, 'module_name')?.text : undefined;
    if (mod) roots.push(mod.split('.')[0]!);
  }
  for (const r of roots) {
    if (r === 'aws_cdk') f.cdk = true;
    else if (r === 'constructs') f.constructs = true;
    else if (r.startsWith('cdktf')) f.cdktf = true;
    else if (r === 'pulumi') f.pulumi = true;
    else if (r === 'pulumi_aws') f.pulumiAws = true;
  }
  return f;
}

/** The line of a binding of name: an assignment target, parameter, loop variable, def or class. */
function bindingLine(root: Node, name: string): number | undefined {
  let line: number | undefined;
  walk(root, (n) => {
    if (line !== undefined) return false;
    if (n.type !== 'identifier' || n.text !== name) return;
    for (let p: Node | null = n.parent, depth = 0; p && depth < 5; p = p.parent, depth++) {
      const target = field(p, 'left') ?? field(p, 'name') ?? field(p, 'alias');
      const inTarget = target && target.startIndex <= n.startIndex && n.endIndex <= target.endIndex;
      if (
        (['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause', 'named_expression', 'function_definition', 'class_definition', 'as_pattern'].includes(p.type) && inTarget) ||
        ['parameters', 'lambda_parameters', 'global_statement', 'nonlocal_statement'].includes(p.type)
      ) {
        line = n.startPosition.row + 1;
        return;
      }
      if (['call', 'argument_list', 'block', 'expression_statement', 'module'].includes(p.type)) break;
    }
  });
  return line;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 50 ? `${one.slice(0, 47)}...` : one;
}

// ---- guidance for names stackfix cannot place ----------------------------------------------

/** Where the name may come from, for a refusal: a close spelling, or a project file defining it. */
async function guidance(ctx: CodemodContext, file: SourceFile, name: string, reason: string): Promise<string> {
  if (!reason.includes(UNKNOWN)) return '';
  const hints: string[] = [];
  const variable = FORGOTTEN_VARIABLES[name];
  if (variable) hints.push(`a bare \`${name}\` is usually a missing \`${variable}\` line, not an import`);
  const near = closest(name, await namesNear(file));
  if (near) hints.push(`did you mean \`${near}\`?`);
  const defs = await definedIn(ctx, file.path, name);
  if (defs.length) hints.push(`it is defined in ${defs.join(', ')}: import it from there`);
  return hints.length ? `; ${hints.join('; ')}` : '; import or define it by hand (or fix the spelling)';
}

/** Names IaC programs define themselves, which read as undefined when that line is lost. */
const FORGOTTEN_VARIABLES: Readonly<Record<string, string>> = {
  config: 'config = pulumi.Config()',
  stack: 'stack = pulumi.get_stack()',
  app: 'app = cdk.App()',
};

async function namesNear(file: SourceFile): Promise<string[]> {
  const out = new Set<string>([...CDK_CORE, ...PULUMI_AWS_MODULES, ...STDLIB_MODULES, ...Object.keys(STDLIB_MEMBERS), ...Object.keys(CDK_ALIASES)]);
  for (const m of CDK_MODULES) if (m.startsWith('aws_')) out.add(m.slice(4));
  const py = await parsePython(file.path, file.text);
  try {
    for (const n of boundNames(py.root)) out.add(n);
  } finally {
    py.dispose();
  }
  return [...out];
}

function closest(name: string, candidates: string[]): string | undefined {
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - name.length) > limit) continue;
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Project files that define name at module level (class, def or assignment). */
async function definedIn(ctx: CodemodContext, self: string, name: string): Promise<string[]> {
  const out: string[] = [];
  const paths = ctx.listFiles('python').filter((p) => p !== self).slice(0, 300);
  for (const p of paths) {
    const text = ctx.readFile(p);
    if (!text || !text.includes(name)) continue;
    const py = await parsePython(p, text);
    try {
      for (const stmt of py.root.namedChildren) {
        if (!stmt) continue;
        const def = stmt.type === 'decorated_definition' ? field(stmt, 'definition') : stmt;
        const defined =
          ((def?.type === 'class_definition' || def?.type === 'function_definition') && field(def, 'name')?.text === name) ||
          (stmt.type === 'expression_statement' && stmt.namedChildren[0]?.type === 'assignment' && field(stmt.namedChildren[0], 'left')?.text === name);
        if (defined) {
          out.push(p);
          break;
        }
      }
    } finally {
      py.dispose();
    }
    if (out.length >= 3) break;
  }
  return out;
}

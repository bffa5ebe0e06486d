// Import errors with one right answer: the program imports a module (or a name) the installed
// library does not have, and what it wanted lives elsewhere under names that are known.
//
//   pulumi_aws.logs    pulumi_aws has no `logs` module; CloudWatch Logs resources are in
//                      pulumi_aws.cloudwatch (`LogGroup`, `MetricFilter` -> `LogMetricFilter`, ...):
//                        ImportError: cannot import name 'logs' from 'pulumi_aws'
//                        ModuleNotFoundError: No module named 'pulumi_aws.logs'
//                        AttributeError: module 'pulumi_aws' has no attribute 'logs'
//                      and no `events` / `eventbridge` module: EventBridge is cloudwatch.EventRule, ...
//   aws_cdk.core       CDK v1's core module is aws_cdk itself in v2 (aws-cdk-lib), and
//                      `Construct` / `IConstruct` moved to the constructs library:
//                        ImportError: cannot import name 'core' from 'aws_cdk'
//                        ModuleNotFoundError: No module named 'aws_cdk.core'
//                        ImportError: cannot import name 'Construct' from 'aws_cdk'
//   moto               moto 5 replaced every `mock_<service>` decorator with one `mock_aws`:
//                        ImportError: cannot import name 'mock_ec2' from 'moto'
//   cdktf providers    a class the prebuilt provider renamed with an `A` suffix (a clash with
//                      another generated name), when Python itself suggests that name:
//                        ImportError: cannot import name 'S3BucketVersioning' from
//                        'cdktf_cdktf_provider_aws.s3_bucket_versioning'. Did you mean: 'S3BucketVersioningA'?
//
// Every file of the project that makes the same mistake is fixed together (the next run would
// stop at the next one); a file stackfix cannot rewrite refuses the whole fix, with the list.
// Anything else (a name a library removed, the project's own module) is guidance, never a guess.
import type { CodemodContext, CodemodResult, SourceFile } from '../../src/fix/contract.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import { Imports } from '../../src/fix/python/imports.js';
import { parsePython, type Node, type PyFile } from '../../src/fix/python/parser.js';
import { boundNames, field, findAll, nameUses } from '../../src/fix/python/syntax.js';
import { CDK_CORE, PULUMI_MOVED } from './names-data.js';
import { lineAfter, lineBefore, planParsed, pulumiMovedWhy, removeImportName } from './python.js';

export type Move =
  | { kind: 'pulumi-moved'; name: string }
  | { kind: 'cdk-v2' }
  | { kind: 'moto' }
  | { kind: 'rename'; module: string; from: string; to: string };

/** CDK v1 core names that aws-cdk-lib v2 still exports from `aws_cdk` (besides CDK_CORE). */
const V2_CORE_EXTRA = new Set([
  'CfnAutoScalingReplacingUpdate', 'CfnAutoScalingRollingUpdate', 'CfnAutoScalingScheduledAction', 'CfnCapabilities',
  'CfnCodeDeployLambdaAliasUpdate', 'CfnCreationPolicy', 'CfnCustomResource', 'CfnDynamicReference',
  'CfnDynamicReferenceService', 'CfnHook', 'CfnInclude', 'CfnRefElement', 'CfnResourceAutoScalingCreationPolicy',
  'CfnResourceSignal', 'CfnStack', 'CfnTrafficRoute', 'CfnUpdatePolicy', 'CfnWaitCondition', 'CfnWaitConditionHandle',
  'ConcreteDependable', 'CustomResourceProps', 'DefaultTokenResolver', 'DockerBuildOptions', 'DockerImageAssetLocation',
  'DockerImageAssetSource', 'FileAssetLocation', 'FileAssetPackaging', 'FileAssetSource', 'IAsset', 'IResolvable',
  'IResolveContext', 'ITaggable', 'ITokenResolver', 'IgnoreMode', 'Intrinsic', 'RemoveTag', 'SecretsManagerSecretOptions',
  'StackSynthesizer', 'StringConcat', 'SymlinkFollowMode', 'TokenComparison', 'ValidationResult', 'ValidationResults',
]);
/** Moved from CDK v1 core to the constructs library. */
const TO_CONSTRUCTS = new Set(['Construct', 'IConstruct']);

const CDK_V2_WHY = 'aws-cdk-lib v2 has no aws_cdk.core module: its classes are imported from aws_cdk itself, and Construct from constructs';

/** The move an import error stands for, or undefined when it has no single right answer. */
export function moveFor(module: string, name: string, suggestion: string): Move | undefined {
  const sub = module.startsWith('pulumi_aws.') && !name ? module.slice('pulumi_aws.'.length) : module === 'pulumi_aws' ? name : '';
  if (sub && Object.hasOwn(PULUMI_MOVED, sub)) return { kind: 'pulumi-moved', name: sub };
  if ((module === 'aws_cdk' && (name === 'core' || TO_CONSTRUCTS.has(name))) || (module === 'aws_cdk.core' && !name)) return { kind: 'cdk-v2' };
  if (module === 'moto' && /^mock_\w+$/.test(name) && name !== 'mock_aws') return { kind: 'moto' };
  if (/^cdktf_cdktf_provider_\w+\.\w+$/.test(module) && /^[A-Z]\w*$/.test(name) && suggestion === `${name}A`) return { kind: 'rename', module, from: name, to: suggestion };
  return undefined;
}

/** What a file must mention to take part (loose: the transform decides). */
export function mentions(move: Move, text: string): boolean {
  if (move.kind === 'pulumi-moved') return text.includes('pulumi_aws');
  if (move.kind === 'cdk-v2') return text.includes('aws_cdk');
  if (move.kind === 'moto') return text.includes('moto');
  return text.includes(move.module);
}

type FilePlan =
  | { kind: 'edit'; text: string; summary: string }
  | { kind: 'refuse'; reason: string }
  /** Nothing wrong here; `fixed` when the file shows the corrected form. */
  | { kind: 'none'; fixed: boolean };

const GUIDANCE =
  'import the name the installed version exports (the "Did you mean" suggestion, or the package\'s __init__.py), rename it where it is used, and for your own modules define or export the name';

export async function run(ctx: CodemodContext, printed: string, name: string, suggestion: string): Promise<CodemodResult> {
  // `ImportError: cannot import name 'X'` (older Pythons, pyright): the module is the one the
  // file the traceback names (else the first candidate) imports X from.
  const module = printed || (name ? await importedFrom(ctx, name) : undefined) || '';
  if (!module) return { status: 'refused', reason: `the error names no module, and no candidate file imports \`${name}\` with \`from ... import\`: ${GUIDANCE}`, edits: {} };
  const move = moveFor(module, name, suggestion);
  const what = name ? `\`${name}\` from ${module}` : module;
  if (!move) return { status: 'refused', reason: `stackfix knows no single replacement for ${what}: ${GUIDANCE}`, edits: {} };
  const primary = ctx.location?.file;
  const ordered = [...ctx.files].sort((a, b) => Number(b.path === primary) - Number(a.path === primary));
  const edits: Record<string, string> = {};
  const summaries: string[] = [];
  const refusals: string[] = [];
  let fixed = false;
  for (const file of ordered) {
    if (!mentions(move, file.text)) continue;
    const plan = await planFile(file, move);
    if (plan.kind === 'edit') {
      edits[file.path] = plan.text;
      summaries.push(`${file.path}: ${plan.summary}`);
    } else if (plan.kind === 'refuse') refusals.push(`${file.path}: ${plan.reason}`);
    else fixed ||= plan.fixed;
  }
  // All or nothing: the program stops at the first file still importing the missing module.
  if (refusals.length) {
    const also = Object.keys(edits).length ? `; the other files (${Object.keys(edits).join(', ')}) are left as they are so the fix stays whole` : '';
    return { status: 'refused', reason: `${refusals.join('; ')}${also}`, edits: {} };
  }
  if (Object.keys(edits).length) return { status: 'proposed', reason: `${why(move)}: ${summaries.join('; ')}`, edits };
  if (fixed) return { status: 'already-fixed', reason: `no file imports ${what} any more`, edits: {} };
  return { status: 'not-found', reason: `no candidate Python file imports ${what}`, edits: {} };
}

/** The module a `from M import name` in the project imports name from. */
async function importedFrom(ctx: CodemodContext, name: string): Promise<string | undefined> {
  const primary = ctx.location?.file;
  const ordered = [...ctx.files].sort((a, b) => Number(b.path === primary) - Number(a.path === primary));
  for (const file of ordered) {
    const py = await parsePython(file.path, file.text);
    try {
      const b = new Imports(py).bindings.get(name);
      if (b && b.statement.type === 'import_from_statement' && b.target.endsWith(`.${name}`)) return b.target.slice(0, -name.length - 1);
    } finally {
      py.dispose();
    }
  }
  return undefined;
}

function why(move: Move): string {
  if (move.kind === 'pulumi-moved') return pulumiMovedWhy(move.name);
  if (move.kind === 'cdk-v2') return CDK_V2_WHY;
  if (move.kind === 'moto') return 'moto 5 replaced the per-service mock_<service> decorators with one mock_aws';
  return `the provider package names the class ${move.to} (generated names that clash get an \`A\` suffix)`;
}

async function planFile(file: SourceFile, move: Move): Promise<FilePlan> {
  let py: PyFile | undefined;
  try {
    py = await parsePython(file.path, file.text);
    if (py.problems().length) return { kind: 'refuse', reason: `has a syntax error at line ${py.problems()[0]!.line}; fix it first` };
    if (move.kind === 'pulumi-moved') return await pulumiMoved(py, file, move.name);
    if (move.kind === 'cdk-v2') return cdkV2(py);
    if (move.kind === 'moto') return motoMockAws(py);
    return renameMember(py, move);
  } finally {
    py?.dispose();
  }
}

// ---- pulumi_aws.logs -> pulumi_aws.cloudwatch ------------------------------------------------

async function pulumiMoved(first: PyFile, file: SourceFile, name: string): Promise<FilePlan> {
  const target = `pulumi_aws.${name}`;
  const mapped = (m: string) => PULUMI_MOVED[name]!.member(m);
  const summaries: string[] = [];
  let text = file.text;
  let py = first;
  let reparsed: PyFile | undefined;
  try {
    // `from pulumi_aws import logs`, `import pulumi_aws.logs as logs`: the NameError path knows these.
    const broken = [...new Imports(py).bindings.values()].filter((b) => b.target === target);
    if (broken.some((b) => b.local !== name)) {
      const b = broken.find((x) => x.local !== name)!;
      return { kind: 'refuse', reason: `imports ${target} as \`${b.local}\` (line ${b.statement.startPosition.row + 1}); import pulumi_aws.cloudwatch and rename its uses by hand` };
    }
    if (broken.length) {
      const plan = planParsed(py, name);
      if (plan.kind === 'refuse') return plan;
      if (plan.kind === 'edit') {
        text = plan.text;
        summaries.push(plan.summary.replace(`${pulumiMovedWhy(name)}: `, ''));
        reparsed = await parsePython(file.path, text);
        py = reparsed;
      }
    }
    const edits: Edit[] = [];
    const bound = boundNames(py.root);
    // `from pulumi_aws.logs import LogGroup, MetricFilter`
    for (const stmt of findAll(py.root, 'import_from_statement')) {
      const mod = field(stmt, 'module_name');
      if (mod?.text !== target) continue;
      if (stmt.namedChildren.some((c) => c?.type === 'wildcard_import')) {
        return { kind: 'refuse', reason: `\`from ${target} import *\` (line ${stmt.startPosition.row + 1}): import the pulumi_aws.cloudwatch names it uses by hand` };
      }
      edits.push({ start: mod.startIndex, end: mod.endIndex, text: 'pulumi_aws.cloudwatch' });
      const renamed = renameImported(py, stmt, mapped, bound);
      if ('refuse' in renamed) return { kind: 'refuse', reason: renamed.refuse };
      edits.push(...renamed.edits);
      summaries.push(`\`from ${target} import\` -> \`from pulumi_aws.cloudwatch import\`${renamed.names.length ? ` (${renamed.names.join(', ')})` : ''}`);
    }
    // `aws.logs.LogGroup` with `import pulumi_aws as aws` (or `pulumi_aws.logs.LogGroup`).
    const heads = new Set([...new Imports(py).bindings.values()].filter((b) => b.target === 'pulumi_aws').map((b) => b.local));
    const attrs: string[] = [];
    for (const a of findAll(py.root, 'attribute')) {
      const obj = field(a, 'object');
      if (obj?.type !== 'identifier' || !heads.has(obj.text) || field(a, 'attribute')?.text !== name) continue;
      const outer = a.parent;
      const member = outer?.type === 'attribute' && field(outer, 'object')?.equals(a) ? field(outer, 'attribute')?.text : undefined;
      const line = a.startPosition.row + 1;
      if (!member) return { kind: 'refuse', reason: `\`${a.text}\` is read at line ${line} as a value; ${obj.text}.cloudwatch has the CloudWatch Logs resources under other names, so change it by hand` };
      const to = mapped(member);
      if (!to) return { kind: 'refuse', reason: `stackfix knows no pulumi_aws.cloudwatch equivalent of \`${obj.text}.${name}.${member}\` (line ${line}); rewrite it by hand` };
      edits.push({ start: field(a, 'attribute')!.startIndex, end: outer!.endIndex, text: `cloudwatch.${to}` });
      attrs.push(`${obj.text}.${name}.${member} -> ${obj.text}.cloudwatch.${to}`);
    }
    if (attrs.length) summaries.push([...new Set(attrs)].join(', '));
    if (edits.length) text = applyEdits(text, edits);
    if (text === file.text) return { kind: 'none', fixed: /\bcloudwatch\.(?:Log|Event)\w+|pulumi_aws\.cloudwatch import/.test(file.text) };
    return { kind: 'edit', text, summary: summaries.join('; ') };
  } catch (err) {
    return { kind: 'refuse', reason: `stackfix could not combine the edits (${(err as Error).message})` };
  } finally {
    reparsed?.dispose();
  }
}

/**
 * Renames the names a `from m import a, b as c` statement imports (by `to(name)`), and the
 * file's uses of each one imported without an alias. A name with no replacement refuses.
 */
function renameImported(py: PyFile, stmt: Node, to: (name: string) => string | undefined, bound: Set<string>): { edits: Edit[]; names: string[] } | { refuse: string } {
  const edits: Edit[] = [];
  const names: string[] = [];
  const line = stmt.startPosition.row + 1;
  for (const c of stmt.childrenForFieldName('name')) {
    if (!c) continue;
    const nameNode = c.type === 'aliased_import' ? field(c, 'name')! : c;
    const from = nameNode.text;
    const target = to(from);
    if (!target) return { refuse: `stackfix knows no replacement for \`${from}\` (line ${line}); import what you need from the new module by hand` };
    if (target === from) continue;
    edits.push({ start: nameNode.startIndex, end: nameNode.endIndex, text: target });
    names.push(`${from} -> ${target}`);
    if (c.type === 'aliased_import') continue;
    if (bound.has(target)) return { refuse: `\`${target}\` is already a name in this file, so \`${from}\` (line ${line}) cannot be renamed to it; rename by hand` };
    for (const u of nameUses(py.root, from)) edits.push({ start: u.startIndex, end: u.endIndex, text: target });
  }
  return { edits, names };
}

// ---- CDK v1 core -> aws-cdk-lib v2 ------------------------------------------------------------

function cdkV2(py: PyFile): FilePlan {
  const text = py.text;
  const imports = new Imports(py);
  const edits: Edit[] = [];
  const summaries: string[] = [];
  /** Locals that stand for aws_cdk after the fix; `true` when they were CDK v1's core (members checked). */
  const namespaces = new Map<string, boolean>();
  const toConstructs = new Map<string, string | undefined>(); // name -> alias
  const lineOf = (n: Node) => n.startPosition.row + 1;
  /** Statements removed whole: no anchor for a new import. */
  const deleted = new Set<number>();
  let fixed = false;

  for (const stmt of imports.statements) {
    const mod = field(stmt, 'module_name');
    if (stmt.type === 'import_from_statement' && mod?.text === 'aws_cdk') {
      const names = stmt.childrenForFieldName('name').filter((c): c is Node => !!c);
      const nameOf = (c: Node) => (c.type === 'aliased_import' ? field(c, 'name')!.text : c.text);
      const aliasOf = (c: Node) => (c.type === 'aliased_import' ? field(c, 'alias')!.text : undefined);
      const core = names.filter((c) => nameOf(c) === 'core');
      const moved = names.filter((c) => TO_CONSTRUCTS.has(nameOf(c)));
      if (!core.length && !moved.length) continue;
      const lines: string[] = [];
      for (const c of core) {
        const local = aliasOf(c) ?? 'core';
        namespaces.set(local, true);
        lines.push(local === 'aws_cdk' ? 'import aws_cdk' : `import aws_cdk as ${local}`);
      }
      for (const c of moved) toConstructs.set(nameOf(c), aliasOf(c));
      const removed = [...core, ...moved];
      const kept = names.filter((c) => !removed.some((r) => r.startIndex === c.startIndex));
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      if (!kept.length) {
        // `from aws_cdk import core` alone: the statement becomes `import aws_cdk as core`.
        if (!lines.length) {
          deleted.add(stmt.startIndex);
          const start = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
          const nl = text.indexOf('\n', stmt.endIndex);
          edits.push({ start, end: nl === -1 ? text.length : nl + 1, text: '' });
        } else edits.push({ start: stmt.startIndex, end: stmt.endIndex, text: lines.join(eol) });
      } else {
        const multiline = stmt.startPosition.row !== stmt.endPosition.row;
        if (removed.length === 1 || multiline) {
          for (const r of removed) {
            const e = removeImportName(text, stmt, r);
            if (!e) return { kind: 'refuse', reason: `cannot remove \`${r.text}\` from the import at line ${lineOf(stmt)}; ${CDK_V2_WHY}` };
            edits.push(e);
          }
        } else {
          const paren = stmt.children.some((k) => k?.type === '(');
          const list = kept.map((k) => k.text).join(', ');
          edits.push({ start: stmt.startIndex, end: stmt.endIndex, text: `from aws_cdk import ${paren ? `(${list})` : list}` });
        }
        if (lines.length) edits.push(lineBefore(text, stmt, lines.join(eol)));
      }
      const said = [...lines.map((l) => `\`${l}\``), ...moved.map((m) => `\`${m.text}\` from constructs`)];
      summaries.push(`\`from aws_cdk import ${removed.map((r) => r.text).join(', ')}\` -> ${said.join(', ')} (line ${lineOf(stmt)})`);
    } else if (stmt.type === 'import_from_statement' && mod?.text === 'aws_cdk.core') {
      if (stmt.namedChildren.some((c) => c?.type === 'wildcard_import')) {
        return { kind: 'refuse', reason: `\`from aws_cdk.core import *\` (line ${lineOf(stmt)}): import the names it uses from aws_cdk (and Construct from constructs) by hand` };
      }
      const names = stmt.childrenForFieldName('name').filter((c): c is Node => !!c);
      const nameOf = (c: Node) => (c.type === 'aliased_import' ? field(c, 'name')!.text : c.text);
      const unknown = names.map(nameOf).filter((n) => !TO_CONSTRUCTS.has(n) && !CDK_CORE.has(n) && !V2_CORE_EXTRA.has(n));
      if (unknown.length) return { kind: 'refuse', reason: `aws-cdk-lib v2 has no ${unknown.map((n) => `aws_cdk.${n}`).join(', ')} that stackfix knows of (line ${lineOf(stmt)}); port ${unknown.length > 1 ? 'them' : 'it'} by hand` };
      const moved = names.filter((c) => TO_CONSTRUCTS.has(nameOf(c)));
      for (const c of moved) toConstructs.set(nameOf(c), c.type === 'aliased_import' ? field(c, 'alias')!.text : undefined);
      if (moved.length === names.length) {
        deleted.add(stmt.startIndex);
        const start = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
        const nl = text.indexOf('\n', stmt.endIndex);
        edits.push({ start, end: nl === -1 ? text.length : nl + 1, text: '' });
      } else {
        edits.push({ start: mod.startIndex, end: mod.endIndex, text: 'aws_cdk' });
        if (moved.length === 1 || (moved.length && stmt.startPosition.row !== stmt.endPosition.row)) {
          for (const r of moved) edits.push(removeImportName(text, stmt, r)!);
        } else if (moved.length) {
          const kept = names.filter((c) => !moved.includes(c)).map((k) => k.text).join(', ');
          const paren = stmt.children.some((k) => k?.type === '(');
          edits.splice(-1, 1, { start: stmt.startIndex, end: stmt.endIndex, text: `from aws_cdk import ${paren ? `(${kept})` : kept}` });
        }
      }
      summaries.push(`\`from aws_cdk.core import\` -> \`from aws_cdk import\` (line ${lineOf(stmt)})`);
    } else if (stmt.type === 'import_statement') {
      for (const c of stmt.childrenForFieldName('name')) {
        if (!c) continue;
        const dottedName = c.type === 'aliased_import' ? field(c, 'name')! : c;
        if (dottedName.text === 'aws_cdk' && c.type === 'aliased_import') {
          namespaces.set(field(c, 'alias')!.text, false);
          fixed = true;
        }
        if (dottedName.text !== 'aws_cdk.core') continue;
        if (c.type !== 'aliased_import') {
          return { kind: 'refuse', reason: `\`import aws_cdk.core\` (line ${lineOf(stmt)}): write \`import aws_cdk\` and read \`aws_cdk.X\` instead of \`aws_cdk.core.X\` by hand` };
        }
        namespaces.set(field(c, 'alias')!.text, true);
        edits.push({ start: dottedName.startIndex, end: dottedName.endIndex, text: 'aws_cdk' });
        summaries.push(`\`import aws_cdk.core as ${field(c, 'alias')!.text}\` -> \`import aws_cdk as ${field(c, 'alias')!.text}\` (line ${lineOf(stmt)})`);
      }
    }
  }

  // `core.Construct` -> `Construct` (from constructs); other members must exist in v2.
  const unknown = new Set<string>();
  const rewritten = new Set<string>();
  for (const [local, wasCore] of namespaces) {
    for (const u of nameUses(py.root, local)) {
      const p = u.parent;
      const member = p?.type === 'attribute' && field(p, 'object')?.equals(u) ? field(p, 'attribute')?.text : undefined;
      if (!member) {
        if (wasCore) return { kind: 'refuse', reason: `\`${local}\` is read at line ${lineOf(u)} as a value, not as \`${local}.<name>\`; port it to aws-cdk-lib v2 by hand` };
        continue;
      }
      if (TO_CONSTRUCTS.has(member)) {
        if (!toConstructs.has(member)) toConstructs.set(member, undefined);
        edits.push({ start: p!.startIndex, end: p!.endIndex, text: toConstructs.get(member) ?? member });
        rewritten.add(`${local}.${member} -> ${toConstructs.get(member) ?? member}`);
      } else if (wasCore && !CDK_CORE.has(member) && !V2_CORE_EXTRA.has(member)) unknown.add(`${local}.${member} (line ${lineOf(u)})`);
      if (wasCore && member === 'Tag' && p?.parent?.type === 'attribute' && field(p.parent, 'attribute')?.text === 'add') {
        return { kind: 'refuse', reason: `\`${local}.Tag.add(...)\` (line ${lineOf(u)}) was removed in aws-cdk-lib v2; write \`${local}.Tags.of(scope).add(key, value)\` by hand` };
      }
    }
  }
  if (rewritten.size) summaries.push([...rewritten].join(', '));
  if (unknown.size) return { kind: 'refuse', reason: `aws-cdk-lib v2 has no ${[...unknown].join(', ')} that stackfix knows of; port ${unknown.size > 1 ? 'them' : 'it'} by hand` };

  if (toConstructs.size) {
    const wanted: string[] = [];
    const bound = boundNames(py.root);
    for (const [name, alias] of toConstructs) {
      const local = alias ?? name;
      if (imports.localFor(`constructs.${name}`) === local) continue;
      const existing = imports.bindings.get(local);
      // The name is bound by the statement being rewritten (`from aws_cdk import Construct`): fine.
      if (bound.has(local) && !(existing && /^aws_cdk(?:\.core)?\.\w+$/.test(existing.target))) {
        return { kind: 'refuse', reason: `\`${local}\` is already a name in this file, so Construct cannot be imported from constructs under it; do it by hand` };
      }
      wanted.push(alias ? `${name} as ${alias}` : name);
    }
    if (wanted.length) {
      // Next to the CDK imports (before the project's own), unless constructs is imported already.
      const entry = wanted.join(', ');
      const existing = imports.fromStatements('constructs').some((st) => !st.namedChildren.some((c) => c?.type === 'wildcard_import'));
      const cdkRoot = (st: Node) => (field(st, 'module_name')?.text ?? st.childrenForFieldName('name')[0]?.text ?? '').split(/[.\s]/)[0] === 'aws_cdk';
      const anchor = [...imports.statements].reverse().find((st) => cdkRoot(st) && !deleted.has(st.startIndex));
      edits.push(!existing && anchor ? lineAfter(text, anchor, `from constructs import ${entry}`) : imports.addFromImport('constructs', entry));
      summaries.push(`\`from constructs import ${wanted.join(', ')}\``);
    }
  }
  if (!edits.length) return { kind: 'none', fixed: fixed || /^from constructs import/m.test(text) };
  try {
    return { kind: 'edit', text: applyEdits(text, edits), summary: summaries.join('; ') };
  } catch (err) {
    return { kind: 'refuse', reason: `stackfix could not combine the edits (${(err as Error).message}); ${CDK_V2_WHY}` };
  }
}

// ---- a provider class renamed with an `A` suffix ----------------------------------------------

function renameMember(py: PyFile, move: Extract<Move, { kind: 'rename' }>): FilePlan {
  const edits: Edit[] = [];
  const names: string[] = [];
  const bound = boundNames(py.root);
  for (const stmt of findAll(py.root, 'import_from_statement')) {
    if (field(stmt, 'module_name')?.text !== move.module) continue;
    const r = renameImported(py, stmt, (n) => (n === move.from ? move.to : n), bound);
    if ('refuse' in r) return { kind: 'refuse', reason: r.refuse };
    edits.push(...r.edits);
    names.push(...r.names);
  }
  if (!edits.length) return { kind: 'none', fixed: py.text.includes(move.to) };
  return { kind: 'edit', text: applyEdits(py.text, edits), summary: `${move.from} -> ${move.to}` };
}

// ---- moto 5: mock_<service> -> mock_aws -------------------------------------------------------

const MOTO_MOCK = /^mock_(?!aws$)\w+$/;

function motoMockAws(py: PyFile): FilePlan {
  const text = py.text;
  const edits: Edit[] = [];
  const lineOf = (n: Node) => n.startPosition.row + 1;
  const renamed = new Set<string>();
  let hasMockAws = new Imports(py).localFor('moto.mock_aws') === 'mock_aws';
  for (const stmt of findAll(py.root, 'import_from_statement')) {
    if (field(stmt, 'module_name')?.text !== 'moto') continue;
    const names = stmt.childrenForFieldName('name').filter((c): c is Node => !!c);
    const old = names.filter((c) => MOTO_MOCK.test(c.type === 'aliased_import' ? field(c, 'name')!.text : c.text));
    if (!old.length) continue;
    const aliased = old.find((c) => c.type === 'aliased_import');
    if (aliased) return { kind: 'refuse', reason: `\`${aliased.text}\` (line ${lineOf(stmt)}) is imported under another name; import mock_aws and use it there by hand` };
    for (const c of old) renamed.add(c.text);
    const kept = names.filter((c) => !old.includes(c));
    const list = [...(hasMockAws ? [] : ['mock_aws']), ...kept.map((k) => k.text)];
    hasMockAws = true;
    if (!list.length) {
      const start = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
      const nl = text.indexOf('\n', stmt.endIndex);
      edits.push({ start, end: nl === -1 ? text.length : nl + 1, text: '' });
    } else if (old.length === 1 && list[0] === 'mock_aws') {
      edits.push({ start: old[0]!.startIndex, end: old[0]!.endIndex, text: 'mock_aws' });
    } else {
      const paren = stmt.children.some((k) => k?.type === '(');
      edits.push({ start: stmt.startIndex, end: stmt.endIndex, text: `from moto import ${paren ? `(${list.join(', ')})` : list.join(', ')}` });
    }
  }
  // `import moto` ... `@moto.mock_s3`
  const attrs = findAll(py.root, 'attribute').filter((a) => field(a, 'object')?.text === 'moto' && MOTO_MOCK.test(field(a, 'attribute')?.text ?? ''));
  if (!renamed.size && !attrs.length) return { kind: 'none', fixed: /\bmock_aws\b/.test(text) };
  const uses: Node[] = [...attrs.map((a) => field(a, 'attribute')!)];
  for (const name of renamed) uses.push(...nameUses(py.root, name));
  // Stacked decorators that all become @mock_aws: keep one.
  const dropped = new Set<number>();
  for (const def of findAll(py.root, 'decorated_definition')) {
    const decorators = def.namedChildren.filter((c): c is Node => c?.type === 'decorator');
    const mocks = decorators.filter((d) => {
      const e = d.namedChildren[0];
      const head = e?.type === 'call' ? field(e, 'function') : e;
      return !!head && (renamed.has(head.text) || head.text === 'mock_aws' || (head.type === 'attribute' && field(head, 'object')?.text === 'moto' && /^mock_\w+$/.test(field(head, 'attribute')?.text ?? '')));
    });
    for (const d of mocks.slice(1)) {
      const start = text.lastIndexOf('\n', d.startIndex - 1) + 1;
      const nl = text.indexOf('\n', d.endIndex);
      edits.push({ start, end: nl === -1 ? text.length : nl + 1, text: '' });
      dropped.add(d.startIndex);
    }
  }
  for (const u of uses) {
    const dec = findAncestor(u, 'decorator');
    if (dec && dropped.has(dec.startIndex)) continue;
    const withItems = findAncestor(u, 'with_clause');
    if (withItems && withItems.namedChildren.filter((c) => c && uses.some((x) => x.startIndex >= c.startIndex && x.endIndex <= c.endIndex)).length > 1) {
      return { kind: 'refuse', reason: `line ${lineOf(u)} enters several moto mocks in one \`with\`; use a single \`with mock_aws():\` there by hand` };
    }
    edits.push({ start: u.startIndex, end: u.endIndex, text: 'mock_aws' });
  }
  try {
    return { kind: 'edit', text: applyEdits(text, edits), summary: `${[...renamed, ...attrs.map((a) => a.text)].join(', ')} -> mock_aws` };
  } catch (err) {
    return { kind: 'refuse', reason: `stackfix could not combine the edits (${(err as Error).message}); import mock_aws from moto and use it by hand` };
  }
}

function findAncestor(node: Node, type: string): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === type) return n;
  return undefined;
}

// Deprecated static methods with per-generation replacements (deprecations.ts METHOD_DEPRECATIONS):
// `ec2.MachineImage.latestAmazonLinux({ generation: ec2.AmazonLinuxGeneration.AMAZON_LINUX_2, cpuType })`
// -> `ec2.MachineImage.latestAmazonLinux2({ cpuType })`. The selector prop picks the method and
// is dropped; the other props must be ones the new method takes, else the call is refused.
import type { Collection, JSCodeshift } from 'jscodeshift';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import type { MethodDeprecation } from './deprecations.js';
import { moduleBindings } from '../shared/jscodeshift.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

export interface MethodOutcome {
  text?: string;
  refused?: string;
  already?: boolean;
  changed: number;
  /** Calls without the selector: they took the old default (Amazon Linux 1). */
  defaulted: number;
}

/** The class's local names: `ec2.MachineImage`, `cdk.aws_ec2.MachineImage`, `MachineImage` or its alias. */
function classRefs(j: JSCodeshift, root: Collection, row: MethodDeprecation): Set<string> {
  const out = new Set<string>();
  const sub = new Set([`aws-cdk-lib/${row.module.replace(/_/g, '-')}`]);
  for (const b of moduleBindings(j, root)) {
    const ns = b.imported === '*' || b.imported === 'default';
    if (sub.has(b.module)) {
      if (ns) out.add(`${b.local}.${row.class}`);
      else if (b.imported === row.class) out.add(b.local);
    } else if (b.module === 'aws-cdk-lib') {
      if (ns) out.add(`${b.local}.${row.module}.${row.class}`);
      else if (b.imported === row.module) out.add(`${b.local}.${row.class}`);
    }
  }
  return out;
}

function dotted(node: AnyNode): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  if (node?.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const left = dotted(node.object);
    return left === undefined ? undefined : `${left}.${node.property.name}`;
  }
  return undefined;
}

/** Text ranges that remove one element of a comma-separated list, with its separator. */
export function removeFromList(items: { start: number; end: number }[], index: number): Edit {
  const item = items[index]!;
  if (index < items.length - 1) return { start: item.start, end: items[index + 1]!.start, text: '' };
  return { start: items[index - 1]!.end, end: item.end, text: '' };
}

export function transformMethod(j: JSCodeshift, source: string, row: MethodDeprecation, preferred?: string): MethodOutcome {
  const root = j(source);
  const refs = classRefs(j, root, row);
  const out: MethodOutcome = { changed: 0, defaulted: 0 };
  if (!refs.size) return out;
  const newMethods = new Set(Object.values(row.replacements).map((r) => r.method));
  const edits: Edit[] = [];
  root.find(j.CallExpression).forEach((path) => {
    if (out.refused) return;
    const call = path.node as AnyNode;
    const callee = call.callee;
    if (callee?.type !== 'MemberExpression' || callee.computed || !refs.has(dotted(callee.object) ?? '')) return;
    const name = callee.property.name;
    if (newMethods.has(name)) out.already = true;
    if (name !== row.method) return;
    const line = call.loc?.start.line ?? '?';
    const refuse = (why: string) => (out.refused = `${row.class}.${row.method} at line ${line}: ${why}`);
    if (call.arguments.length > 1) return refuse('unexpected arguments');
    const props = call.arguments[0] as AnyNode;
    if (props && props.type !== 'ObjectExpression') return refuse('the props are built elsewhere; pick the replacement method by hand');
    const list: AnyNode[] = props?.properties ?? [];
    if (list.some((p) => p.type !== 'ObjectProperty' && p.type !== 'Property' || p.computed)) return refuse('the props spread or compute keys; pick the replacement method by hand');
    const key = (p: AnyNode) => (p.key.type === 'Identifier' ? p.key.name : String(p.key.value));
    const selIndex = list.findIndex((p) => key(p) === row.selector);
    let member = '';
    if (selIndex >= 0) {
      const v = list[selIndex].value;
      const d = dotted(v);
      const m = d ? new RegExp(`(?:^|\\.)${row.selectorEnum}\\.(\\w+)$`).exec(d) : null;
      if (!m) return refuse(`${row.selector} is computed; pick the replacement method by hand`);
      member = m[1]!;
    }
    let target = row.replacements[member];
    if (!member && preferred && [...newMethods].includes(preferred)) target = Object.values(row.replacements).find((r) => r.method === preferred);
    if (!target) return refuse(`${row.selectorEnum}.${member} has no replacement method this fix knows`);
    const extra = list.filter((p, i) => i !== selIndex && !target!.props.includes(key(p)));
    if (extra.length) return refuse(`${extra.map(key).join(', ')} ${extra.length > 1 ? 'do' : 'does'} not carry over to ${row.class}.${target.method}; move ${extra.length > 1 ? 'them' : 'it'} by hand`);
    edits.push({ start: callee.property.start, end: callee.property.end, text: target.method });
    if (selIndex >= 0) {
      if (list.length === 1) edits.push({ start: props.start, end: props.end, text: '' });
      else edits.push(removeFromList(list, selIndex));
    }
    if (selIndex < 0) out.defaulted++;
    out.changed++;
  });
  if (out.refused || !out.changed) return out;
  out.text = applyEdits(source, edits);
  return out;
}

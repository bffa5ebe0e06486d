// locate, synth output: the names a deploy log prints lead back to construct paths when the
// project holds what synth wrote.
//
// CDK: CloudFormation prints logical ids (`OrdersDatabase5A1C2E3F`); cdk.out/<Stack>.template.json
// (and nested stacks' *.nested.template.json) carry `"Metadata": {"aws:cdk:path": "OrdersStack/
// OrdersDatabase/Resource"}` for each resource.
//
// CDKTF: Terraform prints resource addresses from the synthesized cdk.tf.json
// (`aws_db_instance.orders_db_5F3A2C1B`), not construct paths. When the project holds the
// synth output (cdktf.out/stacks/<stack>/cdk.tf.json), each resource's `"//": {"metadata":
// {"path": "<stack>/<construct>/..."}}` gives the construct path the source declares.
import fs from 'node:fs';
import path from 'node:path';

/** A synthesized stack bigger than this is not read (a generated monster, not worth the memory). */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

interface StackIndex {
  stack: string;
  /** `aws_db_instance.orders_db_5F3A2C1B` or `data.aws_region.current` -> construct path. */
  paths: Map<string, string>;
}

export class CdktfIndex {
  private constructor(private readonly stacks: StackIndex[]) {}

  /** The index of the project's cdktf.out, or undefined when there is none. */
  static load(root: string): CdktfIndex | undefined {
    const dir = path.join(root, 'cdktf.out', 'stacks');
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      return undefined;
    }
    const stacks: StackIndex[] = [];
    for (const stack of names) {
      const file = path.join(dir, stack, 'cdk.tf.json');
      try {
        const real = fs.realpathSync(file);
        if (!real.startsWith(fs.realpathSync(root) + path.sep)) continue;
        if (fs.statSync(real).size > MAX_JSON_BYTES) continue;
        stacks.push({ stack, paths: indexDocument(JSON.parse(fs.readFileSync(real, 'utf8')) as unknown) });
      } catch {
        continue; // a missing or broken synth output only means no mapping
      }
    }
    return stacks.length ? new CdktfIndex(stacks) : undefined;
  }

  /**
   * The construct path of a Terraform address (indexes `[0]` / `["a"]` dropped), preferring the
   * stack the log named; undefined when unknown or when two stacks disagree.
   */
  constructPath(address: string, stack?: string): string | undefined {
    const key = address.replace(/\[[^\]]*\]/g, '');
    const own = stack ? this.stacks.find((s) => s.stack === stack)?.paths.get(key) : undefined;
    if (own) return own;
    const found = new Set(this.stacks.map((s) => s.paths.get(key)).filter((p): p is string => p !== undefined));
    return found.size === 1 ? [...found][0] : undefined;
  }
}

function indexDocument(doc: unknown): Map<string, string> {
  const paths = new Map<string, string>();
  if (!doc || typeof doc !== 'object') return paths;
  const sections: Array<[string, string]> = [['resource', ''], ['data', 'data.']];
  for (const [section, prefix] of sections) {
    const byType = (doc as Record<string, unknown>)[section];
    if (!byType || typeof byType !== 'object') continue;
    for (const [type, byName] of Object.entries(byType as Record<string, unknown>)) {
      if (!byName || typeof byName !== 'object') continue;
      for (const [name, body] of Object.entries(byName as Record<string, unknown>)) {
        const meta = (body as { '//'?: { metadata?: { path?: unknown } } } | null)?.['//']?.metadata;
        if (typeof meta?.path === 'string') paths.set(`${prefix}${type}.${name}`, meta.path);
      }
    }
  }
  return paths;
}

/** CDK's cdk.out: logical id -> `aws:cdk:path`, per stack template. */
export class CdkOutIndex {
  private constructor(private readonly stacks: Array<{ stack: string; paths: Map<string, string> }>) {}

  static load(root: string): CdkOutIndex | undefined {
    const dir = path.join(root, 'cdk.out');
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.template.json')).sort();
    } catch {
      return undefined;
    }
    const stacks: Array<{ stack: string; paths: Map<string, string> }> = [];
    const realRoot = fs.realpathSync(root);
    for (const name of names) {
      try {
        const real = fs.realpathSync(path.join(dir, name));
        if (!real.startsWith(realRoot + path.sep) || fs.statSync(real).size > MAX_JSON_BYTES) continue;
        const doc = JSON.parse(fs.readFileSync(real, 'utf8')) as { Resources?: Record<string, { Metadata?: Record<string, unknown> }> };
        const paths = new Map<string, string>();
        for (const [id, res] of Object.entries(doc.Resources ?? {})) {
          const p = res?.Metadata?.['aws:cdk:path'];
          if (typeof p === 'string') paths.set(id, p);
        }
        stacks.push({ stack: name.replace(/\.(?:nested\.)?template\.json$/, ''), paths });
      } catch {
        continue;
      }
    }
    return stacks.length ? new CdkOutIndex(stacks) : undefined;
  }

  /** The construct path of a logical id; undefined when unknown or ambiguous across stacks. */
  constructPath(logicalId: string, stack?: string): string | undefined {
    const own = stack ? this.stacks.find((s) => s.stack === stack)?.paths.get(logicalId) : undefined;
    if (own) return own;
    const found = new Set(this.stacks.map((s) => s.paths.get(logicalId)).filter((p): p is string => p !== undefined));
    return found.size === 1 ? [...found][0] : undefined;
  }
}

// What a module's names refer to (`kms` -> `aws_cdk.aws_kms`, `aws` -> `pulumi_aws`) and how
// to add an import in the file's own style: into an existing `from m import (...)` list,
// keeping its layout and trailing comma, or as a new line after the last import.
import type { Edit } from './edits.js';
import type { Node, PyFile } from './parser.js';
import { eolOf, field, walk } from './syntax.js';

export interface ImportBinding {
  /** Local name. */
  local: string;
  /** What it refers to, fully qualified: `aws_cdk.aws_kms`, `pulumi_aws`, `aws_cdk.aws_kms.Key`. */
  target: string;
  statement: Node;
}

export class Imports {
  readonly bindings = new Map<string, ImportBinding>();
  /** Top-level import statements, in order. */
  readonly statements: Node[] = [];

  constructor(readonly file: PyFile) {
    for (const stmt of file.root.namedChildren) {
      if (!stmt) continue;
      if (stmt.type === 'import_statement' || stmt.type === 'import_from_statement' || stmt.type === 'future_import_statement') this.statements.push(stmt);
    }
    // Imports inside functions and `if TYPE_CHECKING:` blocks bind names too.
    walk(file.root, (n) => {
      if (n.type === 'import_statement') this.bindImport(n);
      else if (n.type === 'import_from_statement') this.bindFrom(n);
    });
  }

  private bindImport(stmt: Node): void {
    for (const c of stmt.childrenForFieldName('name')) {
      if (!c) continue;
      if (c.type === 'aliased_import') {
        const alias = field(c, 'alias')!.text;
        this.bindings.set(alias, { local: alias, target: field(c, 'name')!.text, statement: stmt });
      } else {
        // `import aws_cdk.aws_kms` binds `aws_cdk`.
        const first = c.text.split('.')[0]!;
        if (!this.bindings.has(first)) this.bindings.set(first, { local: first, target: first, statement: stmt });
      }
    }
  }

  private bindFrom(stmt: Node): void {
    const mod = field(stmt, 'module_name');
    if (!mod || mod.type === 'relative_import') return; // relative imports name project modules
    for (const c of stmt.childrenForFieldName('name')) {
      if (!c) continue;
      const name = c.type === 'aliased_import' ? field(c, 'name')!.text : c.text;
      const local = c.type === 'aliased_import' ? field(c, 'alias')!.text : c.text;
      this.bindings.set(local, { local, target: `${mod.text}.${name}`, statement: stmt });
    }
  }

  /** `kms.Key` -> `aws_cdk.aws_kms.Key` through the imports; undefined when the head is not imported. */
  qualify(dottedName: string | undefined): string | undefined {
    if (!dottedName) return undefined;
    const [head, ...rest] = dottedName.split('.');
    const b = this.bindings.get(head!);
    if (!b) return undefined;
    return [b.target, ...rest].join('.');
  }

  /** The local name that refers to a module or member (`aws_cdk.aws_iam` -> `iam`), if any. */
  localFor(target: string): string | undefined {
    for (const b of this.bindings.values()) if (b.target === target) return b.local;
    return undefined;
  }

  /** A local dotted path to target (`aws_cdk.aws_iam.PolicyStatement` -> `iam.PolicyStatement`), if the imports give one. */
  reach(target: string): string | undefined {
    const parts = target.split('.');
    for (let i = parts.length; i >= 1; i--) {
      const local = this.localFor(parts.slice(0, i).join('.'));
      if (local) return [local, ...parts.slice(i)].join('.');
    }
    return undefined;
  }

  /** The top-level `from <module> import ...` statements. */
  fromStatements(module: string): Node[] {
    return this.statements.filter((s) => s.type === 'import_from_statement' && field(s, 'module_name')?.text === module);
  }

  /**
   * An edit that makes `from <module> import <name> [as <alias>]` true: added to the first
   * existing `from <module> import` statement (not a wildcard), else a new line after the
   * last top-level import (after a docstring and `from __future__` when there are none).
   */
  addFromImport(module: string, name: string, alias?: string): Edit {
    const entry = alias && alias !== name ? `${name} as ${alias}` : name;
    const existing = this.fromStatements(module).find((s) => !s.namedChildren.some((c) => c?.type === 'wildcard_import'));
    if (existing) return addToFromList(this.file.text, existing, entry);
    return this.newImportLine(`from ${module} import ${entry}`);
  }

  /** An edit adding `import <module> [as <alias>]` as a new line. */
  addImport(module: string, alias?: string): Edit {
    return this.newImportLine(alias && alias !== module ? `import ${module} as ${alias}` : `import ${module}`);
  }

  private newImportLine(line: string): Edit {
    const text = this.file.text;
    const eol = eolOf(text);
    const last = this.statements.filter((s) => s.type !== 'future_import_statement').at(-1) ?? this.statements.at(-1);
    if (last) {
      const end = endOfLine(text, last.endIndex);
      return { start: end, end, text: `${eol}${line}` };
    }
    // No imports: after the module docstring and leading comments, else at the top.
    const first = this.file.root.namedChildren.find((c) => c && c.type !== 'comment');
    if (first && first.type === 'expression_statement' && first.namedChildren[0]?.type === 'string') {
      const end = endOfLine(text, first.endIndex);
      return { start: end, end, text: `${eol}${eol}${line}` };
    }
    const at = first ? first.startIndex - (first.startPosition.column) : text.length;
    return { start: at, end: at, text: `${line}${eol}${first ? eol : ''}` };
  }
}

/** Index of the line end (before any `\r\n`/`\n`) of the line that contains index. */
function endOfLine(text: string, index: number): number {
  let nl = text.indexOf('\n', index);
  if (nl === -1) return text.length;
  if (text[nl - 1] === '\r') nl--;
  // A trailing comment on the statement's last line stays on it.
  return nl;
}

/**
 * Adds `entry` (`name` or `name as alias`) to the given `from m import a, b` / `(a, b)` /
 * one-per-line `(\n a,\n b,\n)` statement in its style (Imports.addFromImport picks the
 * module's first statement; callers that know better pick their own).
 */
export function addToFromList(text: string, stmt: Node, entry: string): Edit {
  const names = stmt.childrenForFieldName('name').filter((c): c is Node => !!c);
  const last = names.at(-1)!;
  const kids = stmt.children.filter((c): c is Node => !!c);
  const close = kids.find((c) => c.type === ')');
  const multiline = close !== undefined && names.length > 0 && names[0]!.startPosition.row !== stmt.startPosition.row;
  if (multiline) {
    // One name per line: a new line with the last name's indent; keep the trailing comma style.
    const lastIdx = kids.findIndex((k) => k.startIndex === last.startIndex && k.type === last.type);
    const trailing = kids[lastIdx + 1]?.type === ',';
    const eol = eolOf(text);
    const lineStartOfLast = text.lastIndexOf('\n', last.startIndex - 1) + 1;
    const indent = text.slice(lineStartOfLast, last.startIndex);
    const onePerLine = new Set(names.map((n) => n.startPosition.row)).size === names.length;
    if (/^[ \t]*$/.test(indent) && onePerLine) {
      if (trailing) {
        // after the comma (and any comment on that line)
        const comma = kids[lastIdx + 1]!;
        const end = endOfLine(text, comma.endIndex);
        return { start: end, end, text: `${eol}${indent}${entry},` };
      }
      // No trailing comma: one after the last name, the new name on its own line (a comment
      // after the last name stays with it).
      const end = endOfLine(text, last.endIndex);
      return { start: last.endIndex, end, text: `,${text.slice(last.endIndex, end)}${eol}${indent}${entry}` };
    }
  }
  return { start: last.endIndex, end: last.endIndex, text: `, ${entry}` };
}

// TypeScript transform of rename-ts-property. The place comes from the compiler: the event's
// location (tsc's `file(line,col)` / `file:line:col`), else the file and line the message kept,
// else the only object literal in the project that sets the property. The key is renamed in
// place (a quoted key keeps its quotes, `{ keyPolicy }` becomes `{ policy: keyPolicy }`).
import type { ts as TsNamespace } from 'ts-morph';
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { applySplices } from '../add-logs-kms-statement/source.js';
import { lineOf, parsesCleanly, parseTs, propName, walkTs, type TS, type TsFile } from '../shared/ts-source.js';

/**
 * Suggestions whose value changes shape too: the compiler names the list property, and the
 * single object the old key held becomes its only item (Pulumi aws.codepipeline.Pipeline).
 */
const TO_LIST: Record<string, string> = { artifactStore: 'artifactStores' };

const capture = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

/** Where a setting the compiler rejects (TS2353) lives instead, from src/data/ts-property-moves.json. */
async function knownMove(typeName: string, property: string): Promise<string | undefined> {
  const { readFile } = await import('node:fs/promises');
  const table = JSON.parse(await readFile(new URL('../../src/data/ts-property-moves.json', import.meta.url), 'utf8')) as {
    moves: Array<{ typeName: string; property: string; guidance: string }>;
  };
  return table.moves.find((m) => m.typeName === typeName && m.property === property)?.guidance;
}

interface Key {
  file: TsFile;
  prop: TsNamespace.PropertyAssignment | TsNamespace.ShorthandPropertyAssignment;
  obj: TsNamespace.ObjectLiteralExpression;
  line: number;
}

function keysNamed(ts: TS, file: TsFile, name: string): Key[] {
  const out: Key[] = [];
  walkTs(ts, file.sf, (n) => {
    if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && ts.isObjectLiteralExpression(n.parent) && propName(ts, n.name) === name) {
      out.push({ file, prop: n, obj: n.parent, line: lineOf(file, n) });
    }
  });
  return out;
}

/** The project file a compiler path names: equal, or one ends with the other at a `/`. */
function sameFile(project: string, reported: string): boolean {
  const r = reported.replace(/\\/g, '/').replace(/^\.\//, '');
  return project === r || r.endsWith(`/${project}`) || project.endsWith(`/${r}`);
}

type Splice = { pos: number; end: number; text: string };
type Rename = { key: Key; splices: Splice[] } | CodemodResult;

/** The one key to rename among the candidates found at `where`, or why not. */
async function resolve(ts: TS, ctx: CodemodContext, where: string, candidates: Key[], renamedThere: Key[]): Promise<Rename> {
  const property = capture(ctx.captures.property);
  const replacement = capture(ctx.captures.replacement);
  const typeName = capture(ctx.captures.typeName) || 'its type';
  if (candidates.length === 0) {
    if (renamedThere.length) return { status: 'already-fixed', reason: `${where} already sets '${replacement}'`, edits: {} };
    return { status: 'not-found', reason: `no object literal key '${property}' at ${where}`, edits: {} };
  }
  if (candidates.length > 1) return { status: 'refused', reason: `${where} sets '${property}' ${candidates.length} times; rename the one passed as ${typeName} by hand`, edits: {} };
  const key = candidates[0]!;
  const at = `${key.file.path}:${key.line}`;
  if (!replacement) {
    const move = await knownMove(capture(ctx.captures.typeName), property);
    return {
      status: 'refused',
      reason: move
        ? `${typeName} has no property '${property}' (${at}): ${move}`
        : `${typeName} has no property '${property}' (${at}) and the compiler suggests none: check ${typeName} in the library's docs for the current name, a nested prop that holds it, or a sibling resource, and change it by hand`,
      edits: {},
    };
  }
  const clash = key.obj.properties.find((p) => p !== key.prop && p.name && propName(ts, p.name) === replacement);
  if (clash) return { status: 'refused', reason: `the object at ${at} sets both '${property}' and '${replacement}'; keep one by hand`, edits: {} };

  const sf = key.file.sf;
  const splices: Splice[] = [];
  const name = key.prop.name;
  if (ts.isShorthandPropertyAssignment(key.prop)) {
    splices.push({ pos: name.getStart(sf), end: name.getEnd(), text: `${replacement}: ${property}` });
  } else {
    const q = ts.isStringLiteral(name) ? name.getText(sf)[0]! : '';
    splices.push({ pos: name.getStart(sf), end: name.getEnd(), text: `${q}${replacement}${q}` });
    if (TO_LIST[property] === replacement && ts.isObjectLiteralExpression(key.prop.initializer)) {
      splices.push({ pos: key.prop.initializer.getStart(sf), end: key.prop.initializer.getStart(sf), text: '[' });
      splices.push({ pos: key.prop.initializer.getEnd(), end: key.prop.initializer.getEnd(), text: ']' });
    }
  }
  return { key, splices };
}

/** The candidates at a line the compiler reports, or why there is no such file. */
function atLine(ts: TS, files: TsFile[], reportedFile: string, reportedLine: number, property: string, replacement: string) {
  const file = files.find((f) => sameFile(f.path, reportedFile));
  const where = `${file?.path ?? reportedFile}:${reportedLine}`;
  if (!file) return { where, missing: true, candidates: [] as Key[], renamedThere: [] as Key[] };
  return {
    where,
    missing: false,
    candidates: keysNamed(ts, file, property).filter((k) => k.line === reportedLine),
    renamedThere: replacement ? keysNamed(ts, file, replacement).filter((k) => k.line === reportedLine) : [],
  };
}

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const { ts } = await import('ts-morph');
  const property = capture(ctx.captures.property);
  const replacement = capture(ctx.captures.replacement);
  const typeName = capture(ctx.captures.typeName) || 'its type';
  if (!property) return { status: 'refused', reason: 'the message names no property', edits: {} };
  const reportedFile = ctx.location?.file ?? capture(ctx.captures.file);
  const reportedLine = ctx.location?.line ?? Number(capture(ctx.captures.line) || capture(ctx.captures.prettyLine) || 0);
  const notInProject = (file: string, line: number): CodemodResult => ({
    status: 'not-found',
    reason: `the compiler reports ${file}:${line}, which is not a TypeScript file of the project that mentions '${property}'`,
    edits: {},
  });

  const files = ctx.files.map((f) => parseTs(ts, f.path, f.text)).filter(parsesCleanly);
  // The same error at several places (one finding): every place must be certain, or none is changed.
  const places = ctx.locations && ctx.locations.length > 1 ? ctx.locations : reportedFile && reportedLine ? [{ file: reportedFile, line: reportedLine }] : [];
  const renames: Array<{ key: Key; splices: Splice[] }> = [];
  let already: CodemodResult | undefined;
  if (places.length) {
    for (const place of places) {
      const found = atLine(ts, files, place.file, place.line, property, replacement);
      if (found.missing) return notInProject(place.file, place.line);
      const r = await resolve(ts, ctx, found.where, found.candidates, found.renamedThere);
      if ('key' in r) renames.push(r);
      else if (r.status === 'already-fixed') already ??= r;
      else return places.length > 1 ? { ...r, reason: `${r.reason} (one of the ${places.length} places the compiler reports; none was changed)` } : r;
    }
  } else {
    const candidates = files.flatMap((f) => keysNamed(ts, f, property));
    const renamedThere = replacement ? files.flatMap((f) => keysNamed(ts, f, replacement)) : [];
    if (candidates.length > 1) {
      return { status: 'refused', reason: `${candidates.length} object literals set '${property}' (${candidates.map((k) => `${k.file.path}:${k.line}`).join(', ')}) and the log gives no file and line; rename the one passed as ${typeName} by hand`, edits: {} };
    }
    const r = await resolve(ts, ctx, 'the project', candidates, renamedThere);
    if (!('key' in r)) return r;
    renames.push(r);
  }
  if (renames.length === 0) return already!;

  const edits: Record<string, string> = {};
  for (const file of new Set(renames.map((r) => r.key.file))) {
    edits[file.path] = applySplices(file.text, renames.filter((r) => r.key.file === file).flatMap((r) => r.splices));
  }
  const ats = renames.map((r) => `${r.key.file.path}:${r.key.line}`);
  const listNote = renames.some((r) => r.splices.length > 1) ? ` (its value becomes the list's only item)` : '';
  return {
    status: 'proposed',
    reason: `'${property}' -> '${replacement}' in the ${typeName} literal${ats.length > 1 ? 's' : ''} at ${ats.join(', ')}${listNote}, as the compiler suggests`,
    edits,
  };
}

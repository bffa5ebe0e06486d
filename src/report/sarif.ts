// --format sarif: SARIF 2.1.0 in the shape GitHub code scanning accepts. One rule per signature
// that produced a result (or every signature with `allRules`), one result per finding located
// at the first line its fix changes (not an import it adds) or, without a fix, at the source line
// the log names (when in the project) or the evidence line of the log; URIs
// relative to --project under %SRCROOT%; the fix itself as `fixes[].artifactChanges`.
// SARIF plain-text messages may embed links, `[text](target)`; a `[` or `]` from the log is
// escaped with a backslash (SARIF 2.1.0, 3.11.6) so that it stays text.
import { pathToFileURL } from 'node:url';
import type { Signature } from '../classify/catalogue.js';
import { inlineMarkdown } from '../redact/markdown.js';
import { type CiContext, type FindingView, type Region, fence, logFromCwd, logFromProject, patchBody, prose, views } from './changes.js';

/** Plain message text with no embedded links. */
const plain = (text: string) => text.replace(/[[\]]/g, '\\$&');

type Rule = Pick<Signature, 'id' | 'title' | 'severity' | 'kind' | 'message' | 'fix' | 'references'>;

export interface SarifOptions {
  /** The catalogue, for rule descriptions; rules come from the findings without it. */
  signatures?: Rule[];
  allRules?: boolean;
}

const level = (severity: string) => (severity === 'error' ? 'error' : 'warning');
const template = (text: string) => text.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, '<$1>').replace(/\s+/g, ' ').trim();

function rule(r: Rule) {
  const help = 'codemod' in r.fix ? `stackfix fixes this with the codemod ${r.fix.codemod}: run stackfix with --fix, or apply the proposed patch.` : `Fix by hand: ${template(r.fix.guidance)}`;
  const refs = r.references.length ? `\n\nReferences:\n${r.references.map((u) => `- ${u}`).join('\n')}` : '';
  // A rule made from a finding (no catalogue entry) carries its explanation, which holds log text.
  const refsMd = r.references.length ? `\n\nReferences:\n${r.references.map((u) => `- <${u}>`).join('\n')}` : '';
  return {
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: plain(r.title.slice(0, 1024)) },
    fullDescription: { text: plain(template(r.message).slice(0, 1024) || r.title) },
    help: { text: plain(`${help}${refs}`), markdown: `${inlineMarkdown(help)}${refsMd}` },
    ...(r.references[0] ? { helpUri: r.references[0] } : {}),
    defaultConfiguration: { level: level(r.severity) },
    properties: { tags: ['iac', 'deploy-failure', r.kind], precision: 'high', 'problem.severity': r.severity === 'error' ? 'error' : 'warning' },
  };
}

function fromFinding(v: FindingView): Rule {
  const f = v.finding;
  return { id: f.signature, title: f.title, severity: f.severity, kind: f.kind, message: f.explanation, fix: f.fix ? { codemod: f.fix.codemod, args: {} } : { guidance: f.explanation }, references: f.references };
}

/** The patch as a Markdown code block no line of it can close. */
function diffBlock(patch: string): string {
  const f = fence(patch);
  return `${f}diff\n${patch}\n${f}`;
}

function region(r: Region) {
  return { startLine: r.startLine, endLine: r.endLine };
}

/** Whole lines startLine..endLine, ending at the start of the next line when there is one. */
function deleted(r: Region) {
  if (r.endLine < r.fileLines) return { startLine: r.startLine, startColumn: 1, endLine: r.endLine + 1, endColumn: 1 };
  return { startLine: r.startLine, startColumn: 1, endLine: r.endLine, endColumn: (r.old[r.old.length - 1] ?? '').length + 1 };
}

function inserted(r: Region): string {
  if (r.endLine < r.fileLines) return r.lines.map((l) => `${l}\n`).join('');
  return r.lines.join('\n');
}

export function renderSarif(ctx: CiContext, options: SarifOptions = {}): string {
  const all = views(ctx);
  const catalogue = new Map((options.signatures ?? []).map((s) => [s.id, s]));
  const used = [...new Set(all.map((v) => v.finding.signature))];
  const ruleList: Rule[] = options.allRules && options.signatures ? options.signatures : used.map((id) => catalogue.get(id) ?? fromFinding(all.find((v) => v.finding.signature === id)!));
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));

  const results = all.map((v) => {
    const f = v.finding;
    const first = v.primary;
    let location: Record<string, unknown>;
    if (first) {
      location = { physicalLocation: { artifactLocation: { uri: first.file, uriBaseId: 'SRCROOT' }, region: region(first) } };
    } else if (v.place) {
      location = { physicalLocation: { artifactLocation: { uri: v.place.file, uriBaseId: 'SRCROOT' }, region: { startLine: v.place.line } } };
    } else if (v.log) {
      const inProject = logFromProject(ctx, v.log.source);
      location = {
        physicalLocation: {
          artifactLocation: inProject ? { uri: inProject, uriBaseId: 'SRCROOT' } : { uri: logFromCwd(ctx, v.log.source) },
          region: { startLine: v.log.line },
        },
      };
    } else {
      // Read from stdin: nothing to point at but the project itself.
      location = { physicalLocation: { artifactLocation: { uri: '.', uriBaseId: 'SRCROOT' } } };
    }
    const ev = f.occurrences[0];
    const status = f.fix ? ` Fix ${f.fix.status} (${f.fix.codemod})${f.fix.reason ? `: ${f.fix.reason}` : ''}.` : '';
    const text = `${f.title}.${status}\n\n${prose(f.explanation)}${ev ? `\n\nEvidence (${ev.source}:${ev.line}${ev.resource ? `, ${ev.resource}` : ''}): ${ev.text}` : ''}`;
    const related = f.occurrences.slice(0, 20).map((o, id) => {
      const inProject = o.source === '<stdin>' ? undefined : logFromProject(ctx, o.source);
      return {
        id,
        message: { text: plain(o.text.slice(0, 500)) },
        physicalLocation: {
          artifactLocation: inProject ? { uri: inProject, uriBaseId: 'SRCROOT' } : { uri: o.source === '<stdin>' ? 'stdin' : logFromCwd(ctx, o.source) },
          region: { startLine: o.line },
        },
      };
    });
    const byFile = new Map<string, Region[]>();
    for (const r of v.regions) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
    const fixes = byFile.size
      ? [
          {
            description: { text: plain(f.fix?.reason ?? f.title), ...(patchBody(f) ? { markdown: diffBlock(patchBody(f)!) } : {}) },
            artifactChanges: [...byFile].map(([file, regions]) => ({
              artifactLocation: { uri: file, uriBaseId: 'SRCROOT' },
              replacements: regions.map((r) => ({ deletedRegion: deleted(r), insertedContent: { text: inserted(r) } })),
            })),
          },
        ]
      : [];
    return {
      ruleId: f.signature,
      ruleIndex: ruleIndex.get(f.signature) ?? 0,
      level: level(f.severity),
      kind: 'fail',
      message: { text: plain(text) },
      locations: [location],
      ...(related.length ? { relatedLocations: related } : {}),
      partialFingerprints: { 'stackfixFingerprint/v1': v.fingerprint },
      ...(fixes.length ? { fixes } : {}),
      properties: { rootCause: f.rootCause, fixStatus: f.fix?.status ?? 'manual' },
    };
  });

  const root = pathToFileURL(ctx.details.projectRoot).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stackfix',
            semanticVersion: ctx.report.tool.version,
            version: ctx.report.tool.version,
            rules: ruleList.map(rule),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: root.endsWith('/') ? root : `${root}/` } },
        automationDetails: { id: 'stackfix/' },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

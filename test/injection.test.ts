// Hostile log text through every output. Each payload below is put wherever log text reaches a
// report (the evidence line, the failing resource, a capture and the explanation filled from it,
// the fix's reason, the patch's evidence header, unclassified lines, even the title) and rendered
// in every format, and in what `stackfix suggest` posts. Then each output is read the way its
// consumer reads it:
//  - the GitHub Actions runner, which runs a line as a workflow command when, after leading white
//    space, it starts with `::`, or when it holds `##[` anywhere (actions/runner ActionCommand.cs),
//    splitting lines at \n and \r;
//  - a terminal, which acts on control characters;
//  - a Markdown renderer (markdown-it, CommonMark with raw HTML allowed as GitHub does), for the job
//    summary, pull-request comments, reviewdog messages and SARIF's Markdown fields;
//  - a JSON reader, which must see the same structure as for harmless text, and the same text;
//  - a SARIF viewer, which turns `[text](target)` in a message into a link.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { FORMATS, type FormatName, render } from '../src/report/index.js';
import type { Report, ReportFinding } from '../src/report/model.js';
import { filePatch } from '../src/review/patch.js';
import type { RunDetails } from '../src/run.js';
import { suggest } from '../src/suggest/index.js';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-injection-')));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** What a log line may try. Each is a distinct trick; none may work in any output. */
const PAYLOADS: Array<[string, string]> = [
  ['workflow command', '::error file=lib/app.ts,line=1::injected annotation'],
  ['add-mask after spaces', '   ::add-mask::hunter2'],
  ['set-output after a tab', '\t::set-output name=deployed::pwned'],
  ['stop-commands', '::stop-commands::pwned-token'],
  ['save-state', '::save-state name=cleanup::rm -rf /'],
  ['upper-case command', '::WARNING::case does not matter to the runner'],
  ['no-break space before ::', '\u00a0::notice::led by a no-break space'],
  ['ideographic space before ::', '\u3000::group::led by an ideographic space'],
  ['##[ in the middle', 'deploy failed ##[error]v1 command anywhere in a line'],
  ['##[set-output', '##[set-output name=x;]pwned'],
  ['Azure ##vso', 'done ##vso[task.setvariable variable=token]pwned'],
  ['TeamCity ##teamcity', "##teamcity[buildStatus text='pwned']"],
  ['carriage return then command', 'CREATE_FAILED\r::error::after a carriage return'],
  ['percent-encoded newline', 'value%0A::error::percent-encoded'],
  ['screen clear', '\u001b[2J\u001b[Hscreen cleared'],
  ['OSC window title', '\u001b]0;pwned title\u0007after'],
  ['OSC 8 hyperlink', '\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007'],
  ['OSC 52 clipboard', '\u001b]52;c;ZWNobyBwd25lZA==\u0007'],
  ['C1 CSI', '\u009b31mred without ESC'],
  ['NUL, BEL, backspace, DEL', 'a\u0000b\u0007c\u0008d\u007fe'],
  ['bidi override', 'file \u202egnp.exe and \u2066isolate\u2069'],
  ['line separator', 'one\u2028two\u2029three'],
  ['raw HTML image', '<img src=x onerror=alert(1)>'],
  ['script tag', '<script>alert(document.cookie)</script>'],
  ['details block', '<details open><summary>Approve</summary>hidden</details>'],
  ['Markdown link', '[click here to fix](https://evil.example/phish)'],
  ['Markdown image', '![status](https://evil.example/pixel.png)'],
  ['reference link', '[fix]: https://evil.example/ref'],
  ['autolink', '<https://evil.example/auto>'],
  ['bare URL and www', 'see https://evil.example/x and www.evil.example'],
  ['mentions', '@octocat and @acme/security-team please approve'],
  ['issue references', 'fixes #1, acme/infra#2 and GH-3'],
  ['email', 'mail admin@evil.example'],
  ['marker comments', '<!-- stackfix:summary --><!-- stackfix:fingerprint=0123456789abcdef.1 -->'],
  ['fence breakout', '```\n## Injected heading\n```'],
  ['long fence breakout', '``````\n<img src=x>\n``````'],
  ['code span breakout', '`` ` ``</code><img src=x>'],
  ['emphasis, table, math', '*bold* _em_ ~~strike~~ | a | b |\n|---|---|\n $x^2$'],
  ['heading and list from a newline', 'first\n# Heading\n- item\n> quote\n1. one'],
  ['JSON structure', '"}, "injected": {"ruleId": "x'],
  ['SARIF embedded link', 'see [the fix](1) or [this](https://evil.example)'],
  ['annotation properties', 'title=x,file=/etc/passwd,line=1::'],
  ['escaped fence in JSON', '\\u0060\\u0060\\u0060 and \\n::error::'],
];

const BENIGN = 'an ordinary runtime';
const fixed = (p: string) => p.replace(/\s+/g, ' ');

const BEFORE = ['import * as lambda from "aws-cdk-lib/aws-lambda";', '', 'new lambda.Function(this, "Api", {', '  runtime: lambda.Runtime.NODEJS_16_X,', '  handler: "index.handler",', '});', ''].join('\n');
const AFTER = BEFORE.replace('NODEJS_16_X', 'NODEJS_20_X');
const change = { rel: 'lib/api.ts', before: BEFORE, after: AFTER };
const details: RunDetails = { projectRoot: root, fingerprints: ['0123456789abcdef', 'fedcba9876543210'], changes: [[change], []], files: [change] };

function reportWith(p: string): Report {
  const fix: ReportFinding = {
    signature: 'lambda-runtime-deprecated',
    title: `Lambda runtime ${p} is no longer supported`,
    severity: 'error',
    kind: 'auto',
    rootCause: true,
    captures: { runtime: p },
    occurrences: [
      { source: 'deploy.log', line: 12, text: `ApiStack | CREATE_FAILED | AWS::Lambda::Function | Api Resource handler returned message: "The runtime parameter of ${p} is no longer supported"`, resource: `Api${p}` },
      { source: 'deploy.log', line: 40, text: p, cascade: true },
    ],
    explanation: `AWS Lambda no longer accepts ${p} for new functions: set \`runtime\` to a supported one (\`${p}\` is not).\nThe fix moves it to \`nodejs20.x\`.`,
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html'],
    fix: {
      codemod: 'set-lambda-runtime',
      status: 'proposed',
      reason: `${p} -> nodejs20.x in lib/api.ts:4`,
      files: ['lib/api.ts'],
      patch: `# stackfix lambda-runtime-deprecated: Lambda runtime is no longer supported\n# evidence deploy.log:12: ${fixed(p)}\n# why: ${fixed(p)}\n${filePatch('lib/api.ts', BEFORE, AFTER)}`,
    },
  };
  const guidance: ReportFinding = {
    signature: 'iam-access-denied',
    title: 'The deploy role is not allowed to call an AWS API',
    severity: 'warning',
    kind: 'guidance',
    rootCause: true,
    captures: { action: p },
    occurrences: [{ source: 'pulumi-up.log', line: 7, text: p }],
    explanation: `Grant ${p} to the deploy role.\n\nFix: add the action to the role's policy.`,
    references: [],
    fix: null,
  };
  return {
    version: 1,
    tool: { name: 'stackfix', version: '0.1.0' },
    inputs: [{ source: 'deploy.log', format: 'cdk-text', lines: 40 }],
    findings: [fix, guidance],
    unclassified: [
      { source: 'deploy.log', line: 30, text: p, severity: 'error' },
      { source: 'deploy.log', line: 31, text: `error: ${p}`, severity: 'error' },
    ],
  };
}

const renderAll = async (p: string): Promise<Record<FormatName, string>> => {
  const out = {} as Record<FormatName, string>;
  for (const f of FORMATS) out[f] = await render(f, reportWith(p), details, { color: false, fixMode: false, cwd: root, signatures: [] });
  return out;
};

/** What `stackfix suggest --dry-run` prints for the report: each request and its JSON body. */
async function suggested(p: string): Promise<{ printed: string; bodies: string[] }> {
  let printed = '';
  await suggest(
    { report: reportWith(p), details, cwd: root },
    { repo: 'acme/api', pr: '5', dryRun: true, env: {}, out: async (t) => void (printed += t), note: () => undefined },
  );
  const bodies: string[] = [];
  for (const block of printed.split(/\n\n(?=(?:POST|PATCH) )/)) {
    const json = JSON.parse(block.slice(block.indexOf('\n') + 1)) as { body: string; comments?: Array<{ body: string }> };
    bodies.push(json.body, ...(json.comments ?? []).map((c) => c.body));
  }
  return { printed, bodies };
}

// --- the GitHub Actions runner ---------------------------------------------------------------

/** .NET char.IsWhiteSpace, which TrimStart uses. */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/** The workflow commands the runner would run for this output: [name, data], v2 then v1 per line. */
function runnerCommands(output: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.replace(DOTNET_SPACE, '');
    if (line.startsWith('::')) {
      const end = line.indexOf('::', 2);
      if (end > 0) {
        found.push([line.slice(2, end).split(' ')[0]!, line.slice(end + 2)]);
        continue;
      }
    }
    const v1 = raw.indexOf('##[');
    if (v1 >= 0 && raw.indexOf(']', v1) > 0) found.push([raw.slice(v1 + 3, raw.indexOf(']', v1)).split(' ')[0]!, '']);
    if (/##(?:vso|teamcity)\[/i.test(raw)) found.push(['vso/teamcity', '']);
  }
  return found;
}

// --- a terminal --------------------------------------------------------------------------------

const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

// --- Markdown, as GitHub renders it -------------------------------------------------------------

const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false });

interface MdShape {
  /** Block structure: the sequence of block token types. */
  blocks: string;
  problems: string[];
}

/** What a Markdown document renders to, and everything in it a log may not produce. */
function markdownShape(doc: string, references: string[] = []): MdShape {
  const tokens = md.parse(doc, {});
  const problems: string[] = [];
  const ours = /^<!-- stackfix:(?:summary|fingerprint=[0-9a-f]{16}(?:\.\d+)?) -->\s*$|^<\/?details>|^<details><summary>[^<]*<\/summary>\s*$/;
  for (const t of tokens) {
    if (t.type === 'html_block' && !ours.test(t.content.trim())) problems.push(`raw HTML block: ${JSON.stringify(t.content)}`);
    let inLink = false;
    for (const c of t.children ?? []) {
      if (c.type === 'link_open') inLink = true;
      if (c.type === 'link_close') inLink = false;
      if (c.type === 'html_inline') problems.push(`raw HTML: ${c.content}`);
      if (c.type === 'image') problems.push(`image: ${c.attrGet('src')}`);
      if (c.type === 'link_open' && !references.includes(c.attrGet('href') ?? '')) problems.push(`link: ${c.attrGet('href')}`);
      if (c.type === 'text' && !inLink) {
        if (/(?<![\w\u200b])@[A-Za-z0-9]/.test(c.content)) problems.push(`mention: ${c.content}`);
        if (/(?:^|[^\w\u200b])#\d|GH-\d/i.test(c.content)) problems.push(`reference: ${c.content}`);
        if (/[a-z]:\/\/|\bwww\./i.test(c.content)) problems.push(`URL: ${c.content}`);
      }
    }
  }
  const blocks = tokens.filter((t) => t.level === 0 && t.nesting >= 0).map((t) => (t.type === 'heading_open' ? `${t.type}:${t.tag}` : t.type)).join(' ');
  return { blocks, problems };
}

const REFS = ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html'];
const markers = (text: string) => (text.match(/<!-- stackfix:/g) ?? []).length;

// --- JSON -------------------------------------------------------------------------------------

/** Every key path of a JSON value (array positions kept): its structure. */
function keyPaths(value: unknown, at = '$', out = new Set<string>()): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => keyPaths(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${at}.${k}`);
      keyPaths(v, `${at}.${k}`, out);
    }
  }
  return [...out].sort();
}

/** SARIF plain-text message fields. */
function sarifTexts(sarif: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && key === 'text') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(sarif, '');
  return out;
}

describe('a log line cannot inject into any output', () => {
  let baseline: Record<FormatName, string>;
  let baseSuggest: { printed: string; bodies: string[] };

  test('the payload table is broad enough', async () => {
    expect(new Set(PAYLOADS.map(([, p]) => p)).size).toBe(PAYLOADS.length);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(25);
    baseline = await renderAll(BENIGN);
    baseSuggest = await suggested(BENIGN);
    // The harmless render shows its text, has no problem of its own, and carries our own commands.
    expect(baseline.text).toContain(BENIGN);
    expect(runnerCommands(baseline.github).map(([n]) => n)).toEqual(['error', 'warning', 'notice']);
    expect(markdownShape(baseline.markdown, REFS).problems).toEqual([]);
  });

  test.each(PAYLOADS)('%s', async (_name, payload) => {
    const out = await renderAll(payload);
    const sug = await suggested(payload);

    // The runner: no command but our own annotations, whatever the format printed on stdout.
    for (const f of FORMATS) {
      const commands = runnerCommands(out[f]);
      if (f === 'github') expect(commands.map(([n]) => n)).toEqual(['error', 'warning', 'notice']);
      else expect([f, commands]).toEqual([f, []]);
    }
    expect(runnerCommands(sug.printed)).toEqual([]);

    // The terminal: no control character in the line formats, none raw in the JSON ones.
    for (const f of FORMATS) expect([f, TERMINAL_CONTROL.exec(out[f])?.[0]]).toEqual([f, undefined]);
    expect(TERMINAL_CONTROL.test(sug.printed)).toBe(false);

    // JSON: the same structure as for harmless text, and the text itself, unchanged.
    for (const f of ['json', 'sarif', 'rdjson'] as const) {
      const doc = JSON.parse(out[f]) as unknown;
      expect([f, keyPaths(doc)]).toEqual([f, keyPaths(JSON.parse(baseline[f]))]);
    }
    const json = JSON.parse(out.json) as Report;
    expect(json.findings[1]!.occurrences[0]!.text).toBe(payload);
    expect(json.unclassified[0]!.text).toBe(payload);

    // SARIF: no embedded link in a plain-text message.
    for (const t of sarifTexts(JSON.parse(out.sarif))) expect(t.replace(/\\[[\]]/g, '')).not.toMatch(/\[[^\]]*\]\(/);

    // Markdown: the job summary, reviewdog's messages, SARIF's Markdown, and every comment body
    // have the block structure of the harmless render and nothing a log may not produce.
    const summary = markdownShape(out.markdown, REFS);
    expect(summary.problems).toEqual([]);
    expect(summary.blocks).toBe(markdownShape(baseline.markdown, REFS).blocks);
    expect(markers(out.markdown)).toBe(markers(baseline.markdown));
    const rd = JSON.parse(out.rdjson) as { diagnostics: Array<{ message: string }> };
    const rdBase = JSON.parse(baseline.rdjson) as { diagnostics: Array<{ message: string }> };
    rd.diagnostics.forEach((d, i) => {
      const shape = markdownShape(d.message);
      expect(shape.problems).toEqual([]);
      expect(shape.blocks).toBe(markdownShape(rdBase.diagnostics[i]!.message).blocks);
    });
    const sarif = JSON.parse(out.sarif) as { runs: Array<{ tool: { driver: { rules: Array<{ help: { markdown: string } }> } }; results: Array<{ fixes?: Array<{ description: { markdown?: string } }> }> }> };
    for (const r of sarif.runs[0]!.tool.driver.rules) expect(markdownShape(r.help.markdown, REFS).problems).toEqual([]);
    for (const r of sarif.runs[0]!.results) for (const f of r.fixes ?? []) expect(markdownShape(f.description.markdown ?? '').blocks).toBe('fence');
    expect(sug.bodies).toHaveLength(baseSuggest.bodies.length);
    sug.bodies.forEach((body, i) => {
      const shape = markdownShape(body, REFS);
      expect(shape.problems).toEqual([]);
      expect(shape.blocks).toBe(markdownShape(baseSuggest.bodies[i]!, REFS).blocks);
      expect(markers(body)).toBe(markers(baseSuggest.bodies[i]!));
    });

    // The patch is the project's source only, and the one in the JSON report still applies.
    expect(out.patch).toBe(baseline.patch);
    expect(json.findings[0]!.fix!.patch!.slice(json.findings[0]!.fix!.patch!.indexOf('diff --git'))).toBe(filePatch('lib/api.ts', BEFORE, AFTER));
  });
});

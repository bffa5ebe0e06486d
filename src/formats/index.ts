// parse: one input's lines -> events. The format is detected from the input itself: JSON
// documents go to the describe-stack-events parser (or, by their first key, the `pulumi
// preview --json` digest), NDJSON engine/UI events (`pulumi up --json`, `terraform apply
// -json`) to their stream adapters wherever they start, everything else to the text driver,
// which reports which tools' framing it saw. The JSON adapters are loaded when the first line
// that needs them arrives: most logs are text, and each module is start-up time.
import type { Event, Line } from '../types.js';
import type { FormatName as TextFormatName, Sink } from './block.js';
import type { CfnJsonParser } from './cfn-json.js';
import type { StreamKind } from './ndjson.js';
import type { PulumiDigestParser } from './pulumi-digest.js';
import type { PulumiJsonParser } from './pulumi-json.js';
import type { TerraformJsonParser } from './terraform-json.js';
import { TextParser } from './text.js';
import { isTfLogChatter } from './tf-log.js';

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
};
const cfnJson = once(() => import('./cfn-json.js'));
const objects = once(async () => ({ ...(await import('./ndjson.js')), ...(await import('./pulumi-digest.js')) }));
const pulumiJson = once(() => import('./pulumi-json.js'));
const terraformJson = once(() => import('./terraform-json.js'));

/** Starts a line that may be JSON: `{`, `[`, `[{`. */
const mayBeJson = (c: number) => c === 123 || c === 91;

export type FormatName = TextFormatName | StreamKind;

/** Stronger evidence first: a cdk log that contains a traceback is still a cdk log. */
const PRIORITY: FormatName[] = ['cfn-json', 'pulumi-json', 'terraform-json', 'cdk-text', 'pulumi-text', 'terraform-text', 'python-traceback', 'text'];

const JSON_START = /^\s*(?:\{|\[\s*(?:\{|$))/;

/** The first character that is not a space or tab (0 for a blank line). */
function firstChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return c;
  }
  return 0;
}

export async function parseLines(lines: AsyncIterable<Line>, onEvent: (event: Event) => void): Promise<{ format: FormatName }> {
  const seen = new Set<FormatName>();
  const sink: Sink = { emit: onEvent, saw: (f) => seen.add(f) };
  let cfn: CfnJsonParser | undefined;
  let text: TextParser | undefined;
  let pulumi: PulumiJsonParser | undefined;
  let terraform: TerraformJsonParser | undefined;
  let digest: PulumiDigestParser | undefined;
  let objs: Awaited<ReturnType<typeof objects>> | undefined;
  /** A lone `{`: a digest or describe-stack-events, told apart by the key on the next line. */
  let held: Line | undefined;
  let started = false;
  let chatter = false;
  for await (const line of lines) {
    if (cfn) {
      cfn.push(line);
      continue;
    }
    if (digest && !digest.done) {
      digest.push(line);
      continue;
    }
    const c = firstChar(line.text);
    if (!started) {
      if (c === 0) continue;
      started = true;
    }
    if (held) {
      // Blank lines before the first key are skipped only where JSON is all the input can be.
      if (c === 0 && !text) continue;
      const open = held;
      held = undefined;
      if (c !== 0 && (await objects()).DIGEST_KEY.test(line.text)) {
        seen.add('pulumi-json');
        digest = new (await objects()).PulumiDigestParser((pulumi ??= new (await pulumiJson()).PulumiJsonParser(sink)));
        digest.push(open);
        digest.push(line);
        continue;
      }
      if (!text) {
        cfn = new (await cfnJson()).CfnJsonParser(sink);
        seen.add('cfn-json');
        cfn.push(open);
        cfn.push(line);
        continue;
      }
      text.push(open);
    }
    if (c === 123 /* { */ && !pulumi && !terraform && line.text.trim() === '{') {
      held = line;
      continue;
    }
    if (c === 123 /* { */) {
      const { parseObjectLine, isDigest, streamKind } = (objs ??= await objects());
      const o = parseObjectLine(line.text);
      if (o && isDigest(o)) {
        seen.add('pulumi-json');
        pulumi ??= new (await pulumiJson()).PulumiJsonParser(sink);
        for (const d of Array.isArray(o.diagnostics) ? (o.diagnostics as unknown[]) : []) if (d && typeof d === 'object') pulumi.push({ diagnosticEvent: d }, line);
        text?.push({ ...line, text: '' });
        continue;
      }
      const kind = o && streamKind(o);
      if (kind === 'pulumi-json') {
        seen.add(kind);
        (pulumi ??= new (await pulumiJson()).PulumiJsonParser(sink)).push(o!, line);
        // An event ends whatever text paragraph came before it.
        text?.push({ ...line, text: '' });
        continue;
      }
      if (kind === 'terraform-json') {
        seen.add(kind);
        (terraform ??= new (await terraformJson()).TerraformJsonParser(sink)).push(o!, line);
        text?.push({ ...line, text: '' });
        continue;
      }
      // Inside a stream, an object line that does not decode is a truncated or corrupt event.
      if (pulumi || terraform) continue;
      if (!text && JSON_START.test(line.text)) {
        cfn = new (await cfnJson()).CfnJsonParser(sink);
        seen.add('cfn-json');
        cfn.push(line);
        continue;
      }
    } else if (!text && !pulumi && !terraform && mayBeJson(c) && JSON_START.test(line.text)) {
      cfn = new (await cfnJson()).CfnJsonParser(sink);
      seen.add('cfn-json');
      cfn.push(line);
      continue;
    }
    if (isTfLogChatter(line.text)) {
      // A run of debug lines is one paragraph break for the text adapters, and no work.
      if (!chatter) text?.push({ ...line, text: '' });
      chatter = true;
      continue;
    }
    chatter = false;
    (text ??= new TextParser(sink)).push(line);
  }
  if (held) (text ??= new TextParser(sink)).push(held);
  cfn?.end();
  digest?.end();
  pulumi?.end();
  terraform?.end();
  text?.end();
  return { format: PRIORITY.find((f) => seen.has(f)) ?? 'text' };
}

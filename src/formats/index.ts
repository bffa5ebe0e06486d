// parse: one input's lines -> events. The format is detected from the input itself: JSON
// documents go to the describe-stack-events parser, everything else to the text driver,
// which reports which tools' framing it saw.
import type { Event, Line } from '../types.js';
import type { FormatName, Sink } from './block.js';
import { CfnJsonParser } from './cfn-json.js';
import { TextParser } from './text.js';

export type { FormatName } from './block.js';

/** Stronger evidence first: a cdk log that contains a traceback is still a cdk log. */
const PRIORITY: FormatName[] = ['cfn-json', 'cdk-text', 'pulumi-text', 'terraform-text', 'python-traceback', 'text'];

const JSON_START = /^\s*(?:\{|\[\s*(?:\{|$))/;

export async function parseLines(lines: AsyncIterable<Line>, onEvent: (event: Event) => void): Promise<{ format: FormatName }> {
  const seen = new Set<FormatName>();
  const sink: Sink = { emit: onEvent, saw: (f) => seen.add(f) };
  let parser: { push(line: Line): void; end(): void } | undefined;
  for await (const line of lines) {
    if (!parser) {
      if (!line.text.trim()) continue;
      parser = JSON_START.test(line.text) ? new CfnJsonParser(sink) : new TextParser(sink);
      if (parser instanceof CfnJsonParser) seen.add('cfn-json');
    }
    parser.push(line);
  }
  parser?.end();
  return { format: PRIORITY.find((f) => seen.has(f)) ?? 'text' };
}

// A signature recognises its class whatever tool printed the message: every one-line example in
// the catalogue, framed the way Terraform (its diagnostic box, hard-wrapped), Pulumi (a resource
// diagnostic behind `1 error occurred: *`, wrapped), boto3's ClientError, a cdk stack event
// and a pasted paragraph wrapped at 60 columns print it, must still be classified as that signature.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { bundledSignatureDir, loadCatalogue, type Signature } from '../src/classify/catalogue.js';
import { Classifier } from '../src/classify/index.js';
import { parseLines } from '../src/formats/index.js';

/** Words to lines of at most `width` columns, as a terminal or a CI log viewer wraps them. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(' ')) {
    if (cur && `${cur} ${word}`.length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

const FRAMES: Record<string, (message: string) => string> = {
  'terraform box': (m) =>
    ['╷', ...wrap(`Error: ${m}`, 76).map((l) => `│ ${l}`), '│ ', '│   with aws_s3_bucket.assets,', '│   on storage.tf line 12, in resource "aws_s3_bucket" "assets":', '│   12: resource "aws_s3_bucket" "assets" {', '│ ', '╵'].join('\n'),
  'pulumi diagnostic': (m) =>
    ['Diagnostics:', '  aws:s3:Bucket (assets-dev):', ...wrap(`error: 1 error occurred: * ${m}`, 100).map((l) => `    ${l}`), '', '  pulumi:pulumi:Stack (shop-dev):', '    error: update failed'].join('\n'),
  'boto3 error': (m) => `botocore.exceptions.ClientError: An error occurred (ValidationException) when calling the CreateStack operation: ${m}`,
  'cdk event': (m) => `ShopStack-dev |  3/12 | 10:01:02 AM | CREATE_FAILED        | AWS::S3::Bucket            | ShopStack-dev/Assets (Assets1A2B3C4D) ${m}`,
  'wrapped paragraph': (m) => wrap(m, 60).join('\n'),
};

// Examples that already carry a tool's own line framing (a ❌ summary, a cdk warning, a tsc or
// eslint location, JSON) are shown as that tool prints them; re-wrapping them is not a shape any
// tool produces.
const ALREADY_FRAMED = /^(?:❌|TSError|\[WARNING\]|\{|[│╷]|\s*error:|[\w./@-]+\.\w{1,4}[(:]\d|\S.*\| (?:CREATE|UPDATE|DELETE)_FAILED)/;

let sigs: Signature[];
beforeAll(async () => {
  sigs = await loadCatalogue([bundledSignatureDir()]);
});

async function classify(text: string): Promise<string[]> {
  const classifier = new Classifier(sigs);
  async function* lines() {
    let n = 0;
    for (const t of text.split('\n')) yield { source: 'framed.log', lineNo: ++n, text: t };
  }
  await parseLines(lines(), (e) => classifier.add(e));
  return classifier.result().findings.map((f) => f.signature.id);
}

describe('signatures in every framing', () => {
  test('each one-line example is recognised in a Terraform box, a Pulumi diagnostic, a boto3 error, a cdk event and a wrapped paragraph', async () => {
    const lost: string[] = [];
    let tried = 0;
    for (const sig of sigs) {
      // tool- and resource-bound signatures are exercised by their log fixtures; the generic layer
      // claims only what nothing else does, and these frames are themselves errors the catalogue
      // knows (a boto3 ValidationException is a validation error), so it has tests of its own
      if (sig.match.tools || sig.match.resources || sig.match.generic) continue;
      for (const ex of sig.examples.match) {
        if (ex.text.includes('\n') || ALREADY_FRAMED.test(ex.text)) continue;
        for (const [name, frame] of Object.entries(FRAMES)) {
          tried++;
          const found = await classify(frame(ex.text));
          if (!found.includes(sig.id)) lost.push(`${name}: ${sig.id} <- ${ex.text.slice(0, 100)} (got ${found.join(', ') || 'nothing'})`);
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
    expect(lost).toEqual([]);
  }, 120_000);
});

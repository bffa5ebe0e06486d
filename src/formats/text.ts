// The text driver. Each line goes to the open block; when that block is done, to the format
// recognisers in order; what none of them claims collects into plain paragraphs (the
// fallback that lets a single pasted error line classify).
import type { Annotation, Line } from '../types.js';
import type { Block, Recogniser, Sink } from './block.js';
import { MAX_BLOCK_LINES, joinLines, span } from './block.js';
import { isCascade } from './cascade.js';
import { recogniseCdkChain, recogniseCdkDiagnosis, recogniseCdkRow, recogniseCdkWarning, recogniseCross } from './cdk.js';
import { recognisePulumi } from './pulumi.js';
import { recogniseTraceback } from './python.js';
import { recogniseTerraform } from './terraform.js';
import { recogniseTsc } from './tsc.js';

// tsc before pulumi: pulumi's row pattern would take `file.ts:31:5 - error` for a resource row.
const RECOGNISERS: Recogniser[] = [recogniseCdkRow, recogniseCdkDiagnosis, recogniseCross, recogniseCdkChain, recogniseCdkWarning, recogniseTsc, recognisePulumi, recogniseTraceback, recogniseTerraform];

// A plain paragraph is a failure when it carries a failure marker of its own: an error or
// exception name at the start of a line (`Error: ...`, `ValueError: ...`, `npm ERR!`, `✖ ...`),
// a CloudFormation `*_FAILED` status, or an AWS SDK's error framing anywhere. Deploy tools print
// many other lines with words such as "failed" or "invalid" in them (notices, hints, help, test
// names, summaries of zero errors): those are not failures of this run.
const ERROR_START = [
  /^(?:error|Error|ERROR)(?:\[[\w-]{1,40}\])?:\s/,
  /^(?:fatal|Fatal|FATAL|CRITICAL|panic)(?: error)?:\s/,
  // BuildKit (`ERROR [build 3/5] RUN npm ci`), test runners (`FAIL test/x.test.ts`, `FAILED
  // tests/test_x.py::test_y`), Gradle, the JVM, make.
  /^(?:ERROR|FAIL|FAILED)\s+\S/,
  /^FAILURE: /,
  /^Exception in thread /,
  /^make(?:\[\d+\])?: \*\*\* .* Error \d+/,
  // The AWS CLI's `cloudformation deploy` (and `package`): the stack's events hold the reason.
  /^Failed to (?:create\/update|create|update|delete|execute) the (?:stack|change ?set)\b/,
  /^\[(?:ERROR|Error|FATAL|error)\]\s/,
  /^npm (?:ERR!|error) /,
  /^(?:✖|❌|✘|⨯|×)\s/,
  // Python, JavaScript and Java exception names: `ValueError: x`, `botocore.exceptions.ClientError: x`.
  /^(?:[A-Za-z_$][\w$]*\.){0,8}[A-Z][\w$]{0,80}(?:Error|Exception|Fault)(?::\s|:?$)/,
  // Compilers and linters: `file.py:12: error: ...`, `main.go:3:2: error ...`.
  /^[^\s:]{1,300}:\d{1,7}(?::\d{1,5})?:? (?:error|ERROR|fatal error)\b/,
];
const ERROR_ANYWHERE = [
  /\b[A-Z]{2,}(?:_[A-Z]+)*_FAILED\b/,
  /\(Service: [\w .-]{1,60}[;,] Status Code: \d{3}\b/,
  /\bStatusCode: \d{3}, RequestID: /,
  /\bAn error occurred \([\w.-]{1,100}\) when calling the \w{1,100} operation\b/,
  /\bHandlerErrorCode: (?!null\b)\w/,
  /\bstatus code: \d{3}, request id: /,
];
/** Words that mark a failure only in a message pasted on its own (see `weak` on Event). */
const WEAK_WORDS =
  /\b(?:[Ff]ailed|FAILED|[Dd]enied|not authorized|not allowed|[Ii]nvalid|[Cc]annot|[Cc]an't|[Cc]ould not|[Uu]nable to|is deprecated|does not (?:exist|support)|not found|not supported|must (?:be|have|not)|is required|already exists)\b/;
/** Counts and summaries that say nothing failed: `0 errors`, `Found 0 errors.`, `errors: 0`. */
const NOTHING_FAILED = /\b(?:0|no|zero) (?:errors?|failures?|failed|problems?)\b|\b(?:errors?|failures?|failed): 0\b/i;

const NODE_THROW_SITE = /^(?:[A-Za-z]:)?[\\/]?[^\s:]+\.(?:[cm]?[jt]s|tsx):\d+$/;

/** A command the shell or npm echoed (`$ pulumi up --continue-on-error`, `> app@1.0.0 deploy`). */
const COMMAND_ECHO = /^(?:\$|>) \S/;

/** Text every marker above contains: most lines hold none, and are not tried against each. */
const MAY_MARK = /[Ee]rror|ERROR|FAIL|[Ff]atal|FATAL|CRITICAL|panic|npm |[✖❌✘⨯×]|Exception|Fault|Service: |StatusCode|HandlerErrorCode|status code|make|Failed to /;

/** A failure marker of the paragraph's own (not a word in a sentence). */
export function looksLikeError(lines: readonly string[]): boolean {
  return lines.some((line) => {
    if (!MAY_MARK.test(line)) return false;
    const t = line.trim();
    if (!t || COMMAND_ECHO.test(t)) return false;
    return ERROR_START.some((re) => re.test(t)) || ERROR_ANYWHERE.some((re) => re.test(t));
  });
}

/** Only a word says something failed: a failure only when the message was pasted on its own. */
export function mentionsFailure(message: string): boolean {
  return !COMMAND_ECHO.test(message) && WEAK_WORDS.test(message) && !NOTHING_FAILED.test(message);
}

class Paragraph {
  private parts: Line[] = [];
  /** Paragraphs emitted so far: only the first can be a message pasted on its own. */
  private emitted = 0;
  constructor(private readonly sink: Sink) {}
  add(line: Line): void {
    if (this.parts.length >= MAX_BLOCK_LINES) this.flush();
    this.parts.push(line);
  }
  flush(): void {
    if (this.parts.length === 0) return;
    // A box-drawing prefix (Terraform/CDKTF wrappers) is framing, not message.
    const { message, lines } = joinLines(this.parts.map((l) => ({ lineNo: l.lineNo, text: l.text.replace(/^[│┃|] /, '') })));
    const source = this.parts[0]!.source;
    this.parts = [];
    if (!message) return;
    const cascade = isCascade(message);
    const annotation = this.annotation;
    this.annotation = undefined;
    // Node prints where an uncaught error was thrown (`/app/node_modules/x/index.ts:859`, the
    // source line, a caret) before the error itself: framing, not an error of its own.
    const throwSite = NODE_THROW_SITE.test(lines[0]!.text.trim());
    const marked = annotation !== undefined || looksLikeError(lines.map((l) => l.text));
    const severity = annotation?.level ?? (!throwSite && marked ? 'error' : undefined);
    this.sink.emit({
      tool: 'text',
      message,
      cascade: cascade || undefined,
      severity,
      weak: this.emitted++ === 0 && !severity && !cascade && !throwSite && mentionsFailure(message) ? true : undefined,
      span: span(source, lines, lines[0]!.lineNo),
      lines,
      ...(annotation?.file && annotation.line ? { location: { file: annotation.file, line: annotation.line } } : {}),
    });
  }

  /** A CI annotation (`##[error]`, `::error file=...::`) is a paragraph of its own, marked by it. */
  private annotation: Annotation | undefined;
  addAnnotated(line: Line): void {
    this.flush();
    this.annotation = line.annotation;
    this.parts.push(line);
    this.flush();
  }
}

export class TextParser {
  private open: Block | undefined;
  private readonly paragraph: Paragraph;

  constructor(private readonly sink: Sink) {
    this.paragraph = new Paragraph(sink);
  }

  push(line: Line): void {
    if (this.open) {
      if (this.open.feed(line) === 'taken') return;
      this.open.close();
      this.open = undefined;
    }
    if (!line.text.trim()) {
      this.paragraph.flush();
      return;
    }
    for (const recognise of RECOGNISERS) {
      const block = recognise(line, this.sink);
      if (block) {
        this.paragraph.flush();
        this.open = block;
        return;
      }
    }
    if (line.annotation) {
      this.paragraph.addAnnotated(line);
      return;
    }
    if (COMMAND_ECHO.test(line.text)) {
      // An echoed command is a paragraph of its own: it must not hide the error after it.
      this.paragraph.flush();
      this.paragraph.add(line);
      this.paragraph.flush();
      return;
    }
    this.paragraph.add(line);
  }

  end(): void {
    this.open?.close();
    this.open = undefined;
    this.paragraph.flush();
  }
}

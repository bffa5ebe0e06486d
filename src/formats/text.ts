// The text driver. Each line goes to the open block; when that block is done, to the format
// recognisers in order; what none of them claims collects into plain paragraphs (the
// fallback that lets a single pasted error line classify).
import type { Line } from '../types.js';
import type { Block, Recogniser, Sink } from './block.js';
import { MAX_BLOCK_LINES, joinLines, span } from './block.js';
import { isCascade } from './cascade.js';
import { recogniseCdkDiagnosis, recogniseCdkRow, recogniseCdkWarning, recogniseCross } from './cdk.js';
import { recognisePulumi } from './pulumi.js';
import { recogniseTraceback } from './python.js';
import { recogniseTerraform } from './terraform.js';
import { recogniseTsc } from './tsc.js';

// tsc before pulumi: pulumi's row pattern would take `file.ts:31:5 - error` for a resource row.
const RECOGNISERS: Recogniser[] = [recogniseCdkRow, recogniseCdkDiagnosis, recogniseCross, recogniseCdkWarning, recogniseTsc, recognisePulumi, recogniseTraceback, recogniseTerraform];

/** Words that make an unmatched paragraph worth listing as unclassified. */
const LOOKS_LIKE_ERROR =
  /\b(?:[A-Z]\w*(?:Error|Exception)|[Ee]rror|ERROR|[Ff]ailed|FAILED|[Dd]enied|not authorized|not allowed|[Ii]nvalid|[Cc]annot|[Cc]ould not|[Uu]nable to|is deprecated|does not (?:exist|support)|not found)\b/;

const NODE_THROW_SITE = /^(?:[A-Za-z]:)?[\\/]?[^\s:]+\.(?:[cm]?[jt]s|tsx):\d+$/;

/** A command the shell or npm echoed (`$ pulumi up --continue-on-error`, `> app@1.0.0 deploy`). */
const COMMAND_ECHO = /^(?:\$|>) \S/;

export function looksLikeError(message: string): boolean {
  return !COMMAND_ECHO.test(message) && LOOKS_LIKE_ERROR.test(message);
}

class Paragraph {
  private parts: Line[] = [];
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
    // Node prints where an uncaught error was thrown (`/app/node_modules/x/index.ts:859`, the
    // source line, a caret) before the error itself: framing, not an error of its own.
    const throwSite = NODE_THROW_SITE.test(lines[0]!.text.trim());
    this.sink.emit({
      tool: 'text',
      message,
      cascade: cascade || undefined,
      severity: !cascade && !throwSite && looksLikeError(message) ? 'error' : undefined,
      span: span(source, lines, lines[0]!.lineNo),
      lines,
    });
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

// Python tracebacks, as CDK synth, Pulumi and test runners print them. The event is the final
// exception line; its location is the innermost frame in the user's own code (not under
// site-packages, jsii, the Pulumi runtime, the standard library or a frozen module).
import type { Line } from '../types.js';
import { type Block, type Feed, type Recogniser, type Sink, indentOf } from './block.js';

const START = /^(\s*)Traceback \(most recent call last\):\s*$/;
const FRAME = /^\s+File "([^"]+)", line (\d+)/;
const EXCEPTION = /^[A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Iteration|Exception Group|Group)?(?::|$)/;

const LIBRARY = [
  /[\\/](?:site|dist)-packages[\\/]/,
  /[\\/]lib[\\/]python\d(?:\.\d+)?[\\/]/,
  /[\\/]jsii[\\/]/,
  /[\\/]pulumi[\\/]runtime[\\/]/,
  /pulumi-language-python-exec$/,
  /^<frozen /,
  /^<string>$/,
];

export function isLibraryFrame(file: string): boolean {
  return LIBRARY.some((re) => re.test(file));
}

/**
 * An open traceback. `strip` removes a per-line prefix first (Pulumi's legacy `error: ` on
 * every line); `base` is the indent of the `Traceback` line after stripping.
 */
export class TracebackBlock implements Block {
  private location: { file: string; line: number } | undefined;
  private frames = 0;

  constructor(
    private readonly start: Line,
    private readonly base: number,
    private readonly sink: Sink,
    private readonly strip: (text: string) => string | undefined = (t) => t,
    private readonly framing: Partial<Pick<import('../types.js').Event, 'tool' | 'resourceType' | 'resourceId'>> = {},
  ) {}

  feed(line: Line): Feed {
    if (this.emitted) return 'done';
    const text = this.strip(line.text);
    if (text === undefined) return 'done';
    if (!text.trim()) return 'taken'; // blank lines inside a traceback are rare but harmless
    const frame = FRAME.exec(text);
    if (frame && indentOf(text) > this.base) {
      this.frames++;
      const file = frame[1]!;
      if (!isLibraryFrame(file)) this.location = { file, line: Number(frame[2]) };
      return 'taken';
    }
    if (indentOf(text) > this.base) return 'taken'; // source line or 3.11+ carets
    if (this.frames > 0 && EXCEPTION.test(text.trim())) {
      this.emit(line, text.trim());
      return 'taken';
    }
    return 'done';
  }

  private emitted = false;

  private emit(line: Line, message: string): void {
    this.emitted = true;
    this.sink.emit({
      tool: this.framing.tool ?? 'python',
      resourceType: this.framing.resourceType,
      resourceId: this.framing.resourceId,
      status: message.split(':')[0],
      message,
      severity: 'error',
      span: { source: line.source, startLine: this.start.lineNo, endLine: line.lineNo },
      // The occurrence is the traceback: it starts at the `Traceback` line.
      lines: [{ lineNo: this.start.lineNo, text: line.text, offset: 0 }],
      location: this.location,
    });
  }

  close(): void {}
}

export const recogniseTraceback: Recogniser = (line: Line, sink: Sink): Block | undefined => {
  const m = START.exec(line.text);
  if (!m) return undefined;
  sink.saw('python-traceback');
  return new TracebackBlock(line, m[1]!.length, sink);
};

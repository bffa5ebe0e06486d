// What stackfix does to a terminal: colour and the progress spinner, both decided here from the
// streams and the environment. A terminal that reports zero columns (`script`, some CI and
// container wrappers give a pty no size) makes ora's redraw count lines by dividing by zero
// and clear lines forever, so the spinner runs only where it can work and stops when the
// terminal shrinks under it.
import type { WriteStream } from 'node:tty';

/** Narrower terminals get no spinner: its line would wrap, and zero would hang ora. */
export const MIN_PROGRESS_COLUMNS = 20;

type Env = Record<string, string | undefined>;
type Stream = Pick<WriteStream, 'isTTY' | 'columns'>;

/**
 * Colour on `stream`: `--color` / `--no-color` (the last one given) first, then `FORCE_COLOR`
 * (set and not empty: on, except `0` and `false`), then `NO_COLOR` (set and not empty: off),
 * then `TERM=dumb` (off), then whether the stream is a terminal.
 */
export function colourWanted(flag: boolean | undefined, stream: Pick<Stream, 'isTTY'>, env: Env): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

function inCI(env: Env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** A spinner only on an interactive terminal with a usable width: not for TERM=dumb, not in CI. */
export function progressWanted(stream: Stream, env: Env): boolean {
  return stream.isTTY === true && (stream.columns ?? 0) >= MIN_PROGRESS_COLUMNS && env.TERM !== 'dumb' && !inCI(env);
}

export interface Progress {
  /** Shows `text`, or stops the spinner for good on undefined. */
  update(text: string | undefined): Promise<void>;
  stop(): void;
}

/** Progress on stderr (ora, loaded on first use), or undefined where it is not wanted. */
export function progressOn(stream: WriteStream, env: Env, colour: boolean): Progress | undefined {
  if (!progressWanted(stream, env)) return undefined;
  let spinner: import('ora').Ora | undefined;
  let done = false;
  const stop = () => {
    done = true;
    stream.off('resize', onResize);
    spinner?.stop();
  };
  // Node updates `columns` and emits 'resize' on SIGWINCH before any timer runs, so the
  // spinner stops before it renders at a width it cannot handle.
  const onResize = () => {
    if ((stream.columns ?? 0) < MIN_PROGRESS_COLUMNS) stop();
  };
  stream.on('resize', onResize);
  return {
    async update(text) {
      if (done) return;
      if (text === undefined || (stream.columns ?? 0) < MIN_PROGRESS_COLUMNS) return stop();
      if (spinner) {
        spinner.text = text;
        return;
      }
      const { default: ora } = await import('ora');
      if (done) return;
      // isEnabled is decided here, not by ora; stdin is left alone (no raw mode to restore if killed).
      spinner = ora({ text, stream, isEnabled: true, discardStdin: false, color: colour ? 'cyan' : false }).start();
    },
    stop,
  };
}

// The prefilter in front of every signature regex: text that any match must contain. A message
// without it cannot match, so the regex is not run (nor compiled, on a fresh start). With a
// hundred signatures most patterns cannot match most lines, and running them all was most of a
// small run's time.
//
// `requiredLiterals(source)` reads a JavaScript regex (the `u` syntax the catalogue compiles
// with) and returns a set of strings of which every match contains at least one, or null when
// nothing is certain. It only has to be sound, not complete: whatever it cannot read (classes,
// lookarounds, optional parts) it treats as unknown text, which only makes the set weaker.

/** Any-of: a match contains at least one of these strings. null: no guarantee. */
type Need = string[] | null;

/** What the classifier checks before running a pattern. */
export interface Needle {
  /** A match contains one of these (lower-cased when ignoreCase). */
  any: string[];
  ignoreCase: boolean;
}

interface Parser {
  src: string;
  i: number;
}

/** Quality of a set: its shortest string decides how often it rules a message out. */
function score(n: string[]): number {
  return Math.min(...n.map((s) => s.length)) * 64 - n.length;
}

function better(a: Need, b: Need): Need {
  if (!a) return b;
  if (!b) return a;
  return score(b) > score(a) ? b : a;
}

/** `a|b|c`: every alternative must promise something, and the promise is any of theirs. */
function parseAlternation(p: Parser): Need {
  const alts: Need[] = [parseSequence(p)];
  while (p.src[p.i] === '|') {
    p.i++;
    alts.push(parseSequence(p));
  }
  if (alts.some((a) => a === null)) return null;
  return [...new Set((alts as string[][]).flat())];
}

type Atom =
  | { kind: 'char'; ch: string }
  | { kind: 'transparent' } // \b \B: consume nothing, literal text around them stays adjacent
  | { kind: 'barrier' } // ^ $ lookarounds: consume nothing, but are not read further
  | { kind: 'unknown'; need: Need }; // a class, `.`, an escape class, a group

function parseSequence(p: Parser): Need {
  let best: Need = null;
  let run = '';
  const flush = () => {
    if (run) best = better(best, [run]);
    run = '';
  };
  while (p.i < p.src.length && p.src[p.i] !== '|' && p.src[p.i] !== ')') {
    const atom = parseAtom(p);
    const min = parseQuantifier(p);
    if (atom.kind === 'transparent') continue;
    if (atom.kind === 'barrier') {
      flush();
      continue;
    }
    if (atom.kind === 'char') {
      if (min === undefined) run += atom.ch;
      else if (min === 0) flush();
      else {
        // `ab+c`: "ab" is certain, what follows the repeat is not adjacent to it
        run += atom.ch;
        flush();
      }
      continue;
    }
    flush();
    if (min !== 0) best = better(best, atom.need);
  }
  flush();
  return best;
}

function parseAtom(p: Parser): Atom {
  const c = p.src[p.i]!;
  p.i++;
  if (c === '\\') return parseEscape(p);
  if (c === '[') {
    // skip the class: `]` first or after `^` is literal only outside u mode, but skip it anyway
    if (p.src[p.i] === '^') p.i++;
    while (p.i < p.src.length && p.src[p.i] !== ']') p.i += p.src[p.i] === '\\' ? 2 : 1;
    p.i++;
    return { kind: 'unknown', need: null };
  }
  if (c === '(') {
    let look = false;
    if (p.src[p.i] === '?') {
      const rest = p.src.slice(p.i, p.i + 3);
      if (rest.startsWith('?:')) p.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        p.i += 2;
        look = true;
      } else if (rest === '?<=' || rest === '?<!') {
        p.i += 3;
        look = true;
      } else if (rest.startsWith('?<')) p.i = p.src.indexOf('>', p.i) + 1;
    }
    const need = parseAlternation(p);
    if (p.src[p.i] === ')') p.i++;
    return look ? { kind: 'barrier' } : { kind: 'unknown', need };
  }
  if (c === '^' || c === '$') return { kind: 'barrier' };
  if (c === '.') return { kind: 'unknown', need: null };
  return { kind: 'char', ch: c };
}

function parseEscape(p: Parser): Atom {
  const n = p.src[p.i] ?? '';
  p.i++;
  if (n === 'b' || n === 'B') return { kind: 'transparent' };
  if ((n === 'p' || n === 'P' || n === 'u' || n === 'k') && (p.src[p.i] === '{' || p.src[p.i] === '<')) {
    p.i = p.src.indexOf(n === 'k' ? '>' : '}', p.i) + 1;
  } else if (n === 'u') p.i += 4;
  else if (n === 'x') p.i += 2;
  else if (n === 'c') p.i += 1;
  // \d \w \s \n \t \1 ...: a class or a control character, read as unknown text
  if (/[A-Za-z0-9]/.test(n)) return { kind: 'unknown', need: null };
  return { kind: 'char', ch: n };
}

/** The quantifier after an atom: its minimum count, or undefined when there is none. */
function parseQuantifier(p: Parser): number | undefined {
  const c = p.src[p.i];
  let min: number | undefined;
  if (c === '*' || c === '?') min = 0;
  else if (c === '+') min = 1;
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(p.src.slice(p.i));
    if (!m) return undefined;
    p.i += m[0].length - 1;
    min = Number(m[1]);
  } else return undefined;
  p.i++;
  if (p.src[p.i] === '?') p.i++; // lazy
  return min;
}

/** Strings of which every match of `source` contains one, or null when none is certain. */
export function requiredLiterals(source: string): Need {
  const need = parseAlternation({ src: source, i: 0 });
  return !need || need.length === 0 || need.some((s) => !s) ? null : need;
}

/** The needle of a compiled pattern (null: it must always run). */
export function needleOf(re: RegExp): Needle | null {
  const any = requiredLiterals(re.source);
  if (!any) return null;
  const ignoreCase = re.flags.includes('i');
  return { any: ignoreCase ? [...new Set(any.map((s) => s.toLowerCase()))] : any, ignoreCase };
}

/** Whether `message` (its lower-cased copy is made on demand) can hold a match. */
export function mayContain(needle: Needle | null, message: string, lower: () => string): boolean {
  if (!needle) return true;
  const text = needle.ignoreCase ? lower() : message;
  for (const s of needle.any) if (text.includes(s)) return true;
  return false;
}

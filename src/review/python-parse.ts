// Python files re-parse with the same tree-sitter grammar the codemods use: a tree with an
// ERROR or MISSING node is a syntax error.
import { parsePython } from '../fix/python/parser.js';

export async function pythonProblems(text: string, path = 'file.py'): Promise<{ line: number; message: string }[]> {
  const file = await parsePython(path, text);
  try {
    return file.problems();
  } finally {
    file.dispose();
  }
}

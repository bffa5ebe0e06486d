// Placeholder until the Python engine lands: Python files are not patched yet, so nothing
// ever asks; if something does, refuse loudly rather than claim the file parses.
export async function pythonProblems(_text: string): Promise<{ line: number; message: string }[]> {
  return [{ line: 0, message: 'Python files cannot be checked yet' }];
}

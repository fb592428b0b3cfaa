// The command's I/O captured for a test: files from a table (anything else goes to `missing`),
// stdin from the file named "-", and what it prints collected line by line.
export function capturedIo(files: Record<string, string>, missing: (path: string) => Promise<string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readFile: async (path: string) => files[path] ?? missing(path),
      readStdin: async () => files['-'] ?? '',
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
    },
  };
}

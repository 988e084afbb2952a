/**
 * The one place that touches process.stdin: `path: -` (the CLI, a pre-commit hook piping a file)
 * scans standard input. run() gets this reader injected, so tests hand it bytes instead.
 */
export type ReadStdin = () => Promise<Buffer>;

export const processStdin: ReadStdin = async () => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
};

/** The CLI's sink: what the runner would show, printed for a person at a terminal. */
import type { Sink } from '../lib/runtime.ts';
import type { Annotation } from '../lib/report/types.ts';

export interface TerminalStreams {
  out: (text: string) => void;
  err: (text: string) => void;
  verbose?: boolean;
  /** An interactive terminal: progress redraws one line (spinner) instead of printing a line per step. */
  tty?: boolean;
}

export function formatAnnotation(a: Annotation): string {
  const where = a.file ? `${a.file}${a.line ? `:${a.line}${a.column ? `:${a.column}` : ''}` : ''}: ` : '';
  const title = a.title ? ` [${a.title}]` : '';
  return `${where}${a.level}: ${a.message.replace(/\n/g, '\n    ')}${title}`;
}

export function terminalSink(streams: TerminalStreams): Sink & { outputs: Record<string, string> } {
  const outputs: Record<string, string> = {};
  return {
    outputs,
    info: (message) => streams.out(`${message}\n`),
    debug: (message) => {
      if (streams.verbose) streams.err(`debug: ${message}\n`);
    },
    annotate: (annotation) => streams.err(`${formatAnnotation(annotation)}\n`),
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    writeSummary: async (markdown) => streams.out(`\n${markdown.trimEnd()}\n`),
    fail: (message) => streams.err(`\n✗ ${message}\n`),
  };
}

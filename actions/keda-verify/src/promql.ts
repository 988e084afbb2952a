/**
 * What KEDA needs of a Prometheus trigger query, beyond syntax: that it yields one series (KEDA
 * fails, or reads the first of many, otherwise), and which range windows it uses (a rate over
 * fewer than ~4 scrapes is noise, and over fewer than 2 it is empty). Syntax and type errors come
 * from the shared PromQL analyser (Prometheus' own lezer grammar).
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { analysePromQL, PromQLError, type PromType } from '../../../lib/dlp-ingress/promql.ts';

export interface RangeWindow {
  text: string;
  seconds: number;
  offset: number;
}

export interface QueryAnalysis {
  type: PromType;
  metrics: string[];
  /** Null when the query is guaranteed to return at most one series; otherwise why not. */
  multiSeries: string | null;
  windows: RangeWindow[];
}

export { PromQLError };

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};

/** `1h30m`, `90s`, `500ms` → seconds; NaN when it is not a Prometheus duration. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const re = /(\d+)(ms|s|m|h|d|w|y)/gy;
  let total = 0;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(trimmed))) {
    total += Number(match[1]) * UNIT_SECONDS[match[2]!]!;
    consumed = re.lastIndex;
  }
  return consumed === trimmed.length && consumed > 0 ? total : NaN;
}

export function formatDuration(seconds: number): string {
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}m`;
  if (seconds >= 1 && Number.isInteger(seconds)) return `${seconds}s`;
  return `${Math.round(seconds * 1000)}ms`;
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

// Functions that keep one series per input series (so one in, one out).
const PER_SERIES = new Set([
  'Abs',
  'Ceil',
  'Floor',
  'Exp',
  'Ln',
  'Log2',
  'Log10',
  'Sqrt',
  'Round',
  'ClampMin',
  'ClampMax',
  'Clamp',
  'Sgn',
  'Rate',
  'Irate',
  'Increase',
  'Delta',
  'Idelta',
  'Deriv',
  'AvgOverTime',
  'MaxOverTime',
  'MinOverTime',
  'SumOverTime',
  'CountOverTime',
  'LastOverTime',
  'QuantileOverTime',
  'StddevOverTime',
  'Timestamp',
]);

/** Parses and analyses one query; throws PromQLError on syntax or type errors. */
export function analyseQuery(query: string): QueryAnalysis {
  const info = analysePromQL(query);
  const tree = parser.parse(query);
  const windows: RangeWindow[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name === 'MatrixSelector' || ref.name === 'SubqueryExpr') {
        const range = ref.node.getChild('DurationExpr');
        if (range) {
          const text = query.slice(range.from, range.to);
          windows.push({ text, seconds: parseDuration(text), offset: range.from });
        }
      }
    },
  });
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);

  /** Null if at most one series, else the reason; `dropping` labels a caller collapses (le). */
  const many = (node: SyntaxNode, dropping: readonly string[] = []): string | null => {
    switch (node.name) {
      case 'PromQL':
      case 'ParenExpr':
      case 'OffsetExpr':
        return many(children(node)[0]!, dropping);
      case 'NumberLiteral':
      case 'NumberDurationLiteral':
      case 'StringLiteral':
        return null;
      case 'UnaryExpr':
        return many(
          children(node).find((c) => c.name !== 'UnaryOp')!,
          dropping,
        );
      case 'VectorSelector':
      case 'MatrixSelector':
      case 'SubqueryExpr':
        return `'${text(node).slice(0, 60)}' selects every matching series; wrap the query in an aggregation without grouping (e.g. max(...) or sum(...))`;
      case 'AggregateExpr': {
        const op = children(node.getChild('AggregateOp')!)[0]?.name ?? '';
        const modifier = node.getChild('AggregateModifier');
        if (
          op === 'Topk' ||
          op === 'Bottomk' ||
          op === 'CountValues' ||
          op === 'LimitK' ||
          op === 'LimitRatio'
        )
          return `${text(node.getChild('AggregateOp')!)}() can return several series`;
        if (!modifier) return null;
        const labels = modifier
          .getChildren('GroupingLabels')
          .flatMap((g) => g.getChildren('LabelName'))
          .map(text);
        if (modifier.getChild('Without'))
          return `'${text(node).slice(0, 60)}' aggregates without (${labels.join(', ')}) and keeps every other label`;
        const kept = labels.filter((l) => !dropping.includes(l));
        if (kept.length > 0)
          return `'${text(node).slice(0, 60)}' keeps one series per ${kept.join(', ')}; aggregate them away (max or sum without by)`;
        return null;
      }
      case 'FunctionCall': {
        const fn = children(node.getChild('FunctionIdentifier')!)[0]?.name ?? '';
        const args = children(node.getChild('FunctionCallBody')!);
        if (['Time', 'Scalar', 'Vector', 'Pi', 'Absent', 'AbsentOverTime'].includes(fn)) return null;
        // histogram_quantile collapses the `le` label; everything else must already be single.
        if (fn === 'HistogramQuantile') return many(args[1]!, ['le']);
        if (PER_SERIES.has(fn)) {
          const vectorArg = args.find(
            (a) => a.name !== 'NumberLiteral' && a.name !== 'NumberDurationLiteral',
          );
          return vectorArg ? many(vectorArg, dropping) : null;
        }
        const vectorArgs = args.filter((a) => a.name !== 'StringLiteral');
        for (const a of vectorArgs) {
          const reason = many(a, dropping);
          if (reason) return reason;
        }
        return null;
      }
      case 'BinaryExpr': {
        const operands = children(node).filter(
          (c) =>
            c.name.endsWith('Expr') ||
            c.name.endsWith('Literal') ||
            c.name === 'VectorSelector' ||
            c.name === 'FunctionCall',
        );
        for (const o of operands) {
          const reason = many(o, dropping);
          if (reason) return reason;
        }
        return null;
      }
      default:
        return `cannot tell how many series '${text(node).slice(0, 60)}' returns`;
    }
  };
  return {
    type: info.type,
    metrics: info.metrics,
    multiSeries: many(tree.topNode as unknown as SyntaxNode),
    windows,
  };
}

/**
 * PromQL checks for the dashboard and recording rules: syntax via the Prometheus project's own
 * lezer grammar, plus the type rules the grammar does not enforce (rate() wants a range vector,
 * aggregations want instant vectors, a panel must yield a vector or scalar), and the label names
 * and metric names a query touches, so a test can forbid value-bearing labels.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';

export type PromType = 'scalar' | 'vector' | 'matrix' | 'string';

export class PromQLError extends Error {
  readonly offset: number;
  constructor(expr: string, offset: number, detail: string) {
    super(
      `${detail} at offset ${offset}: ${expr.slice(Math.max(0, offset - 30), offset)}⟨here⟩${expr.slice(offset, offset + 30)}`,
    );
    this.name = 'PromQLError';
    this.offset = offset;
  }
}

export interface PromQLInfo {
  type: PromType;
  metrics: string[];
  /** Label names in matchers, `by`/`without`, and label_replace/label_join targets. */
  labels: string[];
}

/**
 * Grafana's variables made concrete so the text parses: built-in durations become `5m`,
 * `$__range_s` a number, and template variables (only allowed inside quoted matchers) `.*`.
 */
export function substituteGrafanaVariables(expr: string): string {
  return expr
    .replace(/\$__range_s\b|\$\{__range_s\}/g, '3600')
    .replace(/\$__(?:rate_interval|interval|range)\b|\$\{__(?:rate_interval|interval|range)\}/g, '5m')
    .replace(/\$\{[A-Za-z_]\w*(?::\w+)?\}|\$[A-Za-z_]\w*/g, '.*');
}

// Functions whose argument types differ from "one instant vector": [argument types, result].
const RANGE_FUNCTIONS = new Set([
  'Rate',
  'Irate',
  'Increase',
  'Delta',
  'Idelta',
  'Deriv',
  'Changes',
  'Resets',
  'AvgOverTime',
  'SumOverTime',
  'MinOverTime',
  'MaxOverTime',
  'CountOverTime',
  'LastOverTime',
  'StddevOverTime',
  'StdvarOverTime',
  'PresentOverTime',
  'AbsentOverTime',
]);
const SPECIAL_FUNCTIONS: Record<string, { args: PromType[]; result: PromType }> = {
  Vector: { args: ['scalar'], result: 'vector' },
  Scalar: { args: ['vector'], result: 'scalar' },
  Time: { args: [], result: 'scalar' },
  HistogramQuantile: { args: ['scalar', 'vector'], result: 'vector' },
  QuantileOverTime: { args: ['scalar', 'matrix'], result: 'vector' },
  LabelReplace: { args: ['vector', 'string', 'string', 'string', 'string'], result: 'vector' },
  ClampMin: { args: ['vector', 'scalar'], result: 'vector' },
  ClampMax: { args: ['vector', 'scalar'], result: 'vector' },
  Round: { args: ['vector', 'scalar'], result: 'vector' },
};
// Children of a BinaryExpr that are not operands.
const OPERATOR_NODES = new Set([
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Mod',
  'Pow',
  'Atan2',
  'Eql',
  'Neq',
  'Lss',
  'Gtr',
  'Lte',
  'Gte',
  'And',
  'Or',
  'Unless',
  'BoolModifier',
  'MatchingModifierClause',
]);
const PARAM_AGGREGATIONS: Record<string, PromType> = {
  Topk: 'scalar',
  Bottomk: 'scalar',
  Quantile: 'scalar',
  CountValues: 'string',
  LimitK: 'scalar',
};

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function analysePromQL(expr: string): PromQLInfo {
  const tree = parser.parse(expr);
  const metrics = new Set<string>();
  const labels = new Set<string>();
  const text = (n: SyntaxNode) => expr.slice(n.from, n.to);
  const unquote = (n: SyntaxNode) => {
    const t = text(n);
    return t.slice(1, -1);
  };

  tree.iterate({
    enter(ref) {
      if (ref.type.isError) throw new PromQLError(expr, ref.from, 'syntax error');
    },
  });

  const typeOf = (node: SyntaxNode): PromType => {
    switch (node.name) {
      case 'PromQL': {
        const [only] = children(node);
        if (!only) throw new PromQLError(expr, 0, 'empty expression');
        return typeOf(only);
      }
      case 'NumberDurationLiteral':
      case 'NumberLiteral':
        return 'scalar';
      case 'StringLiteral':
        return 'string';
      case 'VectorSelector': {
        for (const c of children(node)) {
          if (c.name === 'Identifier') metrics.add(text(c));
          if (c.name === 'LabelMatchers') {
            for (const m of children(c)) {
              const name = m.getChild('LabelName') ?? m.getChild('QuotedLabelName');
              if (name) labels.add(name.name === 'QuotedLabelName' ? unquote(name) : text(name));
            }
          }
        }
        return 'vector';
      }
      case 'MatrixSelector':
      case 'SubqueryExpr': {
        const inner = children(node)[0]!;
        const t = typeOf(inner);
        if (t !== 'vector')
          throw new PromQLError(expr, node.from, `a range needs an instant vector, got ${t}`);
        return 'matrix';
      }
      case 'OffsetExpr':
      case 'ParenExpr':
        return typeOf(children(node)[0]!);
      case 'UnaryExpr': {
        const t = typeOf(children(node).find((c) => c.name !== 'UnaryOp')!);
        if (t !== 'vector' && t !== 'scalar') throw new PromQLError(expr, node.from, `unary minus on ${t}`);
        return t;
      }
      case 'BinaryExpr': {
        const [l, r] = children(node).filter((c) => !OPERATOR_NODES.has(c.name));
        const modifier = node.getChild('MatchingModifierClause');
        if (modifier)
          for (const ln of modifier.getChildren('GroupingLabels').flatMap((g) => g.getChildren('LabelName')))
            labels.add(text(ln));
        const lt = typeOf(l!);
        const rt = typeOf(r!);
        for (const [t, n] of [
          [lt, l!],
          [rt, r!],
        ] as const) {
          if (t !== 'vector' && t !== 'scalar')
            throw new PromQLError(expr, n.from, `binary operator on ${t}`);
        }
        return lt === 'vector' || rt === 'vector' ? 'vector' : 'scalar';
      }
      case 'AggregateExpr': {
        const op = node.getChild('AggregateOp')!;
        const opName = children(op)[0]?.name ?? text(op);
        const modifier = node.getChild('AggregateModifier');
        if (modifier)
          for (const ln of modifier.getChildren('GroupingLabels').flatMap((g) => g.getChildren('LabelName')))
            labels.add(text(ln));
        const args = children(node.getChild('FunctionCallBody')!);
        const param = PARAM_AGGREGATIONS[opName];
        const expected: PromType[] = param ? [param, 'vector'] : ['vector'];
        checkArgs(args, expected, `${text(op)}()`);
        if (opName === 'CountValues') labels.add(unquote(args[0]!));
        return 'vector';
      }
      case 'FunctionCall': {
        const id = node.getChild('FunctionIdentifier')!;
        const fn = children(id)[0]?.name ?? text(id);
        const args = children(node.getChild('FunctionCallBody')!);
        if (RANGE_FUNCTIONS.has(fn)) {
          checkArgs(args, ['matrix'], `${text(id)}()`);
          return 'vector';
        }
        const special = SPECIAL_FUNCTIONS[fn];
        if (special) {
          checkArgs(args, special.args, `${text(id)}()`);
          if (fn === 'LabelReplace') labels.add(unquote(args[1]!));
          return special.result;
        }
        checkArgs(args, ['vector'], `${text(id)}()`);
        return 'vector';
      }
      default:
        throw new PromQLError(expr, node.from, `unsupported expression ${node.name}`);
    }
  };
  const checkArgs = (args: SyntaxNode[], expected: PromType[], what: string) => {
    if (args.length !== expected.length)
      throw new PromQLError(
        expr,
        args[0]?.from ?? 0,
        `${what} takes ${expected.length} argument(s), got ${args.length}`,
      );
    args.forEach((a, i) => {
      const t = typeOf(a);
      if (t !== expected[i])
        throw new PromQLError(expr, a.from, `${what} argument ${i + 1} must be ${expected[i]}, got ${t}`);
    });
  };

  const type = typeOf(tree.topNode as unknown as SyntaxNode);
  return { type, metrics: [...metrics].sort(), labels: [...labels].sort() };
}

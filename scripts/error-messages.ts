/**
 * The error messages a user of the actions can see, read from the sources with TypeScript's parser:
 * every string and template argument of `new <X>Error(…)`, `fail(…)`, `setFailed(…)` and every
 * `failure` value (property or assignment) in actions/*\/src and lib/. A template's substitutions become `…`; its fixed
 * parts are what docs/troubleshooting.md must quote, so a new message without an entry there fails
 * test/troubleshooting.test.ts. Modules whose errors cannot reach a user are listed with the reason.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '..');

/** Paths (relative to the root) whose errors never reach a user of the actions, and why. */
export const NOT_USER_FACING: Record<string, string> = {
  'lib/report/sarif.ts': 'validates the SARIF our own code writes: a failure is a bug in Summit Ops',
  'lib/report/summary.ts': 'table() misuse by our own code',
  'lib/dlp/threads.ts':
    'argument checks of scanFiles(); per-file failures are reported by dlp-scan with the path',
  'lib/dlp/prefilter.ts': 'keyword checks behind the rule-pack validation, which reports them first',
  'lib/dlp/synth.ts': 'test data generator',
  'lib/dlp/cases.ts': 'test data generator',
  'lib/dlp-ingress/generate.ts': 'build step of the Envoy filter (npm run build)',
  'lib/dlp-ingress/promql.ts': 'build step of the Envoy filter (npm run build)',
  'lib/load/schedule.ts': 'argument checks; the actions validate rate and durations as inputs first',
  'lib/load/generator.ts': 'argument checks; the actions validate rate and durations as inputs first',
  'lib/load/stats.ts': 'argument checks of our own statistics code',
  'lib/load/http-target.ts': 'argument checks; target URLs are validated as inputs first',
  'lib/terraform/hcl.ts': 'the edge lab and infra tests read Terraform; no action does',
  'lib/terraform/edge-timing.ts': 'the edge lab and infra tests read Terraform; no action does',
  'actions/reason-for-access/src/audit.ts:canonical': 'canonical JSON of records our own code builds',
};

export interface ErrorMessage {
  /** `path:line`. */
  at: string;
  /** The message with every substitution shown as `…`. */
  text: string;
  /** The fixed parts of the message, trimmed. */
  parts: string[];
}

const ERROR_CALL = /(^|\.)(setFailed|fail)$/;

async function sourceFiles(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['test', 'dist', 'node_modules', 'schema'].includes(entry.name)) await walk(path);
      } else if (
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.test.ts') &&
        !entry.name.endsWith('.d.ts')
      )
        out.push(path);
    }
  };
  for (const action of await readdir(join(ROOT, 'actions')))
    await walk(join(ROOT, 'actions', action, 'src')).catch(() => undefined);
  await walk(join(ROOT, 'lib'));
  return out.sort();
}

function messageOf(node: ts.Expression, sf: ts.SourceFile): { text: string; parts: string[] } | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return { text: node.text, parts: [node.text.trim()] };
  if (ts.isTemplateExpression(node)) {
    const raw = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
    return { text: raw.join('…'), parts: raw.map((p) => p.trim()).filter(Boolean) };
  }
  if (ts.isParenthesizedExpression(node)) return messageOf(node.expression, sf);
  if (ts.isConditionalExpression(node)) {
    const a = messageOf(node.whenTrue, sf);
    const b = messageOf(node.whenFalse, sf);
    if (!a && !b) return undefined;
    return {
      text: [a?.text, b?.text].filter(Boolean).join(' | '),
      parts: [...(a?.parts ?? []), ...(b?.parts ?? [])],
    };
  }
  return undefined;
}

export async function userFacingErrors(): Promise<ErrorMessage[]> {
  const found: ErrorMessage[] = [];
  for (const path of await sourceFiles()) {
    const file = relative(ROOT, path);
    if (NOT_USER_FACING[file]) continue;
    const sf = ts.createSourceFile(file, await readFile(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      let args: readonly ts.Expression[] = [];
      if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(sf))) args = node.arguments ?? [];
      else if (ts.isCallExpression(node) && ERROR_CALL.test(node.expression.getText(sf)))
        args = node.arguments;
      else if (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'failure')
        args = [node.initializer];
      else if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        /(^|\.)failure$/.test(node.left.getText(sf))
      )
        args = [node.right];
      for (const arg of args) {
        const message = messageOf(arg, sf);
        if (!message || message.text.length < 25) continue; // field names, rule ids, short labels
        if (file === 'actions/reason-for-access/src/audit.ts' && message.text.startsWith('canonical JSON'))
          continue;
        const line = sf.getLineAndCharacterOfPosition(arg.getStart(sf)).line + 1;
        found.push({ at: `${file}:${line}`, ...message });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** The fixed parts worth quoting: long enough to be searched for (shorter ones are glue like ': '). */
export function quotableParts(message: ErrorMessage): string[] {
  return message.parts
    .map((p) => p.replace(/^[\s:;,.()'"`-]+|[\s:;,.()'"`-]+$/g, ''))
    .filter((p) => p.length >= 20);
}

if (import.meta.main) {
  for (const m of await userFacingErrors()) console.log(`${m.at}\t${m.text}`);
}

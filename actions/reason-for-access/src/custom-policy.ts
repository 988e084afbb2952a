/**
 * A team's own Rego next to the built-in rules: evaluated with lib/policy on the same input
 * policy/opa/abac.rego sees (toOpaInput) with the access policy as data.policy. It can only add
 * denials: its deny set is combined with decide()'s verdict and a non-empty set denies. A policy
 * that cannot be loaded or evaluated denies too (fail closed).
 */
import { isAbsolute, resolve } from 'node:path';
import type { RunContext } from '../../../lib/action.ts';
import { decisionLogEntry, loadPolicyPath, type DecisionLogEntry } from '../../../lib/policy/index.ts';
import type { AccessRequest, Decision, Facts } from './decide.ts';
import { toOpaInput } from './decide.ts';
import type { LoadedPolicy } from './policy.ts';
import { message, withFailure } from './record.ts';

export const CUSTOM_ENTRYPOINT = 'summit/reason_for_access/deny';
const HINT = `build it with \`opa build -t wasm -e ${CUSTOM_ENTRYPOINT} --ignore '*_test.rego' policy/opa\` and pass bundle.tar.gz, or pass the .rego folder when opa is on PATH`;

/** The built-in decision as a decision-log entry: its revision is the access policy's digest. */
export function builtInDecisionLog(
  request: AccessRequest,
  facts: Facts,
  loaded: LoadedPolicy,
  decision: Decision,
  now: Date,
): DecisionLogEntry {
  return decisionLogEntry({
    path: 'reason-for-access/decide',
    input: toOpaInput(request, facts),
    result: { decision: decision.decision, failed: decision.reasons.filter((r) => !r.ok).map((r) => r.rule) },
    revision: `sha256:${loaded.digest}`,
    now,
    app: 'reason-for-access',
  });
}

export async function applyCustomPolicy(
  context: RunContext,
  path: string,
  request: AccessRequest,
  facts: Facts,
  loaded: LoadedPolicy,
  decision: Decision,
): Promise<{ decision: Decision; log?: DecisionLogEntry }> {
  const absolute = isAbsolute(path) ? path : resolve(context.workspace, path);
  try {
    const policy = await loadPolicyPath(absolute, path, {
      entrypoints: [CUSTOM_ENTRYPOINT],
      hint: HINT,
      now: () => context.now(),
      app: 'reason-for-access',
    });
    const { result, decision: log } = policy.evaluate(CUSTOM_ENTRYPOINT, toOpaInput(request, facts), {
      policy: loaded.policy,
    });
    const denials = result === undefined ? [] : result;
    if (!Array.isArray(denials) || denials.some((d) => typeof d !== 'string'))
      return {
        decision: withFailure(
          decision,
          'custom-policy',
          `custom policy ${path}: ${CUSTOM_ENTRYPOINT} must be a set of strings ('deny contains msg if …'); denied`,
        ),
        log,
      };
    if (denials.length === 0) return { decision, log };
    return {
      decision: withFailure(
        decision,
        'custom-policy',
        `custom policy ${path}: ${[...denials].sort().join('; ')}`,
      ),
      log,
    };
  } catch (error) {
    return {
      decision: withFailure(
        decision,
        'custom-policy',
        `custom policy ${path} could not be evaluated: ${message(error)}`,
      ),
    };
  }
}

/**
 * Diff mode's configuration comes from the BASE commit, not from the checkout. The checkout of a
 * pull request is the pull request's own tree: reading `.summit-ops-dlp.yml` or the baseline from
 * it would let a pull request switch off its own scan (an allowlist of `**`, a baseline entry for
 * the key it adds). The base commit is what reviewers already accepted.
 *
 * A change the diff makes to those files is itself reported (rule `dlp-config-changed`, a
 * warning): this scan did not use it, the next scan after the merge will, so a reviewer must see it.
 */
import { realpath } from 'node:fs/promises';
import { sha256Hex } from '../../../lib/digest.ts';
import { isAbsolute, relative, sep } from 'node:path';
import type { CompiledRulePackWithPrefilter, DlpFinding } from '../../../lib/dlp/index.ts';
import type { RuleDescriptor } from '../../../lib/report/types.ts';
import { baselineFromText, loadBaseline, loadRules, rulesFromText, type Baseline } from './config.ts';
import { blobId, mergeBaseOf, repoRoot, resolveRange, showFile } from './git.ts';

export const CONFIG_CHANGED_RULE = 'dlp-config-changed';

export const CONFIG_CHANGED_DESCRIPTOR: RuleDescriptor = {
  id: CONFIG_CHANGED_RULE,
  shortDescription:
    'dlp-scan configuration (rule pack or baseline) changed: this scan used the base version; the change applies after the merge',
  defaultLevel: 'warning',
  tags: ['config'],
};

export interface ConfigFileRef {
  /** Absolute path in the checkout. */
  absolute: string;
  /** How it is named in messages (workspace-relative). */
  shown: string;
  /** True when an input named it, false when it is the conventional file at the workspace root. */
  explicit: boolean;
}

export interface TrustedConfig {
  rules: CompiledRulePackWithPrefilter;
  baseline: Baseline | undefined;
  /** `dlp-config-changed` findings, one per configuration file the diff touches. */
  changed: DlpFinding[];
  /** What was read from where, for the log. */
  notes: string[];
}

async function realOrSame(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

function changedFinding(
  ref: ConfigFileRef,
  state: 'added' | 'modified' | 'deleted',
  blob: string,
): DlpFinding {
  return {
    ruleId: CONFIG_CHANGED_RULE,
    description: `${CONFIG_CHANGED_DESCRIPTOR.shortDescription} (${state})`,
    severity: 'warning',
    tags: ['config'],
    path: ref.shown,
    line: 1,
    endLine: 1,
    column: 1,
    endColumn: 1,
    preview: state,
    matchPreview: state,
    fingerprint: sha256Hex(`${CONFIG_CHANGED_RULE}:${blob}:${ref.shown}`),
  };
}

type Source =
  { kind: 'text'; text: string; shown: string } | { kind: 'disk'; ref: ConfigFileRef } | { kind: 'none' };

/**
 * Loads the rule pack and baseline as the base commit has them, and reports the diff's changes
 * to them. A file outside the repository (not something a pull request can change) is read from
 * disk; so is a file an input names that neither commit tracks (written by an earlier step of
 * the caller's job). The conventional files are only ever read from the base commit.
 */
export async function configFromBase(options: {
  cwd: string;
  base: string;
  head: string;
  rules: ConfigFileRef | undefined;
  baseline: ConfigFileRef | undefined;
}): Promise<TrustedConfig> {
  const top = await realOrSame(await repoRoot(options.cwd));
  const { base, head } = await resolveRange(options.cwd, options.base, options.head);
  const from = await mergeBaseOf(top, base!, head);
  const notes: string[] = [];
  const changed: DlpFinding[] = [];

  async function locate(ref: ConfigFileRef | undefined, what: string): Promise<Source> {
    if (!ref) return { kind: 'none' };
    const rel = relative(top, await realOrSame(ref.absolute));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      notes.push(`Using ${what} ${ref.shown} (outside the repository, read from disk).`);
      return { kind: 'disk', ref };
    }
    const gitPath = rel.split(sep).join('/');
    const [atBase, atFork, atHead] = await Promise.all([
      showFile(top, base!, gitPath),
      blobId(top, from, gitPath),
      blobId(top, head, gitPath),
    ]);
    if (atFork !== atHead) {
      const state = atFork === undefined ? 'added' : atHead === undefined ? 'deleted' : 'modified';
      changed.push(changedFinding(ref, state, atHead ?? 'deleted'));
    }
    if (atBase !== undefined) {
      notes.push(
        `Using ${what} ${ref.shown} as of the base commit ${base!.slice(0, 12)} (not the checkout).`,
      );
      return { kind: 'text', text: atBase.toString('utf8'), shown: ref.shown };
    }
    if (ref.explicit && atHead === undefined && atFork === undefined) {
      notes.push(`Using ${what} ${ref.shown} (not tracked by git, read from disk).`);
      return { kind: 'disk', ref };
    }
    if (atHead !== undefined)
      notes.push(
        `Not using ${what} ${ref.shown}: the base commit does not have it (this change adds it; it applies after the merge).`,
      );
    return { kind: 'none' };
  }

  const rulesSource = await locate(options.rules, 'rule-pack override');
  const baselineSource = await locate(options.baseline, 'baseline');
  const rules =
    rulesSource.kind === 'text'
      ? rulesFromText(rulesSource.text, rulesSource.shown)
      : rulesSource.kind === 'disk'
        ? await loadRules(rulesSource.ref.absolute, rulesSource.ref.shown)
        : await loadRules(undefined);
  const baseline =
    baselineSource.kind === 'text'
      ? baselineFromText(baselineSource.text, baselineSource.shown)
      : baselineSource.kind === 'disk'
        ? await loadBaseline(baselineSource.ref.absolute, baselineSource.ref.shown)
        : undefined;
  return { rules, baseline, changed, notes };
}

/**
 * Diff mode's configuration comes from the BASE commit, not from the checkout. The checkout of a
 * pull request is the pull request's own tree: reading `.summit-ops-dlp.yml` or the baseline from
 * it would let a pull request switch off its own scan (an allowlist of `**`, a baseline entry for
 * the key it adds). The base commit is what reviewers already accepted.
 *
 * A change the diff makes to those files is itself reported (rule `dlp-config-changed`, a
 * warning): this scan did not use it, the next scan after the merge will, so a reviewer must see it.
 */
import { lstat, realpath } from 'node:fs/promises';
import { sha256Hex } from '../../../lib/digest.ts';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CompiledRulePackWithPrefilter, DlpFinding } from '../../../lib/dlp/index.ts';
import type { RuleDescriptor } from '../../../lib/report/types.ts';
import { baselineFromText, loadBaseline, loadRules, rulesFromText, type Baseline } from './config.ts';
import { entryAt, mergeBaseOf, repoRoot, resolveRange, showFile, SYMLINK_MODE } from './git.ts';

export const CONFIG_CHANGED_RULE = 'dlp-config-changed';

export const CONFIG_CHANGED_DESCRIPTOR: RuleDescriptor = {
  id: CONFIG_CHANGED_RULE,
  shortDescription:
    'dlp-scan configuration (rule pack or baseline) changed: this scan used the base version; the change applies after the merge',
  defaultLevel: 'warning',
  tags: ['config'],
};

export const CONFIG_SYMLINK_RULE = 'dlp-config-symlink';

export const CONFIG_SYMLINK_DESCRIPTOR: RuleDescriptor = {
  id: CONFIG_SYMLINK_RULE,
  shortDescription:
    'dlp-scan configuration is a symlink in the repository: it is never followed (it could point anywhere); this scan used the built-in defaults for it',
  defaultLevel: 'error',
  tags: ['config'],
};

export interface ConfigFileRef {
  /** Absolute path in the checkout. */
  absolute: string;
  /** How it is named in messages (workspace-relative). */
  shown: string;
  /**
   * True when an input named it, false when it is the conventional file (at the workspace root, or
   * at the repository's root when the checkout is in a subdirectory).
   */
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

/**
 * The sentence a reviewer reads: which file, what the change does to it, and what this scan used
 * instead (the base commit's copy — the change's own copy could switch its scan off).
 */
export function configChangedMessage(
  shown: string,
  what: string,
  state: 'added' | 'modified' | 'deleted',
): string {
  return `${shown} (the ${what}) is ${state} by the scanned change. This scan used the base commit's configuration, not the change's: the ${state === 'deleted' ? 'deletion' : state === 'added' ? 'file' : 'new version'} applies to scans after the merge. A reviewer should check it; nothing to fix if it is intended.`;
}

function changedFinding(
  ref: ConfigFileRef,
  what: string,
  state: 'added' | 'modified' | 'deleted',
  blob: string,
): DlpFinding {
  return {
    ruleId: CONFIG_CHANGED_RULE,
    description: configChangedMessage(ref.shown, what, state),
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

/** A configuration file that is a symlink (where: which commit or the checkout). */
export function symlinkFinding(shown: string, where: string): DlpFinding {
  return {
    ruleId: CONFIG_SYMLINK_RULE,
    description: `${CONFIG_SYMLINK_DESCRIPTOR.shortDescription} (${where}). Replace the symlink with the file itself.`,
    severity: 'error',
    tags: ['config'],
    path: shown,
    line: 1,
    endLine: 1,
    column: 1,
    endColumn: 1,
    preview: 'symlink',
    matchPreview: 'symlink',
    fingerprint: sha256Hex(`${CONFIG_SYMLINK_RULE}:${where}:${shown}`),
  };
}

/**
 * The first symlink on the way from `root` (not included) to `root/rel`, or undefined. A file read
 * from the checkout must not pass through one: the pull request decides where it points.
 */
export async function symlinkOnPath(root: string, rel: string): Promise<string | undefined> {
  let at = root;
  for (const part of rel.split(/[\\/]/).filter(Boolean)) {
    at = join(at, part);
    try {
      if ((await lstat(at)).isSymbolicLink()) return relative(root, at).split(sep).join('/');
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Where a configuration file lives relative to the repository, worked out from the path's text
 * under the workspace: the workspace itself is resolved (a runner may reach it through a
 * symlink), but nothing inside it — a symlink there is the pull request's to point anywhere.
 */
async function repoPathOf(
  top: string,
  workspace: string,
  absolute: string,
): Promise<{ gitPath: string } | { outside: string }> {
  const inWorkspace = relative(workspace, absolute);
  const lexical =
    inWorkspace.startsWith('..') || isAbsolute(inWorkspace)
      ? await realOrSame(absolute)
      : resolve(await realOrSame(workspace), inWorkspace);
  const rel = relative(top, lexical);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { outside: lexical };
  return { gitPath: rel.split(sep).join('/') };
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
  /** The workspace (paths under it are taken as written, never through a symlink). Default: cwd. */
  workspace?: string;
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

  async function locate(given: ConfigFileRef | undefined, what: string): Promise<Source> {
    if (!given) return { kind: 'none' };
    let ref = given;
    const workspace = options.workspace ?? options.cwd;
    let where = await repoPathOf(top, workspace, ref.absolute);
    if ('outside' in where && !ref.explicit) {
      // The conventional file belongs to the repository's root: with the checkout in a
      // subdirectory of the workspace (actions/checkout `path:`), that is not the workspace root.
      const name = basename(ref.absolute);
      const inRepo = join(top, name);
      const rel = relative(await realOrSame(workspace), inRepo);
      ref = {
        ...ref,
        absolute: inRepo,
        shown: rel.startsWith('..') || isAbsolute(rel) ? inRepo : rel.split(sep).join('/'),
      };
      where = { gitPath: name };
    }
    if ('outside' in where) {
      notes.push(`Using ${what} ${ref.shown} (outside the repository, read from disk).`);
      return { kind: 'disk', ref };
    }
    const { gitPath } = where;
    const [atBase, atFork, atHead] = await Promise.all([
      entryAt(top, base!, gitPath),
      entryAt(top, from, gitPath),
      entryAt(top, head, gitPath),
    ]);
    if (atFork?.id !== atHead?.id || atFork?.mode !== atHead?.mode) {
      const state = atFork === undefined ? 'added' : atHead === undefined ? 'deleted' : 'modified';
      // Named as the docs name it: "rules file" rather than the notes' "rule-pack override".
      const label = what === 'baseline' ? 'baseline' : 'rules file';
      changed.push(changedFinding(ref, label, state, atHead?.id ?? 'deleted'));
    }
    // A symlink is never followed, in any commit: its target is whatever the link text says.
    if (atHead?.mode === SYMLINK_MODE) changed.push(symlinkFinding(ref.shown, `head ${head.slice(0, 12)}`));
    if (atBase?.mode === SYMLINK_MODE) {
      if (atHead?.mode !== SYMLINK_MODE)
        changed.push(symlinkFinding(ref.shown, `base ${base!.slice(0, 12)}`));
      notes.push(`Not using ${what} ${ref.shown}: it is a symlink in the base commit (never followed).`);
      return { kind: 'none' };
    }
    if (atBase !== undefined) {
      const text = await showFile(top, base!, gitPath);
      notes.push(
        `Using ${what} ${ref.shown} as of the base commit ${base!.slice(0, 12)} (not the checkout).`,
      );
      return { kind: 'text', text: (text ?? Buffer.alloc(0)).toString('utf8'), shown: ref.shown };
    }
    if (ref.explicit && atHead === undefined && atFork === undefined) {
      const link = await symlinkOnPath(top, gitPath);
      if (link !== undefined) {
        changed.push(symlinkFinding(ref.shown, `checkout, through ${link}`));
        notes.push(`Not using ${what} ${ref.shown}: its path passes through a symlink (${link}).`);
        return { kind: 'none' };
      }
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

/**
 * Path globs for allowlists: `**` crosses directories, `*` and `?` do not, `{a,b}` alternates.
 * A pattern without `/` matches the file name in any directory (like .gitignore).
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let i = 0;
  let braces = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 3 : 2;
        continue;
      }
      source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  const anchored = glob.includes('/') ? `^${source.replace(/^\\\//, '')}$` : `(?:^|/)${source}$`;
  return new RegExp(anchored);
}

/**
 * A workspace-relative path as rules and fingerprints see it. Callers pass `/`-separated paths
 * (git's, or tree mode's own conversion of the platform separator); a backslash is left alone:
 * on Linux and macOS it is an ordinary file-name character, and reading `a\b` as `a/b` would let
 * a file at the root named `dist\x.env` match an allowlisted `dist/**`.
 */
export function normalisePath(path: string): string {
  return path.replace(/^\.\//, '');
}

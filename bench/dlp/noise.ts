/**
 * Noise on real code with no secrets: this repository's own node_modules (third-party packages,
 * installed by `npm ci`), scanned file by file with the built-in pack as tree mode would. Every
 * finding here is a false positive by construction (published packages hold no live credentials
 * or personal data worth a finding — maintainer addresses in package metadata are exactly the
 * noise the defaults must skip). Prints findings per 10 MiB, by rule, and the shapes found.
 *
 *   npx node bench/dlp/noise.ts                 # up to DLP_NOISE_MIB (default 80) MiB
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defaultRulePack, scanText } from '../../lib/dlp/index.ts';

export interface NoiseResult {
  files: number;
  bytes: number;
  findings: number;
  perTenMiB: number;
  byRule: Record<string, number>;
  /** The match previews (masked values), for eyeballing what was flagged. */
  samples: string[];
}

export function measureNoise(root: string, maxBytes: number, maxFileSize = 1024 * 1024): NoiseResult {
  const rules = defaultRulePack();
  const byRule: Record<string, number> = {};
  const samples: string[] = [];
  let files = 0;
  let bytes = 0;
  let findings = 0;
  const stack = [root];
  while (stack.length > 0 && bytes < maxBytes) {
    const dir = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir).sort().reverse();
    } catch {
      continue;
    }
    for (const name of names) {
      if (bytes >= maxBytes) break;
      const path = join(dir, name);
      let info;
      try {
        info = statSync(path);
      } catch {
        continue;
      }
      if (info.isDirectory()) {
        if (name !== '.git' && name !== '.bin') stack.push(path);
        continue;
      }
      if (!info.isFile() || info.size === 0 || info.size > maxFileSize) continue;
      const buffer = readFileSync(path);
      if (buffer.subarray(0, 8000).includes(0)) continue;
      files++;
      bytes += buffer.length;
      const rel = relative(root, path);
      for (const f of scanText(buffer.toString('utf8'), { path: rel, rules })) {
        findings++;
        byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
        if (samples.length < 200) samples.push(`${f.ruleId} ${rel}:${f.line} ${f.matchPreview}`);
      }
    }
  }
  return { files, bytes, findings, perTenMiB: (findings / bytes) * 10 * 1024 * 1024, byRule, samples };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mib = Number(process.env['DLP_NOISE_MIB'] ?? 80);
  const root = join(import.meta.dirname, '..', '..', 'node_modules');
  const result = measureNoise(root, mib * 1024 * 1024);
  console.log(
    `node_modules: ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB, ${result.findings} findings = ${result.perTenMiB.toFixed(2)} per 10 MiB`,
  );
  console.log('by rule:', JSON.stringify(result.byRule));
  if (process.env['DLP_NOISE_SHOW']) for (const s of result.samples) console.log('  ', s);
}

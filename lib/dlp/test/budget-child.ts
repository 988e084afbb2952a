// Runs scans in their own process for the adversarial tests: the parent kills it when one runs
// away (a hang cannot stall the suite) and reads, per case, the time the scan alone took.
// argv[2]: JSON [{ name, parts: [text, times][], override? }]. One JSON line per finished case.
import { defaultRulePack, loadRulePackOverride, scanTextWithStats } from '../index.ts';

const cases = JSON.parse(process.argv[2]!) as Array<{
  name: string;
  parts: Array<[string, number]>;
  override?: string;
}>;
for (const c of cases) {
  const text = c.parts.map(([piece, times]) => piece.repeat(times)).join('');
  const rules = c.override ? loadRulePackOverride(c.override, 'override.yml') : defaultRulePack();
  process.stdout.write(`${JSON.stringify({ started: c.name })}\n`);
  const started = performance.now();
  const result = scanTextWithStats(text, { rules, path: 'adversarial.txt' });
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ name: c.name, ms, findings: result.findings.length })}\n`);
}

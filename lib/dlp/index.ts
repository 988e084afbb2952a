export type * from './types.ts';
export {
  DlpRulePackError,
  RULE_PACK_SCHEMA,
  RULE_PACK_OVERRIDE_SCHEMA,
  builtInRulePackSpec,
  compileRulePack,
  defaultRulePack,
  loadRulePackOverride,
  loadRulePackText,
  mergeRulePack,
  type CompiledRulePackWithPrefilter,
} from './pack.ts';
export {
  fingerprint,
  registerSecrets,
  scanText,
  scanTextWithStats,
  secretOf,
  type ScanOptions,
  type ScanResult,
} from './scan.ts';
export {
  gitleaksReport,
  redactionLog,
  ruleDescriptors,
  toReportFinding,
  type GitleaksEntry,
  type RedactionLog,
} from './report.ts';
export { labelledCases, type LabelledCase } from './cases.ts';
export { closeScanWorkers, scanFiles, type ScanFileInput, type ScanFilesOptions } from './threads.ts';

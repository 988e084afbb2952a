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
  unvettedRuleIds,
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
  isConfigFinding,
  redactionLog,
  ruleDescriptors,
  toReportFinding,
  type GitleaksEntry,
  type RedactionLog,
} from './report.ts';
export { labelledCases, type LabelledCase } from './cases.ts';
export {
  closeScanWorkers,
  defaultRuleBudgetMs,
  MIN_UNITS_PER_LANE,
  scanFiles,
  scanFilesBudgeted,
  warmScanWorkers,
  type BudgetedScan,
  type RuleBudgetExceeded,
  type ScanFileInput,
  type ScanFilesBudgetOptions,
  type ScanFilesOptions,
} from './threads.ts';

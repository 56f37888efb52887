// Public API: typed config, and the types reporters and integrations consume.
export { defineConfig } from './config/schema.js';
export type { UserConfig, ResolvedConfig } from './config/schema.js';
export type { Report, RuleResult, ReportFinding, Notice } from './report/types.js';
export { REPORT_SCHEMA_VERSION } from './report/types.js';
export type { Status, Severity } from './engine/rule.js';

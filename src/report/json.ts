// JSON: the Report as is (schema: docs/report-schema.md; versioned by `schemaVersion`).
import type { Reporter } from './index.js';

export const json: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`;

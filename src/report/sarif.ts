// SARIF 2.1.0 for code scanning (GitHub's supported subset): one reportingDescriptor per rule that
// ran, results for what did not pass, stable partialFingerprints so alerts do not duplicate between
// runs, and suppressed findings kept with their justification (code scanning shows them closed).
import { pathToFileURL } from 'node:url';
import { CHECKLIST, CHECKLIST_ORDER } from '../engine/checklist.js';
import type { GateClass } from '../engine/exit-code.js';
import type { Reporter, ReporterOptions } from './index.js';
import { fingerprint, placeOf, rankedFindings, STATUS_LABEL, subjectOf, type Place } from './places.js';
import type { Report, ReportFinding, SuppressionIssue } from './types.js';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'identityGolive/v1';
const CHECKLIST_URL = 'https://docs.stripe.com/identity/before-going-live';

type Level = 'error' | 'warning' | 'note' | 'none';

/** Errors block the deploy; what could not be checked or only warns is a warning; the rest notes. */
const LEVEL: Record<GateClass, Level> = { blocking: 'error', undecided: 'warning', warning: 'warning', notice: 'note', ok: 'none' };
const FINDING_LEVEL: Record<ReportFinding['level'], Level> = { fail: 'error', error: 'warning', manual: 'note', warn: 'warning', skipped: 'note', pass: 'none', info: 'note' };

const ISSUE_RULES: Record<SuppressionIssue['kind'], { id: string; text: string; help: string }> = {
  expired: {
    id: 'identity-golive/suppression-expired',
    text: 'A suppression expired and no longer hides its finding',
    help: 'Fix the finding, or review the suppression and renew its `expires` date with a current reason.',
  },
  missing_reason: {
    id: 'identity-golive/suppression-reason-missing',
    text: 'An inline suppression gives no reason, so it suppresses nothing',
    help: 'Write the reason after two dashes: `identity-golive-disable-next-line <rule> -- <why this is safe>`.',
  },
  unknown_rule: {
    id: 'identity-golive/suppression-unknown-rule',
    text: 'A suppression names a rule that does not exist',
    help: 'Fix the rule id in the `suppressions` entry.',
  },
};

function physical(place: Place) {
  return {
    physicalLocation: {
      artifactLocation: { uri: place.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT },
      region: { startLine: place.line, ...(place.column ? { startColumn: place.column } : {}) },
    },
    ...(place.object ? { logicalLocations: [{ fullyQualifiedName: place.object, kind: 'resource' }] } : {}),
  };
}

function messageText(finding: Pick<ReportFinding, 'message' | 'fix'>, place: Place): string {
  const about = place.anchored && place.object ? ` (${place.object})` : '';
  return `${finding.message}${about}${finding.fix ? `\nFix: ${finding.fix}` : ''}`;
}

interface Descriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; checklistItem?: string; severity?: string };
}

export const sarif: Reporter = (report: Report, options: ReporterOptions) => {
  const descriptors = report.results.map((result): Descriptor => {
    const item = CHECKLIST.find((entry) => entry.id === result.item);
    const number = CHECKLIST_ORDER.get(result.item);
    return {
      id: result.ruleId,
      shortDescription: { text: result.title },
      fullDescription: { text: `Stripe Identity go-live checklist, item ${number}: ${item?.title ?? result.item}.` },
      helpUri: result.docsUrl,
      help: { text: `${result.title}. See ${result.docsUrl}`, markdown: `**${result.title}.** See [Stripe's documentation](${result.docsUrl}).` },
      defaultConfiguration: { level: result.severity === 'error' ? 'error' : 'warning' },
      properties: { tags: ['stripe-identity', `checklist/${result.item}`], checklistItem: result.item, severity: result.severity },
    };
  });
  const issueKinds = [...new Set(report.suppressionIssues.map((issue) => issue.kind))];
  for (const kind of issueKinds) {
    const rule = ISSUE_RULES[kind];
    descriptors.push({
      id: rule.id,
      shortDescription: { text: rule.text },
      fullDescription: { text: rule.help },
      helpUri: CHECKLIST_URL,
      help: { text: rule.help, markdown: rule.help },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['stripe-identity', 'suppression'] },
    });
  }
  const indexOf = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const seen = new Map<string, number>();

  const results: object[] = rankedFindings(report).map(({ result, finding }) => {
    const place = placeOf(finding, report, options);
    return {
      ruleId: result.ruleId,
      ruleIndex: indexOf.get(result.ruleId),
      level: LEVEL[result.gate],
      message: { text: messageText(finding, place) },
      locations: [physical(place)],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(result.ruleId, finding.messageId, subjectOf(finding.location), seen) },
      properties: { status: result.status, statusLabel: STATUS_LABEL[result.status], gate: result.gate, severity: result.severity, messageId: finding.messageId },
    };
  });
  for (const entry of report.suppressed) {
    const place = placeOf(entry.finding, report, options);
    results.push({
      ruleId: entry.ruleId,
      ruleIndex: indexOf.get(entry.ruleId),
      level: FINDING_LEVEL[entry.finding.level],
      message: { text: messageText(entry.finding, place) },
      locations: [physical(place)],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(entry.ruleId, entry.finding.messageId, subjectOf(entry.finding.location), seen) },
      suppressions: [
        {
          kind: entry.source === 'inline' ? 'inSource' : 'external',
          status: 'accepted',
          justification: entry.reason,
          ...(entry.expires || entry.target ? { properties: { ...(entry.expires ? { expires: entry.expires } : {}), ...(entry.target ? { target: entry.target } : {}) } } : {}),
        },
      ],
      properties: { messageId: entry.finding.messageId, suppressedBy: entry.source },
    });
  }
  for (const issue of report.suppressionIssues) {
    const rule = ISSUE_RULES[issue.kind];
    const place = issue.location ? placeOf({ location: issue.location }, report, options) : placeOf({ location: null }, report, options);
    results.push({
      ruleId: rule.id,
      ruleIndex: indexOf.get(rule.id),
      level: report.gate.failOn === 'warn' ? 'error' : 'warning',
      message: { text: `${issue.message}\nFix: ${issue.fix}` },
      locations: [physical(place)],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(rule.id, issue.kind, `${subjectOf(issue.location)}|${issue.ruleIds.join(',')}|${issue.target ?? ''}`, seen) },
    });
  }

  const root = options.repoRoot ?? report.target.cwd;
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: CHECKLIST_URL,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: !report.gate.fatal,
            exitCode: report.exitCode,
            exitCodeDescription: report.gate.reason,
            endTimeUtc: report.generatedAt,
            toolExecutionNotifications: report.notices.map((notice) => ({
              level: notice.level === 'warn' ? 'warning' : 'note',
              message: { text: `${notice.message}${notice.fix ? `\nFix: ${notice.fix}` : ''}` },
            })),
          },
        ],
        results,
        columnKind: 'utf16CodeUnits',
        properties: { gate: report.gate, summary: report.summary },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

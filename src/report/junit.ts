// JUnit XML for CI test reports (GitLab, Jenkins, Azure): a testsuite per checklist item, a
// testcase per rule. Red means the rule failed, could not be checked, or blocks the gate under the
// run's policy (manual at error severity; skipped under --strict); otherwise skipped and manual are
// `skipped`, and a rule passed only because its findings were suppressed is `skipped` with the reason.
import { CHECKLIST } from '../engine/checklist.js';
import type { Reporter } from './index.js';
import { STATUS_LABEL } from './places.js';
import type { Report, ReportFinding, RuleResult, SuppressedFinding, SuppressionIssue } from './types.js';
import { attrs, xmlText } from './xml.js';

type CaseState = { kind: 'failure'; type: string; message: string } | { kind: 'skipped'; message: string } | { kind: 'passed' };

function where(finding: Pick<ReportFinding, 'location'>): string {
  const location = finding.location;
  if (!location) return '';
  if ('file' in location) return ` (${location.file}:${location.line}${location.column ? `:${location.column}` : ''})`;
  return ` (${'stripe' in location ? location.stripe : location.url})`;
}

function describeSuppression(entry: SuppressedFinding): string {
  return `suppressed (${entry.source}${entry.expires ? `, expires ${entry.expires}` : ''}): ${entry.reason}`;
}

function stateOf(result: RuleResult, suppressed: readonly SuppressedFinding[]): CaseState {
  const first = result.findings.find((finding) => finding.level !== 'info');
  const message = first ? `${first.message}${where(first)}` : result.title;
  if (result.status === 'fail' || result.status === 'error' || result.gate === 'blocking' || result.gate === 'undecided') {
    const type = result.gate === 'blocking' || result.gate === 'undecided' ? result.status : `${result.status} (${result.severity} severity: does not gate)`;
    return { kind: 'failure', type, message: `${STATUS_LABEL[result.status]}: ${message}` };
  }
  if (result.status === 'skipped' || result.status === 'manual') return { kind: 'skipped', message: `${STATUS_LABEL[result.status]}: ${message}` };
  if (result.status === 'pass' && suppressed.length > 0) return { kind: 'skipped', message: suppressed.map(describeSuppression).join('; ') };
  return { kind: 'passed' };
}

function details(result: RuleResult, suppressed: readonly SuppressedFinding[]): string {
  const lines = [`${result.title} [${result.ruleId}, ${result.severity} severity, ${STATUS_LABEL[result.status]}]`];
  for (const finding of result.findings) {
    lines.push(`- ${finding.level}: ${finding.message}${where(finding)}`);
    if (finding.fix) lines.push(`  fix: ${finding.fix}`);
  }
  for (const entry of suppressed) lines.push(`- ${describeSuppression(entry)}: ${entry.finding.message}${where(entry.finding)}`);
  lines.push(`docs: ${result.docsUrl}`);
  return lines.join('\n');
}

function testcase(classname: string, name: string, state: CaseState, body: string): string {
  const open = `    <testcase${attrs({ classname, name, time: '0' })}`;
  if (state.kind === 'failure') return `${open}>\n      <failure${attrs({ message: state.message, type: state.type })}>${xmlText(body)}</failure>\n    </testcase>`;
  if (state.kind === 'skipped') return `${open}>\n      <skipped${attrs({ message: state.message })}/>\n      <system-out>${xmlText(body)}</system-out>\n    </testcase>`;
  return body ? `${open}>\n      <system-out>${xmlText(body)}</system-out>\n    </testcase>` : `${open}/>`;
}

interface Suite {
  name: string;
  cases: { state: CaseState; xml: string }[];
}

function suiteXml(suite: Suite, timestamp: string): string {
  const count = (kind: CaseState['kind']) => suite.cases.filter((c) => c.state.kind === kind).length;
  const head = `  <testsuite${attrs({ name: suite.name, tests: suite.cases.length, failures: count('failure'), errors: 0, skipped: count('skipped'), time: '0', timestamp })}>`;
  return [head, ...suite.cases.map((c) => c.xml), '  </testsuite>'].join('\n');
}

function issueCase(issue: SuppressionIssue, report: Report) {
  // A warning: red only when the run fails on warnings; otherwise visible as skipped.
  const state: CaseState =
    report.gate.failOn === 'warn' ? { kind: 'failure', type: 'warning', message: issue.message } : { kind: 'skipped', message: `warning: ${issue.message}` };
  const name = `${issue.kind}: ${issue.ruleIds.join(', ')}${issue.target ? ` @ ${issue.target}` : ''}`;
  return { state, xml: testcase('identity-golive.suppressions', name, state, `${issue.message}\nfix: ${issue.fix}`) };
}

export const junit: Reporter = (report) => {
  const suites: Suite[] = [];
  CHECKLIST.forEach((item, index) => {
    const results = report.results.filter((result) => result.item === item.id);
    if (results.length === 0) return;
    suites.push({
      name: `${index + 1}. ${item.title}`,
      cases: results.map((result) => {
        const suppressed = report.suppressed.filter((entry) => entry.ruleId === result.ruleId);
        const state = stateOf(result, suppressed);
        const body = state.kind === 'passed' && result.findings.length === 0 && suppressed.length === 0 ? '' : details(result, suppressed);
        return { state, xml: testcase(`identity-golive.${item.id}`, result.ruleId, state, body) };
      }),
    });
  });
  // A run that decided nothing must not look green in a test report.
  if (report.gate.fatal || report.results.length === 0) {
    const state: CaseState = { kind: 'failure', type: 'error', message: report.gate.reason };
    const body = [report.gate.reason, ...report.notices.map((notice) => `${notice.level}: ${notice.message}${notice.fix ? `\nfix: ${notice.fix}` : ''}`)].join('\n');
    suites.unshift({ name: 'Run', cases: [{ state, xml: testcase('identity-golive.run', 'run', state, body) }] });
  }
  if (report.suppressionIssues.length > 0) suites.push({ name: 'Suppressions', cases: report.suppressionIssues.map((issue) => issueCase(issue, report)) });

  const all = suites.flatMap((suite) => suite.cases);
  const count = (kind: CaseState['kind']) => all.filter((c) => c.state.kind === kind).length;
  const root = `<testsuites${attrs({ name: `identity-golive ${report.tool.version}`, tests: all.length, failures: count('failure'), errors: 0, skipped: count('skipped'), time: '0' })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites.map((suite) => suiteXml(suite, report.generatedAt.replace(/\.\d+Z$/, ''))), '</testsuites>', ''].join('\n');
};

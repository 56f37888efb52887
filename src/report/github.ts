// GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`). GitHub shows at most
// 10 annotations of each type per step, so the most important are printed and the rest are
// summarised in one notice.
import type { GateClass } from '../engine/exit-code.js';
import type { Reporter, ReporterOptions } from './index.js';
import { placeOf, rankedFindings, STATUS_LABEL, type Place } from './places.js';
import type { Report, ReportFinding } from './types.js';
import { safeText } from './text.js';

export const ANNOTATIONS_PER_TYPE = 10;

type AnnotationType = 'error' | 'warning' | 'notice';
const TYPE: Record<Exclude<GateClass, 'ok'>, AnnotationType> = { blocking: 'error', undecided: 'error', warning: 'warning', notice: 'notice' };

/** Message data: `%`, CR and LF are escaped (GitHub's toCommandValue). */
export function escapeData(value: string): string {
  return safeText(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape `:` and `,`, which delimit properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

interface Annotation {
  type: AnnotationType;
  place: Place | null;
  title: string;
  message: string;
}

function command({ type, place, title, message }: Annotation): string {
  const props = [
    ...(place ? [`file=${escapeProperty(place.file)}`, `line=${place.line}`, ...(place.column ? [`col=${place.column}`] : [])] : []),
    `title=${escapeProperty(title)}`,
  ];
  return `::${type} ${props.join(',')}::${escapeData(message)}`;
}

function text(finding: Pick<ReportFinding, 'message' | 'fix'>, place: Place): string {
  const about = place.anchored && place.object ? ` (${place.object})` : '';
  return `${finding.message}${about}${finding.fix ? `\nFix: ${finding.fix}` : ''}`;
}

export const github: Reporter = (report: Report, options: ReporterOptions) => {
  const annotations: Annotation[] = rankedFindings(report).map(({ result, finding }) => {
    const place = placeOf(finding, report, options);
    return {
      type: TYPE[result.gate as Exclude<GateClass, 'ok'>],
      place,
      title: `identity-golive: ${result.title} (${result.ruleId}, ${STATUS_LABEL[result.status]})`,
      message: `${text(finding, place)}\nDocs: ${result.docsUrl}`,
    };
  });
  for (const issue of report.suppressionIssues) {
    annotations.push({
      type: report.gate.failOn === 'warn' ? 'error' : 'warning',
      place: placeOf({ location: issue.location }, report, options),
      title: `identity-golive: suppression ${issue.kind.replace('_', ' ')}`,
      message: `${issue.message}\nFix: ${issue.fix}`,
    });
  }
  const byType = (type: AnnotationType) => annotations.filter((annotation) => annotation.type === type);
  const overflow = (['error', 'warning', 'notice'] as const).map((type) => ({ type, count: Math.max(0, byType(type).length - ANNOTATIONS_PER_TYPE) }));
  const over = overflow.some((entry) => entry.count > 0);
  // The summary notice takes one notice slot, so one fewer notice is shown when it is needed.
  const noticeSlots = over ? ANNOTATIONS_PER_TYPE - 1 : ANNOTATIONS_PER_TYPE;
  const shown = [...byType('error').slice(0, ANNOTATIONS_PER_TYPE), ...byType('warning').slice(0, ANNOTATIONS_PER_TYPE), ...byType('notice').slice(0, noticeSlots)];
  const lines = shown.map(command);
  if (over) {
    const left = annotations.length - shown.length;
    const parts = (['error', 'warning', 'notice'] as const)
      .map((type) => ({ type, count: byType(type).length - shown.filter((annotation) => annotation.type === type).length }))
      .filter((entry) => entry.count > 0)
      .map((entry) => `${entry.count} ${entry.type}${entry.count === 1 ? '' : 's'}`);
    lines.push(
      command({
        type: 'notice',
        place: null,
        title: `identity-golive: ${left} more finding${left === 1 ? '' : 's'} not annotated`,
        message: `GitHub shows ${ANNOTATIONS_PER_TYPE} annotations of each type per step; not shown here: ${parts.join(', ')}. The job summary, SARIF and JSON reports list them all.`,
      }),
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

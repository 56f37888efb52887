// Reporter names, apart from the reporters themselves so `--help` loads none of them.
export const REPORTER_NAMES = ['pretty', 'json', 'sarif', 'junit', 'markdown', 'github', 'html'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

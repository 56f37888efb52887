// Text from the outside world (file names, page text, URLs) reaches terminals and CI logs: control
// characters could recolour, hide or forge lines (a line starting with `::error` is a workflow
// command on GitHub), so they are replaced before printing.

// Lone surrogates cannot be encoded as UTF-8 either.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_AND_BREAKS = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Keep tabs and line breaks; replace every other control character. */
export function safeText(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/** One line for a terminal: line breaks become spaces, other control characters are replaced. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(CONTROL_AND_BREAKS, (char) => (char === '\t' ? ' ' : '\uFFFD'));
}

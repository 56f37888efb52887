// The scan's memory bounds, apart from the scanner so rules can name them without loading it.

/**
 * Caps that keep memory bounded on a pathological tree. They are per pattern, so one noisy pattern
 * cannot starve another, and every dropped hit is recorded against its pattern: a rule whose
 * evidence was cut ends in `error` (caps never decide a verdict). Secrets are not hits at all.
 */
export const MAX_HITS_PER_PATTERN_PER_FILE = 500;
export const MAX_HITS_PER_PATTERN = 5_000;

// "Did you mean …?" for mistyped ids: the closest few by edit distance, or by a shared part.

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const scored = candidates.map((candidate) => {
    // Case-blind, so a camelCase config key (maxAttempts → maxAttemptsPerUser) is found too.
    const folded = candidate.toLowerCase();
    const distance = editDistance(needle, folded);
    const shared = folded.includes(needle) || needle.split('-').some((part) => part.length > 3 && folded.includes(part));
    return { candidate, distance, score: shared ? Math.min(distance, 2) : distance };
  });
  const byScore = (a: { score: number; candidate: string }, b: { score: number; candidate: string }) => a.score - b.score || a.candidate.localeCompare(b.candidate);
  // A near-miss in spelling (a typo) beats names that merely share a word with the input.
  const typos = scored.filter(({ distance }) => distance <= 2).sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  if (typos.length > 0) return typos.filter(({ distance }) => distance <= typos[0]!.distance).slice(0, max).map(({ candidate }) => candidate);
  return scored
    .filter(({ score, candidate }) => score <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort(byScore)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/** ` Did you mean "a" or "b"?` (with a leading space), or '' when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[], max = 3): string {
  return quoteChoices(suggest(input, candidates, max));
}

/** ` Did you mean "a" or "b"?` for an already chosen list, or '' when it is empty. */
export function quoteChoices(close: readonly string[]): string {
  return close.length > 0 ? ` Did you mean ${close.map((id) => `"${id}"`).join(' or ')}?` : '';
}

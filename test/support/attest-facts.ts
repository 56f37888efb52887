// Builders for the Attestations and Pages artifacts as rules see them, for table tests.
import type { Attestation, AttestationSet } from '../../src/gather/attestations/types.js';
import type { AttestableItemId } from '../../src/gather/attestations/items.js';
import { PAGE_IDS, type PageFacts, type PageId } from '../../src/gather/pages/types.js';
import { failed, gathered, type Gathered } from '../../src/engine/gathered.js';
import type { Artifacts } from '../../src/engine/artifacts.js';

export const ATTESTATIONS_FILE = '.identity-golive/attestations.json';

/** One attestation, current at FIXED_NOW (2026-11-22) unless overridden. */
export function attestation(item: AttestableItemId | string, overrides: Partial<Attestation> = {}): Attestation {
  return { item, by: 'Ada Lovelace <ada@example.com>', at: '2026-11-01T09:00:00.000Z', expires: '2027-05-01', note: 'checked with legal', ...overrides };
}

/** The Attestations artifact holding these entries (strings become current attestations). */
export function attested(...entries: (AttestableItemId | Attestation)[]): Gathered<AttestationSet> {
  return gathered({ file: ATTESTATIONS_FILE, entries: entries.map((entry) => (typeof entry === 'string' ? attestation(entry) : entry)) });
}

export const noAttestations = (): Gathered<AttestationSet> => attested();

export function page(overrides: Partial<PageFacts> = {}): PageFacts {
  const url = overrides.requestedUrl ?? 'https://example.com/privacy';
  return {
    requestedUrl: url,
    finalUrl: url,
    status: 200,
    redirects: 0,
    contentType: 'text/html; charset=utf-8',
    text: '',
    links: [],
    visited: [url],
    ...overrides,
  };
}

/** The Pages artifact: pages given are fetched; the rest are not configured. */
export function pages(given: Partial<Record<PageId, PageFacts | Gathered<PageFacts>>> = {}): Artifacts['Pages'] {
  return Object.fromEntries(
    PAGE_IDS.map((id) => {
      const value = given[id];
      if (value === undefined) return [id, failed('not_configured', `${id} is not set`, 'Set it.')];
      return [id, 'ok' in value ? value : gathered(value)];
    }),
  ) as Artifacts['Pages'];
}

// The Attestations artifact: what a person confirmed, recorded in the repository.
// Issue #4 owns the file format and the `attest` command; this is the contract rules read.

export interface Attestation {
  /** The attestable item id (see src/gather/attestations/items.ts once issue #4 lands). */
  item: string;
  by: string;
  /** ISO 8601 date-time. */
  at: string;
  /** ISO 8601 date; a malformed date counts as expired. */
  expires: string;
  /** True when a person chose `expires` (--expires), rather than the default: re-attesting keeps it. */
  expiresGiven?: boolean;
  note?: string;
  evidence?: string;
}

export interface AttestationSet {
  file: string;
  entries: Attestation[];
}

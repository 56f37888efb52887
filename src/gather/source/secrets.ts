// Committed Stripe secrets, found on bytes the way TruffleHog and gitleaks do: every file the walk
// yields (and every git-tracked file a .gitignore hides), whatever its size or encoding, streamed
// in chunks. Keys are ASCII, so UTF-8, Latin-1 and binary files match as bytes; UTF-16 files match
// once their NUL bytes are dropped. Placeholders (`sk_live_xxxx`, `whsec_your_secret`) are judged
// by length and entropy, not counted. Only masked forms are kept.
import { closeSync, openSync, readSync } from 'node:fs';
import { maskKey } from '../../util/mask.js';

export type SecretKind = 'live' | 'test';

export interface SecretHit {
  file: string;
  line: number;
  column: number;
  kind: SecretKind;
  /** `sk_live_…Ab12`, `whsec_…`: never the secret itself. */
  masked: string;
  /** How the bytes were read: as they are, or as UTF-16 text. */
  encoding: 'bytes' | 'utf-16';
}

export interface UnreadFile {
  file: string;
  /** EACCES, ENAMETOOLONG, unreadable-directory ... */
  reason: string;
}

export interface SecretScan {
  hits: SecretHit[];
  /** Files or directories whose bytes could not be read: a secret there would go unseen. */
  unread: UnreadFile[];
  filesRead: number;
  /** Hits past the memory cap (the rule has already failed by then, so the cap decides nothing). */
  hitsDropped: number;
}

export function emptySecretScan(): SecretScan {
  return { hits: [], unread: [], filesRead: 0, hitsDropped: 0 };
}

const MAX_HITS_PER_FILE = 200;
const MAX_HITS = 10_000;
/** Longer than any key we match, so a key split across two chunks is still seen whole. */
const OVERLAP = 512;
const CHUNK = 1024 * 1024;

// Linear: a literal prefix then one character class (no nested quantifier can backtrack).
const KEY = /\b(?:(sk|rk)_(live|test)_([A-Za-z0-9]{16,247})|(whsec)_([A-Za-z0-9+/=]{16,247}))/g;
const PLACEHOLDER = /x{4,}|\*{3,}|your|example|sample|placeholder|replace|redacted|changeme|dummy|secret_?here|insert|todo/i;
/** Keys published in Stripe's own documentation and SDK READMEs: examples, not leaks. */
const PUBLISHED_EXAMPLES = new Set(['sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_BQokikJOvBiI2HlWgH4olfQ2']);

/** Bits per character: real keys are random (≈5.7 over base62); `0000…` or `abcabc…` is not. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A real-looking key body: long enough, random enough, not a placeholder word. */
export function looksReal(body: string): boolean {
  return body.length >= 16 && shannonEntropy(body) >= 3.5 && !PLACEHOLDER.test(body);
}

/** Scans one file's bytes, streamed; records hits or why it could not be read. */
export class SecretDetector {
  private readonly buffer = Buffer.allocUnsafe(CHUNK + OVERLAP);

  constructor(private readonly scan: SecretScan) {}

  /** Bytes already in memory (the code scan read them): no second read. */
  bytes(relative: string, bytes: Buffer): void {
    this.scan.filesRead += 1;
    this.match(relative, bytes.toString('latin1'), 1);
  }

  /** A file the code scan did not read whole (too large, or skipped): stream it. */
  file(relative: string, absolute: string): void {
    let fd: number;
    try {
      fd = openSync(absolute, 'r');
    } catch (error) {
      this.unread(relative, (error as NodeJS.ErrnoException).code ?? 'unreadable');
      return;
    }
    try {
      let carried = 0;
      let position = 0;
      let line = 1;
      for (;;) {
        const count = readSync(fd, this.buffer, carried, CHUNK, position);
        if (count === 0) {
          if (carried > 0) this.match(relative, this.buffer.toString('latin1', 0, carried), line);
          break;
        }
        position += count;
        const end = carried + count;
        // Keep the tail for the next chunk; everything before it is matched now.
        const keep = Math.min(OVERLAP, end);
        const text = this.buffer.toString('latin1', 0, end);
        this.match(relative, text, line, end - keep);
        line += countLines(text, end - keep);
        this.buffer.copy(this.buffer, 0, end - keep, end);
        carried = keep;
      }
      this.scan.filesRead += 1;
    } catch (error) {
      this.unread(relative, (error as NodeJS.ErrnoException).code ?? 'unreadable');
    } finally {
      closeSync(fd);
    }
  }

  unread(relative: string, reason: string): void {
    this.scan.unread.push({ file: relative, reason });
  }

  /** Matches keys starting before `limit` (the rest waits for the next chunk, which overlaps). */
  private match(file: string, text: string, firstLine: number, limit = text.length): void {
    const counter = { perFile: 0 };
    this.record(file, text, limit, 'bytes', firstLine, counter);
    // UTF-16 (a `.env` saved by Windows tools): ASCII characters alternate with NUL bytes.
    if (text.includes('\0')) {
      const stripped = text.replace(/\0/g, '');
      const strippedLimit = limit === text.length ? stripped.length : text.slice(0, limit).replace(/\0/g, '').length;
      this.record(file, stripped, strippedLimit, 'utf-16', firstLine, counter);
    }
  }

  private record(file: string, view: string, limit: number, encoding: SecretHit['encoding'], firstLine: number, counter: { perFile: number }): void {
    KEY.lastIndex = 0;
    for (let m = KEY.exec(view); m !== null && m.index < limit; m = KEY.exec(view)) {
      const whole = m[0];
      const body = m[3] ?? m[5] ?? '';
      if (!looksReal(body) || PUBLISHED_EXAMPLES.has(whole)) continue;
      if (counter.perFile >= MAX_HITS_PER_FILE || this.scan.hits.length >= MAX_HITS) {
        this.scan.hitsDropped += 1;
        continue;
      }
      counter.perFile += 1;
      const kind: SecretKind = m[4] === 'whsec' || m[2] === 'live' ? 'live' : 'test';
      this.scan.hits.push({ file, ...position(view, m.index, firstLine), kind, masked: m[4] ? 'whsec_…' : maskKey(whole), encoding });
    }
  }
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

function position(text: string, index: number, firstLine: number): { line: number; column: number } {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return { line: firstLine + countLines(text, index), column: index - lineStart + 1 };
}

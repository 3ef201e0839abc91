import { createHash } from 'node:crypto';
import type { AuditActor } from './actor.js';

/** The hash functions an audit entry may be chained with: SM3 (GB/T 32905-2016), the default, or SHA-256. */
export type AuditAlgorithm = 'sm3' | 'sha256';

export const AUDIT_ALGORITHMS: readonly AuditAlgorithm[] = ['sm3', 'sha256'];
export const DEFAULT_AUDIT_ALGORITHM: AuditAlgorithm = 'sm3';

/** What the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

export function isAuditAlgorithm(value: unknown): value is AuditAlgorithm {
  return value === 'sm3' || value === 'sha256';
}

/** The rows of one ledger table (events, or error declarations) that a capture stored, and their digest. */
export interface LedgerCoverage {
  firstSeq: number;
  lastSeq: number;
  count: number;
  /** Hex digest of the rows in seq order (`createLedgerDigest`). */
  digest: string;
}

/** One entry of the audit log, with everything its hash covers. */
export interface AuditEntry {
  seq: number;
  /** UTC ISO 8601. */
  at: string;
  actor: AuditActor;
  /** What was done, as `thing.verb` (`party.register`) or `capture` / `import` for events. */
  action: string;
  /** What it was done to: a capture id, a USCC, a product id. */
  subject: string;
  /** JSON text, hashed as stored: the hash never depends on how a database returns JSON. */
  details: string;
  algorithm: AuditAlgorithm;
  events?: LedgerCoverage;
  declarations?: LedgerCoverage;
  prevHash: string;
  hash: string;
}

/** An entry before it is chained. */
export type UnchainedEntry = Omit<AuditEntry, 'prevHash' | 'hash'>;

/** An actor as a stored entry names it: its type is whatever the row says, which verification must hash as it is. */
export type RecordedActor = Omit<AuditActor, 'type'> & { type: string };

/** The fields an entry's hash covers. */
export type HashedFields = Omit<UnchainedEntry, 'actor'> & { actor: RecordedActor };

/** Details as stored: JSON with its keys sorted, so the same details always give the same text. */
export function detailsText(details: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(sortKeys(details));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
}

function coverageFields(coverage: LedgerCoverage | undefined): unknown[] {
  return coverage ? [coverage.firstSeq, coverage.lastSeq, coverage.count, coverage.digest] : [null, null, null, null];
}

/**
 * The bytes an entry's hash covers: a JSON array of its fields in a fixed order (docs/audit.md lists it), so that
 * anyone can recompute the chain without this code.
 */
export function canonicalEntry(entry: HashedFields): string {
  const { actor } = entry;
  return JSON.stringify([
    'zhuisu-audit/1', entry.seq, entry.at, actor.type, actor.id, actor.name ?? null, actor.enterprise ?? null, actor.address ?? null,
    entry.action, entry.subject, entry.details, entry.algorithm, ...coverageFields(entry.events), ...coverageFields(entry.declarations),
  ]);
}

/**
 * hash_n = H(prev_hash_n || canonical(entry_n)), with H the entry's algorithm and prev_hash its 32 bytes (not the hex).
 * @example chainHash(GENESIS_HASH, entry) // '5b1f…' (64 hex digits)
 */
export function chainHash(prevHash: string, entry: HashedFields): string {
  return createHash(entry.algorithm).update(Buffer.from(prevHash, 'hex')).update(canonicalEntry(entry), 'utf8').digest('hex');
}

/** The entry chained onto `prevHash`. */
export function chainEntry(prevHash: string, entry: UnchainedEntry): AuditEntry {
  return { ...entry, prevHash, hash: chainHash(prevHash, entry) };
}

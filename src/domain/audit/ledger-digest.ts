import { createHash, hash } from 'node:crypto';
import { eventPreHash } from '../event-hash.js';
import type { JsonObject } from '../event-hash/json.js';
import type { Namespaces } from '../event-hash/namespaces.js';
import type { AuditAlgorithm } from './chain-hash.js';

const HASH_ID_PREFIX = 'ni:///sha-256;';

/**
 * The CBV 2.0 §8.9 content hash (64 hex digits of SHA-256) of an event as the ledger stores it. It leaves out eventID
 * and recordTime, so it is the same whether the event came with a UUID or was named by its hash.
 */
export function eventContentHash(body: JsonObject, namespaces: Namespaces): string {
  return hash('sha256', eventPreHash(body, namespaces), 'hex');
}

/** The content hash inside a CBV 2.0 hash id (`ni:///sha-256;<hex>?ver=CBV2.0`). */
export function contentHashOfHashId(hashId: string): string {
  return hashId.slice(HASH_ID_PREFIX.length, HASH_ID_PREFIX.length + 64);
}

/** An error declaration as stored, every column of it. */
export interface DeclarationRow {
  eventId: string;
  declarationTime: string;
  reason: string | null;
  recordTime: string;
  /** The declaration's JSON, as stored. */
  body: string;
}

/**
 * The digest of the rows one capture stored, in seq order: per event its content hash and its eventID (JSON-quoted,
 * so that no eventID can pass for the end of one line and the start of the next), per declaration every column.
 * Editing, dropping, adding or reordering any of them changes it.
 */
export function createLedgerDigest(algorithm: AuditAlgorithm) {
  const digest = createHash(algorithm);
  let count = 0;
  return {
    addEvent(eventId: string, contentHash: string): void {
      digest.update(`${contentHash}${JSON.stringify(eventId)}\n`);
      count++;
    },
    addDeclaration(row: DeclarationRow): void {
      digest.update(`${JSON.stringify([row.eventId, row.declarationTime, row.reason, row.recordTime, row.body])}\n`);
      count++;
    },
    get count(): number {
      return count;
    },
    /** The hex digest; call once, at the end. */
    digest(): string {
      return digest.digest('hex');
    },
  };
}

export type LedgerDigest = ReturnType<typeof createLedgerDigest>;

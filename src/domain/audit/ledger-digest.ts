import { createHash } from 'node:crypto';
import type { AuditAlgorithm } from './chain-hash.js';

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

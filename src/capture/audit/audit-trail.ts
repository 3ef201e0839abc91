import type { AuditActor } from '../../domain/audit/actor.js';
import { DEFAULT_AUDIT_ALGORITHM, type AuditAlgorithm, type AuditEntry } from '../../domain/audit/chain-hash.js';
import { createAuditStore } from '../../store/audit-store.js';
import type { Db } from '../../store/db.js';

/**
 * The audit trail of administrative changes (registrations, users, tokens): each is appended to the hash-chained
 * audit log with who made it. Captures and imports write their own entries, in the transaction of their events.
 * @example await audit.record(actor, 'party.register', '91460100MA5T0FXM3X', { name: '海口芒果农场' })
 */
export function createAuditTrail(deps: { db: Db; now?: () => Date }) {
  const store = createAuditStore(deps.db);
  const now = deps.now ?? (() => new Date());
  return {
    /** Appends one change: `action` as `thing.verb` (`token.revoke`), `subject` the id of the thing changed. */
    async record(actor: AuditActor, action: string, subject: string, details: Record<string, unknown> = {}): Promise<AuditEntry> {
      return store.append({ at: now().toISOString(), actor, action, subject, details });
    },

    /**
     * Chains the entries from the next one on with `algorithm`; the switch is itself an entry. Does nothing when the
     * chain already uses it (an empty chain uses SM3).
     */
    async useAlgorithm(algorithm: AuditAlgorithm, actor: AuditActor): Promise<AuditEntry | undefined> {
      const current = (await store.head())?.algorithm ?? DEFAULT_AUDIT_ALGORITHM;
      if (current === algorithm) return undefined;
      return store.append({ at: now().toISOString(), actor, action: 'audit.algorithm', subject: algorithm, details: { from: current }, algorithm });
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;

import type { Sight } from '../domain/access/sight.js';
import { writeLockOf, type Db } from './db.js';
import { visibleAlerts } from './visible-events.js';

/** Something a sector rule flagged for regulators: an overdue maintenance, a ledger that does not balance. */
export interface Alert {
  alertId: string;
  rule: string;
  sector: string;
  party?: string;
  unitId?: string;
  recordId?: string;
  /** Chinese and English, for the regulator's list. */
  message: string;
  details: Record<string, unknown>;
  raisedAt: string;
  status: 'open' | 'closed';
}

export function createAlertStore(db: Db) {
  const lock = writeLockOf(db);
  return {
    async add(alerts: Alert[]): Promise<void> {
      if (alerts.length === 0) return;
      await lock.run(() => db.insertInto('alert').values(alerts.map((a) => ({
        alertId: a.alertId, rule: a.rule, sector: a.sector, party: a.party ?? null, unitId: a.unitId ?? null, recordId: a.recordId ?? null,
        message: a.message, details: JSON.stringify(a.details), raisedAt: a.raisedAt, status: a.status,
      }))).execute());
    },

    /** Units that already have an open alert of this rule, so that a sweep does not raise the same alert twice. */
    async openUnits(rule: string): Promise<Set<string>> {
      const rows = await db.selectFrom('alert').select('unitId').where('rule', '=', rule).where('status', '=', 'open').where('unitId', 'is not', null).execute();
      return new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : [])));
    },

    /** Those `sight` may read, newest first, optionally of one sector, rule or party. */
    async list(sight: Sight, opts: { sector?: string; rule?: string; party?: string; limit: number; offset: number }): Promise<Alert[]> {
      let query = db.selectFrom('alert').selectAll().where(visibleAlerts(sight));
      if (opts.sector) query = query.where('sector', '=', opts.sector);
      if (opts.rule) query = query.where('rule', '=', opts.rule);
      if (opts.party) query = query.where('party', '=', opts.party);
      const rows = await query.orderBy('raisedAt', 'desc').orderBy('alertId').limit(opts.limit).offset(opts.offset).execute();
      return rows.map((r) => ({
        alertId: r.alertId, rule: r.rule, sector: r.sector, message: r.message, details: JSON.parse(r.details), raisedAt: r.raisedAt,
        status: r.status === 'closed' ? 'closed' : 'open',
        ...(r.party ? { party: r.party } : {}), ...(r.unitId ? { unitId: r.unitId } : {}), ...(r.recordId ? { recordId: r.recordId } : {}),
      }));
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;

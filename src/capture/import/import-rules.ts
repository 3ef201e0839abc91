import type { JsonObject } from '../../domain/event.js';
import type { SectorProfile, StageDef } from '../../domain/sectors/profile.js';
import type { RuleOutcome } from '../../domain/sectors/rules.js';
import type { Db } from '../../store/db.js';
import type { QuotaStore } from '../../store/quota-store.js';
import type { SectorRecordStore } from '../../store/sector-record-store.js';
import type { Resolved } from '../records/resolve-record.js';
import { createRuleChecks } from '../records/rule-checks.js';
import type { Claim } from './import-writer.js';
import type { PreparedRow } from './prepare-rows.js';

type Past = { eventTime: string; seq: number; body: JsonObject };

// Units per query when histories are read for a batch of rows.
const UNITS_PER_QUERY = 500;

/** The events of each unit, as `SectorRecordStore.unitHistory` reads them for one: one query for many units. */
async function unitHistories(db: Db, units: string[], before: string): Promise<Map<string, Past[]>> {
  const found = new Map<string, Past[]>();
  for (let i = 0; i < units.length; i += UNITS_PER_QUERY) {
    const rows = await db.selectFrom('eventEpc as x').innerJoin('event as e', 'e.seq', 'x.eventSeq')
      .select(['x.epc', 'x.eventTime', 'x.eventSeq', 'e.body'])
      .where('x.epc', 'in', units.slice(i, i + UNITS_PER_QUERY)).where('x.eventTime', '<=', before)
      .execute();
    for (const r of rows) {
      let list = found.get(r.epc);
      if (!list) found.set(r.epc, (list = []));
      list.push({ eventTime: r.eventTime, seq: r.eventSeq, body: JSON.parse(r.body) });
    }
  }
  return found;
}

/** What the rules said about a row: refusals, alerts to raise if it is stored, and the units it claims. */
export interface RowOutcomes {
  refusals: Array<Extract<RuleOutcome, { kind: 'reject' }>>;
  flags: Array<Extract<RuleOutcome, { kind: 'flag' }>>;
  claims: Claim[];
}

/**
 * The sector rules of one stage applied to the rows of a file, batch by batch: what the rules read from the ledger
 * (unit histories, claims) is read for a whole batch at once, and the rows of the file seen so far count as if
 * stored, so that two sales of one code in the same file are caught as they would be one after the other.
 */
export function createImportRules(deps: { db: Db; records: SectorRecordStore; quotas: QuotaStore; profile: SectorProfile; stage: StageDef }) {
  const { profile, stage } = deps;
  const reads = profile.rules.filter((r) => (r.kind === 'due-date' || r.kind === 'max-interval') && r.stage === stage.id);
  const onceRules = profile.rules.filter((r) => r.kind === 'once-per-unit' && r.stages.includes(stage.id));
  const afterRules = profile.rules.filter((r) => (r.kind === 'balance' && r.stock === stage.id) || (r.kind === 'quota' && r.stages.includes(stage.id)));

  let stored = new Map<string, Past[]>();
  let storedClaims = new Map<string, Map<string, string>>();
  // Rows of this file already accepted, newest last.
  const fileHistory = new Map<string, Past[]>();
  const fileClaims = new Map<string, Map<string, string>>();
  let fileSeq = Number.MAX_SAFE_INTEGER / 2;

  const ledger: SectorRecordStore = {
    ...deps.records,
    async unitHistory(unit, opts = {}) {
      const all = [...(stored.get(unit) ?? []), ...(fileHistory.get(unit) ?? [])]
        .filter((e) => opts.before === undefined || e.eventTime <= opts.before)
        .sort((a, b) => (a.eventTime === b.eventTime ? b.seq - a.seq : a.eventTime < b.eventTime ? 1 : -1));
      return all.slice(0, 1000).map(({ eventTime, body }) => ({ eventTime, body }));
    },
    async claimed(units, claim) {
      const found = new Map<string, string>();
      for (const unit of units) {
        const by = fileClaims.get(claim)?.get(unit) ?? storedClaims.get(claim)?.get(unit);
        if (by !== undefined) found.set(unit, by);
      }
      return found;
    },
  };
  const checks = createRuleChecks({ records: ledger, quotas: deps.quotas });

  const resolvedOf = (row: PreparedRow): Resolved | undefined => {
    const facts = row.facts;
    if (!facts) return undefined;
    const resolved: Resolved = { profile, record: { ...facts.record, stage }, units: facts.units };
    if (facts.productId !== undefined) resolved.productId = facts.productId;
    if (facts.quantity !== undefined) resolved.quantity = facts.quantity;
    if (facts.uom !== undefined) resolved.uom = facts.uom;
    return resolved;
  };

  // A row accepted counts as stored for the rows after it.
  const accept = (row: PreparedRow, claims: readonly Claim[]): void => {
    if (reads.length > 0) {
      const body: JsonObject = JSON.parse(String(row.event.row.body));
      const past = { eventTime: row.event.eventTime, seq: fileSeq++, body };
      for (const unit of row.facts?.units ?? []) {
        let list = fileHistory.get(unit);
        if (!list) fileHistory.set(unit, (list = []));
        list.push(past);
      }
    }
    for (const claim of claims) {
      let map = fileClaims.get(claim.rule);
      if (!map) fileClaims.set(claim.rule, (map = new Map()));
      for (const unit of claim.units) map.set(unit, claim.recordId);
    }
  };

  return {
    /** Whether the stage has rules at all, so that rows need to carry their facts. */
    applies: reads.length + onceRules.length + afterRules.length > 0,

    /** The rules that decide before storing, for a batch of rows in file order. */
    async beforeStoring(rows: readonly PreparedRow[]): Promise<RowOutcomes[]> {
      if (reads.length + onceRules.length === 0) return rows.map(() => ({ refusals: [], flags: [], claims: [] }));
      const units = [...new Set(rows.flatMap((r) => r.facts?.units ?? []))];
      if (reads.length > 0) stored = await unitHistories(deps.db, units, rows.reduce((max, r) => (r.event.eventTime > max ? r.event.eventTime : max), ''));
      storedClaims = new Map();
      for (const rule of onceRules) {
        const claimed = new Map<string, string>();
        for (let i = 0; i < units.length; i += UNITS_PER_QUERY) {
          for (const [unit, by] of await deps.records.claimed(units.slice(i, i + UNITS_PER_QUERY), rule.id)) claimed.set(unit, by);
        }
        storedClaims.set(rule.id, claimed);
      }
      const outcomes: RowOutcomes[] = [];
      for (const row of rows) {
        const resolved = resolvedOf(row);
        if (!resolved) {
          outcomes.push({ refusals: [], flags: [], claims: [] });
          continue;
        }
        const before = await checks.beforeStoring(profile, resolved, row.record.recordId);
        const refusals = before.outcomes.filter((o) => o.kind === 'reject');
        const flags = before.outcomes.filter((o) => o.kind === 'flag');
        const claims = refusals.length > 0 ? [] : before.claims.filter((c) => c.units.length > 0).map((c) => ({ ...c, recordId: row.record.recordId }));
        if (refusals.length === 0) accept(row, claims);
        outcomes.push({ refusals, flags, claims });
      }
      return outcomes;
    },

    /** The rules that look at the ledger with the rows in it (a stock count's balance, output against quota). */
    async afterStoring(row: PreparedRow): Promise<Array<Extract<RuleOutcome, { kind: 'flag' }>>> {
      const resolved = afterRules.length > 0 ? resolvedOf(row) : undefined;
      if (!resolved) return [];
      return (await checks.afterStoring(profile, resolved)).filter((o) => o.kind === 'flag');
    },
  };
}

export type ImportRules = ReturnType<typeof createImportRules>;

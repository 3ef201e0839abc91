import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, type AuditActor } from '../../domain/audit/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { RecordIssue } from '../../domain/sectors/check-elements.js';
import type { RecordInput } from '../../domain/sectors/record-input.js';
import { RECORD_CONTEXT, sealedRecordEvent } from '../../domain/sectors/record-events.js';
import type { RuleOutcome } from '../../domain/sectors/rules.js';
import type { Alert, AlertStore } from '../../store/alert-store.js';
import type { PartyStore } from '../../store/party-store.js';
import type { ProductStore } from '../../store/product-store.js';
import type { QuotaStore } from '../../store/quota-store.js';
import type { SectorRecordStore } from '../../store/sector-record-store.js';
import type { Capture } from '../capture-events.js';
import type { Profiles } from './profiles.js';
import { createLookups, resolveRecord, type Lookups } from './resolve-record.js';
import { createRuleChecks } from './rule-checks.js';

/** What a record became: its id and event, the units it named, and the alerts its rules raised. */
export interface RecordResult {
  recordId: string;
  eventId: string;
  /** False when the same record had been stored before; it is not stored or checked again. */
  created: boolean;
  units: string[];
  alerts: Array<{ rule: string; message: string }>;
}

/** One line per issue, for `detail`; the list itself goes in `errors`. */
export function describeRecordIssues(issues: RecordIssue[]): string {
  return issues.map((i) => `${i.row !== undefined ? `第${i.row}行 row ${i.row}, ` : ''}${i.field}: ${i.reason}`).join('; ');
}

/**
 * Records sector stages in plain terms (`POST /api/v1/records`): resolves the record, applies the sector's rules,
 * and captures the standard EPCIS event together with the record's row, in one transaction.
 */
export function createRecorder(deps: {
  capture: Capture;
  profiles: Profiles;
  parties: PartyStore;
  products: ProductStore;
  records: SectorRecordStore;
  alerts: AlertStore;
  quotas: QuotaStore;
  now: () => Date;
  newId?: () => string;
}) {
  const newId = deps.newId ?? randomUUID;
  const rules = createRuleChecks({ records: deps.records, quotas: deps.quotas });

  function toAlerts(outcomes: RuleOutcome[], context: { sector: string; party?: string; recordId?: string; unit?: string }): Alert[] {
    const raisedAt = deps.now().toISOString();
    return outcomes.flatMap((o): Alert[] => {
      if (o.kind === 'pass') return [];
      const unit = typeof o.details.unit === 'string' ? o.details.unit : context.unit;
      const alert: Alert = {
        alertId: newId(), rule: o.rule, sector: context.sector, message: o.kind === 'flag' ? o.message : o.reason, details: o.details, raisedAt, status: 'open',
      };
      if (context.party) alert.party = context.party;
      if (context.recordId) alert.recordId = context.recordId;
      if (unit) alert.unitId = unit;
      return [alert];
    });
  }

  /**
   * Records one stage: the record's event and row in one transaction with the audit entry naming `opts.actor` (the
   * platform itself when absent). `opts.lookups` is the cache of a run of records (`lookups()`).
   */
  async function record(input: RecordInput, opts: { actor?: AuditActor; lookups?: Lookups } = {}): Promise<RecordResult> {
    const resolution = await resolveRecord(input, opts.lookups ?? createLookups(deps));
    if (!resolution.ok) throw new DomainError('invalid_record', describeRecordIssues(resolution.issues), { errors: resolution.issues });
    const { profile, record, units } = resolution.resolved;
    const { event, eventId, recordId } = sealedRecordEvent(record);
    const context = { sector: profile.id, party: record.party, recordId };

    const before = await rules.beforeStoring(profile, resolution.resolved, recordId);
    const refusals = before.outcomes.filter((o) => o.kind === 'reject');
    if (refusals.length > 0) {
      // A refused attempt is itself a signal for the regulator: an overdue cylinder at a filling station, a code sold twice.
      await deps.alerts.add(toAlerts(refusals, context));
      throw new DomainError('rule_violation', refusals.map((r) => (r.kind === 'reject' ? r.reason : '')).join('; '), {
        errors: refusals.map((r) => (r.kind === 'reject' ? { rule: r.rule, reason: r.reason, ...r.details } : {})),
      });
    }

    const eventTime = new Date(record.time).toISOString();
    const document = { '@context': RECORD_CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: deps.now().toISOString(), epcisBody: { eventList: [event] } };
    let stored;
    try {
      stored = await deps.capture.captureWith(document, async (tx) => {
        const within = deps.records.within(tx);
        await within.insert({
          recordId, sector: profile.id, stage: record.stage.id, profileVersion: profile.version, party: record.party, region: record.region, eventTime, eventId,
          recordedAt: deps.now().toISOString(),
          ...(record.counterpart ? { counterpart: record.counterpart } : {}),
          ...(resolution.resolved.productId ? { productId: resolution.resolved.productId } : {}),
          ...(resolution.resolved.quantity !== undefined ? { quantity: resolution.resolved.quantity } : {}),
          ...(resolution.resolved.uom ? { uom: resolution.resolved.uom } : {}),
        });
        for (const claim of before.claims) await within.claim(claim.units, claim.rule, recordId);
      }, opts.actor ?? SYSTEM_ACTOR);
    } catch (err) {
      // Two sales of one code at the same moment: the claim's key stops the second, which is refused like any other.
      const raced = await rules.beforeStoring(profile, resolution.resolved, recordId);
      const refused = raced.outcomes.filter((o) => o.kind === 'reject');
      if (refused.length === 0) throw err;
      throw new DomainError('rule_violation', refused.map((r) => (r.kind === 'reject' ? r.reason : '')).join('; '));
    }
    const created = stored.job.storedCount > 0;
    const after = created ? [...before.outcomes, ...(await rules.afterStoring(profile, resolution.resolved))] : [];
    const alerts = toAlerts(after, context);
    await deps.alerts.add(alerts);
    return { recordId, eventId, created, units, alerts: alerts.map((a) => ({ rule: a.rule, message: a.message })) };
  }

  return {
    record,
    /** Starts a lookup cache for a run of records (a bulk import), so that each party and product is read once. */
    lookups: () => createLookups(deps),

    /**
     * Raises an alert for every unit that is overdue at `now` under a max-interval rule (an elevator not maintained for
     * more than 15 days), unless one is already open. Returns the alerts raised.
     */
    async sweepOverdue(now: Date): Promise<Alert[]> {
      const raised: Alert[] = [];
      for (const profile of await deps.profiles.latest()) {
        const open = new Map<string, Set<string>>();
        for (const outcome of await rules.overdue(profile, now)) {
          if (outcome.kind !== 'flag') continue;
          let units = open.get(outcome.rule);
          if (!units) open.set(outcome.rule, (units = await deps.alerts.openUnits(outcome.rule)));
          if (!units.has(String(outcome.details.unit))) raised.push(...toAlerts([outcome], { sector: profile.id }));
        }
      }
      await deps.alerts.add(raised);
      return raised;
    },
  };
}

export type Recorder = ReturnType<typeof createRecorder>;

import { isObject, type JsonObject } from '../../domain/event.js';
import { findUnitIdScheme } from '../../domain/ids/scheme.js';
import { findStage, type RuleDef, type SectorProfile } from '../../domain/sectors/profile.js';
import { bizStepValue } from '../../domain/sectors/record-events.js';
import { balanceOutcome, daysBetween, dueDateOutcome, intervalOutcome, quotaOutcome, type RuleOutcome } from '../../domain/sectors/rules.js';
import type { QuotaStore } from '../../store/quota-store.js';
import type { SectorRecordStore } from '../../store/sector-record-store.js';
import type { Resolved } from './resolve-record.js';

type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

/** The value of a sector element in a stored event: an extension field, or lot master data in `ilmd`. */
function elementOf(body: JsonObject, element: string): unknown {
  const key = `zhuisu:${element}`;
  if (body[key] !== undefined) return body[key];
  return isObject(body.ilmd) ? body.ilmd[key] : undefined;
}

function isStageOf(body: JsonObject, sector: string, stages: string[]): boolean {
  return body['zhuisu:sector'] === sector && typeof body['zhuisu:stage'] === 'string' && stages.includes(body['zhuisu:stage']);
}

/** Gathers from the store what each kind of rule needs, and asks the pure rule functions for their outcome. */
export function createRuleChecks(deps: { records: SectorRecordStore; quotas: QuotaStore }) {
  async function dueDate(rule: Rule<'due-date'>, profile: SectorProfile, resolved: Resolved): Promise<RuleOutcome[]> {
    const { record } = resolved;
    const own = record.elements[rule.element];
    const outcomes: RuleOutcome[] = [];
    for (const unit of resolved.units) {
      let due: { date: string; stage: string } | undefined = typeof own === 'string' ? { date: own, stage: record.stage.id } : undefined;
      if (!due) {
        for (const past of await deps.records.unitHistory(unit, { before: new Date(record.time).toISOString() })) {
          const value = elementOf(past.body, rule.element);
          if (isStageOf(past.body, profile.id, rule.from) && typeof value === 'string') {
            due = { date: value, stage: String(past.body['zhuisu:stage']) };
            break;
          }
        }
      }
      outcomes.push(dueDateOutcome(rule, unit, record.time.slice(0, 10), due));
    }
    return outcomes;
  }

  async function interval(rule: Rule<'max-interval'>, profile: SectorProfile, resolved: Resolved): Promise<RuleOutcome[]> {
    const outcomes: RuleOutcome[] = [];
    const time = new Date(resolved.record.time).toISOString();
    for (const unit of resolved.units) {
      const previous = (await deps.records.unitHistory(unit, { before: time })).find((e) => e.eventTime < time && isStageOf(e.body, profile.id, rule.since));
      outcomes.push(intervalOutcome(rule, unit, time, previous?.eventTime));
    }
    return outcomes;
  }

  return {
    /** Rules that may refuse the record, and the claims it must make if stored; max-interval gaps are found here too. */
    async beforeStoring(profile: SectorProfile, resolved: Resolved, recordId: string): Promise<{ outcomes: RuleOutcome[]; claims: Array<{ rule: string; units: string[] }> }> {
      const stage = resolved.record.stage.id;
      const outcomes: RuleOutcome[] = [];
      const claims: Array<{ rule: string; units: string[] }> = [];
      for (const rule of profile.rules) {
        if (rule.kind === 'due-date' && rule.stage === stage) outcomes.push(...(await dueDate(rule, profile, resolved)));
        if (rule.kind === 'max-interval' && rule.stage === stage) outcomes.push(...(await interval(rule, profile, resolved)));
        if (rule.kind === 'once-per-unit' && rule.stages.includes(stage)) {
          const claimed = await deps.records.claimed(resolved.units, rule.id);
          const free = resolved.units.filter((u) => !claimed.has(u));
          for (const [unit, by] of claimed) {
            if (by === recordId) continue;
            outcomes.push({
              kind: 'reject', rule: rule.id, details: { unit, firstRecord: by },
              reason: `${unit}已于记录${by}中销售，同一追溯码不能再次销售（${rule.name.zh}） / ${unit} was already sold in record ${by}; ${rule.name.en}`,
            });
          }
          claims.push({ rule: rule.id, units: free });
        }
      }
      return { outcomes, claims };
    },

    /** Rules that look at the ledger with the record in it: a holder's balance at a stock count, output against quota. */
    async afterStoring(profile: SectorProfile, resolved: Resolved): Promise<RuleOutcome[]> {
      const { record } = resolved;
      const until = new Date(record.time).toISOString();
      const outcomes: RuleOutcome[] = [];
      for (const rule of profile.rules) {
        if (rule.kind === 'balance' && rule.stock === record.stage.id && resolved.productId && resolved.quantity !== undefined) {
          const totals = await deps.records.totalsByStage({ party: record.party, productId: resolved.productId, stages: [...rule.inflow, ...rule.outflow], until });
          const stock = resolved.uom ? { quantity: resolved.quantity, uom: resolved.uom } : { quantity: resolved.quantity };
          outcomes.push(balanceOutcome(rule, record.party, resolved.productId, totals, stock));
        }
        if (rule.kind === 'quota' && rule.stages.includes(record.stage.id)) {
          const reference = record.elements[rule.element];
          if (typeof reference !== 'string') continue;
          const quota = await deps.quotas.find(record.party, reference);
          // A quota is set for one stage (mining, or smelting separation): an enterprise holding both has two quotas.
          const totals = quota ? await deps.records.outputBetween({ party: record.party, stages: [record.stage.id], from: quota.periodStart, to: quota.periodEnd }) : [];
          outcomes.push(quotaOutcome(rule, record.party, reference, quota, totals));
        }
      }
      return outcomes;
    },

    /** Units overdue at `now` under the profile's max-interval rules, as flags. */
    async overdue(profile: SectorProfile, now: Date): Promise<RuleOutcome[]> {
      const outcomes: RuleOutcome[] = [];
      for (const rule of profile.rules) {
        if (rule.kind !== 'max-interval') continue;
        const stage = findStage(profile, rule.stage);
        const scheme = findUnitIdScheme(stage?.codeScheme ?? '');
        if (!stage || !scheme) continue;
        const bizSteps = rule.since.flatMap((id) => {
          const since = findStage(profile, id);
          return since ? [bizStepValue(since.bizStep)] : [];
        });
        for (const { unitId, eventTime } of await deps.records.latestPerUnit({ prefix: scheme.urnPrefix, bizSteps })) {
          const days = daysBetween(eventTime, now.toISOString());
          if (days <= rule.days) continue;
          outcomes.push({
            kind: 'flag', rule: `${rule.id}:overdue`, details: { unit: unitId, last: eventTime, days, limit: rule.days },
            message: `${unitId}已${days}日没有“${stage.name.zh}”记录，超过${rule.days}日（${rule.name.zh}） / ${unitId} has gone ${days} days without ${stage.name.en}, over the ${rule.days}-day limit: ${rule.name.en}`,
          });
        }
      }
      return outcomes;
    },
  };
}

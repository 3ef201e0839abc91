import type { RuleDef } from './profile.js';
import { inBaseUnit } from './units.js';

type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

/** What a rule found: nothing, a refusal of the record, or an alert to raise. */
export type RuleOutcome =
  | { kind: 'pass' }
  | { kind: 'reject'; rule: string; reason: string; details: Record<string, unknown> }
  | { kind: 'flag'; rule: string; message: string; details: Record<string, unknown> };

const PASS: RuleOutcome = { kind: 'pass' };

/** The latest due date of a unit: from its own record if it states one, else from the newest earlier stage that did. */
export function dueDateOutcome(rule: Rule<'due-date'>, unit: string, recordDate: string, due: { date: string; stage: string } | undefined): RuleOutcome {
  if (!due) {
    return {
      kind: 'reject', rule: rule.id, details: { unit },
      reason: `${unit}没有定期检验记录，无法确认是否在检验有效期内，不得${rule.name.zh.includes('充装') ? '充装' : '办理'} / ${unit} has no recorded periodic inspection, so it cannot be shown to be within its inspection period: ${rule.name.en}`,
    };
  }
  if (recordDate > due.date) {
    return {
      kind: 'reject', rule: rule.id, details: { unit, dueDate: due.date, recordDate },
      reason: `${unit}已超过定期检验日期${due.date}，不得充装（${rule.name.zh}） / ${unit} was due for its periodic inspection on ${due.date}; ${rule.name.en}`,
    };
  }
  return PASS;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days between two ISO times, rounded down. */
export function daysBetween(earlier: string, later: string): number {
  return Math.floor((Date.parse(later) - Date.parse(earlier)) / DAY_MS);
}

/** Flags a unit whose previous record of the rule's stages is more than `days` before `time`. */
export function intervalOutcome(rule: Rule<'max-interval'>, unit: string, time: string, previous: string | undefined): RuleOutcome {
  if (previous === undefined) return PASS;
  const gap = daysBetween(previous, time);
  if (gap <= rule.days) return PASS;
  return {
    kind: 'flag', rule: rule.id, details: { unit, previous, at: time, days: gap, limit: rule.days },
    message: `${unit}距上次记录已${gap}日，超过${rule.days}日（${rule.name.zh}） / ${unit} went ${gap} days since ${previous.slice(0, 10)}, over the ${rule.days}-day limit: ${rule.name.en}`,
  };
}

function sumInBase(totals: Array<{ stage: string; uom: string | null; quantity: number }>, stages: string[]): { quantity: number; base?: string } {
  let quantity = 0;
  let base: string | undefined;
  for (const t of totals) {
    if (!stages.includes(t.stage)) continue;
    // Quantities in units of another dimension (pieces in a kilogram ledger) cannot be summed and are left out.
    const converted = inBaseUnit(t.quantity, t.uom);
    if (!converted || (base !== undefined && converted.base !== base)) continue;
    quantity += converted.quantity;
    base = converted.base;
  }
  return base === undefined ? { quantity } : { quantity, base };
}

// Ledgers are kept to three decimals (grams of a kilogram ledger); a smaller difference is rounding.
const TOLERANCE = 0.0005;

/**
 * At a stock count: what came in (produced, received) must equal what went out (used, sold, destroyed) plus the stock
 * counted. `totals` holds the holder's sums per stage up to the count.
 */
export function balanceOutcome(
  rule: Rule<'balance'>,
  holder: string,
  product: string,
  totals: Array<{ stage: string; uom: string | null; quantity: number }>,
  stock: { quantity: number; uom?: string },
): RuleOutcome {
  const inflow = sumInBase(totals, rule.inflow);
  const outflow = sumInBase(totals, rule.outflow);
  const counted = inBaseUnit(stock.quantity, stock.uom) ?? { quantity: stock.quantity, base: stock.uom ?? '' };
  const expected = inflow.quantity - outflow.quantity;
  const difference = expected - counted.quantity;
  if (Math.abs(difference) <= TOLERANCE * Math.max(1, Math.abs(expected))) return PASS;
  const unit = counted.base;
  const fmt = (n: number) => `${Number(n.toFixed(3))}`;
  return {
    kind: 'flag', rule: rule.id,
    details: { holder, product, in: inflow.quantity, out: outflow.quantity, stock: counted.quantity, difference, uom: unit },
    message: `${holder}的${product}台账不平衡：购入与生产${fmt(inflow.quantity)}，使用、销售与销毁${fmt(outflow.quantity)}，库存${fmt(counted.quantity)}，差额${fmt(difference)} ${unit} / the ledger of ${holder} for ${product} does not balance: in ${fmt(inflow.quantity)}, out ${fmt(outflow.quantity)}, stock ${fmt(counted.quantity)}, difference ${fmt(difference)} ${unit}`,
  };
}

/** Flags output beyond the quota, and output under a quota reference the enterprise was never given. */
export function quotaOutcome(
  rule: Rule<'quota'>,
  party: string,
  reference: string,
  quota: { quantity: number; uom: string; periodStart: string; periodEnd: string } | undefined,
  totals: Array<{ stage: string; uom: string | null; quantity: number }>,
): RuleOutcome {
  if (!quota) {
    return {
      kind: 'flag', rule: rule.id, details: { party, reference },
      message: `${party}申报的指标文号“${reference}”未登记（${rule.name.zh}） / ${party} produced under quota reference "${reference}", which is not registered: ${rule.name.en}`,
    };
  }
  const limit = inBaseUnit(quota.quantity, quota.uom);
  const used = sumInBase(totals, rule.stages);
  if (!limit || used.quantity <= limit.quantity * (1 + TOLERANCE)) return PASS;
  const over = used.quantity - limit.quantity;
  return {
    kind: 'flag', rule: rule.id, details: { party, reference, quota: limit.quantity, output: used.quantity, over, uom: limit.base },
    message: `${party}产量${Number(used.quantity.toFixed(3))} ${limit.base}超过指标“${reference}”的${limit.quantity} ${limit.base}，超出${Number(over.toFixed(3))} / ${party} has produced ${Number(used.quantity.toFixed(3))} ${limit.base} against quota "${reference}" of ${limit.quantity} ${limit.base}, ${Number(over.toFixed(3))} over: ${rule.name.en}`,
  };
}

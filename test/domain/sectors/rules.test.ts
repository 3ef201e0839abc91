import { describe, expect, it } from 'vitest';
import { hazardousProfile } from '../../../src/domain/sectors/hazardous.js';
import type { RuleDef, SectorProfile } from '../../../src/domain/sectors/profile.js';
import { rareEarthProfile } from '../../../src/domain/sectors/rare-earth.js';
import { balanceOutcome, daysBetween, dueDateOutcome, intervalOutcome, quotaOutcome } from '../../../src/domain/sectors/rules.js';
import { specialEquipmentProfile } from '../../../src/domain/sectors/special-equipment.js';

function ruleOf<K extends RuleDef['kind']>(profile: SectorProfile, kind: K): Extract<RuleDef, { kind: K }> {
  const found = profile.rules.find((r): r is Extract<RuleDef, { kind: K }> => r.kind === kind);
  if (!found) throw new Error(`${profile.id} has no ${kind} rule`);
  return found;
}

const CYLINDER = 'urn:zhuisu:cylinder:146A01000123';
const ELEVATOR = 'urn:zhuisu:elevator:31104601052019070012';
const WHOLESALER = '91460100MA5FW00024';
const FIREWORKS = '91430181MA4FW0001Q/YH-100';
const SMELTER = '91360700MA3RE0002D';
const QUOTA_REFERENCE = '工信部原函〔2026〕12号-冶炼-15';

describe('cylinder inspection due date (dueDateOutcome)', () => {
  const rule = ruleOf(specialEquipmentProfile, 'due-date');
  const due = { date: '2026-06-01', stage: 'cylinder-manufacture' };

  it('lets a cylinder be filled on its due date', () => {
    expect(dueDateOutcome(rule, CYLINDER, '2026-06-01', due)).toEqual({ kind: 'pass' });
  });

  it('refuses a fill the day after the due date', () => {
    expect(dueDateOutcome(rule, CYLINDER, '2026-06-02', due)).toEqual({
      kind: 'reject',
      rule: 'cylinder-inspection-overdue',
      details: { unit: CYLINDER, dueDate: '2026-06-01', recordDate: '2026-06-02' },
      reason: `${CYLINDER}已超过定期检验日期2026-06-01，不得充装（超过定期检验日期的气瓶不得充装） / ${CYLINDER} was due for its periodic inspection on 2026-06-01; a cylinder past its periodic inspection may not be filled`,
    });
  });

  it('refuses a fill of a cylinder with no recorded due date', () => {
    expect(dueDateOutcome(rule, CYLINDER, '2026-03-02', undefined)).toEqual({
      kind: 'reject',
      rule: 'cylinder-inspection-overdue',
      details: { unit: CYLINDER },
      reason: `${CYLINDER}没有定期检验记录，无法确认是否在检验有效期内，不得充装 / ${CYLINDER} has no recorded periodic inspection, so it cannot be shown to be within its inspection period: a cylinder past its periodic inspection may not be filled`,
    });
  });
});

describe('elevator maintenance interval (intervalOutcome)', () => {
  const rule = ruleOf(specialEquipmentProfile, 'max-interval');
  const previous = '2026-03-14T01:10:00.000Z';

  it('counts whole days, dropping a part day', () => {
    expect(daysBetween(previous, '2026-03-29T01:10:00.000Z')).toBe(15);
    expect(daysBetween(previous, '2026-03-30T01:09:59.999Z')).toBe(15);
    expect(daysBetween(previous, '2026-03-30T01:10:00.000Z')).toBe(16);
  });

  it('passes a maintenance 15 days after the previous one', () => {
    expect(intervalOutcome(rule, ELEVATOR, '2026-03-29T01:10:00.000Z', previous)).toEqual({ kind: 'pass' });
    expect(intervalOutcome(rule, ELEVATOR, '2026-03-30T01:09:59.999Z', previous)).toEqual({ kind: 'pass' });
  });

  it('flags a maintenance 16 days after the previous one', () => {
    expect(intervalOutcome(rule, ELEVATOR, '2026-03-30T01:10:00.000Z', previous)).toEqual({
      kind: 'flag',
      rule: 'elevator-maintenance-interval',
      details: { unit: ELEVATOR, previous, at: '2026-03-30T01:10:00.000Z', days: 16, limit: 15 },
      message: `${ELEVATOR}距上次记录已16日，超过15日（电梯维保间隔不得超过15日） / ${ELEVATOR} went 16 days since 2026-03-14, over the 15-day limit: an elevator is maintained at least every 15 days`,
    });
  });

  it('passes an elevator with no previous installation or maintenance', () => {
    expect(intervalOutcome(rule, ELEVATOR, '2026-03-30T01:10:00.000Z', undefined)).toEqual({ kind: 'pass' });
  });
});

describe('hazardous goods ledger balance (balanceOutcome)', () => {
  const rule = ruleOf(hazardousProfile, 'balance');
  // 2 t made and 500 kg bought = 1.5 t sold, 300 kg used and 50 kg destroyed, plus 650 kg in stock.
  const totals = [
    { stage: 'production', uom: 'TNE', quantity: 2 },
    { stage: 'receipt', uom: 'KGM', quantity: 500 },
    { stage: 'sale', uom: 'TNE', quantity: 1.5 },
    { stage: 'use', uom: 'KGM', quantity: 300 },
    { stage: 'destruction', uom: 'KGM', quantity: 50 },
  ];

  it('passes a ledger kept in both kilograms and tonnes that balances', () => {
    expect(balanceOutcome(rule, WHOLESALER, FIREWORKS, totals, { quantity: 650, uom: 'KGM' })).toEqual({ kind: 'pass' });
    expect(balanceOutcome(rule, WHOLESALER, FIREWORKS, totals, { quantity: 0.65, uom: 'TNE' })).toEqual({ kind: 'pass' });
  });

  it('leaves transport and stock counts out of the ledger', () => {
    const moved = [...totals, { stage: 'transport', uom: 'TNE', quantity: 2 }, { stage: 'storage', uom: 'KGM', quantity: 650 }];
    expect(balanceOutcome(rule, WHOLESALER, FIREWORKS, moved, { quantity: 650, uom: 'KGM' })).toEqual({ kind: 'pass' });
  });

  it('flags a stock count 8 kg short, with what came in, went out and is missing', () => {
    expect(balanceOutcome(rule, WHOLESALER, FIREWORKS, totals, { quantity: 642, uom: 'KGM' })).toEqual({
      kind: 'flag',
      rule: 'hazardous-balance',
      details: { holder: WHOLESALER, product: FIREWORKS, in: 2500, out: 1850, stock: 642, difference: 8, uom: 'KGM' },
      message: `${WHOLESALER}的${FIREWORKS}台账不平衡：购入与生产2500，使用、销售与销毁1850，库存642，差额8 KGM / the ledger of ${WHOLESALER} for ${FIREWORKS} does not balance: in 2500, out 1850, stock 642, difference 8 KGM`,
    });
  });

  it('flags stock found over the ledger as a negative difference', () => {
    const outcome = balanceOutcome(rule, WHOLESALER, FIREWORKS, totals, { quantity: 0.7, uom: 'TNE' });
    expect(outcome).toMatchObject({ kind: 'flag', details: { in: 2500, out: 1850, stock: 700, difference: -50, uom: 'KGM' } });
  });

  it('counts cases of fireworks as pieces when no unit is named', () => {
    const cases = [{ stage: 'receipt', uom: null, quantity: 300 }, { stage: 'sale', uom: 'H87', quantity: 120 }, { stage: 'destruction', uom: 'H87', quantity: 10 }];
    expect(balanceOutcome(rule, WHOLESALER, FIREWORKS, cases, { quantity: 170 })).toEqual({ kind: 'pass' });
  });
});

describe('rare-earth output quota (quotaOutcome)', () => {
  const rule = ruleOf(rareEarthProfile, 'quota');
  const quota = { quantity: 800, uom: 'TNE', periodStart: '2025-12-31T16:00:00.000Z', periodEnd: '2026-12-31T16:00:00.000Z' };

  it('passes output within the quota, sale records aside', () => {
    const totals = [{ stage: 'smelting-separation', uom: 'TNE', quantity: 30 }, { stage: 'sale', uom: 'TNE', quantity: 900 }];
    expect(quotaOutcome(rule, SMELTER, QUOTA_REFERENCE, quota, totals)).toEqual({ kind: 'pass' });
  });

  it('passes output exactly at the quota', () => {
    expect(quotaOutcome(rule, SMELTER, QUOTA_REFERENCE, quota, [{ stage: 'smelting-separation', uom: 'KGM', quantity: 800_000 }])).toEqual({ kind: 'pass' });
  });

  it('flags output over the quota, summed in kilograms over mining and smelting separation', () => {
    const totals = [{ stage: 'mining', uom: 'TNE', quantity: 500 }, { stage: 'smelting-separation', uom: 'KGM', quantity: 350_000 }];
    expect(quotaOutcome(rule, SMELTER, QUOTA_REFERENCE, quota, totals)).toEqual({
      kind: 'flag',
      rule: 'rare-earth-quota',
      details: { party: SMELTER, reference: QUOTA_REFERENCE, quota: 800000, output: 850000, over: 50000, uom: 'KGM' },
      message: `${SMELTER}产量850000 KGM超过指标“${QUOTA_REFERENCE}”的800000 KGM，超出50000 / ${SMELTER} has produced 850000 KGM against quota "${QUOTA_REFERENCE}" of 800000 KGM, 50000 over: rare-earth output stays within the enterprise quota`,
    });
  });

  it('flags output under a quota reference that was never registered', () => {
    expect(quotaOutcome(rule, SMELTER, '工信部原函〔2026〕99号', undefined, [])).toEqual({
      kind: 'flag',
      rule: 'rare-earth-quota',
      details: { party: SMELTER, reference: '工信部原函〔2026〕99号' },
      message: `${SMELTER}申报的指标文号“工信部原函〔2026〕99号”未登记（稀土产量不得超过生产总量控制指标） / ${SMELTER} produced under quota reference "工信部原函〔2026〕99号", which is not registered: rare-earth output stays within the enterprise quota`,
    });
  });
});

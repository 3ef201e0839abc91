import { describe, expect, it } from 'vitest';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { hazardousProfile } from '../../../src/domain/sectors/hazardous.js';
import { recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';
import { describeSectorDoc, getStage, itNamesElementsAsExtensionFields } from '../../support/sector-doc.js';

const stage = (id: string) => getStage(hazardousProfile, id);

function sample(id: string, without?: string): Record<string, unknown> {
  const data = { ...SAMPLES[id] };
  if (without) delete data[without];
  return data;
}

const MAKER = '91430181MA4FW0001Q';
const WHOLESALER = '91460100MA5FW00024';
const RETAILER = '91460106MA5FW0003X';
const DISPLAY = '91460100MA5FW0004A';
const LOT = `urn:zhuisu:lot:${MAKER}:YH-100:LY260110`;

// A lot of fireworks from a Liuyang maker through a Haikou wholesaler to a shop and a display company.
const SAMPLES: Record<string, Record<string, unknown>> = {
  production: { productionLicence: '(湘)YH安许证字[2024]000123', batchNumber: 'LY260110', productionDate: '2026-01-10', hazardClass: '1.4G' },
  receipt: { purchasePermit: '琼公烟购字2026第0012号', voucherNumber: 'QA-RK-0117-01' },
  sale: { purchasePermit: '琼公烟零购字2026第0457号', voucherNumber: 'QA-XS-0120-11' },
  storage: { warehouse: '琼安 1 号仓库', custodian: '黄小梅' },
  transport: { transportPermit: '湘公烟运字2026第000871号', vehicle: '湘A7K521', escort: '刘志强', destinationRegion: '460100' },
  use: { usePermit: '琼公烟放字2026第0009号', project: '2026年春节万绿园焰火晚会 Spring Festival display, Wanlü Park' },
  destruction: { destructionApproval: '海公治销字2026第003号', method: 'burning', witness: '陈警官' },
};

function resolved(stageId: string, party: string, quantity: number, extra: Partial<ResolvedRecord> = {}): ResolvedRecord {
  return {
    sector: 'hazardous',
    profileVersion: 1,
    stage: stage(stageId),
    party,
    site: `urn:zhuisu:site:${party}`,
    region: '460100',
    time: '2026-02-20T10:00:00+08:00',
    product: `${MAKER}/YH-100`,
    outputs: { lots: [{ lot: LOT, quantity, uom: 'H87' }], items: [] },
    inputs: { lots: [], items: [] },
    elements: checkElements(stage(stageId), sample(stageId)).values,
    ...extra,
  };
}

describe('hazardous goods profile', () => {
  it('accepts a sample record at every stage', () => {
    expect(Object.keys(SAMPLES)).toEqual(hazardousProfile.stages.map((s) => s.id));
    for (const s of hazardousProfile.stages) expect(checkElements(s, sample(s.id)).issues, s.id).toEqual([]);
  });

  it('stores a destruction method by its value, whichever language the clerk wrote it in', () => {
    expect(checkElements(stage('destruction'), { ...sample('destruction'), method: '炸毁' }).values.method).toBe('detonation');
  });

  it("names the buyer's purchase permit when a sale lacks it", () => {
    const { issues } = checkElements(stage('sale'), sample('sale', 'purchasePermit'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('data.purchasePermit');
    expect(issues[0]?.reason).toContain('买方购买许可证编号');
  });

  it('names the use permit when a use lacks it', () => {
    const { issues } = checkElements(stage('use'), sample('use', 'usePermit'));
    expect(issues.map((i) => i.field)).toEqual(['data.usePermit']);
    expect(issues[0]?.reason).toContain('使用许可证编号（爆破作业项目）');
  });

  it('names the approval, method and supervising officer when a destruction lacks them', () => {
    const { issues } = checkElements(stage('destruction'), {});
    expect(issues.map((i) => i.field)).toEqual(['data.destructionApproval', 'data.method', 'data.witness']);
    expect(issues[2]?.reason).toContain('监销人');
  });

  it.each(['湘A7K521', '琼A12345', '粤BD12345'])('accepts the vehicle plate %s', (vehicle) => {
    expect(checkElements(stage('transport'), { ...sample('transport'), vehicle }).issues).toEqual([]);
  });

  it.each(['A7K521', '湘a7k521', '湘A7K5', '湘A7K52123'])('refuses the vehicle plate %s', (vehicle) => {
    const { issues } = checkElements(stage('transport'), { ...sample('transport'), vehicle });
    expect(issues.map((i) => i.field)).toEqual(['data.vehicle']);
    expect(issues[0]?.reason).toContain('琼A12345');
  });

  it('refuses a destination that is not a GB/T 2260 region', () => {
    const { issues } = checkElements(stage('transport'), { ...sample('transport'), destinationRegion: '469099' });
    expect(issues.map((i) => i.field)).toEqual(['data.destinationRegion']);
  });

  it('writes a destruction as an ObjectEvent DELETE of the lot with its approval as an extension field', () => {
    const event = recordToEvent(resolved('destruction', WHOLESALER, 10));
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'DELETE',
      bizStep: 'destroying',
      disposition: 'destroyed',
      quantityList: [{ epcClass: LOT, quantity: 10, uom: 'H87' }],
      'zhuisu:destructionApproval': '海公治销字2026第003号',
      'zhuisu:method': 'burning',
      'zhuisu:witness': '陈警官',
      'zhuisu:sector': 'hazardous',
      'zhuisu:stage': 'destruction',
    });
    expect(event).not.toHaveProperty('sourceList');
    expect(event).not.toHaveProperty('ilmd');
  });

  it('writes a use as an ObjectEvent DELETE with the zhuisu:use step', () => {
    expect(recordToEvent(resolved('use', DISPLAY, 20))).toMatchObject({
      type: 'ObjectEvent',
      action: 'DELETE',
      bizStep: 'https://ns.zhuisu.org/epcis/bizstep/use',
      disposition: 'inactive',
      'zhuisu:usePermit': '琼公烟放字2026第0009号',
    });
  });

  it('lists a sales note as an invoice and the buyer as the destination', () => {
    expect(recordToEvent(resolved('sale', WHOLESALER, 100, { counterpart: RETAILER }))).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      bizTransactionList: [{ type: 'inv', bizTransaction: 'urn:zhuisu:doc:inv:QA-XS-0120-11' }],
      destinationList: [{ type: 'owning_party', destination: `urn:zhuisu:party:${RETAILER}` }],
      'zhuisu:purchasePermit': '琼公烟零购字2026第0457号',
    });
  });

  it('writes a stock count as a stock-taking observation with the counted quantity', () => {
    const event = recordToEvent(resolved('storage', WHOLESALER, 170));
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'stock_taking',
      disposition: 'active',
      quantityList: [{ epcClass: LOT, quantity: 170, uom: 'H87' }],
      'zhuisu:warehouse': '琼安 1 号仓库',
      'zhuisu:custodian': '黄小梅',
    });
    expect(event).not.toHaveProperty('bizTransactionList');
  });

  itNamesElementsAsExtensionFields(hazardousProfile);
});

describeSectorDoc(hazardousProfile);

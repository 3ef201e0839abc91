import { describe, expect, it } from 'vitest';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { edibleAgriProfile } from '../../../src/domain/sectors/edible-agri.js';
import { recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';
import { describeSectorDoc, getStage, itNamesElementsAsExtensionFields } from '../../support/sector-doc.js';

const stage = (id: string) => getStage(edibleAgriProfile, id);

function sample(id: string, without?: string): Record<string, unknown> {
  const data = { ...SAMPLES[id] };
  if (without) delete data[without];
  return data;
}

const SLAUGHTERHOUSE = '91460100MA5T3B7N1R';
const MARKET = '91460100MA5RCL8W69';

// One record's data per stage, as a Hainan pig farm, slaughterhouse, mango cooperative and market would send it.
const SAMPLES: Record<string, Record<string, unknown>> = {
  farming: { originRegion: '469006', baseName: '万宁市礼纪镇芒果种植基地', producerName: '万宁兴隆热带水果种植专业合作社', variety: '贵妃芒', harvestDate: '2026-03-02', certification: 'LB-18-26034601234A' },
  quarantine: { quarantineResult: '合格', animalQuarantineCertificate: '4600123456', officialVet: '符海明' },
  slaughter: { animalQuarantineCertificate: '4600223344', meatQualityCertificate: 'HK20260305-0017', slaughterLicence: 'A46010001', asfTestReport: 'ASF-2026-0305-01' },
  processing: { grade: '一级', packageSpec: '5千克/箱', processingMethod: '清洗、分级、套袋装箱', residueTestReport: 'WN-NC-20260303-06' },
  'meat-sale': { animalQuarantineCertificate: '4600223344', meatQualityCertificate: 'HK20260305-0017', netWeight: 1180.5, destinationRegion: '460108', voucherNumber: 'CK-20260305-0088' },
  wholesale: { netWeight: 2000, destinationRegion: '460100', complianceCertificate: 'HNHG469006-20260303-0012', voucherNumber: 'PF-20260303-031' },
  receipt: { supplierName: '陈亚福', complianceCertificate: 'HNHG469006-20260303-0012', voucherNumber: 'JH-20260304-0102' },
  storage: { storageTemperature: 0, storageCondition: '冷藏' },
  transport: { transportTemperature: 2.5, vehiclePlate: '琼A·D8K26' },
  retail: { retailPrice: 32.8, stallNumber: 'B-17' },
};

describe('edible agricultural products profile', () => {
  it('accepts a sample record at every stage', () => {
    expect(Object.keys(SAMPLES)).toEqual(edibleAgriProfile.stages.map((s) => s.id));
    for (const s of edibleAgriProfile.stages) expect(checkElements(s, sample(s.id)).issues, s.id).toEqual([]);
  });

  it('stores choices by their value, whichever language the clerk wrote them in', () => {
    expect(checkElements(stage('quarantine'), sample('quarantine')).values.quarantineResult).toBe('pass');
    expect(checkElements(stage('processing'), sample('processing')).values.grade).toBe('first');
  });

  it('names the meat quality inspection certificate when a slaughterhouse sale lacks it', () => {
    const { issues } = checkElements(stage('meat-sale'), sample('meat-sale', 'meatQualityCertificate'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('data.meatQualityCertificate');
    expect(issues[0]?.reason).toContain('肉品品质检验合格证号');
  });

  it('names both certificates when a slaughter record lacks them', () => {
    const { issues } = checkElements(stage('slaughter'), { slaughterLicence: 'A46010001' });
    expect(issues.map((i) => i.field)).toEqual(['data.animalQuarantineCertificate', 'data.meatQualityCertificate']);
    expect(issues[0]?.reason).toContain('动物检疫合格证明编号');
  });

  it('refuses a destination that is not a GB/T 2260 region', () => {
    const { issues } = checkElements(stage('wholesale'), { ...sample('wholesale'), destinationRegion: '469099' });
    expect(issues.map((i) => i.field)).toEqual(['data.destinationRegion']);
  });

  it('writes a slaughter as a TransformationEvent whose output lots carry the certificates', () => {
    const record: ResolvedRecord = {
      sector: 'edible-agri',
      profileVersion: 1,
      stage: stage('slaughter'),
      party: SLAUGHTERHOUSE,
      site: `urn:zhuisu:site:${SLAUGHTERHOUSE}`,
      region: '460100',
      time: '2026-03-05T04:30:00+08:00',
      product: 'BTR-01',
      inputs: { lots: [{ lot: 'urn:zhuisu:lot:91469005MA5U1DKR28:SZ:WC0302', quantity: 12, uom: 'H87' }], items: [] },
      outputs: { lots: [{ lot: 'urn:zhuisu:lot:91460100MA5T3B7N1R:BTR-01:HK20260305-01', quantity: 1180.5, uom: 'KGM' }], items: [] },
      elements: checkElements(stage('slaughter'), sample('slaughter')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'TransformationEvent',
      bizStep: 'https://ns.zhuisu.org/epcis/bizstep/slaughter',
      disposition: 'active',
      inputQuantityList: [{ epcClass: 'urn:zhuisu:lot:91469005MA5U1DKR28:SZ:WC0302', quantity: 12, uom: 'H87' }],
      outputQuantityList: [{ epcClass: 'urn:zhuisu:lot:91460100MA5T3B7N1R:BTR-01:HK20260305-01', quantity: 1180.5, uom: 'KGM' }],
      ilmd: { 'zhuisu:animalQuarantineCertificate': '4600223344', 'zhuisu:meatQualityCertificate': 'HK20260305-0017' },
      'zhuisu:sector': 'edible-agri',
      'zhuisu:stage': 'slaughter',
    });
    expect(event).not.toHaveProperty('zhuisu:meatQualityCertificate');
  });

  it('lists a sale voucher as a business transaction and the buyer as the destination', () => {
    const record: ResolvedRecord = {
      sector: 'edible-agri',
      profileVersion: 1,
      stage: stage('meat-sale'),
      party: SLAUGHTERHOUSE,
      site: `urn:zhuisu:site:${SLAUGHTERHOUSE}`,
      counterpart: MARKET,
      region: '460100',
      time: '2026-03-05T06:10:00+08:00',
      outputs: { lots: [{ lot: 'urn:zhuisu:lot:91460100MA5T3B7N1R:BTR-01:HK20260305-01', quantity: 1180.5, uom: 'KGM' }], items: [] },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('meat-sale'), sample('meat-sale')).values,
    };
    expect(recordToEvent(record)).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      bizTransactionList: [{ type: 'desadv', bizTransaction: 'urn:zhuisu:doc:desadv:CK-20260305-0088' }],
      destinationList: [{ type: 'owning_party', destination: `urn:zhuisu:party:${MARKET}` }],
      'zhuisu:netWeight': 1180.5,
      'zhuisu:destinationRegion': '460108',
    });
  });

  itNamesElementsAsExtensionFields(edibleAgriProfile);
});

describeSectorDoc(edibleAgriProfile);

import { describe, expect, it } from 'vitest';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { foodProfile } from '../../../src/domain/sectors/food.js';
import { recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';
import { describeSectorDoc, getStage, itNamesElementsAsExtensionFields } from '../../support/sector-doc.js';

const stage = (id: string) => getStage(foodProfile, id);

function sample(id: string, without?: string): Record<string, unknown> {
  const data = { ...SAMPLES[id] };
  if (without) delete data[without];
  return data;
}

const DAIRY = '91460100MA5TP6YE6A';

// A Haikou dairy making set yoghurt from raw milk, and the supermarket it sells to.
const SAMPLES: Record<string, Record<string, unknown>> = {
  'material-receipt': { checkResult: '合格', materialInspectionReport: 'YR-20260301-07', rawMilkPermit: '琼生鲜乳收字（2024）第0012号', voucherNumber: 'SL-20260301-02' },
  production: {
    foodLicence: 'SC10546010800123',
    productionDate: '2026-03-02',
    expiryDate: '2026-03-23',
    productStandard: 'GB 19302',
  },
  'factory-inspection': { inspectionResult: 'pass', inspectionReport: 'CC-20260302-03' },
  shipping: { voucherNumber: 'FH-20260302-0456', transportTemperature: 4 },
  receipt: { checkResult: '合格', voucherNumber: 'FH-20260302-0456' },
  retail: { retailPrice: 12.9 },
};

describe('food profile', () => {
  it('accepts a sample record at every stage', () => {
    expect(Object.keys(SAMPLES)).toEqual(foodProfile.stages.map((s) => s.id));
    for (const s of foodProfile.stages) expect(checkElements(s, sample(s.id)).issues, s.id).toEqual([]);
  });

  it('names the food production licence when a production record lacks it', () => {
    const { issues } = checkElements(stage('production'), sample('production', 'foodLicence'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('data.foodLicence');
    expect(issues[0]?.reason).toContain('食品生产许可证编号');
  });

  it.each([
    ['foodLicence', 'SC1054601080012', 'SC加14位数字'],
    ['foodLicence', 'QS460006010001', 'SC加14位数字'],
    ['formulaRegistration', '国食注字TY20230012', '国食注字YP20230012'],
  ])('refuses %s "%s" with a hint of the right form', (id, value, hint) => {
    const { issues } = checkElements(stage('production'), { ...sample('production'), [id]: value });
    expect(issues.map((i) => i.field)).toEqual([`data.${id}`]);
    expect(issues[0]?.reason).toContain(hint);
  });

  it('accepts an infant formula registration number', () => {
    expect(checkElements(stage('production'), { ...sample('production'), formulaRegistration: '国食注字YP20230012' }).issues).toEqual([]);
  });

  it('requires the result and report of the release inspection', () => {
    const { issues } = checkElements(stage('factory-inspection'), {});
    expect(issues.map((i) => i.field)).toEqual(['data.inspectionResult', 'data.inspectionReport']);
    expect(issues[0]?.reason).toContain('检验结论');
  });

  it('writes a production as a TransformationEvent from raw milk to a product lot with its licence in the ilmd', () => {
    const record: ResolvedRecord = {
      sector: 'food',
      profileVersion: 1,
      stage: stage('production'),
      party: DAIRY,
      site: `urn:zhuisu:site:${DAIRY}`,
      region: '460108',
      time: '2026-03-02T14:00:00+08:00',
      product: '6971234560018',
      reference: 'SCJL-20260302-01',
      inputs: { lots: [{ lot: 'urn:zhuisu:lot:93469021MA5T9QJC1U:SXR:SN20260301A', quantity: 3200, uom: 'KGM' }], items: [] },
      outputs: { lots: [{ lot: 'urn:epc:class:lgtin:69712345.06001.20260302A', quantity: 8000, uom: 'H87' }], items: [] },
      elements: checkElements(stage('production'), sample('production')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'TransformationEvent',
      bizStep: 'commissioning',
      disposition: 'active',
      inputQuantityList: [{ quantity: 3200, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:69712345.06001.20260302A', quantity: 8000, uom: 'H87' }],
      ilmd: {
        'zhuisu:foodLicence': 'SC10546010800123',
        'zhuisu:productionDate': '2026-03-02',
        'zhuisu:expiryDate': '2026-03-23',
        'zhuisu:productStandard': 'GB 19302',
      },
      'zhuisu:sector': 'food',
      'zhuisu:stage': 'production',
      'zhuisu:reference': 'SCJL-20260302-01',
    });
    expect(event).not.toHaveProperty('action');
  });

  itNamesElementsAsExtensionFields(foodProfile);
});

describeSectorDoc(foodProfile);

import { describe, expect, it } from 'vitest';
import { agriInputProfile } from '../../../src/domain/sectors/agri-input.js';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';
import { describeSectorDoc, getStage, itNamesElementsAsExtensionFields } from '../../support/sector-doc.js';

const stage = (id: string) => getStage(agriInputProfile, id);

function sample(id: string, without?: string): Record<string, unknown> {
  const data = { ...SAMPLES[id] };
  if (without) delete data[without];
  return data;
}

const COOPERATIVE = '93469006MA5TK2Q962';

// A fungicide registered, made in Haikou, sold by a Wanning dealer and sprayed on a mango orchard.
const SAMPLES: Record<string, Record<string, unknown>> = {
  registration: { inputKind: '农药', registrationNumber: 'PD20181234', validUntil: '2028-06-30' },
  production: { registrationNumber: 'PD20181234', productionLicence: '农药生许（琼）0012', productionDate: '2026-01-10', expiryDate: '2028-01-09' },
  sale: { operatorLicence: '农药经许（琼）46900620210008', buyerName: '王明德', voucherNumber: 'XS-20260215-013' },
  application: { target: '芒果（炭疽病）', dosage: '1000倍液喷雾', farmRegion: '469006', safeIntervalDays: 14 },
};

describe('agricultural inputs profile', () => {
  it('accepts a sample record at every stage', () => {
    expect(Object.keys(SAMPLES)).toEqual(agriInputProfile.stages.map((s) => s.id));
    for (const s of agriInputProfile.stages) expect(checkElements(s, sample(s.id)).issues, s.id).toEqual([]);
  });

  it('names the registration number when a production record lacks it', () => {
    const { issues } = checkElements(stage('production'), sample('production', 'registrationNumber'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('data.registrationNumber');
    expect(issues[0]?.reason).toContain('登记证号（批准文号）');
  });

  it.each(['PD20181234', 'PDN20230005', 'WP20200012', 'WL20230001', 'PD73-88', '兽药字460011234', '琼农肥（2021）准字0123号', '国审稻20210001'])(
    'accepts the registration number %s',
    (registrationNumber) => {
      expect(checkElements(stage('registration'), { ...sample('registration'), registrationNumber }).issues).toEqual([]);
    },
  );

  it.each(['PD2018123', 'PD201812345', 'WP2020001X'])('refuses the pesticide registration number %s', (registrationNumber) => {
    const { issues } = checkElements(stage('registration'), { ...sample('registration'), registrationNumber });
    expect(issues.map((i) => i.field)).toEqual(['data.registrationNumber']);
    expect(issues[0]?.reason).toContain('PD20181234');
  });

  it('counts a pre-harvest interval in whole days', () => {
    const { issues } = checkElements(stage('application'), { ...sample('application'), safeIntervalDays: 7.5 });
    expect(issues.map((i) => i.field)).toEqual(['data.safeIntervalDays']);
    expect(issues[0]?.reason).toContain('安全间隔期（天）');
  });

  it('writes a use on the farm as an observation with the dose and the interval', () => {
    const record: ResolvedRecord = {
      sector: 'agri-input',
      profileVersion: 1,
      stage: stage('application'),
      party: COOPERATIVE,
      site: `urn:zhuisu:site:${COOPERATIVE}`,
      region: '469006',
      time: '2026-02-20T07:30:00+08:00',
      product: '91460100MA5RD0XH0R/SLJ-250',
      outputs: { lots: [{ lot: 'urn:zhuisu:lot:91460100MA5RD0XH0R:SLJ-250:20260110', quantity: 2, uom: 'LTR' }], items: [] },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('application'), sample('application')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'https://ns.zhuisu.org/epcis/bizstep/application',
      quantityList: [{ quantity: 2, uom: 'LTR' }],
      'zhuisu:target': '芒果（炭疽病）',
      'zhuisu:dosage': '1000倍液喷雾',
      'zhuisu:farmRegion': '469006',
      'zhuisu:safeIntervalDays': 14,
    });
    expect(event).not.toHaveProperty('sourceList');
    expect(event).not.toHaveProperty('ilmd');
  });

  itNamesElementsAsExtensionFields(agriInputProfile);
});

describeSectorDoc(agriInputProfile);

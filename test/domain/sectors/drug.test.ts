import { describe, expect, it } from 'vitest';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { drugProfile } from '../../../src/domain/sectors/drug.js';
import { recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';
import { describeSectorDoc, getStage, itNamesElementsAsExtensionFields } from '../../support/sector-doc.js';

const stage = (id: string) => getStage(drugProfile, id);

function sample(id: string, without?: string): Record<string, unknown> {
  const data = { ...SAMPLES[id] };
  if (without) delete data[without];
  return data;
}

const MAKER = '91460100MA5RD0A1X7';
const HOSPITAL = '91460106MA5RD0C3PQ';
const LOT = `urn:zhuisu:lot:${MAKER}:AMX-250:20260301`;
const CODES = ['urn:zhuisu:drug:83857930000879766660', 'urn:zhuisu:drug:83857930000879766661', 'urn:zhuisu:drug:83857930000879766662'];

// Amoxicillin capsules made in Haikou, shipped through a wholesaler to a hospital pharmacy and dispensed there.
const SAMPLES: Record<string, Record<string, unknown>> = {
  production: {
    approvalNumber: '国药准字H46020637',
    batchNumber: '20260301',
    productionDate: '2026-03-01',
    expiryDate: '2028-02-29',
    specification: '0.25g×24粒',
    releaseCertificate: 'QA-REL-2026-0311',
  },
  distribution: { invoiceNumber: 'SH-YL-2603050017', transportTemperature: 18 },
  receipt: { invoiceNumber: 'SH-YL-2603050017', acceptanceResult: 'accepted' },
  dispensing: { prescriptionNumber: 'MZ20260312-00871', pharmacist: '林晓燕' },
};

describe('drug profile', () => {
  it('accepts a sample record at every stage', () => {
    expect(Object.keys(SAMPLES)).toEqual(drugProfile.stages.map((s) => s.id));
    for (const s of drugProfile.stages) expect(checkElements(s, sample(s.id)).issues, s.id).toEqual([]);
  });

  it('stores an acceptance result by its value, whichever language the clerk wrote it in', () => {
    expect(checkElements(stage('receipt'), { ...sample('receipt'), acceptanceResult: '拒收' }).values.acceptanceResult).toBe('rejected');
  });

  it('names the approval number when a production record lacks it', () => {
    const { issues } = checkElements(stage('production'), sample('production', 'approvalNumber'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('data.approvalNumber');
    expect(issues[0]?.reason).toContain('药品批准文号');
  });

  it('names the delivery note when a receipt lacks it', () => {
    const { issues } = checkElements(stage('receipt'), sample('receipt', 'invoiceNumber'));
    expect(issues.map((i) => i.field)).toEqual(['data.invoiceNumber']);
    expect(issues[0]?.reason).toContain('随货同行单号');
  });

  it.each(['H46020637', '国药准字Z20230001', '国药准字S10980001', '国药准字J20150042'])('accepts the approval number %s', (approvalNumber) => {
    expect(checkElements(stage('production'), { ...sample('production'), approvalNumber }).issues).toEqual([]);
  });

  it.each(['国药准字H4602063', '国药准字X46020637', '国药准字H460206371'])('refuses the approval number %s', (approvalNumber) => {
    const { issues } = checkElements(stage('production'), { ...sample('production'), approvalNumber });
    expect(issues.map((i) => i.field)).toEqual(['data.approvalNumber']);
    expect(issues[0]?.reason).toContain('国药准字H20230001');
  });

  it('writes a production as an ObjectEvent ADD whose codes and lot carry the approval number and dates', () => {
    const record: ResolvedRecord = {
      sector: 'drug',
      profileVersion: 1,
      stage: stage('production'),
      party: MAKER,
      site: `urn:zhuisu:site:${MAKER}`,
      region: '460100',
      time: '2026-03-01T16:30:00+08:00',
      product: `${MAKER}/AMX-250`,
      reference: 'BPR-20260301',
      outputs: { lots: [{ lot: LOT, quantity: 3, uom: 'H87' }], items: CODES },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('production'), sample('production')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      epcList: CODES,
      quantityList: [{ epcClass: LOT, quantity: 3, uom: 'H87' }],
      ilmd: {
        'zhuisu:approvalNumber': '国药准字H46020637',
        'zhuisu:batchNumber': '20260301',
        'zhuisu:productionDate': '2026-03-01',
        'zhuisu:expiryDate': '2028-02-29',
        'zhuisu:specification': '0.25g×24粒',
      },
      'zhuisu:releaseCertificate': 'QA-REL-2026-0311',
      'zhuisu:sector': 'drug',
      'zhuisu:stage': 'production',
      'zhuisu:reference': 'BPR-20260301',
    });
    expect(event).not.toHaveProperty('zhuisu:approvalNumber');
    expect(event).not.toHaveProperty('sourceList');
  });

  it('writes a dispensing as a retail sale from the hospital with the prescription as an extension field', () => {
    const record: ResolvedRecord = {
      sector: 'drug',
      profileVersion: 1,
      stage: stage('dispensing'),
      party: HOSPITAL,
      site: `urn:zhuisu:site:${HOSPITAL}`,
      region: '460106',
      time: '2026-03-12T10:16:00+08:00',
      outputs: { lots: [], items: [CODES[0] ?? ''] },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('dispensing'), sample('dispensing')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'retail_selling',
      disposition: 'retail_sold',
      epcList: ['urn:zhuisu:drug:83857930000879766660'],
      sourceList: [{ type: 'owning_party', source: `urn:zhuisu:party:${HOSPITAL}` }, { type: 'location', source: `urn:zhuisu:site:${HOSPITAL}` }],
      'zhuisu:prescriptionNumber': 'MZ20260312-00871',
      'zhuisu:pharmacist': '林晓燕',
    });
    expect(event).not.toHaveProperty('destinationList');
    expect(event).not.toHaveProperty('quantityList');
  });

  it('lists a delivery note as a business transaction', () => {
    const record: ResolvedRecord = {
      sector: 'drug',
      profileVersion: 1,
      stage: stage('distribution'),
      party: MAKER,
      site: `urn:zhuisu:site:${MAKER}`,
      counterpart: '91460100MA5RD0B2Y1',
      region: '460100',
      time: '2026-03-05T09:00:00+08:00',
      outputs: { lots: [{ lot: LOT, quantity: 3, uom: 'H87' }], items: CODES },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('distribution'), sample('distribution')).values,
    };
    expect(recordToEvent(record)).toMatchObject({
      bizStep: 'shipping',
      disposition: 'in_transit',
      bizTransactionList: [{ type: 'desadv', bizTransaction: 'urn:zhuisu:doc:desadv:SH-YL-2603050017' }],
      destinationList: [{ type: 'owning_party', destination: 'urn:zhuisu:party:91460100MA5RD0B2Y1' }],
      'zhuisu:invoiceNumber': 'SH-YL-2603050017',
      'zhuisu:transportTemperature': 18,
    });
  });

  itNamesElementsAsExtensionFields(drugProfile);
});

describeSectorDoc(drugProfile);

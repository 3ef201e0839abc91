import { describe, expect, it } from 'vitest';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { importedProfile } from '../../../src/domain/sectors/imported.js';
import { recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';
import { describeSectorDoc, getStage, itNamesElementsAsExtensionFields } from '../../support/sector-doc.js';

const stage = (id: string) => getStage(importedProfile, id);

function sample(id: string, without?: string): Record<string, unknown> {
  const data = { ...SAMPLES[id] };
  if (without) delete data[without];
  return data;
}

const IMPORTER = '91460100MA5TX7AL7P';

// A lot of French wine entering at Haikou port and sold on to a Sanya hotel supplier.
const SAMPLES: Record<string, Record<string, unknown>> = {
  'pre-inspection': {
    originCountry: 'FR',
    overseasProducer: 'Château Lagrange-Moreau SAS',
    overseasProducerRegistration: 'CFRA33012504250001',
    preInspectionCertificate: 'FR-33-2026-004512',
  },
  'entry-inspection': {
    customsDeclaration: '640120261000123456',
    entryCertificate: '460100226000512',
    portOfEntry: '海口港',
    inspectionResult: '合格',
  },
  'first-receipt': { billOfLading: 'CMDU4512398760', importerFiling: '4601960123' },
  distribution: { entryCertificate: '460100226000512', voucherNumber: 'FX-20260310-021' },
  receipt: { entryCertificate: '460100226000512', voucherNumber: 'FX-20260310-021' },
  retail: { retailPrice: 268 },
};

describe('imported products profile', () => {
  it('accepts a sample record at every stage', () => {
    expect(Object.keys(SAMPLES)).toEqual(importedProfile.stages.map((s) => s.id));
    for (const s of importedProfile.stages) expect(checkElements(s, sample(s.id)).issues, s.id).toEqual([]);
  });

  it('names the entry inspection and quarantine certificate when a distribution record lacks it', () => {
    const { issues } = checkElements(stage('distribution'), sample('distribution', 'entryCertificate'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('data.entryCertificate');
    expect(issues[0]?.reason).toContain('入境货物检验检疫证明编号');
  });

  it.each([
    ['customsDeclaration', '64012026100012345', 'entry-inspection'],
    ['customsDeclaration', '640120260000123456', 'entry-inspection'],
    ['originCountry', 'fr', 'pre-inspection'],
    ['originCountry', 'FRA', 'pre-inspection'],
  ])('refuses %s "%s"', (id, value, stageId) => {
    const { issues } = checkElements(stage(stageId), { ...sample(stageId), [id]: value });
    expect(issues.map((i) => i.field)).toEqual([`data.${id}`]);
  });

  it('writes an entry inspection as an inspecting observation carrying the certificate', () => {
    const record: ResolvedRecord = {
      sector: 'imported',
      profileVersion: 1,
      stage: stage('entry-inspection'),
      party: IMPORTER,
      site: 'urn:epc:id:sgln:6971234.00001.0',
      region: '460100',
      time: '2026-03-08T10:20:00+08:00',
      product: '03760123450010',
      outputs: { lots: [{ lot: 'urn:epc:class:lgtin:3760123.045001.L2024B', quantity: 1200, uom: 'H87' }], items: [] },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('entry-inspection'), sample('entry-inspection')).values,
    };
    expect(recordToEvent(record)).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'inspecting',
      readPoint: { id: 'urn:epc:id:sgln:6971234.00001.0' },
      'zhuisu:customsDeclaration': '640120261000123456',
      'zhuisu:entryCertificate': '460100226000512',
      'zhuisu:portOfEntry': '海口港',
      'zhuisu:inspectionResult': 'pass',
    });
  });

  it('lists the bill of lading of a first receipt as a business transaction', () => {
    const record: ResolvedRecord = {
      sector: 'imported',
      profileVersion: 1,
      stage: stage('first-receipt'),
      party: IMPORTER,
      site: `urn:zhuisu:site:${IMPORTER}`,
      region: '460100',
      time: '2026-03-09T09:00:00+08:00',
      outputs: { lots: [{ lot: 'urn:epc:class:lgtin:3760123.045001.L2024B', quantity: 1200, uom: 'H87' }], items: [] },
      inputs: { lots: [], items: [] },
      elements: checkElements(stage('first-receipt'), sample('first-receipt')).values,
    };
    expect(recordToEvent(record)).toMatchObject({
      bizStep: 'receiving',
      bizTransactionList: [{ type: 'bol', bizTransaction: 'urn:zhuisu:doc:bol:CMDU4512398760' }],
      destinationList: [
        { type: 'owning_party', destination: `urn:zhuisu:party:${IMPORTER}` },
        { type: 'location', destination: `urn:zhuisu:site:${IMPORTER}` },
      ],
    });
  });

  itNamesElementsAsExtensionFields(importedProfile);
});

describeSectorDoc(importedProfile);

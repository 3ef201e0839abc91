import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRegionCode } from '../../../src/domain/ids/region.js';
import { checkUscc } from '../../../src/domain/ids/uscc.js';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { importedProfile } from '../../../src/domain/sectors/imported.js';
import { findStage, type StageDef } from '../../../src/domain/sectors/profile.js';
import { RECORD_FIELDS, recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';

function stage(id: string): StageDef {
  const found = findStage(importedProfile, id);
  if (!found) throw new Error(`imported has no stage ${id}`);
  return found;
}

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

  it('names its elements in camelCase ASCII, none of them a record field, each once per stage', () => {
    for (const s of importedProfile.stages) {
      const ids = s.elements.map((e) => e.id);
      expect(new Set(ids).size, s.id).toBe(ids.length);
      for (const id of ids) {
        expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(RECORD_FIELDS).not.toContain(id);
      }
    }
  });
});

describe('docs/sectors/imported.md', () => {
  const doc = readFileSync(new URL('../../../docs/sectors/imported.md', import.meta.url), 'utf8');

  it('lists every stage and every element of the profile', () => {
    for (const s of importedProfile.stages) {
      expect(doc).toContain(`| \`${s.id}\` | ${s.name.zh} |`);
      for (const e of s.elements) {
        const name = e.name.zh.replace(/[()（）]/g, '.');
        expect(doc, `${s.id}.${e.id}`).toMatch(new RegExp(`\\| \`${e.id}\`( †)? \\| ${name} \\|`));
      }
    }
  });

  it('gives a sample record of real parties and regions whose data its stage accepts', () => {
    const body: unknown = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? 'null');
    expect(body).toMatchObject({ sector: 'imported' });
    if (typeof body !== 'object' || body === null) throw new Error('no sample record');
    const fields: Record<string, unknown> = Object.fromEntries(Object.entries(body));
    for (const key of ['party', 'counterpart']) {
      if (typeof fields[key] === 'string') expect(checkUscc(fields[key]), key).toMatchObject({ ok: true });
    }
    if (typeof fields.region === 'string') expect(checkRegionCode(fields.region)).toMatchObject({ ok: true });
    const data: Record<string, unknown> = typeof fields.data === 'object' && fields.data !== null ? { ...fields.data } : {};
    expect(checkElements(stage(String(fields.stage)), data).issues).toEqual([]);
  });
});

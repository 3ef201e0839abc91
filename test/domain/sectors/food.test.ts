import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRegionCode } from '../../../src/domain/ids/region.js';
import { checkUscc } from '../../../src/domain/ids/uscc.js';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { foodProfile } from '../../../src/domain/sectors/food.js';
import { findStage, type StageDef } from '../../../src/domain/sectors/profile.js';
import { RECORD_FIELDS, recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';

function stage(id: string): StageDef {
  const found = findStage(foodProfile, id);
  if (!found) throw new Error(`food has no stage ${id}`);
  return found;
}

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

  it('names its elements in camelCase ASCII, none of them a record field, each once per stage', () => {
    for (const s of foodProfile.stages) {
      const ids = s.elements.map((e) => e.id);
      expect(new Set(ids).size, s.id).toBe(ids.length);
      for (const id of ids) {
        expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(RECORD_FIELDS).not.toContain(id);
      }
    }
  });
});

describe('docs/sectors/food.md', () => {
  const doc = readFileSync(new URL('../../../docs/sectors/food.md', import.meta.url), 'utf8');

  it('lists every stage and every element of the profile', () => {
    for (const s of foodProfile.stages) {
      expect(doc).toContain(`| \`${s.id}\` | ${s.name.zh} |`);
      for (const e of s.elements) {
        const name = e.name.zh.replace(/[()（）]/g, '.');
        expect(doc, `${s.id}.${e.id}`).toMatch(new RegExp(`\\| \`${e.id}\`( †)? \\| ${name} \\|`));
      }
    }
  });

  it('gives a sample record of real parties and regions whose data its stage accepts', () => {
    const body: unknown = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? 'null');
    expect(body).toMatchObject({ sector: 'food' });
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

import { describe, expect, it } from 'vitest';
import { checkElements } from '../../../src/domain/sectors/check-elements.js';
import { rareEarthProfile } from '../../../src/domain/sectors/rare-earth.js';
import { recordToEvent, type ResolvedRecord } from '../../../src/domain/sectors/record-events.js';
import { describeSectorDoc, getStage, itNamesElementsAsExtensionFields } from '../../support/sector-doc.js';

const stage = (id: string) => getStage(rareEarthProfile, id);

function sample(id: string, without?: string): Record<string, unknown> {
  const data = { ...SAMPLES[id] };
  if (without) delete data[without];
  return data;
}

const MINE = '91360700MA3RE0001A';
const SMELTER = '91360700MA3RE0002D';
const TRADER = '91310115MA1RE00038';
const ORE_LOT = `urn:zhuisu:lot:${MINE}:REO-ION:NL-2602-07`;
const OXIDE_LOT = `urn:zhuisu:lot:${SMELTER}:PRND-OX:PN-2603-01`;

// Ion-adsorption concentrate from a Ganzhou mine, separated into Pr-Nd oxide and exported from Shanghai to Japan.
const SAMPLES: Record<string, Record<string, unknown>> = {
  mining: { miningLicence: 'C3600002011044120108920', quotaReference: '工信部原函〔2026〕12号-开采-07', reoContent: 92 },
  'smelting-separation': { quotaReference: '工信部原函〔2026〕12号-冶炼-15', productName: '氧化镨钕 Pr6O11+Nd2O3', purity: 99.5, packageLabel: 'JY-PN-2603-01-0001~0030' },
  sale: { invoiceNumber: '36002026030200118' },
  receipt: { invoiceNumber: '36002026030200118' },
  export: { customsDeclaration: '220120260000356178', exportLicence: '26-AC-100357', destinationCountry: 'JP' },
};

describe('rare earths profile', () => {
  it('accepts a sample record at every stage', () => {
    expect(Object.keys(SAMPLES)).toEqual(rareEarthProfile.stages.map((s) => s.id));
    for (const s of rareEarthProfile.stages) expect(checkElements(s, sample(s.id)).issues, s.id).toEqual([]);
  });

  it('names the quota reference when a mining record lacks it', () => {
    const { issues } = checkElements(stage('mining'), sample('mining', 'quotaReference'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('data.quotaReference');
    expect(issues[0]?.reason).toContain('生产总量控制指标文号');
  });

  it('names the quota reference and package labels when a smelting-separation record lacks them', () => {
    const { issues } = checkElements(stage('smelting-separation'), { productName: '氧化镨钕', purity: 99.5 });
    expect(issues.map((i) => i.field)).toEqual(['data.quotaReference', 'data.packageLabel']);
    expect(issues[1]?.reason).toContain('包装标识号');
  });

  it.each(['22012026000035617', '2201202600003561789', '2201202600003561X8'])('refuses the customs declaration number %s', (customsDeclaration) => {
    const { issues } = checkElements(stage('export'), { ...sample('export'), customsDeclaration });
    expect(issues.map((i) => i.field)).toEqual(['data.customsDeclaration']);
    expect(issues[0]?.reason).toContain('18位数字');
  });

  it.each(['jp', 'JPN', '日本'])('refuses the destination country %s', (destinationCountry) => {
    const { issues } = checkElements(stage('export'), { ...sample('export'), destinationCountry });
    expect(issues.map((i) => i.field)).toEqual(['data.destinationCountry']);
    expect(issues[0]?.reason).toContain('目的国');
  });

  it('refuses a purity above 100 per cent', () => {
    const { issues } = checkElements(stage('smelting-separation'), { ...sample('smelting-separation'), purity: 100.5 });
    expect(issues.map((i) => i.field)).toEqual(['data.purity']);
    expect(issues[0]?.reason).toContain('“纯度”不能大于100 P1');
  });

  it('writes a smelting separation as a TransformationEvent from concentrate to an oxide lot that carries its product data', () => {
    const record: ResolvedRecord = {
      sector: 'rare-earth',
      profileVersion: 1,
      stage: stage('smelting-separation'),
      party: SMELTER,
      site: `urn:zhuisu:site:${SMELTER}`,
      region: '360700',
      time: '2026-03-20T18:00:00+08:00',
      product: `${SMELTER}/PRND-OX`,
      inputs: { lots: [{ lot: ORE_LOT, quantity: 120, uom: 'TNE' }], items: [] },
      outputs: { lots: [{ lot: OXIDE_LOT, quantity: 30, uom: 'TNE' }], items: [] },
      elements: checkElements(stage('smelting-separation'), sample('smelting-separation')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'TransformationEvent',
      bizStep: 'https://ns.zhuisu.org/epcis/bizstep/smelting-separation',
      disposition: 'active',
      inputQuantityList: [{ epcClass: ORE_LOT, quantity: 120, uom: 'TNE' }],
      outputQuantityList: [{ epcClass: OXIDE_LOT, quantity: 30, uom: 'TNE' }],
      ilmd: { 'zhuisu:productName': '氧化镨钕 Pr6O11+Nd2O3', 'zhuisu:purity': 99.5, 'zhuisu:packageLabel': 'JY-PN-2603-01-0001~0030' },
      'zhuisu:quotaReference': '工信部原函〔2026〕12号-冶炼-15',
      'zhuisu:sector': 'rare-earth',
      'zhuisu:stage': 'smelting-separation',
    });
    expect(event).not.toHaveProperty('action');
    expect(event).not.toHaveProperty('zhuisu:purity');
  });

  it('writes a mined lot as an ObjectEvent ADD whose oxide content is lot master data', () => {
    const record: ResolvedRecord = {
      sector: 'rare-earth',
      profileVersion: 1,
      stage: stage('mining'),
      party: MINE,
      site: `urn:zhuisu:site:${MINE}`,
      region: '360700',
      time: '2026-02-28T18:00:00+08:00',
      product: `${MINE}/REO-ION`,
      inputs: { lots: [], items: [] },
      outputs: { lots: [{ lot: ORE_LOT, quantity: 120, uom: 'TNE' }], items: [] },
      elements: checkElements(stage('mining'), sample('mining')).values,
    };
    expect(recordToEvent(record)).toMatchObject({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'https://ns.zhuisu.org/epcis/bizstep/mining',
      ilmd: { 'zhuisu:reoContent': 92 },
      'zhuisu:miningLicence': 'C3600002011044120108920',
      'zhuisu:quotaReference': '工信部原函〔2026〕12号-开采-07',
    });
  });

  it('writes an export from the trader with no destination party', () => {
    const record: ResolvedRecord = {
      sector: 'rare-earth',
      profileVersion: 1,
      stage: stage('export'),
      party: TRADER,
      site: `urn:zhuisu:site:${TRADER}`,
      region: '310115',
      time: '2026-04-08T09:00:00+08:00',
      product: `${SMELTER}/PRND-OX`,
      inputs: { lots: [], items: [] },
      outputs: { lots: [{ lot: OXIDE_LOT, quantity: 20, uom: 'TNE' }], items: [] },
      elements: checkElements(stage('export'), sample('export')).values,
    };
    const event = recordToEvent(record);
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'https://ns.zhuisu.org/epcis/bizstep/export',
      disposition: 'in_transit',
      sourceList: [{ type: 'owning_party', source: `urn:zhuisu:party:${TRADER}` }, { type: 'location', source: `urn:zhuisu:site:${TRADER}` }],
      'zhuisu:customsDeclaration': '220120260000356178',
      'zhuisu:destinationCountry': 'JP',
    });
    expect(event).not.toHaveProperty('destinationList');
  });

  itNamesElementsAsExtensionFields(rareEarthProfile);
});

describeSectorDoc(rareEarthProfile, { rulesMention: ['POST /api/v1/parties/:uscc/quotas'] });

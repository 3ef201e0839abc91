import type { JsonObject } from '../domain/event.js';

/**
 * Parties and places of the demo chain (GS1 China company prefixes 690xxxx). The events name only GS1 keys, as a
 * partner's EPCIS system would; each enterprise is also registered with its USCC at its site, which is how the public
 * page names it.
 */
export const DEMO = {
  farm: { party: 'urn:epc:id:pgln:6901001.00000', site: 'urn:epc:id:sgln:6901001.00001.0', name: '海南定安生猪养殖场 Ding’an pig farm', uscc: '91469021MA5T0PGC1R', region: '469021' },
  slaughterhouse: { party: 'urn:epc:id:pgln:6901002.00000', site: 'urn:epc:id:sgln:6901002.00001.0', name: '海口定点屠宰场 Haikou designated slaughterhouse', uscc: '91460100MA5T0TJ822', region: '460100' },
  market: { party: 'urn:epc:id:pgln:6901003.00000', site: 'urn:epc:id:sgln:6901003.00001.0', name: '海口农产品批发市场 Haikou wholesale market', uscc: '91460108MA5T0PF43X', region: '460108' },
  stall: { party: 'urn:epc:id:pgln:6901004.00000', site: 'urn:epc:id:sgln:6901004.00001.0', name: '龙华菜市场 12 号猪肉摊 Longhua market stall 12', uscc: '92460106MA5T0GT652', region: '460106' },
  pigLot: 'urn:epc:class:lgtin:6901001.000001.PIG20260301',
  carcassLot: 'urn:epc:class:lgtin:6901002.000010.C20260305',
  loinLot: 'urn:epc:class:lgtin:6901002.000020.L20260305',
  ribsLot: 'urn:epc:class:lgtin:6901002.000021.R20260305',
  pallet: 'urn:epc:id:sscc:6901002.0000000017',
} as const;

export const ZHUISU_NAMESPACE = 'https://ns.zhuisu.org/epcis/';
const CUTTING = 'https://ns.zhuisu.org/epcis/bizstep/cutting';

const at = (day: string, time: string) => ({ eventTime: `2026-03-${day}T${time}:00.000+08:00`, eventTimeZoneOffset: '+08:00' });
const where = (site: string) => ({ readPoint: { id: site }, bizLocation: { id: site } });
const qty = (epcClass: string, quantity: number, uom: string) => ({ epcClass, quantity, uom });
const handover = (from: { party: string; site: string }, to: { party: string; site: string }) => ({
  sourceList: [{ type: 'owning_party', source: from.party }, { type: 'location', source: from.site }],
  destinationList: [{ type: 'owning_party', destination: to.party }, { type: 'location', destination: to.site }],
});

/**
 * A pork chain as an EPCISDocument: farm → slaughterhouse → wholesale market → retail stall, with a slaughter and a
 * cutting transformation, a pallet that is packed and unpacked, and the retail sale of coded packs.
 */
export function porkChainDocument(retailCodes: readonly string[]): JsonObject {
  const { farm, slaughterhouse: sh, market, stall } = DEMO;
  const events: JsonObject[] = [
    { type: 'ObjectEvent', ...at('01', '08:00'), action: 'ADD', bizStep: 'commissioning', disposition: 'active', epcList: [],
      quantityList: [qty(DEMO.pigLot, 50, 'H87')], ...where(farm.site),
      ilmd: { 'zhuisu:breed': '杜长大 Duroc×Landrace×Yorkshire', 'zhuisu:earTagRange': '460125-0001…0050' } },
    { type: 'ObjectEvent', ...at('04', '06:30'), action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', epcList: [],
      quantityList: [qty(DEMO.pigLot, 20, 'H87')], ...where(farm.site), ...handover(farm, sh),
      bizTransactionList: [{ type: 'desadv', bizTransaction: 'urn:zhuisu:doc:desadv:DA-20260304-01' }],
      'zhuisu:animalQuarantineCertificate': '动检A 4601 2026 0001234' },
    { type: 'ObjectEvent', ...at('04', '09:10'), action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress', epcList: [],
      quantityList: [qty(DEMO.pigLot, 20, 'H87')], ...where(sh.site), ...handover(farm, sh) },
    { type: 'TransformationEvent', ...at('05', '05:00'), bizStep: 'killing', disposition: 'active',
      inputQuantityList: [qty(DEMO.pigLot, 20, 'H87')], outputQuantityList: [qty(DEMO.carcassLot, 1800, 'KGM')], ...where(sh.site),
      'zhuisu:meatQualityCertificate': '肉品品质检验合格证 HK-2026-0305-017' },
    { type: 'TransformationEvent', ...at('05', '07:00'), bizStep: CUTTING, disposition: 'active',
      inputQuantityList: [qty(DEMO.carcassLot, 900, 'KGM')], outputQuantityList: [qty(DEMO.loinLot, 600, 'KGM'), qty(DEMO.ribsLot, 300, 'KGM')], ...where(sh.site) },
    { type: 'AggregationEvent', ...at('05', '08:00'), action: 'ADD', bizStep: 'packing', disposition: 'in_progress', parentID: DEMO.pallet,
      childEPCs: [], childQuantityList: [qty(DEMO.loinLot, 600, 'KGM'), qty(DEMO.ribsLot, 300, 'KGM')], ...where(sh.site) },
    { type: 'ObjectEvent', ...at('05', '09:00'), action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', epcList: [DEMO.pallet],
      ...where(sh.site), ...handover(sh, market),
      bizTransactionList: [{ type: 'po', bizTransaction: 'urn:zhuisu:doc:po:PO-HK-88213' }, { type: 'desadv', bizTransaction: 'urn:zhuisu:doc:desadv:DA-20260305-07' }] },
    { type: 'ObjectEvent', ...at('05', '10:20'), action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress', epcList: [DEMO.pallet],
      ...where(market.site), ...handover(sh, market) },
    { type: 'AggregationEvent', ...at('05', '10:40'), action: 'DELETE', bizStep: 'unpacking', disposition: 'in_progress', parentID: DEMO.pallet,
      childEPCs: [], ...where(market.site) },
    { type: 'ObjectEvent', ...at('06', '04:30'), action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', epcList: [],
      quantityList: [qty(DEMO.loinLot, 50, 'KGM')], ...where(market.site), ...handover(market, stall),
      bizTransactionList: [{ type: 'inv', bizTransaction: 'urn:zhuisu:doc:inv:HK-PFSC-20260306-0042' }] },
    { type: 'ObjectEvent', ...at('06', '05:15'), action: 'OBSERVE', bizStep: 'receiving', disposition: 'sellable_accessible', epcList: [],
      quantityList: [qty(DEMO.loinLot, 50, 'KGM')], ...where(stall.site), ...handover(market, stall) },
    ...retailCodes.slice(0, 2).map((code, i): JsonObject => ({
      type: 'ObjectEvent', ...at('06', `0${8 + i}:05`), action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold',
      epcList: [code], ...where(stall.site) })),
  ];
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { zhuisu: ZHUISU_NAMESPACE }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-03-06T09:00:00.000+08:00',
    epcisBody: { eventList: events },
  };
}

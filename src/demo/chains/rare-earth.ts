import type { DemoChain } from './chain.js';

const MINE = '91360700MA3RE0001A';
const SMELTER = '91360700MA3RE0002D';
const TRADER = '91310115MA1RE00038';
const ORE = `${MINE}/REO-ION`;
const OXIDE = `${SMELTER}/PRND-OX`;

/** A rare-earth lot from an ion-adsorption mine through smelting separation to a praseodymium-neodymium oxide export. */
export const rareEarthChain: DemoChain = {
  sector: 'rare-earth',
  title: '氧化镨钕：赣州矿山 → 冶炼分离 → 上海出口 Praseodymium-neodymium oxide from a Ganzhou mine to export',
  parties: [
    { uscc: MINE, name: '赣州南岭稀土矿业有限公司 Nanling Rare Earth Mining', region: '360700', sectors: ['rare-earth'] },
    { uscc: SMELTER, name: '赣州金源稀土冶炼分离有限公司 Jinyuan separation plant', region: '360700', sectors: ['rare-earth'] },
    { uscc: TRADER, name: '上海华稀国际贸易有限公司 Huaxi International Trading', region: '310115', sectors: ['rare-earth'] },
  ],
  products: [
    { party: MINE, code: 'REO-ION', name: '离子型稀土矿（混合碳酸稀土） ion-adsorption rare-earth concentrate', catalogueEntry: 'rare-earth.mineral' },
    { party: SMELTER, code: 'PRND-OX', name: '氧化镨钕 Pr-Nd oxide', catalogueEntry: 'rare-earth.separated' },
  ],
  quotas: [
    { party: MINE, reference: '工信部原函〔2026〕12号-开采-07', sector: 'rare-earth', periodStart: '2026-01-01T00:00:00+08:00', periodEnd: '2027-01-01T00:00:00+08:00', quantity: 2000, unit: 'TNE' },
    { party: SMELTER, reference: '工信部原函〔2026〕12号-冶炼-15', sector: 'rare-earth', periodStart: '2026-01-01T00:00:00+08:00', periodEnd: '2027-01-01T00:00:00+08:00', quantity: 800, unit: 'TNE' },
  ],
  records: [
    {
      sector: 'rare-earth', stage: 'mining', party: MINE, product: 'REO-ION', lot: 'NL-2602-07', quantity: 120, unit: '吨', time: '2026-02-28T18:00:00+08:00',
      data: { miningLicence: 'C3600002011044120108920', quotaReference: '工信部原函〔2026〕12号-开采-07', reoContent: 92 },
    },
    {
      sector: 'rare-earth', stage: 'sale', party: MINE, product: 'REO-ION', lot: 'NL-2602-07', quantity: 120, unit: '吨', counterpart: SMELTER, time: '2026-03-02T09:00:00+08:00',
      data: { invoiceNumber: '36002026030200118' },
    },
    {
      sector: 'rare-earth', stage: 'receipt', party: SMELTER, product: ORE, lot: 'NL-2602-07', quantity: 120, unit: '吨', counterpart: MINE, time: '2026-03-02T15:00:00+08:00',
      data: { invoiceNumber: '36002026030200118' },
    },
    {
      sector: 'rare-earth', stage: 'smelting-separation', party: SMELTER, product: 'PRND-OX', lot: 'PN-2603-01', quantity: 30, unit: '吨', time: '2026-03-20T18:00:00+08:00',
      inputs: [{ product: ORE, lot: 'NL-2602-07', quantity: 120, unit: '吨' }],
      data: { quotaReference: '工信部原函〔2026〕12号-冶炼-15', productName: '氧化镨钕 Pr6O11+Nd2O3', purity: 99.5, packageLabel: 'JY-PN-2603-01-0001~0030' },
    },
    {
      sector: 'rare-earth', stage: 'sale', party: SMELTER, product: 'PRND-OX', lot: 'PN-2603-01', quantity: 20, unit: '吨', counterpart: TRADER, time: '2026-03-25T10:00:00+08:00',
      data: { invoiceNumber: '36002026032500042' },
    },
    {
      sector: 'rare-earth', stage: 'receipt', party: TRADER, product: OXIDE, lot: 'PN-2603-01', quantity: 20, unit: '吨', counterpart: SMELTER, time: '2026-03-28T10:00:00+08:00',
      data: { invoiceNumber: '36002026032500042' },
    },
    {
      sector: 'rare-earth', stage: 'export', party: TRADER, product: OXIDE, lot: 'PN-2603-01', quantity: 20, unit: '吨', time: '2026-04-08T09:00:00+08:00',
      data: { customsDeclaration: '220120260000356178', exportLicence: '26-AC-100357', destinationCountry: 'JP' },
    },
  ],
  traceFrom: { record: 6, unit: 0 },
};

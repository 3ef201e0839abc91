import type { DemoChain } from './chain.js';

const MANGO_COOP = '93469028MA5TFW8L32';
const PACKING_HOUSE = '91469028MA5TQN2C7L';
const FRUIT_WHOLESALER = '91460100MA5RKY4D9T';
const SUPERMARKET = '91460100MA5U0P6H11';
const PIG_FARM = '91469021MA5TDL3R82';
const SLAUGHTERHOUSE = '91460100MA5RHE7A20';
const MARKET = '91460100MA5TCX1G5M';

const MANGO_LOT = 'LS20260312-01';
const CARTON_LOT = 'BZ0313-02';
const PIG_LOT = 'DA20260317-03';
const CARCASS_LOT = 'HK20260318-01';

// 动物检疫合格证明: 动物A for the live pigs at the farm, 产品A for the carcasses at the slaughterhouse.
const LIVE_PIG_CERTIFICATE = '4601138752';
const CARCASS_CERTIFICATE = '4601140926';
const MEAT_QUALITY_CERTIFICATE = 'HKYF20260318017';
const MANGO_COMPLIANCE_CERTIFICATE = 'HN469028-20260313-0021';

/**
 * 食用农产品: 陵水 贵妃芒 graded and boxed by a packing house, sold through a Haikou fruit wholesaler to a
 * supermarket; and 定安 pigs slaughtered at a Haikou designated slaughterhouse and sold in a Haikou farmers' market.
 */
export const edibleAgriChain: DemoChain = {
  sector: 'edible-agri',
  title: '陵水贵妃芒从果园到海口超市；定安生猪经海口定点屠宰进入农贸市场 / Lingshui Guifei mango from orchard to a Haikou supermarket; Ding’an pigs through a Haikou designated slaughterhouse to a farmers’ market',
  parties: [
    { uscc: MANGO_COOP, name: '陵水黎族自治县英州镇福湾芒果种植专业合作社', region: '469028', sectors: ['edible-agri'] },
    { uscc: PACKING_HOUSE, name: '海南琼南鲜果包装有限公司', region: '469028', sectors: ['edible-agri'] },
    { uscc: FRUIT_WHOLESALER, name: '海口椰城果品批发有限公司', region: '460106', sectors: ['edible-agri'] },
    { uscc: SUPERMARKET, name: '海南惠万家超市有限公司国贸店', region: '460106', sectors: ['edible-agri', 'food'] },
    { uscc: PIG_FARM, name: '定安县龙湖生猪养殖有限公司', region: '469021', sectors: ['edible-agri'] },
    { uscc: SLAUGHTERHOUSE, name: '海口椰丰肉类食品有限公司', region: '460107', sectors: ['edible-agri'] },
    { uscc: MARKET, name: '海口市龙华区城西农贸市场管理有限公司', region: '460106', sectors: ['edible-agri'] },
  ],
  products: [
    { party: MANGO_COOP, code: 'MG-GF', name: '贵妃芒（鲜果，统货）', catalogueEntry: 'edible-agri.tropical-fruit' },
    { party: PACKING_HOUSE, code: 'GF-TJ-5KG', name: '贵妃芒 特级 5千克/箱', catalogueEntry: 'edible-agri.tropical-fruit' },
    { party: PIG_FARM, code: 'SZ-FY', name: '育肥猪（出栏生猪）', catalogueEntry: 'edible-agri.livestock' },
    { party: SLAUGHTERHOUSE, code: 'BT-ZR', name: '白条猪肉（二分体）', catalogueEntry: 'edible-agri.pork' },
  ],
  records: [
    {
      sector: 'edible-agri', stage: 'farming', party: MANGO_COOP, product: 'MG-GF', lot: MANGO_LOT, quantity: 8600, unit: '千克',
      time: '2026-03-12T06:30:00+08:00', reference: 'CS-20260312-01',
      data: {
        originRegion: '469028', baseName: '英州镇福湾村芒果种植基地', producerName: '陈亚妹', variety: '贵妃芒（红金龙）',
        harvestDate: '2026-03-12', certification: 'LB-18-2303460127A',
      },
    },
    {
      sector: 'edible-agri', stage: 'processing', party: PACKING_HOUSE, product: 'GF-TJ-5KG', lot: CARTON_LOT, quantity: 1560, unit: '箱',
      inputs: [{ product: `${MANGO_COOP}/MG-GF`, lot: MANGO_LOT, quantity: 8600, unit: '千克' }],
      time: '2026-03-13T10:00:00+08:00', reference: 'JG-20260313-02',
      data: { grade: '特级', packageSpec: '5千克/箱，单果250克以上', processingMethod: '清洗、保鲜处理、分级、套网袋装箱', residueTestReport: 'LS-NC-20260313-0087' },
    },
    {
      sector: 'edible-agri', stage: 'wholesale', party: PACKING_HOUSE, product: 'GF-TJ-5KG', lot: CARTON_LOT, quantity: 600, unit: '箱',
      counterpart: FRUIT_WHOLESALER, time: '2026-03-13T16:00:00+08:00', reference: 'FH-20260313-006',
      data: { netWeight: 3000, destinationRegion: '460106', complianceCertificate: MANGO_COMPLIANCE_CERTIFICATE, voucherNumber: 'FH-20260313-006' },
    },
    {
      sector: 'edible-agri', stage: 'receipt', party: FRUIT_WHOLESALER, product: `${PACKING_HOUSE}/GF-TJ-5KG`, lot: CARTON_LOT, quantity: 600, unit: '箱',
      counterpart: PACKING_HOUSE, time: '2026-03-13T22:40:00+08:00',
      data: { complianceCertificate: MANGO_COMPLIANCE_CERTIFICATE, voucherNumber: 'FH-20260313-006' },
    },
    {
      sector: 'edible-agri', stage: 'storage', party: FRUIT_WHOLESALER, product: `${PACKING_HOUSE}/GF-TJ-5KG`, lot: CARTON_LOT, quantity: 600, unit: '箱',
      time: '2026-03-13T23:10:00+08:00', reference: '冷库2号间',
      data: { storageTemperature: 12, storageCondition: '冷藏' },
    },
    {
      sector: 'edible-agri', stage: 'wholesale', party: FRUIT_WHOLESALER, product: `${PACKING_HOUSE}/GF-TJ-5KG`, lot: CARTON_LOT, quantity: 120, unit: '箱',
      counterpart: SUPERMARKET, time: '2026-03-15T05:30:00+08:00', reference: 'PF260315-0117',
      data: { netWeight: 600, destinationRegion: '460106', complianceCertificate: MANGO_COMPLIANCE_CERTIFICATE, voucherNumber: 'PF260315-0117' },
    },
    {
      sector: 'edible-agri', stage: 'transport', party: FRUIT_WHOLESALER, product: `${PACKING_HOUSE}/GF-TJ-5KG`, lot: CARTON_LOT, quantity: 120, unit: '箱',
      time: '2026-03-15T05:50:00+08:00',
      data: { transportTemperature: 13, vehiclePlate: '琼A7F539' },
    },
    {
      sector: 'edible-agri', stage: 'receipt', party: SUPERMARKET, product: `${PACKING_HOUSE}/GF-TJ-5KG`, lot: CARTON_LOT, quantity: 120, unit: '箱',
      counterpart: FRUIT_WHOLESALER, time: '2026-03-15T07:10:00+08:00', reference: 'RK-GM-20260315-033',
      data: { complianceCertificate: MANGO_COMPLIANCE_CERTIFICATE, voucherNumber: 'PF260315-0117' },
    },
    {
      sector: 'edible-agri', stage: 'retail', party: SUPERMARKET, product: `${PACKING_HOUSE}/GF-TJ-5KG`, lot: CARTON_LOT, quantity: 38, unit: '箱',
      time: '2026-03-15T21:30:00+08:00', reference: 'XS-GM-20260315',
      data: { retailPrice: 89.9 },
    },
    {
      sector: 'edible-agri', stage: 'farming', party: PIG_FARM, product: 'SZ-FY', lot: PIG_LOT, quantity: 40, unit: '头',
      time: '2026-03-17T05:00:00+08:00',
      data: {
        originRegion: '469021', baseName: '定安县龙湖镇生猪养殖场', variety: '杜长大三元杂交猪', harvestDate: '2026-03-17',
        earTagRange: '146902100318401-146902100318440',
      },
    },
    {
      sector: 'edible-agri', stage: 'quarantine', party: PIG_FARM, product: 'SZ-FY', lot: PIG_LOT, quantity: 40, unit: '头',
      time: '2026-03-17T06:30:00+08:00',
      data: { quarantineResult: '合格', animalQuarantineCertificate: LIVE_PIG_CERTIFICATE, officialVet: '王海明' },
    },
    {
      sector: 'edible-agri', stage: 'wholesale', party: PIG_FARM, product: 'SZ-FY', lot: PIG_LOT, quantity: 40, unit: '头',
      counterpart: SLAUGHTERHOUSE, time: '2026-03-17T08:00:00+08:00',
      data: { netWeight: 4762, destinationRegion: '460107', complianceCertificate: 'DA469021-20260317-0008', voucherNumber: 'XS0317-03' },
    },
    {
      sector: 'edible-agri', stage: 'receipt', party: SLAUGHTERHOUSE, product: `${PIG_FARM}/SZ-FY`, lot: PIG_LOT, quantity: 40, unit: '头',
      counterpart: PIG_FARM, time: '2026-03-17T11:20:00+08:00', reference: 'RC-20260317-05',
      data: { animalQuarantineCertificate: LIVE_PIG_CERTIFICATE, voucherNumber: 'XS0317-03' },
    },
    {
      sector: 'edible-agri', stage: 'slaughter', party: SLAUGHTERHOUSE, product: 'BT-ZR', lot: CARCASS_LOT, quantity: 3568.5, unit: 'KGM',
      inputs: [{ product: `${PIG_FARM}/SZ-FY`, lot: PIG_LOT, quantity: 40, unit: '头' }],
      time: '2026-03-18T02:30:00+08:00', reference: 'TZ-20260318-01',
      data: {
        animalQuarantineCertificate: CARCASS_CERTIFICATE, meatQualityCertificate: MEAT_QUALITY_CERTIFICATE,
        slaughterLicence: 'A46010003', asfTestReport: 'ASF-HK-20260317-012',
      },
    },
    {
      sector: 'edible-agri', stage: 'meat-sale', party: SLAUGHTERHOUSE, product: 'BT-ZR', lot: CARCASS_LOT, quantity: 1180.5, unit: 'KGM',
      counterpart: MARKET, time: '2026-03-18T04:40:00+08:00', reference: 'CK-20260318-0042',
      data: {
        animalQuarantineCertificate: CARCASS_CERTIFICATE, meatQualityCertificate: MEAT_QUALITY_CERTIFICATE, netWeight: 1180.5,
        destinationRegion: '460106', voucherNumber: 'CK-20260318-0042',
      },
    },
    {
      sector: 'edible-agri', stage: 'receipt', party: MARKET, product: `${SLAUGHTERHOUSE}/BT-ZR`, lot: CARCASS_LOT, quantity: 1180.5, unit: 'KGM',
      counterpart: SLAUGHTERHOUSE, time: '2026-03-18T05:30:00+08:00',
      data: { animalQuarantineCertificate: CARCASS_CERTIFICATE, meatQualityCertificate: MEAT_QUALITY_CERTIFICATE, voucherNumber: 'CK-20260318-0042' },
    },
    {
      sector: 'edible-agri', stage: 'retail', party: MARKET, product: `${SLAUGHTERHOUSE}/BT-ZR`, lot: CARCASS_LOT, quantity: 86.4, unit: 'KGM',
      time: '2026-03-18T19:00:00+08:00', reference: 'CX-B12-20260318',
      data: { stallNumber: 'B区12号', retailPrice: 28 },
    },
  ],
  traceFrom: { record: 8, unit: 0 },
};

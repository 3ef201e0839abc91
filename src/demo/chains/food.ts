import type { DemoChain } from './chain.js';

const RAW_MILK_COOP = '93469021MA5TJ4WB68';
const WHEY_SUPPLIER = '91460100MA5RLM9F3D';
const DAIRY = '91460100MA5TUB2K8R';
const DISTRIBUTOR = '91460100MA5TXR6N0F';
const BABY_STORE = '92460200MA5TGJ7Y4L';

const FORMULA = '6975283100218';
const FORMULA_LOT = '20260309A1';
const RAW_MILK_LOT = 'SN20260309-1';
const WHEY_LOT = 'RQ2602-0458';

/**
 * 食品: a lot of infant formula made in Haikou from 定安 raw milk and bought-in whey powder, inspected before release,
 * sold to a Haikou distributor and on to a mother-and-baby shop in 三亚, where it is sold.
 */
export const foodChain: DemoChain = {
  sector: 'food',
  title: '海口乳企婴儿配方奶粉：定安生鲜乳进厂、生产、出厂检验、经销商分销至三亚母婴店销售 / Infant formula made in Haikou from Ding’an raw milk, inspected, distributed and sold in a Sanya baby shop',
  parties: [
    { uscc: RAW_MILK_COOP, name: '定安县黄竹镇绿源奶牛养殖专业合作社', region: '469021', sectors: ['food'] },
    { uscc: WHEY_SUPPLIER, name: '海口骏德食品原料有限公司', region: '460108', sectors: ['food'] },
    { uscc: DAIRY, name: '海南椰乡乳业有限公司', region: '460105', sectors: ['food'] },
    { uscc: DISTRIBUTOR, name: '海南宝贝优选商贸有限公司', region: '460106', sectors: ['food'] },
    { uscc: BABY_STORE, name: '三亚市吉阳区贝乐母婴用品店', region: '460203', sectors: ['food'] },
  ],
  products: [
    { party: RAW_MILK_COOP, code: 'SXR', name: '生鲜牛乳', catalogueEntry: 'food.dairy' },
    { party: WHEY_SUPPLIER, code: 'TY-D90', name: '脱盐乳清粉（D90）25千克/袋', catalogueEntry: 'food.dairy' },
    { party: DAIRY, code: 'YX-1D-400', name: '椰乡婴儿配方奶粉（0-6月龄，1段）400克/盒', catalogueEntry: 'food.infant-formula', gtin: FORMULA },
  ],
  records: [
    {
      sector: 'food', stage: 'material-receipt', party: DAIRY, product: `${WHEY_SUPPLIER}/TY-D90`, lot: WHEY_LOT, quantity: 1500, unit: '千克',
      counterpart: WHEY_SUPPLIER, time: '2026-03-05T10:00:00+08:00', reference: 'YLRK-20260305-02',
      data: { checkResult: '合格', materialInspectionReport: 'JD-RQ-20260303-011', supplierLicence: 'JY14601080012345', voucherNumber: 'JD-FH-20260305-03' },
    },
    {
      sector: 'food', stage: 'material-receipt', party: DAIRY, product: `${RAW_MILK_COOP}/SXR`, lot: RAW_MILK_LOT, quantity: 12600, unit: '千克',
      counterpart: RAW_MILK_COOP, time: '2026-03-09T05:40:00+08:00', reference: 'YLRK-20260309-01',
      data: { checkResult: '合格', materialInspectionReport: 'YL-SN-20260309-01', rawMilkPermit: '琼生鲜乳收字（2024）第0003号', voucherNumber: 'JN0309-01' },
    },
    {
      sector: 'food', stage: 'production', party: DAIRY, product: FORMULA, lot: FORMULA_LOT, quantity: 9800, unit: '盒',
      inputs: [
        { product: `${RAW_MILK_COOP}/SXR`, lot: RAW_MILK_LOT, quantity: 12600, unit: '千克' },
        { product: `${WHEY_SUPPLIER}/TY-D90`, lot: WHEY_LOT, quantity: 1200, unit: '千克' },
      ],
      time: '2026-03-09T22:00:00+08:00', reference: 'PSC-20260309-A1',
      data: {
        foodLicence: 'SC12946010500017', productionDate: '2026-03-09', expiryDate: '2028-03-08', productStandard: 'GB 10765-2021',
        formulaRegistration: '国食注字YP20240037',
      },
    },
    {
      sector: 'food', stage: 'factory-inspection', party: DAIRY, product: FORMULA, lot: FORMULA_LOT, quantity: 9800, unit: '盒',
      time: '2026-03-19T16:00:00+08:00',
      data: { inspectionResult: 'pass', inspectionReport: 'CJ-YX-2026-0309A1' },
    },
    {
      sector: 'food', stage: 'shipping', party: DAIRY, product: FORMULA, lot: FORMULA_LOT, quantity: 2400, unit: '盒',
      counterpart: DISTRIBUTOR, time: '2026-03-20T09:00:00+08:00',
      data: { voucherNumber: 'FH-YX-20260320-008', transportTemperature: 24 },
    },
    {
      sector: 'food', stage: 'receipt', party: DISTRIBUTOR, product: FORMULA, lot: FORMULA_LOT, quantity: 2400, unit: '盒',
      counterpart: DAIRY, time: '2026-03-20T14:30:00+08:00', reference: 'RK20260320-05',
      data: { checkResult: '合格', voucherNumber: 'FH-YX-20260320-008' },
    },
    {
      sector: 'food', stage: 'shipping', party: DISTRIBUTOR, product: FORMULA, lot: FORMULA_LOT, quantity: 120, unit: '盒',
      counterpart: BABY_STORE, time: '2026-03-23T08:30:00+08:00',
      data: { voucherNumber: 'BB-PS-0323-015' },
    },
    {
      sector: 'food', stage: 'receipt', party: BABY_STORE, product: FORMULA, lot: FORMULA_LOT, quantity: 120, unit: '盒',
      counterpart: DISTRIBUTOR, time: '2026-03-23T17:10:00+08:00',
      data: { checkResult: '合格', voucherNumber: 'BB-PS-0323-015' },
    },
    {
      sector: 'food', stage: 'retail', party: BABY_STORE, product: FORMULA, lot: FORMULA_LOT, quantity: 6, unit: '盒',
      time: '2026-03-25T20:30:00+08:00', reference: 'XS20260325',
      data: { retailPrice: 238 },
    },
  ],
  traceFrom: { record: 8, unit: 0 },
};

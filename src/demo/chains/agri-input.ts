import type { DemoChain } from './chain.js';

const PESTICIDE_MAKER = '91460100MA5RD8KP27';
const DEALER = '91469006MA5TH3CE1H';
const MANGO_COOP = '93469006MA5TKAT576';

const FUNGICIDE = 'PYR-250EC-100';
const FUNGICIDE_LOT = '20260108';
const REGISTRATION = 'PD20183457';

/**
 * 农业生产资料: a Haikou-made fungicide (250克/升吡唑醚菌酯乳油) registered, produced, sold to a 万宁 farm-supply
 * dealer and on to a mango cooperative, which sprays it against anthracnose.
 */
export const agriInputChain: DemoChain = {
  sector: 'agri-input',
  title: '海口农药厂吡唑醚菌酯乳油：登记、生产、经万宁农资店销售给芒果合作社使用 / A Haikou pyraclostrobin fungicide registered, produced, sold through a Wanning dealer and sprayed by a mango cooperative',
  parties: [
    { uscc: PESTICIDE_MAKER, name: '海南绿田农化有限公司', region: '460105', sectors: ['agri-input'] },
    { uscc: DEALER, name: '万宁市丰收农资有限公司', region: '469006', sectors: ['agri-input'] },
    { uscc: MANGO_COOP, name: '万宁市北大镇金果芒果种植专业合作社', region: '469006', sectors: ['agri-input', 'edible-agri'] },
  ],
  products: [
    { party: PESTICIDE_MAKER, code: FUNGICIDE, name: '250克/升吡唑醚菌酯乳油 100毫升/瓶', catalogueEntry: 'agri-input.pesticide' },
  ],
  records: [
    {
      // The registration belongs to the product; the stage records it against the batch it covers, when the batch is started.
      sector: 'agri-input', stage: 'registration', party: PESTICIDE_MAKER, product: FUNGICIDE, lot: FUNGICIDE_LOT, quantity: 20000, unit: '瓶',
      time: '2026-01-08T08:30:00+08:00', reference: 'PSC-20260108',
      data: { inputKind: '农药', registrationNumber: REGISTRATION, validUntil: '2028-11-19' },
    },
    {
      sector: 'agri-input', stage: 'production', party: PESTICIDE_MAKER, product: FUNGICIDE, lot: FUNGICIDE_LOT, quantity: 20000, unit: '瓶',
      time: '2026-01-08T17:30:00+08:00', reference: 'PSC-20260108',
      data: { registrationNumber: REGISTRATION, productionLicence: '农药生许（琼）0007', productionDate: '2026-01-08', expiryDate: '2028-01-07' },
    },
    {
      sector: 'agri-input', stage: 'sale', party: PESTICIDE_MAKER, product: FUNGICIDE, lot: FUNGICIDE_LOT, quantity: 2400, unit: '瓶',
      counterpart: DEALER, time: '2026-01-20T10:00:00+08:00',
      data: { voucherNumber: 'LT-XS-20260120-031' },
    },
    {
      sector: 'agri-input', stage: 'sale', party: DEALER, product: `${PESTICIDE_MAKER}/${FUNGICIDE}`, lot: FUNGICIDE_LOT, quantity: 60, unit: '瓶',
      counterpart: MANGO_COOP, time: '2026-02-14T09:20:00+08:00',
      data: { operatorLicence: '农药经许（琼）46900620190012', voucherNumber: 'FS-0214-017' },
    },
    {
      sector: 'agri-input', stage: 'application', party: MANGO_COOP, product: `${PESTICIDE_MAKER}/${FUNGICIDE}`, lot: FUNGICIDE_LOT, quantity: 6, unit: '瓶',
      time: '2026-02-20T07:30:00+08:00', reference: 'YY-20260220-03',
      data: { target: '芒果（炭疽病）', dosage: '1500倍液喷雾，每亩40毫升', farmRegion: '469006', safeIntervalDays: 7 },
    },
  ],
  traceFrom: { record: 4, unit: 0 },
};

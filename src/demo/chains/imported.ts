import type { DemoChain } from './chain.js';

const IMPORTER = '91460100MA5TWN4Q9L';
const RETAILER = '91460100MA5U2CF831';

const MILK_POWDER = '6973462000182';
const LOT = '26021187';
const ENTRY_CERTIFICATE = '460100226000731';

/**
 * 进口产品: a container of New Zealand whole milk powder, pre-inspected in New Zealand, inspected at 海口港,
 * received by a Haikou importer and distributed to a Haikou supermarket that sells it.
 */
export const importedChain: DemoChain = {
  sector: 'imported',
  title: '新西兰全脂乳粉：境外预检、海口港入境检验检疫、进口商收货、分销至海口超市零售 / New Zealand whole milk powder pre-inspected abroad, inspected at Haikou port, received by the importer and sold in a Haikou supermarket',
  parties: [
    { uscc: IMPORTER, name: '海南椰海国际贸易有限公司', region: '460108', sectors: ['imported'] },
    { uscc: RETAILER, name: '海口优品汇超市有限公司', region: '460107', sectors: ['imported', 'food'] },
  ],
  products: [
    { party: IMPORTER, code: 'NZ-QZ-1KG', name: '牧澜新西兰全脂乳粉 1千克/袋', catalogueEntry: 'imported.milk-powder', gtin: MILK_POWDER },
  ],
  records: [
    {
      sector: 'imported', stage: 'pre-inspection', party: IMPORTER, product: MILK_POWDER, lot: LOT, quantity: 12000, unit: '袋',
      time: '2026-02-24T10:00:00+08:00', reference: 'HT-NZ-2026-017',
      data: {
        originCountry: 'NZ', overseasProducer: 'Waikato Milk Products Ltd（怀卡托乳品有限公司）', overseasProducerRegistration: 'CNZL0921060100047',
        preInspectionCertificate: 'NZL2026/DAI/104582',
      },
    },
    {
      sector: 'imported', stage: 'entry-inspection', party: IMPORTER, product: MILK_POWDER, lot: LOT, quantity: 12000, unit: '袋',
      time: '2026-03-06T15:30:00+08:00',
      data: { customsDeclaration: '640120261000431275', entryCertificate: ENTRY_CERTIFICATE, portOfEntry: '海口港', inspectionResult: 'pass' },
    },
    {
      sector: 'imported', stage: 'first-receipt', party: IMPORTER, product: MILK_POWDER, lot: LOT, quantity: 12000, unit: '袋',
      time: '2026-03-07T10:00:00+08:00', reference: 'RK-20260307-01',
      data: { billOfLading: 'COSU6418835270', importerFiling: '4601960318' },
    },
    {
      sector: 'imported', stage: 'distribution', party: IMPORTER, product: MILK_POWDER, lot: LOT, quantity: 600, unit: '袋',
      counterpart: RETAILER, time: '2026-03-10T09:00:00+08:00',
      data: { entryCertificate: ENTRY_CERTIFICATE, voucherNumber: 'YH-PS-20260310-012' },
    },
    {
      sector: 'imported', stage: 'receipt', party: RETAILER, product: MILK_POWDER, lot: LOT, quantity: 600, unit: '袋',
      counterpart: IMPORTER, time: '2026-03-10T15:40:00+08:00',
      data: { entryCertificate: ENTRY_CERTIFICATE, voucherNumber: 'YH-PS-20260310-012' },
    },
    {
      sector: 'imported', stage: 'retail', party: RETAILER, product: MILK_POWDER, lot: LOT, quantity: 24, unit: '袋',
      time: '2026-03-12T20:30:00+08:00', reference: 'XS-20260312',
      data: { retailPrice: 168 },
    },
  ],
  traceFrom: { record: 5, unit: 0 },
};

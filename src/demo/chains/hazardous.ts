import type { DemoChain } from './chain.js';

const MAKER = '91430181MA4FW0001Q';
const WHOLESALER = '91460100MA5FW00024';
const RETAILER = '91460106MA5FW0003X';
const DISPLAY = '91460100MA5FW0004A';
const FIREWORKS = `${MAKER}/YH-100`;

const lot = { lot: 'LY260110', unit: '箱' };

/**
 * A fireworks lot from a Liuyang maker to a Haikou wholesaler, on to a retailer and a display company that fires it,
 * with a damaged part destroyed; the stock counts of maker and wholesaler balance.
 */
export const hazardousChain: DemoChain = {
  sector: 'hazardous',
  title: '组合烟花：浏阳厂家 → 海口批发 → 零售点与燃放公司 Fireworks from a Liuyang maker to a Haikou retailer',
  parties: [
    { uscc: MAKER, name: '浏阳市金龙烟花制造有限公司 Jinlong Fireworks, Liuyang', region: '430181', sectors: ['hazardous'] },
    { uscc: WHOLESALER, name: '海南琼安烟花爆竹批发有限公司 Qiong\'an fireworks wholesale', region: '460100', sectors: ['hazardous'] },
    { uscc: RETAILER, name: '海口市龙华区金盛烟花零售点 Jinsheng fireworks shop', region: '460106', sectors: ['hazardous'] },
    { uscc: DISPLAY, name: '海南华彩焰火燃放有限公司 Huacai firework displays', region: '460100', sectors: ['hazardous'] },
  ],
  products: [{ party: MAKER, code: 'YH-100', name: '组合烟花 100 发（C 级） 100-shot cake, class C', catalogueEntry: 'hazardous.fireworks' }],
  records: [
    {
      sector: 'hazardous', stage: 'production', party: MAKER, product: 'YH-100', ...lot, quantity: 500, time: '2026-01-10T17:00:00+08:00',
      data: { productionLicence: '(湘)YH安许证字[2024]000123', batchNumber: 'LY260110', productionDate: '2026-01-10', hazardClass: '1.4G' },
    },
    {
      sector: 'hazardous', stage: 'transport', party: MAKER, product: 'YH-100', ...lot, quantity: 300, time: '2026-01-15T07:30:00+08:00',
      data: { transportPermit: '湘公烟运字2026第000871号', vehicle: '湘A7K521', escort: '刘志强', destinationRegion: '460100' },
    },
    {
      sector: 'hazardous', stage: 'sale', party: MAKER, product: 'YH-100', ...lot, quantity: 300, counterpart: WHOLESALER, time: '2026-01-15T08:00:00+08:00',
      data: { purchasePermit: '琼公烟购字2026第0012号', voucherNumber: 'JL-XS-260115-03' },
    },
    {
      sector: 'hazardous', stage: 'receipt', party: WHOLESALER, product: FIREWORKS, ...lot, quantity: 300, counterpart: MAKER, time: '2026-01-17T14:00:00+08:00',
      data: { purchasePermit: '琼公烟购字2026第0012号', voucherNumber: 'QA-RK-0117-01' },
    },
    {
      sector: 'hazardous', stage: 'sale', party: WHOLESALER, product: FIREWORKS, ...lot, quantity: 100, counterpart: RETAILER, time: '2026-01-20T09:00:00+08:00',
      data: { purchasePermit: '琼公烟零购字2026第0457号', voucherNumber: 'QA-XS-0120-11' },
    },
    {
      sector: 'hazardous', stage: 'receipt', party: RETAILER, product: FIREWORKS, ...lot, quantity: 100, counterpart: WHOLESALER, time: '2026-01-20T11:30:00+08:00',
      data: { purchasePermit: '琼公烟零购字2026第0457号' },
    },
    {
      sector: 'hazardous', stage: 'storage', party: MAKER, product: 'YH-100', ...lot, quantity: 200, time: '2026-01-31T17:00:00+08:00',
      data: { warehouse: '成品 3 号库', custodian: '周红' },
    },
    {
      sector: 'hazardous', stage: 'sale', party: WHOLESALER, product: FIREWORKS, ...lot, quantity: 20, counterpart: DISPLAY, time: '2026-02-10T09:00:00+08:00',
      data: { purchasePermit: '琼公烟购字2026第0031号', voucherNumber: 'QA-XS-0210-02' },
    },
    {
      sector: 'hazardous', stage: 'receipt', party: DISPLAY, product: FIREWORKS, ...lot, quantity: 20, counterpart: WHOLESALER, time: '2026-02-10T10:30:00+08:00',
      data: { purchasePermit: '琼公烟购字2026第0031号' },
    },
    {
      sector: 'hazardous', stage: 'use', party: DISPLAY, product: FIREWORKS, ...lot, quantity: 20, time: '2026-02-16T20:00:00+08:00', region: '460106',
      data: { usePermit: '琼公烟放字2026第0009号', project: '2026年春节万绿园焰火晚会 Spring Festival display, Wanlü Park' },
    },
    {
      sector: 'hazardous', stage: 'destruction', party: WHOLESALER, product: FIREWORKS, ...lot, quantity: 10, time: '2026-02-20T10:00:00+08:00',
      data: { destructionApproval: '海公治销字2026第003号', method: 'burning', witness: '陈警官' },
    },
    {
      sector: 'hazardous', stage: 'storage', party: WHOLESALER, product: FIREWORKS, ...lot, quantity: 170, time: '2026-02-28T17:00:00+08:00',
      data: { warehouse: '琼安 1 号仓库', custodian: '黄小梅' },
    },
  ],
  traceFrom: { record: 5, unit: 0 },
};

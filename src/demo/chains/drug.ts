import type { DemoChain } from './chain.js';

const MAKER = '91460100MA5RD0A1X7';
const WHOLESALER = '91460100MA5RD0B2Y1';
const HOSPITAL = '91460106MA5RD0C3PQ';
const CODES = ['83857930000879766660', '83857930000879766661', '83857930000879766662'];
const AMOXICILLIN = `${MAKER}/AMX-250`;

/** A drug from its maker through a wholesaler to a hospital pharmacy, where one box is dispensed. */
export const drugChain: DemoChain = {
  sector: 'drug',
  title: '阿莫西林胶囊：药厂 → 医药批发 → 医院药房 Amoxicillin capsules from maker to hospital pharmacy',
  parties: [
    { uscc: MAKER, name: '海南椰林制药有限公司 Yelin Pharmaceutical', region: '460100', sectors: ['drug'] },
    { uscc: WHOLESALER, name: '海南康达医药有限公司 Kangda Pharma Distribution', region: '460100', sectors: ['drug'] },
    { uscc: HOSPITAL, name: '海口市龙华区仁和医院 Renhe Hospital, Longhua', region: '460106', sectors: ['drug'] },
  ],
  products: [{ party: MAKER, code: 'AMX-250', name: '阿莫西林胶囊 0.25g×24粒 Amoxicillin capsules 0.25 g × 24', catalogueEntry: 'drug.preparation' }],
  records: [
    {
      sector: 'drug', stage: 'production', party: MAKER, product: 'AMX-250', lot: '20260301', quantity: 3, unit: '盒', codes: CODES, time: '2026-03-01T16:30:00+08:00',
      reference: 'BPR-20260301',
      data: { approvalNumber: '国药准字H46020637', batchNumber: '20260301', productionDate: '2026-03-01', expiryDate: '2028-02-29', specification: '0.25g×24粒', releaseCertificate: 'QA-REL-2026-0311' },
    },
    {
      sector: 'drug', stage: 'distribution', party: MAKER, product: 'AMX-250', lot: '20260301', quantity: 3, unit: '盒', codes: CODES, counterpart: WHOLESALER,
      time: '2026-03-05T09:00:00+08:00', data: { invoiceNumber: 'SH-YL-2603050017', transportTemperature: 18 },
    },
    {
      sector: 'drug', stage: 'receipt', party: WHOLESALER, product: AMOXICILLIN, lot: '20260301', quantity: 3, unit: '盒', codes: CODES, counterpart: MAKER,
      time: '2026-03-05T15:20:00+08:00', data: { invoiceNumber: 'SH-YL-2603050017', acceptanceResult: 'accepted' },
    },
    {
      sector: 'drug', stage: 'distribution', party: WHOLESALER, product: AMOXICILLIN, lot: '20260301', quantity: 2, unit: '盒', codes: CODES.slice(0, 2), counterpart: HOSPITAL,
      time: '2026-03-09T08:40:00+08:00', data: { invoiceNumber: 'KD-PS-260309-0042' },
    },
    {
      sector: 'drug', stage: 'receipt', party: HOSPITAL, product: AMOXICILLIN, lot: '20260301', quantity: 2, unit: '盒', codes: CODES.slice(0, 2), counterpart: WHOLESALER,
      time: '2026-03-09T11:05:00+08:00', data: { invoiceNumber: 'KD-PS-260309-0042', acceptanceResult: 'accepted' },
    },
    {
      sector: 'drug', stage: 'dispensing', party: HOSPITAL, codes: [CODES[0] ?? ''], time: '2026-03-12T10:16:00+08:00',
      data: { prescriptionNumber: 'MZ20260312-00871', pharmacist: '林晓燕' },
    },
  ],
  traceFrom: { record: 5, unit: 0 },
};

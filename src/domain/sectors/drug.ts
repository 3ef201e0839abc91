import { choice, date, number, text } from './elements.js';
import type { ElementDef, SectorProfile } from './profile.js';

// 药品批准文号: 国药准字 + H (chemical), Z (TCM), S (biological), B (health), T (in-vitro reagent), F (excipient), J (import) + 8 digits.
const approvalNumber: ElementDef = {
  id: 'approvalNumber',
  name: { zh: '药品批准文号', en: 'drug approval number' },
  type: {
    kind: 'text',
    pattern: '^(国药准字|国药证字|医药产品注册证号)?[HZSBTFJ]\\d{8}$',
    patternHint: { zh: '如“国药准字H20230001”', en: 'such as 国药准字H20230001 (letter H, Z, S, B, T, F or J and 8 digits)' },
  },
  required: true,
  visibility: 'public',
  ilmd: true,
};

/**
 * 药品 (drugs): preparations first, then APIs and decoction pieces (95号 (七)); production → distribution → dispensing
 * to the patient. Item codes are the 20-digit drug trace codes (药品追溯码, NMPA/T 1002-2019), which are sold once.
 */
export const drugProfile: SectorProfile = {
  id: 'drug',
  version: 1,
  name: { zh: '药品', en: 'Drugs' },
  leadDepartment: { zh: '药品监督管理部门', en: 'drug regulatory authority (NMPA)' },
  products: [
    { id: 'preparation', name: { zh: '药品制剂', en: 'drug preparations' } },
    { id: 'api', name: { zh: '原料药', en: 'active pharmaceutical ingredients' } },
    { id: 'decoction-piece', name: { zh: '中药饮片', en: 'TCM decoction pieces' } },
  ],
  stages: [
    {
      id: 'production',
      name: { zh: '生产', en: 'production' },
      event: 'create',
      bizStep: 'commissioning',
      disposition: 'active',
      handover: 'none',
      codeScheme: 'drug-code',
      units: 'either',
      elements: [
        approvalNumber,
        text('batchNumber', '生产批号', 'batch number', { required: true, visibility: 'public', ilmd: true }),
        date('productionDate', '生产日期', 'production date', { required: true, visibility: 'public', ilmd: true }),
        date('expiryDate', '有效期至', 'expiry date', { required: true, visibility: 'public', ilmd: true }),
        text('specification', '规格', 'strength and pack size', { visibility: 'public', ilmd: true }),
        text('releaseCertificate', '放行单号', 'batch release record number'),
      ],
    },
    {
      id: 'distribution',
      name: { zh: '发货（批发配送）', en: 'dispatch to a distributor, hospital or pharmacy' },
      event: 'observe',
      bizStep: 'shipping',
      disposition: 'in_transit',
      handover: 'ship',
      counterpartRequired: true,
      codeScheme: 'drug-code',
      units: 'either',
      elements: [
        text('invoiceNumber', '随货同行单号', 'delivery note number', { required: true, visibility: 'owner', bizTransactionType: 'desadv' }),
        number('transportTemperature', '运输温度', 'transport temperature', { unit: 'CEL', min: -80, max: 40 }),
      ],
    },
    {
      id: 'receipt',
      name: { zh: '收货验收', en: 'receipt and acceptance check' },
      event: 'observe',
      bizStep: 'receiving',
      disposition: 'in_progress',
      handover: 'receive',
      counterpartRequired: true,
      codeScheme: 'drug-code',
      units: 'either',
      elements: [
        text('invoiceNumber', '随货同行单号', 'delivery note number', { required: true, visibility: 'owner', bizTransactionType: 'desadv' }),
        choice('acceptanceResult', '验收结论', 'acceptance result', [['accepted', '合格', 'accepted'], ['rejected', '拒收', 'rejected']], { required: true }),
      ],
    },
    {
      id: 'dispensing',
      name: { zh: '销售（零售或医疗机构发药）', en: 'sale to a patient (retail or hospital dispensing)' },
      event: 'observe',
      bizStep: 'retail_selling',
      disposition: 'retail_sold',
      handover: 'sell',
      codeScheme: 'drug-code',
      units: 'items',
      elements: [
        text('prescriptionNumber', '处方编号', 'prescription number', { visibility: 'owner' }),
        text('pharmacist', '审核药师', 'dispensing pharmacist', { visibility: 'owner' }),
      ],
    },
  ],
  rules: [
    {
      id: 'drug-sold-once',
      kind: 'once-per-unit',
      stages: ['dispensing'],
      action: 'reject',
      name: { zh: '药品追溯码只能销售一次', en: 'a drug trace code is sold once' },
    },
  ],
  sources: ['国办发〔2015〕95号 (七)', 'NMPA/T 1001-2019 药品信息化追溯体系建设导则', 'NMPA/T 1002-2019 药品追溯码编码要求', '药品经营质量管理规范 (GSP) 收货与验收'],
};

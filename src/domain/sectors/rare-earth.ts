import { number, text } from './elements.js';
import type { SectorProfile } from './profile.js';

const quotaReference = text('quotaReference', '生产总量控制指标文号', 'output quota reference', { required: true, visibility: 'regulator' });

/**
 * 稀土产品 (rare earths, 95号 (十)): mineral products and smelting-separation products, from mining through smelting
 * separation and circulation to export. Output counts against the enterprise's quota (生产总量控制计划).
 */
export const rareEarthProfile: SectorProfile = {
  id: 'rare-earth',
  version: 1,
  name: { zh: '稀土产品', en: 'Rare earths' },
  leadDepartment: { zh: '工业和信息化部门', en: 'industry and information technology' },
  products: [
    { id: 'mineral', name: { zh: '稀土矿产品', en: 'rare-earth mineral products' } },
    { id: 'separated', name: { zh: '稀土冶炼分离产品', en: 'smelting-separation products' } },
  ],
  stages: [
    {
      id: 'mining',
      name: { zh: '开采', en: 'mining' },
      event: 'create',
      bizStep: 'zhuisu:mining',
      disposition: 'active',
      handover: 'none',
      units: 'lot',
      elements: [
        text('miningLicence', '采矿许可证编号', 'mining licence number', { required: true, visibility: 'regulator' }),
        quotaReference,
        number('reoContent', '稀土氧化物含量', 'rare-earth oxide content', { unit: 'P1', min: 0, max: 100, ilmd: true }),
      ],
    },
    {
      id: 'smelting-separation',
      name: { zh: '冶炼分离', en: 'smelting separation' },
      event: 'transform',
      bizStep: 'zhuisu:smelting-separation',
      disposition: 'active',
      handover: 'none',
      units: 'lot',
      elements: [
        quotaReference,
        text('productName', '产品名称', 'product', { required: true, visibility: 'public', ilmd: true }),
        number('purity', '纯度', 'purity', { unit: 'P1', min: 0, max: 100, visibility: 'public', ilmd: true }),
        text('packageLabel', '包装标识号', 'package label number', { required: true, visibility: 'public', ilmd: true }),
      ],
    },
    {
      id: 'sale',
      name: { zh: '流通销售', en: 'sale' },
      event: 'observe',
      bizStep: 'shipping',
      disposition: 'in_transit',
      handover: 'ship',
      counterpartRequired: true,
      units: 'lot',
      elements: [text('invoiceNumber', '增值税发票号码', 'VAT invoice number', { required: true, visibility: 'owner', bizTransactionType: 'inv' })],
    },
    {
      id: 'receipt',
      name: { zh: '流通购入', en: 'receipt' },
      event: 'observe',
      bizStep: 'receiving',
      disposition: 'in_progress',
      handover: 'receive',
      counterpartRequired: true,
      units: 'lot',
      elements: [text('invoiceNumber', '增值税发票号码', 'VAT invoice number', { required: true, visibility: 'owner', bizTransactionType: 'inv' })],
    },
    {
      id: 'export',
      name: { zh: '出口', en: 'export' },
      event: 'observe',
      bizStep: 'zhuisu:export',
      disposition: 'in_transit',
      handover: 'ship',
      units: 'lot',
      elements: [
        text('customsDeclaration', '出口报关单号', 'export customs declaration number', { required: true, pattern: '^\\d{18}$', patternHint: { zh: '18位数字', en: '18 digits' } }),
        text('exportLicence', '出口许可证编号', 'export licence number', { visibility: 'regulator' }),
        text('destinationCountry', '目的国', 'destination country (ISO 3166)', { required: true, pattern: '^[A-Z]{2}$', patternHint: { zh: '两位国家代码，如 JP', en: 'two-letter country code such as JP' } }),
      ],
    },
  ],
  rules: [
    {
      id: 'rare-earth-quota',
      kind: 'quota',
      stages: ['mining', 'smelting-separation'],
      element: 'quotaReference',
      action: 'flag',
      name: { zh: '稀土产量不得超过生产总量控制指标', en: 'rare-earth output stays within the enterprise quota' },
    },
  ],
  sources: ['国办发〔2015〕95号 (十)', '稀土管理条例（2024）', '稀土开采和冶炼分离总量控制指标'],
};

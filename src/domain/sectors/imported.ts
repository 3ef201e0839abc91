import { number, passFail, text, voucher } from './elements.js';
import type { ElementDef, SectorProfile } from './profile.js';

// 入境货物检验检疫证明: customs issues it for a lot that passes entry inspection; the lot may not be sold without it.
const entryCertificate = (opts: { required: boolean }): ElementDef =>
  text('entryCertificate', '入境货物检验检疫证明编号', 'entry inspection and quarantine certificate number', { maxLength: 30, visibility: 'public', ...opts });

/**
 * 进口产品 (imported products): milk powder, wine, whisky, olive oil, fragrant rice, mineral water and tea
 * (Raoping 三(八)). A lot is pre-inspected abroad, inspected at the port, received by the importer and distributed
 * through the domestic food chain, to which its records link (95号 (六)).
 */
export const importedProfile: SectorProfile = {
  id: 'imported',
  version: 1,
  name: { zh: '进口产品', en: 'Imported products' },
  leadDepartment: { zh: '海关', en: 'customs (GACC)' },
  products: [
    { id: 'milk-powder', name: { zh: '进口乳粉', en: 'imported milk powder' } },
    { id: 'wine', name: { zh: '葡萄酒', en: 'wine' } },
    { id: 'whisky', name: { zh: '威士忌', en: 'whisky' } },
    { id: 'olive-oil', name: { zh: '橄榄油', en: 'olive oil' } },
    { id: 'fragrant-rice', name: { zh: '香米', en: 'fragrant rice' } },
    { id: 'mineral-water', name: { zh: '矿泉水', en: 'mineral water' } },
    { id: 'tea', name: { zh: '茶叶', en: 'tea' } },
  ],
  stages: [
    {
      id: 'pre-inspection',
      name: { zh: '境外预检', en: 'overseas pre-inspection' },
      event: 'observe',
      bizStep: 'zhuisu:overseas-pre-inspection',
      handover: 'none',
      units: 'either',
      elements: [
        text('originCountry', '原产国（地区）', 'country of origin', {
          maxLength: 2,
          required: true,
          visibility: 'public',
          pattern: '^[A-Z]{2}$',
          patternHint: { zh: 'ISO 3166 两位大写字母代码，如“FR”“AU”', en: 'an ISO 3166 alpha-2 code in capitals, such as FR or AU' },
        }),
        text('overseasProducer', '境外生产企业', 'overseas producer', { required: true, visibility: 'public' }),
        text('overseasProducerRegistration', '境外生产企业在华注册编号', 'overseas producer registration number in China', {
          maxLength: 50,
          required: true,
          visibility: 'public',
        }),
        text('preInspectionCertificate', '预检证书编号', 'pre-inspection certificate number', {
          maxLength: 50,
          required: true,
          visibility: 'public',
          description: { zh: '境外预检机构出具的证书，或输出国家（地区）官方卫生证书', en: 'issued by the pre-inspection body abroad, or the exporting country’s official health certificate' },
        }),
      ],
    },
    {
      id: 'entry-inspection',
      name: { zh: '入境检验检疫', en: 'entry inspection and quarantine' },
      event: 'observe',
      bizStep: 'inspecting',
      handover: 'none',
      units: 'either',
      elements: [
        // 报关单号: customs office (4), year (4), 1 for an import, sequence (9).
        text('customsDeclaration', '报关单号', 'customs declaration number', {
          maxLength: 18,
          required: true,
          pattern: '^\\d{8}1\\d{9}$',
          patternHint: { zh: '18位数字，第9位为进口标志“1”', en: '18 digits, the 9th being 1 for an import' },
        }),
        entryCertificate({ required: true }),
        text('portOfEntry', '入境口岸', 'port of entry', { maxLength: 50, required: true, visibility: 'public' }),
        passFail('inspectionResult', '检验检疫结果', 'inspection result', { required: true, visibility: 'public' }),
      ],
    },
    {
      id: 'first-receipt',
      name: { zh: '境内首次收货', en: 'first receipt by the importer' },
      event: 'observe',
      bizStep: 'receiving',
      disposition: 'in_progress',
      handover: 'receive',
      units: 'either',
      elements: [
        text('billOfLading', '提单号', 'bill of lading number', { maxLength: 50, bizTransactionType: 'bol' }),
        text('importerFiling', '进口商备案号', 'importer filing number', { maxLength: 50 }),
      ],
    },
    {
      id: 'distribution',
      name: { zh: '分销', en: 'distribution' },
      event: 'observe',
      bizStep: 'shipping',
      disposition: 'in_transit',
      handover: 'ship',
      counterpartRequired: true,
      units: 'either',
      elements: [entryCertificate({ required: true }), voucher({ required: true })],
    },
    {
      // 进口食品进货查验: a buyer checks the lot's entry inspection and quarantine certificate before taking it in.
      id: 'receipt',
      name: { zh: '进货查验', en: 'receipt and certificate check' },
      event: 'observe',
      bizStep: 'receiving',
      disposition: 'in_progress',
      handover: 'receive',
      counterpartRequired: true,
      units: 'either',
      elements: [entryCertificate({ required: true }), voucher()],
    },
    {
      id: 'retail',
      name: { zh: '零售', en: 'retail sale' },
      event: 'observe',
      bizStep: 'retail_selling',
      disposition: 'retail_sold',
      handover: 'sell',
      units: 'either',
      elements: [number('retailPrice', '零售价（元）', 'retail price (yuan)', { min: 0, visibility: 'owner' })],
    },
  ],
  rules: [],
  sources: [
    '国办发〔2015〕95号 (六)(十四)',
    '饶府办〔2016〕26号 三(八), 分工表第8项',
    '中华人民共和国进出口食品安全管理办法 (海关总署令第249号)',
    '中华人民共和国进口食品境外生产企业注册管理规定 (海关总署令第248号)',
    '海关进出口货物报关单填制规范 报关单号',
    'GB/T 38158-2019 重要产品追溯 产品追溯系统基本要求',
    'ISO 3166-1 国家和地区代码',
  ],
};

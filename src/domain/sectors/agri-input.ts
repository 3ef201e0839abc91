import { choice, date, region, text, voucher } from './elements.js';
import type { ElementDef, SectorProfile } from './profile.js';

// 农药登记证号: PD, PDN, WP or WL and 8 digits (PD20181234); older registrations keep forms such as PD73-88. Only a
// number that starts like a pesticide registration is held to that form: the other kinds have no single national pattern.
const PESTICIDE_OR_OTHER = '^(?:(?:PDN?|WPN?|WL)(?:\\d{8}|\\d{1,5}-\\d{2})|(?!(?:PD|WP|WL)N?\\d).+)$';

const registrationNumber = (opts: { ilmd?: boolean }): ElementDef =>
  text('registrationNumber', '登记证号（批准文号）', 'registration certificate or approval number', {
    maxLength: 50,
    required: true,
    visibility: 'public',
    pattern: PESTICIDE_OR_OTHER,
    patternHint: {
      zh: '农药登记证号为PD、PDN、WP或WL加8位数字，如“PD20181234”；兽药、饲料、肥料、种子填其批准文号或登记证号',
      en: 'a pesticide registration is PD, PDN, WP or WL and 8 digits, such as PD20181234; other inputs give their approval or registration number',
    },
    ...opts,
  });

// Pesticide and veterinary drug labels state 安全间隔期 and 休药期 in whole days.
const days = (id: string, zh: string, en: string): ElementDef => ({
  id,
  name: { zh, en },
  type: { kind: 'integer', min: 0, unit: 'DAY' },
  required: false,
  visibility: 'regulator',
});

/**
 * 农业生产资料 (agricultural inputs): pesticides, veterinary drugs, feed, fertiliser and seed, traced through
 * registration, production, sale by an operator and use on the farm (95号 (八)). Pesticide and seed labels carry an
 * electronic trace code (农药标签二维码, 种子标签二维码), recorded as item codes; other inputs are recorded as lots.
 */
export const agriInputProfile: SectorProfile = {
  id: 'agri-input',
  version: 1,
  name: { zh: '农业生产资料', en: 'Agricultural inputs' },
  leadDepartment: { zh: '农业农村主管部门', en: 'agriculture and rural affairs authority' },
  products: [
    { id: 'pesticide', name: { zh: '农药', en: 'pesticides' } },
    { id: 'veterinary-drug', name: { zh: '兽药', en: 'veterinary drugs' } },
    { id: 'feed', name: { zh: '饲料和饲料添加剂', en: 'feed and feed additives' } },
    { id: 'fertiliser', name: { zh: '肥料', en: 'fertilisers' } },
    { id: 'seed', name: { zh: '农作物种子', en: 'crop seeds' } },
  ],
  stages: [
    {
      id: 'registration',
      name: { zh: '登记', en: 'registration' },
      event: 'observe',
      bizStep: 'zhuisu:registration',
      handover: 'none',
      units: 'either',
      elements: [
        choice(
          'inputKind',
          '农资类别',
          'kind of input',
          [
            ['pesticide', '农药', 'pesticide'],
            ['veterinary-drug', '兽药', 'veterinary drug'],
            ['feed', '饲料和饲料添加剂', 'feed or feed additive'],
            ['fertiliser', '肥料', 'fertiliser'],
            ['seed', '农作物种子', 'crop seed'],
          ],
          { required: true, visibility: 'public' },
        ),
        registrationNumber({}),
        date('validUntil', '有效期至', 'valid until', { visibility: 'public' }),
      ],
    },
    {
      id: 'production',
      name: { zh: '生产', en: 'production' },
      event: 'create',
      bizStep: 'commissioning',
      disposition: 'active',
      handover: 'none',
      units: 'either',
      elements: [
        registrationNumber({ ilmd: true }),
        text('productionLicence', '生产许可证编号', 'production licence number', {
          maxLength: 50,
          visibility: 'public',
          ilmd: true,
          description: {
            zh: '农药生产许可证、兽药生产许可证、饲料生产许可证或农作物种子生产经营许可证；肥料无此证',
            en: 'the pesticide, veterinary drug, feed or seed production licence; fertilisers have none',
          },
        }),
        date('productionDate', '生产日期', 'production date', { required: true, visibility: 'public', ilmd: true }),
        date('expiryDate', '有效期至', 'expiry date', { visibility: 'public', ilmd: true }),
      ],
    },
    {
      id: 'sale',
      name: { zh: '经营销售', en: 'sale by an operator' },
      event: 'observe',
      bizStep: 'retail_selling',
      handover: 'sell',
      units: 'either',
      elements: [
        text('operatorLicence', '经营许可证编号', 'operating licence number', {
          maxLength: 50,
          visibility: 'public',
          description: { zh: '农药经营许可证、兽药经营许可证或种子生产经营许可证', en: 'the pesticide, veterinary drug or seed operating licence' },
        }),
        text('buyerName', '购买人', 'buyer', {
          maxLength: 50,
          visibility: 'owner',
          description: { zh: '购买人为农户等无统一社会信用代码者时填写', en: 'when the buyer, such as a farmer, has no unified social credit code' },
        }),
        voucher(),
      ],
    },
    {
      id: 'application',
      name: { zh: '使用', en: 'use on the farm' },
      event: 'observe',
      bizStep: 'zhuisu:application',
      handover: 'none',
      units: 'either',
      elements: [
        text('target', '使用对象（作物或畜禽）', 'crop or animals treated', { maxLength: 100, required: true }),
        text('dosage', '用量', 'dose', { maxLength: 50, required: true }),
        region('farmRegion', '使用地点', 'farm region', { required: true }),
        days('safeIntervalDays', '安全间隔期（天）', 'pre-harvest interval (days)'),
        days('withdrawalDays', '休药期（天）', 'withdrawal period (days)'),
      ],
    },
  ],
  rules: [],
  sources: [
    '国办发〔2015〕95号 (八)',
    '海南省加快推进重要产品追溯体系建设实施方案 二(五)',
    '农药管理条例 (2017) 登记、生产许可、经营许可与销售台账',
    '农业部公告第2579号 农药标签二维码',
    '农作物种子标签二维码编码规则 (农业部办公厅, 2016)',
    '兽药产品批准文号管理办法',
    '饲料和饲料添加剂管理条例',
    '肥料登记管理办法',
    '中华人民共和国种子法 种子生产经营许可证',
    'GB/T 38158-2019 重要产品追溯 产品追溯系统基本要求',
  ],
};

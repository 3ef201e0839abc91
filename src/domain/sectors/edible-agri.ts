import { choice, date, number, passFail, region, text, voucher } from './elements.js';
import type { ElementDef, SectorProfile } from './profile.js';

// 动物检疫管理办法: the certificate is 动物A/B for live animals and 产品A/B for carcasses and meat.
const quarantineCertificate = (opts: { required: boolean; ilmd?: boolean }): ElementDef =>
  text('animalQuarantineCertificate', '动物检疫合格证明编号', 'animal quarantine certificate number', { maxLength: 30, visibility: 'public', ...opts });

// 生猪屠宰管理条例 第十五条: the slaughterhouse's own meat inspection issues it for every lot that leaves the plant.
const meatQualityCertificate = (opts: { required: boolean; ilmd?: boolean }): ElementDef =>
  text('meatQualityCertificate', '肉品品质检验合格证号', 'meat quality inspection certificate number', { maxLength: 30, visibility: 'public', ...opts });

// 农产品质量安全法 第三十九条: the producer's or buyer's own promise that the lot meets the standards.
const complianceCertificate = text('complianceCertificate', '承诺达标合格证编号', 'certificate of compliance (承诺达标合格证) number', {
  maxLength: 40,
  visibility: 'public',
  description: { zh: '原“食用农产品合格证”', en: 'formerly 食用农产品合格证' },
});

const netWeight = number('netWeight', '重量', 'weight', { unit: 'KGM', min: 0, required: true });
const destinationRegion = region('destinationRegion', '销售去向（目的地）', 'destination region', { required: true });

/**
 * 食用农产品 (edible agricultural products): meat, vegetables, tropical fruit, aquatic products and TCM herbs,
 * "from farm to table" (95号 (五); Hainan 二(二)). Meat passes quarantine and slaughter, produce is graded and packed,
 * and every lot moves on through wholesale, market receipt, storage and transport to retail.
 */
export const edibleAgriProfile: SectorProfile = {
  id: 'edible-agri',
  version: 1,
  name: { zh: '食用农产品', en: 'Edible agricultural products' },
  leadDepartment: { zh: '农业农村主管部门', en: 'agriculture and rural affairs authority' },
  products: [
    { id: 'livestock', name: { zh: '活畜禽', en: 'live pigs, cattle, sheep and poultry' } },
    { id: 'pork', name: { zh: '猪肉', en: 'pork' } },
    { id: 'beef', name: { zh: '牛肉', en: 'beef' } },
    { id: 'mutton', name: { zh: '羊肉', en: 'mutton' } },
    { id: 'poultry-meat', name: { zh: '禽肉', en: 'poultry meat' } },
    { id: 'vegetable', name: { zh: '蔬菜', en: 'vegetables' } },
    { id: 'tropical-fruit', name: { zh: '热带水果', en: 'tropical fruit' } },
    { id: 'aquatic', name: { zh: '水产品', en: 'aquatic products' } },
    { id: 'tcm-herb', name: { zh: '中药材', en: 'Chinese herbal medicines' } },
  ],
  stages: [
    {
      id: 'farming',
      name: { zh: '种植养殖', en: 'planting or breeding' },
      event: 'create',
      bizStep: 'commissioning',
      disposition: 'active',
      handover: 'none',
      units: 'lot',
      elements: [
        region('originRegion', '产地', 'origin', { required: true, visibility: 'public', ilmd: true }),
        text('baseName', '基地（养殖场）名称', 'farm or base name', { required: true, visibility: 'public', ilmd: true }),
        text('producerName', '生产者', 'producer', {
          visibility: 'public',
          ilmd: true,
          description: { zh: '与承诺达标合格证所载一致；记录方代社员农户记录时填写', en: 'as on the certificate of compliance; for a member household the recording party records for' },
        }),
        text('variety', '品种', 'variety or breed', { visibility: 'public', ilmd: true }),
        date('harvestDate', '采收（出栏、捕捞）日期', 'harvest, slaughter-ready or catch date', { required: true, visibility: 'public', ilmd: true }),
        text('earTagRange', '耳标号段', 'ear tag number range', { maxLength: 200, ilmd: true }),
        text('certification', '认证证书编号', 'green food, organic or geographical indication certificate number', { visibility: 'public', ilmd: true }),
      ],
    },
    {
      id: 'quarantine',
      name: { zh: '产地检疫', en: 'quarantine inspection at origin' },
      event: 'observe',
      bizStep: 'zhuisu:quarantine-inspection',
      handover: 'none',
      units: 'lot',
      elements: [
        passFail('quarantineResult', '检疫结果', 'quarantine result', { required: true, visibility: 'public' }),
        quarantineCertificate({ required: false }),
        text('officialVet', '官方兽医', 'official veterinarian', { maxLength: 50 }),
      ],
    },
    {
      id: 'slaughter',
      name: { zh: '屠宰', en: 'slaughter' },
      event: 'transform',
      bizStep: 'zhuisu:slaughter',
      disposition: 'active',
      handover: 'none',
      units: 'either',
      elements: [
        quarantineCertificate({ required: true, ilmd: true }),
        meatQualityCertificate({ required: true, ilmd: true }),
        text('slaughterLicence', '定点屠宰证号', 'designated slaughterhouse certificate number', { maxLength: 30, visibility: 'public', ilmd: true }),
        text('asfTestReport', '非洲猪瘟检测报告编号', 'African swine fever test report number', { maxLength: 40, visibility: 'public', ilmd: true }),
      ],
    },
    {
      id: 'processing',
      name: { zh: '加工包装', en: 'processing and packing' },
      event: 'transform',
      bizStep: 'commissioning',
      disposition: 'active',
      handover: 'none',
      units: 'either',
      elements: [
        choice('grade', '等级', 'grade', [['premium', '特级', 'premium'], ['first', '一级', 'first grade'], ['second', '二级', 'second grade']], { visibility: 'public', ilmd: true }),
        text('packageSpec', '包装规格', 'package size', { maxLength: 50, visibility: 'public', ilmd: true }),
        text('processingMethod', '加工方式', 'processing method', { maxLength: 50, visibility: 'public', ilmd: true }),
        text('residueTestReport', '农兽药残留检测报告编号', 'pesticide or veterinary drug residue test report number', { maxLength: 40, visibility: 'public', ilmd: true }),
      ],
    },
    {
      id: 'meat-sale',
      name: { zh: '肉品出厂（批发）销售', en: 'sale of meat by a slaughterhouse or wholesaler' },
      event: 'observe',
      bizStep: 'shipping',
      disposition: 'in_transit',
      handover: 'ship',
      counterpartRequired: true,
      units: 'either',
      elements: [
        quarantineCertificate({ required: true }),
        meatQualityCertificate({ required: true }),
        netWeight,
        destinationRegion,
        voucher({ required: true }),
      ],
    },
    {
      id: 'wholesale',
      name: { zh: '批发销售', en: 'sale by a producer or wholesaler' },
      event: 'observe',
      bizStep: 'shipping',
      disposition: 'in_transit',
      handover: 'ship',
      counterpartRequired: true,
      units: 'either',
      elements: [netWeight, destinationRegion, complianceCertificate, voucher()],
    },
    {
      id: 'receipt',
      name: { zh: '进货', en: 'receipt by a market, retailer or canteen' },
      event: 'observe',
      bizStep: 'receiving',
      disposition: 'in_progress',
      handover: 'receive',
      units: 'either',
      elements: [
        text('supplierName', '供货者', 'supplier', {
          maxLength: 100,
          description: { zh: '供货者无统一社会信用代码（如农户）时填写', en: 'when the supplier, such as a farming household, has no unified social credit code' },
        }),
        complianceCertificate,
        quarantineCertificate({ required: false }),
        meatQualityCertificate({ required: false }),
        voucher(),
      ],
    },
    {
      id: 'storage',
      name: { zh: '仓储', en: 'storage' },
      event: 'observe',
      bizStep: 'storing',
      handover: 'none',
      units: 'either',
      elements: [
        number('storageTemperature', '储存温度', 'storage temperature', { unit: 'CEL', min: -60, max: 50, required: true }),
        choice('storageCondition', '储存条件', 'storage condition', [['ambient', '常温', 'ambient'], ['chilled', '冷藏', 'chilled'], ['frozen', '冷冻', 'frozen']]),
      ],
    },
    {
      id: 'transport',
      name: { zh: '运输', en: 'transport' },
      event: 'observe',
      bizStep: 'transporting',
      disposition: 'in_transit',
      handover: 'none',
      units: 'either',
      elements: [
        number('transportTemperature', '运输温度', 'transport temperature', { unit: 'CEL', min: -60, max: 50, required: true }),
        text('vehiclePlate', '车牌号', 'vehicle registration plate', { maxLength: 20 }),
      ],
    },
    {
      id: 'retail',
      name: { zh: '零售', en: 'retail sale' },
      event: 'observe',
      bizStep: 'retail_selling',
      disposition: 'retail_sold',
      handover: 'sell',
      units: 'either',
      elements: [
        number('retailPrice', '零售价（元）', 'retail price (yuan)', { min: 0, visibility: 'owner' }),
        text('stallNumber', '摊位号', 'market stall number', { maxLength: 20, visibility: 'public' }),
      ],
    },
  ],
  rules: [],
  sources: [
    '国办发〔2015〕95号 (五)',
    '海南省加快推进重要产品追溯体系建设实施方案 二(二)',
    '生猪屠宰管理条例 (2021) 第十五条 肉品品质检验, 第十七条 出厂记录',
    '动物检疫管理办法 (农业农村部令2022年第7号) 动物检疫合格证明',
    '中华人民共和国农产品质量安全法 (2022) 第三十九条 承诺达标合格证',
    '农产品质量安全承诺达标合格证管理办法 (农业农村部令2025年第4号)',
    '食用农产品市场销售质量安全监督管理办法 进货查验',
    'SB/T 10680-2012 肉类蔬菜流通追溯体系编码规则',
    'GB/T 29373-2012 农产品追溯要求 果蔬',
    'GB/T 29568-2013 农产品追溯要求 水产品',
    'GB/T 28843-2012 食品冷链物流追溯管理要求',
    'NY/T 3011-2016 芒果 等级规格',
    'GB/T 38155-2019 重要产品追溯 追溯术语',
    'GB/T 38158-2019 重要产品追溯 产品追溯系统基本要求',
  ],
};

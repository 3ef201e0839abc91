import { choice, date, region, text } from './elements.js';
import type { SectorProfile } from './profile.js';

const permit = (id: string, zh: string, en: string) => text(id, zh, en, { required: true, visibility: 'regulator' });

/**
 * 危险品 (hazardous goods, 95号 (九)): civil explosives, fireworks, chemicals usable to make explosives (易制爆) and
 * highly toxic chemicals (剧毒化学品), from production through operation, storage, transport and use to destruction.
 * Every movement carries its permit; a holder's ledger (台账) must balance.
 */
export const hazardousProfile: SectorProfile = {
  id: 'hazardous',
  version: 1,
  name: { zh: '危险品', en: 'Hazardous goods' },
  leadDepartment: { zh: '公安机关、应急管理部门', en: 'public security and emergency management' },
  products: [
    { id: 'civil-explosive', name: { zh: '民用爆炸物品', en: 'civil explosives' } },
    { id: 'fireworks', name: { zh: '烟花爆竹', en: 'fireworks' } },
    { id: 'explosive-precursor', name: { zh: '易制爆危险化学品', en: 'explosive-precursor chemicals' } },
    { id: 'highly-toxic', name: { zh: '剧毒化学品', en: 'highly toxic chemicals' } },
  ],
  stages: [
    {
      id: 'production',
      name: { zh: '生产', en: 'production' },
      event: 'create',
      bizStep: 'commissioning',
      disposition: 'active',
      handover: 'none',
      units: 'either',
      elements: [
        permit('productionLicence', '安全生产许可证编号', 'safety production licence number'),
        text('batchNumber', '生产批号', 'batch number', { required: true, visibility: 'public', ilmd: true }),
        date('productionDate', '生产日期', 'production date', { required: true, visibility: 'public', ilmd: true }),
        text('hazardClass', '危险类别', 'hazard class (GB 6944)', { visibility: 'public', ilmd: true }),
      ],
    },
    {
      id: 'receipt',
      name: { zh: '购入', en: 'receipt of a purchase' },
      event: 'observe',
      bizStep: 'receiving',
      disposition: 'in_progress',
      handover: 'receive',
      counterpartRequired: true,
      units: 'either',
      elements: [permit('purchasePermit', '购买许可证编号', 'purchase permit number'), text('voucherNumber', '入库单号', 'goods receipt number', { visibility: 'owner' })],
    },
    {
      id: 'sale',
      name: { zh: '销售（经营）', en: 'sale' },
      event: 'observe',
      bizStep: 'shipping',
      disposition: 'in_transit',
      handover: 'ship',
      counterpartRequired: true,
      units: 'either',
      elements: [
        permit('purchasePermit', '买方购买许可证编号', "buyer's purchase permit number"),
        text('voucherNumber', '销售单号', 'sales note number', { visibility: 'owner', bizTransactionType: 'inv' }),
      ],
    },
    {
      id: 'storage',
      name: { zh: '储存（库存盘点）', en: 'storage (stock count)' },
      event: 'observe',
      bizStep: 'stock_taking',
      disposition: 'active',
      handover: 'none',
      units: 'lot',
      elements: [
        text('warehouse', '仓库编号', 'magazine or warehouse', { required: true }),
        text('custodian', '保管员', 'custodian', { visibility: 'owner' }),
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
        permit('transportPermit', '道路运输通行证编号', 'road transport permit number'),
        text('vehicle', '车牌号', 'vehicle plate', { required: true, pattern: '^[\\p{Script=Han}][A-Z][A-Z0-9]{5,6}$', patternHint: { zh: '如“琼A12345”', en: 'such as 琼A12345' } }),
        text('escort', '押运员', 'escort', { visibility: 'owner' }),
        region('destinationRegion', '运达地', 'destination region', { required: true }),
      ],
    },
    {
      id: 'use',
      name: { zh: '使用', en: 'use' },
      event: 'destroy',
      bizStep: 'zhuisu:use',
      disposition: 'inactive',
      handover: 'none',
      units: 'either',
      elements: [
        permit('usePermit', '使用许可证编号（爆破作业项目）', 'use permit (blasting project) number'),
        text('project', '作业项目', 'project', { required: true, maxLength: 200 }),
      ],
    },
    {
      id: 'destruction',
      name: { zh: '销毁', en: 'destruction' },
      event: 'destroy',
      bizStep: 'destroying',
      disposition: 'destroyed',
      handover: 'none',
      units: 'either',
      elements: [
        permit('destructionApproval', '销毁批准文号', 'destruction approval number'),
        choice('method', '销毁方式', 'method', [['burning', '烧毁', 'burning'], ['detonation', '炸毁', 'detonation'], ['chemical', '化学分解', 'chemical decomposition']], { required: true }),
        text('witness', '监销人', 'supervising officer', { required: true, visibility: 'owner' }),
      ],
    },
  ],
  rules: [
    {
      id: 'hazardous-balance',
      kind: 'balance',
      stock: 'storage',
      inflow: ['production', 'receipt'],
      outflow: ['sale', 'use', 'destruction'],
      action: 'flag',
      name: { zh: '危险品台账须平衡：生产量 + 购入量 = 使用量 + 销售量 + 库存量 + 销毁量', en: "a holder's ledger balances: received = used + sold + stored + destroyed" },
    },
  ],
  sources: ['国办发〔2015〕95号 (九)', '民用爆炸物品安全管理条例', '烟花爆竹安全管理条例', '危险化学品安全管理条例', '易制爆危险化学品治安管理办法'],
};

import type { Text } from '../sectors/profile.js';

/**
 * What a consumer reads for an event that no sector profile names (an EPCIS capture from another system): the CBV 2.0
 * business step (CBV §7.1) in plain words. Steps outside this list are shown as they are.
 */
export const BIZSTEP_NAMES: Readonly<Record<string, Text>> = {
  accepting: { zh: '验收', en: 'accepted' },
  arriving: { zh: '到达', en: 'arrived' },
  assembling: { zh: '组装', en: 'assembled' },
  commissioning: { zh: '生产赋码', en: 'produced and coded' },
  creating_class_instance: { zh: '生产', en: 'produced' },
  cycle_counting: { zh: '盘点', en: 'counted' },
  decommissioning: { zh: '注销', en: 'decommissioned' },
  departing: { zh: '离场', en: 'departed' },
  destroying: { zh: '销毁', en: 'destroyed' },
  disassembling: { zh: '拆解', en: 'disassembled' },
  dispensing: { zh: '调剂发药', en: 'dispensed' },
  harvesting: { zh: '采收', en: 'harvested' },
  holding: { zh: '暂扣', en: 'held' },
  inspecting: { zh: '检验', en: 'inspected' },
  killing: { zh: '屠宰', en: 'slaughtered' },
  loading: { zh: '装车', en: 'loaded' },
  packing: { zh: '包装', en: 'packed' },
  picking: { zh: '拣货', en: 'picked' },
  receiving: { zh: '收货', en: 'received' },
  repackaging: { zh: '分装', en: 'repackaged' },
  retail_selling: { zh: '零售', en: 'sold at retail' },
  sensor_reporting: { zh: '温湿度监测', en: 'sensor readings' },
  shipping: { zh: '发货', en: 'shipped' },
  slaughtering: { zh: '屠宰', en: 'slaughtered' },
  stocking: { zh: '上架', en: 'stocked' },
  storing: { zh: '仓储', en: 'stored' },
  transforming: { zh: '加工', en: 'processed' },
  transporting: { zh: '运输', en: 'transported' },
  unloading: { zh: '卸货', en: 'unloaded' },
  unpacking: { zh: '拆包', en: 'unpacked' },
  // The platform's own steps where the CBV has none (profile.ts ZHUISU_BIZSTEP).
  'zhuisu:cutting': { zh: '分割', en: 'cut' },
  'zhuisu:slaughter': { zh: '屠宰', en: 'slaughtered' },
  'zhuisu:quarantine-inspection': { zh: '检疫', en: 'quarantine inspection' },
  'zhuisu:overseas-pre-inspection': { zh: '境外预检', en: 'pre-inspected abroad' },
  'zhuisu:registration': { zh: '登记', en: 'registered' },
  'zhuisu:filling': { zh: '充装', en: 'filled' },
  'zhuisu:maintenance': { zh: '维护保养', en: 'maintained' },
  'zhuisu:use': { zh: '使用', en: 'used' },
  'zhuisu:application': { zh: '施用', en: 'applied' },
  'zhuisu:mining': { zh: '开采', en: 'mined' },
  'zhuisu:smelting-separation': { zh: '冶炼分离', en: 'smelted and separated' },
  'zhuisu:export': { zh: '出口', en: 'exported' },
};

/** Business steps after which a single item is in a consumer's hands: its code's later queries are the buyer's. */
export const FINAL_SALE_STEPS: ReadonlySet<string> = new Set(['retail_selling', 'dispensing']);

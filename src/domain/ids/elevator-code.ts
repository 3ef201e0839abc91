import { DomainError } from '../errors.js';
import type { Region } from './region.js';
import { checkAuthorityRegion, findRegion } from './region.js';

/** A 品种 (variety) of the 特种设备目录, by its 4-character code. */
export interface EquipmentCategory {
  code: string;
  zh: string;
  en: string;
}

/**
 * 特种设备代码 (TSG 08-2017 附件A): the lifelong code a special-equipment unit gets when it is made — 品种 code (4),
 * manufacturer code (5: region of the licensing authority, 2, and licence number, 3), year made (4), serial (5).
 */
export interface EquipmentCodeParts {
  category: EquipmentCategory;
  /** GB/T 2260 province (2 digits) of the authority that licensed the manufacturer; `10` for a national licence. */
  licensingRegion: string;
  /** The manufacturer's number in its manufacturing licence (the 890 of TS2210890-2015). */
  licenceNumber: string;
  year: number;
  /** The manufacturer's serial for the year; above 99999 its first character is a letter. */
  serial: string;
}

/** What a special-equipment code is of, for messages and for the varieties it may name. */
export interface EquipmentKind {
  zh: string;
  /** With its article: `an elevator`. */
  en: string;
  categories: ReadonlyMap<string, EquipmentCategory>;
  /** Names a variety of another kind of equipment, when a code of the wrong kind is given. */
  otherCategory?: (code: string) => EquipmentCategory | undefined;
}

/** 电梯注册代码 (registration code, 20 digits) of an elevator registered for use. */
export interface ElevatorRegistrationCode {
  form: 'registration';
  code: string;
  category: EquipmentCategory;
  /** Characters 5–10: the GB/T 2260 code of the registering authority. */
  regionCode: string;
  /** The registering authority's region, or the nearest listed region above a county the dataset no longer lists. */
  region: Region;
  /** Set when `regionCode` is a county the dataset no longer lists (merged or renamed since). */
  warning?: string;
  registeredYear: number;
  registeredMonth: number;
  sequence: string;
}

/** 特种设备代码 (equipment code, 18 characters) of an elevator. */
export interface ElevatorEquipmentCode extends EquipmentCodeParts {
  form: 'equipment';
  code: string;
}

export type ElevatorCode = ElevatorRegistrationCode | ElevatorEquipmentCode;

// 特种设备目录 (原质检总局公告2014年第114号), 电梯 (3000): the varieties an elevator code names.
const ELEVATOR_CATEGORIES: readonly EquipmentCategory[] = [
  { code: '3110', zh: '曳引驱动乘客电梯', en: 'traction passenger lift' },
  { code: '3120', zh: '曳引驱动载货电梯', en: 'traction goods lift' },
  { code: '3130', zh: '强制驱动载货电梯', en: 'positive-drive goods lift' },
  { code: '3210', zh: '液压乘客电梯', en: 'hydraulic passenger lift' },
  { code: '3220', zh: '液压载货电梯', en: 'hydraulic goods lift' },
  { code: '3310', zh: '自动扶梯', en: 'escalator' },
  { code: '3320', zh: '自动人行道', en: 'moving walk' },
  { code: '3410', zh: '防爆电梯', en: 'explosion-protected lift' },
  { code: '3420', zh: '消防员电梯', en: 'firefighters lift' },
  { code: '3430', zh: '杂物电梯', en: 'service lift (dumbwaiter)' },
];

const ELEVATOR: EquipmentKind = {
  zh: '电梯',
  en: 'an elevator',
  categories: new Map(ELEVATOR_CATEGORIES.map((c) => [c.code, c])),
};

const REGISTRATION_LENGTH = 20;
const EQUIPMENT_LENGTH = 18;
const URI_PREFIX = 'urn:zhuisu:elevator:';
// The national licensing authority (原国家质检总局, now 市场监管总局) stands as 10 in a manufacturer code.
const NATIONAL_LICENSING = '10';

function invalid(input: string, message: string): DomainError {
  return new DomainError('invalid_identifier', message, { value: input });
}

function checkCategory(input: string, code: string, kind: EquipmentKind): EquipmentCategory {
  const category = kind.categories.get(code);
  if (category !== undefined) return category;
  const other = kind.otherCategory?.(code);
  if (other !== undefined) {
    throw invalid(input, `“${input}”的品种代码${code}是${other.zh}，不是${kind.zh} / "${input}" names variety ${code} (${other.en}), which is not ${kind.en}`);
  }
  const known = [...kind.categories.keys()];
  throw invalid(input, `“${input}”的前4位“${code}”不是特种设备目录中的${kind.zh}品种代码（${known.join('、')}） / the first 4 characters of "${input}", "${code}", are not ${kind.en} variety code of the 特种设备目录 (${known.join(', ')})`);
}

function checkYear(input: string, year: string, zh: string, en: string): number {
  if (!/^(19|20)\d\d$/.test(year)) throw invalid(input, `“${input}”中的${zh}“${year}”不是19xx或20xx年 / the ${en} "${year}" in "${input}" is not a year 19xx or 20xx`);
  return Number(year);
}

/**
 * Reads the parts of an 18-character 特种设备代码 (TSG 08-2017 附件A) whose variety must be of `kind`; `code` is
 * already compact and upper-case. Throws `invalid_identifier` naming the part that is wrong.
 */
export function readEquipmentCode(input: string, code: string, kind: EquipmentKind): EquipmentCodeParts {
  const category = checkCategory(input, code.slice(0, 4), kind);
  const licensingRegion = code.slice(4, 6);
  const licenceNumber = code.slice(6, 9);
  if (!/^\d{5}$/.test(code.slice(4, 9)) || (licensingRegion !== NATIONAL_LICENSING && findRegion(`${licensingRegion}0000`) === undefined)) {
    throw invalid(input, `“${input}”第5至9位“${code.slice(4, 9)}”应为制造单位代号：许可机关所在省级行政区划代码（国家级为10）加3位许可证顺序号 / characters 5-9 of "${input}", "${code.slice(4, 9)}", must be a manufacturer code: the province of the licensing authority (10 for national) and a 3-digit licence number`);
  }
  const year = checkYear(input, code.slice(9, 13), '制造年份', 'year made');
  const serial = code.slice(13);
  if (!/^[0-9A-Z]\d{4}$/.test(serial) || serial === '00000') {
    throw invalid(input, `“${input}”最后5位“${serial}”应为制造顺序号（5位数字，超过99999时首位为字母） / the last 5 characters of "${input}", "${serial}", must be a serial (5 digits, a letter first above 99999)`);
  }
  return { category, licensingRegion, licenceNumber, year, serial };
}

// Codes are pasted with spaces and hyphens, and typed with the full-width characters of Chinese input methods.
function compact(input: string): string {
  return input.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s-]/g, '').toUpperCase();
}

// 特种设备注册代码编制规定: 设备分类码 4 + 登记机构所在地行政区划代码 6 + 登记年月 6 + 同月顺序码 4 (0001-9999).
function readRegistrationCode(input: string, code: string): ElevatorRegistrationCode {
  const bad = /\D/.exec(code);
  if (bad !== null) throw invalid(input, `电梯注册代码只能由数字组成，“${input}”含有“${bad[0]}” / an elevator registration code has only digits, "${input}" contains "${bad[0]}"`);
  const category = checkCategory(input, code.slice(0, 4), ELEVATOR);
  const regionCode = code.slice(4, 10);
  const checked = checkAuthorityRegion(regionCode);
  if (checked.severity === 'error') throw invalid(input, checked.message);
  const registeredYear = checkYear(input, code.slice(10, 14), '登记年份', 'year registered');
  const month = code.slice(14, 16);
  if (month < '01' || month > '12') throw invalid(input, `“${input}”第15至16位应为登记月份（01-12），实为“${month}” / characters 15-16 of "${input}" must be the month registered (01-12), not "${month}"`);
  const sequence = code.slice(16);
  if (sequence === '0000') throw invalid(input, `“${input}”最后4位顺序码从0001起，不能为0000 / the last 4 digits of "${input}" are a sequence from 0001, not 0000`);
  const registered = { registeredYear, registeredMonth: Number(month), sequence };
  if (checked.severity === 'warning') {
    return { form: 'registration', code, category, regionCode, region: checked.within, warning: checked.message, ...registered };
  }
  return { form: 'registration', code, category, regionCode, region: checked.region, ...registered };
}

/**
 * Reads the code of an elevator: a 20-digit 电梯注册代码 or an 18-character 特种设备代码. Spaces, hyphens, full-width
 * characters and lower case are accepted. Throws `invalid_identifier` naming the part that is wrong.
 * @example parseElevatorCode('3110 460105 2019 07 0012') // { form: 'registration', category: { code: '3110', … }, region: { fullName: '海南省海口市秀英区', … }, … }
 */
export function parseElevatorCode(input: string): ElevatorCode {
  const code = compact(input);
  const bad = /[^0-9A-Z]/.exec(code);
  if (bad !== null) throw invalid(input, `电梯代码只能由数字和字母组成，“${input}”含有“${bad[0]}” / an elevator code has only digits and letters, "${input}" contains "${bad[0]}"`);
  if (code.length === REGISTRATION_LENGTH) return readRegistrationCode(input, code);
  if (code.length === EQUIPMENT_LENGTH) return { form: 'equipment', code, ...readEquipmentCode(input, code, ELEVATOR) };
  throw invalid(input, `电梯注册代码应为20位数字（特种设备代码为18位），实为${code.length}位 / an elevator registration code has 20 digits (an equipment code 18 characters), "${input}" has ${code.length}`);
}

/**
 * The canonical unit URI of an elevator code.
 * @example elevatorCodeUri('31104601052019070012') // 'urn:zhuisu:elevator:31104601052019070012'
 */
export function elevatorCodeUri(input: string): string {
  return URI_PREFIX + parseElevatorCode(input).code;
}

import { DomainError } from '../errors.js';

/**
 * 药品追溯码 (drug trace code) in the 20-digit form of 码上放心 and the former 中国药品电子监管码: the 7-digit
 * 药品标识码 (product code) and 13 digits printed after it as 序列号 (a 9-digit serial and 4 check digits).
 */
export interface DrugCode {
  code: string;
  productCode: string;
  /** Digits 8–20, as printed after 序列号 on packs; the last 4 are check digits only the code's issuer can verify. */
  serial: string;
}

// NMPA/T 1002-2019《药品追溯码编码要求》§6: 20 characters, the first 7 the 药品标识码; 电子监管码: 7 + 9 serial + 4 check digits.
const LENGTH = 20;
const PRODUCT_CODE_LENGTH = 7;
// NMPA/T 1002 does not fix a first digit, but every 药品标识码 of 码上放心 and the 电子监管码 before it starts with 8.
const LEADING_DIGIT = '8';
const URI_PREFIX = 'urn:zhuisu:drug:';

// Codes are pasted with spaces and hyphens, and typed with the full-width digits of Chinese input methods.
function compact(input: string): string {
  return input.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s-]/g, '');
}

function problemOf(input: string, code: string): string | undefined {
  const bad = /\D/.exec(code);
  if (bad !== null) {
    return `药品追溯码只能由数字组成，“${input}”含有“${bad[0]}” / a drug trace code has only digits, "${input}" contains "${bad[0]}"`;
  }
  if (code.length !== LENGTH) {
    return `药品追溯码应为20位数字，实为${code.length}位 / a drug trace code has 20 digits, "${input}" has ${code.length}`;
  }
  if (!code.startsWith(LEADING_DIGIT)) {
    return `药品追溯码应以8开头（药品标识码的首位），“${code}”以“${code.charAt(0)}”开头 / a drug trace code starts with 8 (the first digit of its product code), "${code}" starts with "${code.charAt(0)}"`;
  }
  return undefined;
}

/**
 * Reads a 20-digit drug trace code; spaces, hyphens and full-width digits are accepted. Throws `invalid_identifier`
 * saying what is wrong.
 * @example parseDrugCode('8385793 0000879766660') // { code: '83857930000879766660', productCode: '8385793', serial: '0000879766660' }
 */
export function parseDrugCode(input: string): DrugCode {
  const code = compact(input);
  const problem = problemOf(input, code);
  if (problem !== undefined) throw new DomainError('invalid_identifier', problem, { value: input });
  return { code, productCode: code.slice(0, PRODUCT_CODE_LENGTH), serial: code.slice(PRODUCT_CODE_LENGTH) };
}

/** True when `input` reads as a 20-digit drug trace code. */
export function isDrugCode(input: string): boolean {
  return problemOf(input, compact(input)) === undefined;
}

/**
 * The canonical unit URI of a drug trace code.
 * @example drugCodeUri('8385793-0000879766660') // 'urn:zhuisu:drug:83857930000879766660'
 */
export function drugCodeUri(input: string): string {
  return URI_PREFIX + parseDrugCode(input).code;
}

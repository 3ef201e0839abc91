import { DomainError } from '../errors.js';
import { computeCheckDigit } from './check-digit.js';
import { elementsToEpc, formatEpcUri, parseEpcUri, resplitEpcKey } from './epc-uri.js';
import { findGcpLength, gcpLength } from './gcp-length.js';

/** A GTIN as printed under a barcode (GTIN-8, -12, -13 or -14), with its GTIN-14 form. */
export interface Gtin {
  /** The 14-digit form, padded with leading zeros: how EPCIS, Digital Link and the GTIN-14 barcode carry it. */
  gtin14: string;
  format: 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';
  /** The GS1 prefix: the first three digits of the GTIN-13 (or GTIN-8) that the GTIN is or contains. */
  gs1Prefix: string;
  /** True when the GS1 prefix is one GS1 China allocates (690–699). */
  isChina: boolean;
}

const FORMATS = { 8: 'GTIN-8', 12: 'GTIN-12', 13: 'GTIN-13', 14: 'GTIN-14' } as const;

function isFormatLength(n: number): n is keyof typeof FORMATS {
  return n === 8 || n === 12 || n === 13 || n === 14;
}

// Codes are pasted with spaces and hyphens, and typed with the full-width digits of Chinese input methods.
function compact(input: string): string {
  return input.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s-]/g, '');
}

function invalid(input: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('invalid_identifier', message, { value: input, ...details });
}

/**
 * Reads a GTIN-8, -12, -13 or -14 (spaces, hyphens and full-width digits accepted) and checks its GS1 mod-10 check
 * digit (GS1 General Specifications §7.9.1). Throws `invalid_identifier` saying what is wrong.
 * @example parseGtin('6901234567892') // { gtin14: '06901234567892', format: 'GTIN-13', gs1Prefix: '690', isChina: true }
 */
export function parseGtin(input: string): Gtin {
  const digits = compact(input);
  const bad = /\D/.exec(digits);
  if (bad !== null) {
    throw invalid(input, `商品条码（GTIN）只能由数字组成，“${input}”含有“${bad[0]}” / a GTIN has only digits, "${input}" contains "${bad[0]}"`);
  }
  if (!isFormatLength(digits.length)) {
    throw invalid(input, `商品条码（GTIN）应为8、12、13或14位数字，实为${digits.length}位 / a GTIN has 8, 12, 13 or 14 digits, "${input}" has ${digits.length}`);
  }
  const expected = computeCheckDigit(digits.slice(0, -1));
  const actual = digits.slice(-1);
  if (actual !== String(expected)) {
    throw invalid(
      input,
      `商品条码“${digits}”校验位错误：末位应为${expected}，实为${actual} / the check digit of GTIN "${digits}" should be ${expected}, not ${actual}`,
      { expectedCheckDigit: expected },
    );
  }
  const gtin14 = digits.padStart(14, '0');
  // GS1 General Specifications (AI 01): a GTIN-8 sits behind six zeros in 14 digits and has its own GS1-8 prefix.
  const gs1Prefix = gtin14.startsWith('000000') ? gtin14.slice(6, 9) : gtin14.slice(1, 4);
  return { gtin14, format: FORMATS[digits.length], gs1Prefix, isChina: gs1Prefix >= '690' && gs1Prefix <= '699' };
}

/** True when `input` is a valid GTIN whose GS1 prefix is GS1 China's (690–699). */
export function isChinaGtin(input: string): boolean {
  try {
    return parseGtin(input).isChina;
  } catch {
    return false;
  }
}

const PATTERN_PREFIX = 'urn:epc:idpat:sgtin:';

/**
 * The canonical unit id of a GTIN, given bare or as its EPC class pattern `urn:epc:idpat:sgtin:…*`: the pattern that
 * `parseUnitId` gives for the same spelling (a bare GTIN is split like its Digital Link), so that both meet.
 * @example gtinPatternUri('06901234567892') // 'urn:epc:idpat:sgtin:6901234.056789.*'
 */
export function gtinPatternUri(input: string): string {
  if (!input.startsWith(PATTERN_PREFIX)) {
    return formatEpcUri(elementsToEpc([{ ai: '01', value: parseGtin(input).gtin14 }], gcpLength));
  }
  const key = resplitEpcKey(parseEpcUri(input), findGcpLength);
  if (key.parts.length !== 2 || key.parts[0] === '*' || key.parts[1] !== '*') {
    throw invalid(input, `“${input}”不是一个GTIN的EPC类模式（urn:epc:idpat:sgtin:厂商识别代码.项目代码.*） / "${input}" is not the EPC class pattern of one GTIN (urn:epc:idpat:sgtin:<company prefix>.<item reference>.*)`);
  }
  return formatEpcUri(key);
}

import type { Region } from './region.js';
import { checkAuthorityRegion } from './region.js';

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015) of a party (追溯主体): 18 characters —
 * registration authority (1), organisation category (1), region of the registering authority (6, GB/T 2260),
 * organisation code (9, GB 11714) and a check character.
 */
export interface Uscc {
  code: string;
  registrationAuthority: string;
  category: string;
  /** The GB/T 2260 code of the registering authority's region; whether it exists is for the region dataset to say. */
  region: string;
  organisationCode: string;
}

export type UsccCheck =
  | { ok: true; uscc: Uscc }
  /** `checkOnly`: the shape is right and only the check character disagrees, as on some legacy codes. */
  | { ok: false; checkOnly: boolean; reason: string };

// GB 32100-2015 §4.3: digits and upper-case letters without I, O, S, V, Z; a character's value is its position here.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const LENGTH = 18;
// Weight of position i (from 1) is 3^(i-1) mod 31 (GB 32100-2015 §4.3).
const WEIGHTS = Array.from({ length: LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % CHARSET.length;
  return w;
});

/** The check character of the first 17 characters (each from the GB 32100 character set). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < LENGTH - 1; i++) sum += CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHARSET.charAt((CHARSET.length - (sum % CHARSET.length)) % CHARSET.length);
}

/**
 * Checks a unified social credit code. Spaces around it and lower-case letters are accepted; anything else that
 * breaks GB 32100 is refused with a reason in Chinese and English.
 * @example checkUscc('91110000710925462X') // { ok: true, uscc: { code: '91110000710925462X', region: '110000', … } }
 */
export function checkUscc(input: string): UsccCheck {
  const code = input.trim().toUpperCase();
  if (code.length !== LENGTH) {
    return { ok: false, checkOnly: false, reason: `统一社会信用代码应为18位，实为${code.length}位 / a unified social credit code has 18 characters, "${input}" has ${code.length}` };
  }
  for (let i = 0; i < LENGTH; i++) {
    const c = code.charAt(i);
    if (!CHARSET.includes(c)) {
      return {
        ok: false,
        checkOnly: false,
        reason: `统一社会信用代码第${i + 1}位“${c}”不是允许的字符（数字及除I、O、S、V、Z外的大写字母） / character ${i + 1} of "${input}", "${c}", is not allowed (digits and capital letters other than I, O, S, V, Z)`,
      };
    }
  }
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region)) {
    return { ok: false, checkOnly: false, reason: `统一社会信用代码第3至8位应为行政区划代码（6位数字），实为“${region}” / characters 3-8 of "${input}" must be a 6-digit region code, not "${region}"` };
  }
  const expected = usccCheckCharacter(code);
  if (code.charAt(LENGTH - 1) !== expected) {
    return {
      ok: false,
      checkOnly: true,
      reason: `统一社会信用代码“${code}”校验码错误，应为“${expected}” / the check character of "${code}" should be "${expected}"`,
    };
  }
  return {
    ok: true,
    uscc: { code, registrationAuthority: code.charAt(0), category: code.charAt(1), region, organisationCode: code.slice(8, 17) },
  };
}

/**
 * Whether characters 3–8 of a USCC name a known registering region:
 * - `none`: a GB/T 2260 region, or `'national'` for 100000, the code of authorities at national level;
 * - `warning`: a county the dataset no longer lists, inside a province it does (`within` is the nearest listed region);
 * - `error`: the province does not exist, or the code is malformed (with the reason `checkUscc` gives).
 * The check character is not looked at: a legacy code with a wrong one still has a region.
 */
export type UsccRegionCheck =
  | { severity: 'none'; region: Region | 'national' }
  | { severity: 'warning'; within: Region; message: string }
  | { severity: 'error'; message: string };

// Central organs and bodies registered with national authorities carry 100000, which GB/T 2260 does not list.
const NATIONAL = '100000';

/**
 * Checks the region of the registering authority in a unified social credit code against GB/T 2260.
 * @example checkUsccRegion('91320103MA1MX0001K') // { severity: 'warning', within: { fullName: '江苏省南京市', … }, message: '…' }
 */
export function checkUsccRegion(input: string): UsccRegionCheck {
  const checked = checkUscc(input);
  if (!checked.ok && !checked.checkOnly) return { severity: 'error', message: checked.reason };
  const region = input.trim().toUpperCase().slice(2, 8);
  if (region === NATIONAL) return { severity: 'none', region: 'national' };
  return checkAuthorityRegion(region);
}

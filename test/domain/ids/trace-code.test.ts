import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import {
  DEFAULT_NODE_CODE, computeTraceCodeCheck, formatTraceCode, isTraceCode, issueTraceCode, parseTraceCode, traceCodeUri,
} from '../../../src/domain/ids/trace-code.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const fixedBytes = (bytes: number[]) => (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => bytes[i] ?? 0);
const SAMPLE_BYTES = [0x3c, 0xa7, 0x51, 0x9e, 0x0b, 0xd4, 0x62, 0xf8, 0x17];
const SAMPLE = '0000007JKN37GBTHHFG3';
const SAMPLE_110105 = '1101051CR5AYMZRKMGWA';

describe('issueTraceCode', () => {
  it('writes the node code, 13 Crockford Base32 characters of randomness and a check character', () => {
    expect(issueTraceCode(DEFAULT_NODE_CODE, fixedBytes(SAMPLE_BYTES))).toBe(SAMPLE);
    expect(issueTraceCode('110105', fixedBytes([11, 48, 85, 122, 159, 196, 233, 14, 51]))).toBe(SAMPLE_110105);
  });

  it('uses the default node code 000000 when none is given', () => {
    expect(issueTraceCode(undefined, fixedBytes(SAMPLE_BYTES))).toBe(SAMPLE);
  });

  it('carries 65 random bits: flipping any one of them changes the code', () => {
    const codes = new Set<string>([issueTraceCode('000000', fixedBytes([]))]);
    for (let bit = 0; bit < 65; bit++) {
      const bytes = new Array<number>(9).fill(0);
      bytes[bit >> 3] = 0x80 >> (bit & 7);
      codes.add(issueTraceCode('000000', fixedBytes(bytes)).slice(6, 19));
    }
    expect(codes.size).toBe(66);
  });

  it.each(['00000', '0000000', '00000A', ''])('rejects the node code %j, which is not 6 digits', (nodeCode) => {
    expect(() => issueTraceCode(nodeCode, fixedBytes(SAMPLE_BYTES))).toThrow(`Node code "${nodeCode}" must be 6 digits`);
  });

  it('refuses to issue a code from fewer than 9 random bytes', () => {
    expect(() => issueTraceCode('000000', () => new Uint8Array(8))).toThrow('A trace code needs 9 random bytes, got 8');
  });
});

describe('parseTraceCode', () => {
  it.each([
    [SAMPLE, SAMPLE],
    ['000000-7JKN-37GB-THH-FG3', SAMPLE],
    ['000000-7jkn-37gb-thh-fg3', SAMPLE],
    [' 000000 7JKN 37GB THH FG3 ', SAMPLE],
    ['OOOOOO-7JKN-37GB-THH-FG3', SAMPLE],
    ['iLo1o5-lcr5-aymz-rkm-gwa', SAMPLE_110105],
  ])('reads %j as the compact code', (input, code) => {
    expect(parseTraceCode(input)).toEqual({ code, nodeCode: code.slice(0, 6) });
  });

  it.each([
    ['000000-7JKN-37GB-THH-FGU', 'contains "U", which is not used in trace codes (0-9 and A-Z without I, L, O, U)'],
    ['000000-7JKN-37GB-THH-FG', 'has 19 characters, expected 20 (6-digit node code, 13 code characters, 1 check character)'],
    ['00000A-7JKN-37GB-THH-FG3', 'starts with "00000A", but the node code is 6 digits'],
    ['000000-7JKN-37GB-THH-FG4', 'does not match its check character; it may be mistyped'],
  ])('rejects %s', (input, problem) => {
    expect(() => parseTraceCode(input)).toThrow(DomainError);
    expect(() => parseTraceCode(input)).toThrow(`Trace code "${input}" ${problem}`);
  });
});

describe('trace code check character', () => {
  it('rejects every single-character substitution of a sample code', () => {
    let tried = 0;
    for (let pos = 0; pos < SAMPLE_110105.length; pos++) {
      for (const symbol of ALPHABET) {
        if (symbol === SAMPLE_110105[pos]) continue;
        const typo = SAMPLE_110105.slice(0, pos) + symbol + SAMPLE_110105.slice(pos + 1);
        expect(isTraceCode(typo), typo).toBe(false);
        expect(() => parseTraceCode(typo)).toThrow(DomainError);
        if (pos < 19) expect(computeTraceCodeCheck(typo.slice(0, 19)), typo).not.toBe(typo[19]);
        tried++;
      }
    }
    expect(tried).toBe(20 * 31);
  });

  it('rejects every adjacent transposition of differing characters in a sample code', () => {
    let tried = 0;
    for (let pos = 0; pos + 1 < SAMPLE_110105.length; pos++) {
      const [a, b] = [SAMPLE_110105.charAt(pos), SAMPLE_110105.charAt(pos + 1)];
      if (a === b) continue;
      const typo = SAMPLE_110105.slice(0, pos) + b + a + SAMPLE_110105.slice(pos + 2);
      expect(isTraceCode(typo), typo).toBe(false);
      expect(() => parseTraceCode(typo)).toThrow(DomainError);
      tried++;
    }
    expect(tried).toBe(18); // 19 neighbour pairs, one of them "11"
  });

  it('tells apart every two symbols and every swapped pair after any prefix symbol (total anti-symmetry)', () => {
    const undetected: string[] = [];
    for (const p of ALPHABET) {
      for (const x of ALPHABET) {
        for (const y of ALPHABET) {
          if (x === y) continue;
          if (computeTraceCodeCheck(p + x) === computeTraceCodeCheck(p + y)) undetected.push(`${p}${x} vs ${p}${y}`);
          if (computeTraceCodeCheck(p + x + y) === computeTraceCodeCheck(p + y + x)) undetected.push(`${p}${x}${y} vs ${p}${y}${x}`);
        }
      }
    }
    expect(undetected).toEqual([]);
  });
});

describe('formatTraceCode', () => {
  it('groups a code for reading aloud', () => {
    expect(formatTraceCode(SAMPLE)).toBe('000000-7JKN-37GB-THH-FG3');
  });

  it('normalises a code typed in any accepted form', () => {
    expect(formatTraceCode('iLo1o5 lcr5aymzrkmgwa')).toBe('110105-1CR5-AYMZ-RKM-GWA');
  });
});

describe('isTraceCode', () => {
  it.each([
    [SAMPLE, true],
    ['000000-7JKN-37GB-THH-FG3', true],
    ['000000-7JKN-37GB-THH-FG4', false],
    ['urn:zhuisu:code:' + SAMPLE, false],
    ['', false],
  ])('tells whether %j is a trace code', (input, expected) => {
    expect(isTraceCode(input)).toBe(expected);
  });
});

describe('traceCodeUri', () => {
  it('names the unit urn:zhuisu:code:<compact code>', () => {
    expect(traceCodeUri('000000-7jkn-37gb-thh-fg3')).toBe('urn:zhuisu:code:0000007JKN37GBTHHFG3');
  });
});

import { describe, expect, it } from 'vitest';
import { gtinPatternUri, isChinaGtin, parseGtin } from '../../../src/domain/ids/gtin.js';
import { parseUnitId } from '../../../src/domain/ids/unit-id.js';

const refusal = (message: string) => expect.objectContaining({ name: 'DomainError', code: 'invalid_identifier', message });

describe('parseGtin', () => {
  // GS1 General Specifications §7.9 worked examples, and GS1 China codes (prefixes 690, 692) with their check digits.
  it.each([
    ['96385074', { gtin14: '00000096385074', format: 'GTIN-8', gs1Prefix: '963', isChina: false }],
    ['69012341', { gtin14: '00000069012341', format: 'GTIN-8', gs1Prefix: '690', isChina: true }],
    ['614141073467', { gtin14: '00614141073467', format: 'GTIN-12', gs1Prefix: '061', isChina: false }],
    ['6291041500213', { gtin14: '06291041500213', format: 'GTIN-13', gs1Prefix: '629', isChina: false }],
    ['6901234567892', { gtin14: '06901234567892', format: 'GTIN-13', gs1Prefix: '690', isChina: true }],
    ['6923456789012', { gtin14: '06923456789012', format: 'GTIN-13', gs1Prefix: '692', isChina: true }],
    ['10614141073464', { gtin14: '10614141073464', format: 'GTIN-14', gs1Prefix: '061', isChina: false }],
    ['16901234567899', { gtin14: '16901234567899', format: 'GTIN-14', gs1Prefix: '690', isChina: true }],
  ])('reads %s and pads it to GTIN-14', (input, expected) => {
    expect(parseGtin(input)).toEqual(expected);
  });

  it.each([
    ['6 901234 567892'],
    ['690-1234-56789-2'],
    ['６９０１２３４５６７８９２'],
  ])('reads %j, dropping spaces and hyphens and reading full-width digits', (input) => {
    expect(parseGtin(input).gtin14).toBe('06901234567892');
  });

  it.each([
    ['rejects a GTIN with a wrong check digit, naming the right one', '6901234567891', '商品条码“6901234567891”校验位错误：末位应为2，实为1 / the check digit of GTIN "6901234567891" should be 2, not 1'],
    ['rejects a GTIN-14 with a wrong check digit', '10614141073465', '商品条码“10614141073465”校验位错误：末位应为4，实为5 / the check digit of GTIN "10614141073465" should be 4, not 5'],
    ['rejects a GTIN of 11 digits', '69012345678', '商品条码（GTIN）应为8、12、13或14位数字，实为11位 / a GTIN has 8, 12, 13 or 14 digits, "69012345678" has 11'],
    ['rejects a GTIN with a letter', '690123456789X', '商品条码（GTIN）只能由数字组成，“690123456789X”含有“X” / a GTIN has only digits, "690123456789X" contains "X"'],
  ])('%s', (_title, input, message) => {
    expect(() => parseGtin(input)).toThrow(refusal(message));
  });

  it('puts the expected check digit in the error details', () => {
    expect(() => parseGtin('6901234567891')).toThrow(
      expect.objectContaining({ code: 'invalid_identifier', details: { value: '6901234567891', expectedCheckDigit: 2 } }),
    );
  });
});

describe('isChinaGtin', () => {
  it.each([
    ['6901234567892', true],
    ['6923456789012', true],
    ['06901234567892', true],
    ['69012341', true],
    ['6291041500213', false],
    ['614141073467', false],
    ['6901234567891', false],
    ['not a gtin', false],
  ])('tells whether %j has a GS1 China prefix (%s)', (input, expected) => {
    expect(isChinaGtin(input)).toBe(expected);
  });
});

describe('gtinPatternUri', () => {
  it.each([
    ['6901234567892', 'urn:epc:idpat:sgtin:6901234.056789.*'],
    ['6923456789012', 'urn:epc:idpat:sgtin:69234567.08901.*'],
    ['10614141073464', 'urn:epc:idpat:sgtin:0614141.107346.*'],
    ['urn:epc:idpat:sgtin:6923456.078901.*', 'urn:epc:idpat:sgtin:69234567.08901.*'],
    ['urn:epc:idpat:sgtin:30123456.01234.*', 'urn:epc:idpat:sgtin:30123456.01234.*'],
  ])('gives %s the class pattern %s', (input, uri) => {
    expect(gtinPatternUri(input)).toBe(uri);
  });

  it('meets parseUnitId on the Digital Link of the same GTIN', () => {
    expect(gtinPatternUri('6923456789012')).toBe(parseUnitId('https://id.gs1.org/01/06923456789012').canonical);
  });

  it('refuses a pattern that is not one GTIN', () => {
    expect(() => gtinPatternUri('urn:epc:idpat:sgtin:6901234.*.*')).toThrow(
      refusal('“urn:epc:idpat:sgtin:6901234.*.*”不是一个GTIN的EPC类模式（urn:epc:idpat:sgtin:厂商识别代码.项目代码.*） / "urn:epc:idpat:sgtin:6901234.*.*" is not the EPC class pattern of one GTIN (urn:epc:idpat:sgtin:<company prefix>.<item reference>.*)'),
    );
  });
});

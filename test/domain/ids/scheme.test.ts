import { describe, expect, it } from 'vitest';
import type { UnitIdSchemeId } from '../../../src/domain/ids/scheme.js';
import { UNIT_ID_SCHEMES, findUnitIdScheme, isUnitIdSchemeId, parseUnitIdAs } from '../../../src/domain/ids/scheme.js';
import { parseUnitId } from '../../../src/domain/ids/unit-id.js';

const refusal = (message: string) => expect.objectContaining({ name: 'DomainError', code: 'invalid_identifier', message });

describe('the unit identifier schemes', () => {
  it('lists the five schemes with their names and URN prefixes', () => {
    expect(UNIT_ID_SCHEMES.map(({ id, name, urnPrefix }) => ({ id, name, urnPrefix }))).toEqual([
      { id: 'drug-code', name: { zh: '药品追溯码', en: 'drug trace code' }, urnPrefix: 'urn:zhuisu:drug:' },
      { id: 'elevator-code', name: { zh: '电梯注册代码', en: 'elevator code' }, urnPrefix: 'urn:zhuisu:elevator:' },
      { id: 'cylinder-code', name: { zh: '气瓶代码', en: 'gas cylinder code' }, urnPrefix: 'urn:zhuisu:cylinder:' },
      { id: 'trace-code', name: { zh: '追溯码', en: 'trace code' }, urnPrefix: 'urn:zhuisu:code:' },
      { id: 'gtin', name: { zh: '商品条码（GTIN）', en: 'GTIN' }, urnPrefix: 'urn:epc:idpat:sgtin:' },
    ]);
  });

  it.each([
    ['drug-code', true],
    ['gtin', true],
    ['sgtin', false],
    ['toString', false],
    ['', false],
  ])('tells whether %j names a scheme (%s)', (id, expected) => {
    expect(isUnitIdSchemeId(id)).toBe(expected);
    expect(findUnitIdScheme(id)?.id).toBe(expected ? id : undefined);
  });
});

describe('parseUnitIdAs', () => {
  it.each<[UnitIdSchemeId, string, string, string]>([
    ['drug-code', '8385793 0000879766660', 'urn:zhuisu:drug:83857930000879766660', 'item'],
    ['elevator-code', '3110 460105 2019 07 0012', 'urn:zhuisu:elevator:31104601052019070012', 'item'],
    ['elevator-code', '3110 10890 2015 00098', 'urn:zhuisu:elevator:311010890201500098', 'item'],
    ['cylinder-code', '32A01000123', 'urn:zhuisu:cylinder:332A01000123', 'item'],
    ['trace-code', '000000-7jkn-37gb-thh-fg3', 'urn:zhuisu:code:0000007JKN37GBTHHFG3', 'item'],
  ])('reads a bare %s and its URN to the same unit id', (id, bare, canonical, kind) => {
    const expected = { canonical, kind, scheme: id };
    expect(parseUnitIdAs(bare, id)).toEqual(expected);
    expect(parseUnitIdAs(canonical, id)).toEqual(expected);
    expect(parseUnitId(canonical)).toEqual(expected);
  });

  it('reads a GTIN to the class pattern that parseUnitId gives for its Digital Link', () => {
    const expected = { canonical: 'urn:epc:idpat:sgtin:69234567.08901.*', kind: 'pattern', scheme: 'sgtin' };
    expect(parseUnitIdAs('6923456789012', 'gtin')).toEqual(expected);
    expect(parseUnitIdAs('urn:epc:idpat:sgtin:6923456.078901.*', 'gtin')).toEqual(expected);
    expect(parseUnitId('https://id.gs1.org/01/06923456789012')).toEqual(expected);
  });

  it.each<[string, UnitIdSchemeId, string]>([
    [
      'urn:zhuisu:elevator:31104601052019070012',
      'drug-code',
      '“urn:zhuisu:elevator:31104601052019070012”不是药品追溯码的URN（应以urn:zhuisu:drug:开头） / "urn:zhuisu:elevator:31104601052019070012" is not the URN of a drug trace code (urn:zhuisu:drug:…)',
    ],
    [
      'urn:epc:id:sgtin:6901234.056789.A1',
      'gtin',
      '“urn:epc:id:sgtin:6901234.056789.A1”不是商品条码（GTIN）的URN（应以urn:epc:idpat:sgtin:开头） / "urn:epc:id:sgtin:6901234.056789.A1" is not the URN of a GTIN (urn:epc:idpat:sgtin:…)',
    ],
    ['8385793000087976666', 'drug-code', '药品追溯码应为20位数字，实为19位 / a drug trace code has 20 digits, "8385793000087976666" has 19'],
    ['urn:zhuisu:drug:63857930000879766660', 'drug-code', '药品追溯码应以8开头（药品标识码的首位），“63857930000879766660”以“6”开头 / a drug trace code starts with 8 (the first digit of its product code), "63857930000879766660" starts with "6"'],
    ['6901234567891', 'gtin', '商品条码“6901234567891”校验位错误：末位应为2，实为1 / the check digit of GTIN "6901234567891" should be 2, not 1'],
  ])('refuses %j as a %s, saying why', (input, id, message) => {
    expect(() => parseUnitIdAs(input, id)).toThrow(refusal(message));
  });
});

import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { drugCodeUri, isDrugCode, parseDrugCode } from '../../../src/domain/ids/drug-code.js';

const refusal = (message: string) => expect.objectContaining({ name: 'DomainError', code: 'invalid_identifier', message });

// A code as printed on a pack: 药品标识码：8385793 序列号：0000879766660.
const PARSED = { code: '83857930000879766660', productCode: '8385793', serial: '0000879766660' };

describe('parseDrugCode', () => {
  it.each([
    ['83857930000879766660', 'as scanned'],
    ['8385793 0000879766660', 'with a space between product code and serial, as printed'],
    ['8385793-0000879766660', 'with a hyphen'],
    [' 8385 7930 0008 7976 6660 ', 'in groups of four, with spaces around'],
    ['８３８５７９３００００８７９７６６６６０', 'in full-width digits'],
    ['8385793\u30000000879766660', 'with an ideographic space'],
  ])('reads %j (%s)', (input) => {
    expect(parseDrugCode(input)).toEqual(PARSED);
  });

  it.each([
    ['rejects a drug code of 19 digits', '8385793000087976666', '药品追溯码应为20位数字，实为19位 / a drug trace code has 20 digits, "8385793000087976666" has 19'],
    ['rejects a drug code of 21 digits', '838579300008797666601', '药品追溯码应为20位数字，实为21位 / a drug trace code has 20 digits, "838579300008797666601" has 21'],
    ['rejects an empty drug code', '', '药品追溯码应为20位数字，实为0位 / a drug trace code has 20 digits, "" has 0'],
    ['rejects a drug code with a letter', '8385793000087976666O', '药品追溯码只能由数字组成，“8385793000087976666O”含有“O” / a drug trace code has only digits, "8385793000087976666O" contains "O"'],
    ['rejects a 14-digit 药品本位码 with its country prefix', '86904879000126', '药品追溯码应为20位数字，实为14位 / a drug trace code has 20 digits, "86904879000126" has 14'],
    [
      'rejects a drug code whose product code does not start with 8',
      '6385793-0000879766660',
      '药品追溯码应以8开头（药品标识码的首位），“63857930000879766660”以“6”开头 / a drug trace code starts with 8 (the first digit of its product code), "63857930000879766660" starts with "6"',
    ],
  ])('%s', (_title, input, message) => {
    expect(() => parseDrugCode(input)).toThrow(refusal(message));
  });

  it('refuses with invalid_identifier and the input in the details', () => {
    let error: unknown;
    try {
      parseDrugCode('123');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_identifier', details: { value: '123' } });
  });
});

describe('isDrugCode', () => {
  it.each([
    ['8385793 0000879766660', true],
    ['8385793000087976666', false],
    ['63857930000879766660', false],
  ])('tells whether %j is a drug trace code (%s)', (input, expected) => {
    expect(isDrugCode(input)).toBe(expected);
  });
});

describe('drugCodeUri', () => {
  it('gives the canonical URN of a drug trace code', () => {
    expect(drugCodeUri('8385793-0000879766660')).toBe('urn:zhuisu:drug:83857930000879766660');
  });
});

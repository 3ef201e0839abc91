import { DomainError } from '../../domain/errors.js';
import { checkRegionCode } from '../../domain/ids/region.js';
import { findUnitIdScheme } from '../../domain/ids/scheme.js';
import { parseUnitId } from '../../domain/ids/unit-id.js';
import { checkUscc } from '../../domain/ids/uscc.js';
import { checkElements, type RecordIssue } from '../../domain/sectors/check-elements.js';
import { findStage, type SectorProfile, type StageDef } from '../../domain/sectors/profile.js';
import type { RecordInput } from '../../domain/sectors/record-input.js';
import { type LotQuantity, type RecordUnits, type ResolvedRecord } from '../../domain/sectors/record-events.js';
import { findUnit, knownUnits, normaliseQuantity } from '../../domain/sectors/units.js';
import type { Party, PartyStore } from '../../store/party-store.js';
import type { Product, ProductStore } from '../../store/product-store.js';
import type { Profiles } from './profiles.js';

/** Party and product lookups, remembered for the length of one request or one import file. */
export function createLookups(deps: { profiles: Profiles; parties: PartyStore; products: ProductStore }) {
  const parties = new Map<string, Promise<Party | undefined>>();
  const products = new Map<string, Promise<Product | undefined>>();
  const profiles = new Map<string, Promise<SectorProfile | undefined>>();
  return {
    profile: (sector: string, version?: number) => {
      const key = `${sector}@${version ?? ''}`;
      let found = profiles.get(key);
      if (!found) profiles.set(key, (found = deps.profiles.find(sector, version)));
      return found;
    },
    party: (uscc: string) => {
      let found = parties.get(uscc);
      if (!found) parties.set(uscc, (found = deps.parties.find(uscc)));
      return found;
    },
    product: (productId: string) => {
      let found = products.get(productId);
      if (!found) products.set(productId, (found = deps.products.find(productId)));
      return found;
    },
    /** A party's product by the party's own code, whatever its product id (a GTIN product is known by both). */
    productByCode: (party: string, code: string) => {
      const key = `${party} ${code}`;
      let found = products.get(key);
      if (!found) products.set(key, (found = deps.products.findByCode(party, code)));
      return found;
    },
  };
}

export type Lookups = ReturnType<typeof createLookups>;

/** A record ready to become its event, with what the rules need to know about it. */
export interface Resolved {
  profile: SectorProfile;
  record: ResolvedRecord;
  /** Every unit the record names as an output (or as the object of a non-transforming stage). */
  units: string[];
  productId?: string;
  quantity?: number;
  uom?: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function reasonOf(err: unknown): string {
  return err instanceof DomainError || err instanceof Error ? err.message : String(err);
}

/**
 * Turns a record in plain terms into a resolved record: the profile and stage, the registered party and product, the
 * units as canonical ids, the region, and the data elements checked against the stage. Every problem is listed, by
 * field, in Chinese and English; nothing is looked up twice within one `lookups`.
 */
export async function resolveRecord(input: RecordInput, lookups: Lookups): Promise<{ ok: true; resolved: Resolved } | { ok: false; issues: RecordIssue[] }> {
  const issues: RecordIssue[] = [];
  const issue = (field: string, reason: string) => issues.push({ field, reason });

  const profile = await lookups.profile(input.sector, input.profileVersion);
  if (!profile) {
    const field = input.profileVersion !== undefined && (await lookups.profile(input.sector)) ? 'profileVersion' : 'sector';
    issue(field, field === 'sector'
      ? `没有“${input.sector}”行业 / there is no sector "${input.sector}"; see GET /api/v1/sectors`
      : `“${input.sector}”行业没有版本${input.profileVersion} / sector "${input.sector}" has no version ${input.profileVersion}`);
    return { ok: false, issues };
  }
  const stage = findStage(profile, input.stage);
  if (!stage) {
    issue('stage', `“${profile.name.zh}”没有“${input.stage}”环节，可用环节：${profile.stages.map((s) => `${s.id}（${s.name.zh}）`).join('、')} / sector "${profile.id}" has no stage "${input.stage}"; its stages are ${profile.stages.map((s) => s.id).join(', ')}`);
    return { ok: false, issues };
  }

  const recorder = await resolveParty(input.party, 'party', issue, lookups, { mustBeRegistered: true });
  const party = typeof recorder === 'object' ? recorder : undefined;
  if (!ISO_TIME.test(input.time) || Number.isNaN(Date.parse(input.time))) {
    issue('time', `时间“${input.time}”应写为带时区的 ISO 8601 格式，如 2026-03-05T09:00:00+08:00 / time "${input.time}" must be ISO 8601 with its offset, such as 2026-03-05T09:00:00+08:00`);
  }
  let region = party?.region ?? '';
  if (input.region !== undefined) {
    const checked = checkRegionCode(input.region);
    if (checked.ok) region = checked.region.code;
    else issue('region', checked.reason);
  }
  let site = party?.site ?? '';
  if (input.site !== undefined) {
    try {
      site = parseUnitId(input.site).canonical;
    } catch (err) {
      issue('site', reasonOf(err));
    }
  }

  let counterpart: Party | string | undefined;
  if (input.counterpart !== undefined) counterpart = (await resolveParty(input.counterpart, 'counterpart', issue, lookups, { mustBeRegistered: false })) ?? undefined;
  else if (stage.counterpartRequired) {
    issue('counterpart', `“${stage.name.zh}”环节须填写对方的统一社会信用代码 / stage "${stage.name.en}" must name the counterpart by its unified social credit code`);
  }

  const product = input.product === undefined ? undefined : await resolveProduct(input.product, 'product', party?.uscc, profile, issue, lookups);
  const outputs = await resolveUnits(stage, { ...input, ...(product ? { productRecord: product } : {}) }, '', issue);
  const inputs: RecordUnits = { lots: [], items: [] };
  if (stage.event === 'transform') {
    if (!input.inputs || input.inputs.length === 0) issue('inputs', `“${stage.name.zh}”环节须列出投入的原料批次或编码 / stage "${stage.name.en}" must list what it consumed under inputs`);
    for (const [i, consumed] of (input.inputs ?? []).entries()) {
      const inputProduct = consumed.product === undefined ? undefined : await resolveProduct(consumed.product, `inputs[${i}].product`, party?.uscc, undefined, issue, lookups);
      const units = await resolveUnits({ ...stage, codeScheme: undefined, units: 'either' }, { ...consumed, ...(inputProduct ? { productRecord: inputProduct } : {}) }, `inputs[${i}].`, issue);
      inputs.lots.push(...units.lots);
      inputs.items.push(...units.items);
    }
  } else if (input.inputs && input.inputs.length > 0) {
    issue('inputs', `只有加工转化环节才有投入品，“${stage.name.zh}”不是 / only transforming stages consume inputs, and "${stage.name.en}" does not`);
  }

  const { values, issues: elementIssues } = checkElements(stage, input.data ?? {});
  issues.push(...elementIssues);
  if (issues.length > 0 || !party) return { ok: false, issues };

  const counterpartUscc = typeof counterpart === 'string' ? counterpart : counterpart?.uscc;
  const record: ResolvedRecord = {
    sector: profile.id, profileVersion: profile.version, stage, party: party.uscc, site, region, time: input.time, outputs, inputs, elements: values,
  };
  if (counterpartUscc) record.counterpart = counterpartUscc;
  if (counterpart && typeof counterpart !== 'string') record.counterpartSite = counterpart.site;
  if (product) record.product = product.productId;
  if (input.reference) record.reference = input.reference;
  const quantity = outputs.lots.length > 0 ? outputs.lots.reduce((sum, l) => sum + (l.quantity ?? 0), 0) : outputs.items.length;
  const uom = outputs.lots.length > 0 ? outputs.lots[0]?.uom : 'H87';
  const resolved: Resolved = { profile, record, units: [...outputs.lots.map((l) => l.lot), ...outputs.items], quantity };
  if (uom) resolved.uom = uom;
  if (product) resolved.productId = product.productId;
  return { ok: true, resolved };
}

type Issue = (field: string, reason: string) => void;

async function resolveParty(input: string, field: string, issue: Issue, lookups: Lookups, opts: { mustBeRegistered: boolean }): Promise<Party | string | undefined> {
  const checked = checkUscc(input);
  if (!checked.ok) {
    issue(field, checked.reason);
    return undefined;
  }
  const party = await lookups.party(checked.uscc.code);
  if (party) return party;
  if (opts.mustBeRegistered) {
    issue(field, `追溯主体${checked.uscc.code}未在平台登记，请先登记（POST /api/v1/parties） / party ${checked.uscc.code} is not registered; register it first with POST /api/v1/parties`);
    return undefined;
  }
  return checked.uscc.code;
}

async function resolveProduct(input: string, field: string, ownParty: string | undefined, profile: SectorProfile | undefined, issue: Issue, lookups: Lookups): Promise<Product | undefined> {
  const trimmed = input.trim();
  const productId = /^\d{8,14}$/.test(trimmed) ? trimmed.padStart(14, '0') : trimmed.includes('/') ? trimmed : ownParty ? `${ownParty}/${trimmed}` : trimmed;
  const owner = productId.indexOf('/');
  const product = (await lookups.product(productId)) ?? (owner > 0 ? await lookups.productByCode(productId.slice(0, owner), productId.slice(owner + 1)) : undefined);
  if (!product) {
    issue(field, `产品“${input}”未登记（按 GTIN 或“统一社会信用代码/产品编码”查找） / product "${input}" is not registered (looked up as ${productId}); register it with POST /api/v1/products`);
    return undefined;
  }
  if (profile && product.sector !== profile.id) {
    issue(field, `产品“${product.name}”属于“${product.sector}”行业，不能按“${profile.name.zh}”记录 / product "${product.name}" belongs to sector "${product.sector}", not "${profile.id}"`);
  }
  return product;
}

/** The lot of a product: its LGTIN when the product has a GTIN, else a platform lot URN under the product id. */
export function lotUnitId(product: Product, lot: string): string {
  if (product.gtin) return parseUnitId(`https://id.gs1.org/01/${product.gtin}/10/${encodeURIComponent(lot)}`).canonical;
  const [owner, code] = product.productId.split('/');
  return `urn:zhuisu:lot:${owner}:${encodeURIComponent(code ?? '')}:${encodeURIComponent(lot)}`;
}

async function resolveUnits(
  stage: Pick<StageDef, 'units' | 'codeScheme' | 'name'>,
  input: { lot?: string; codes?: string[]; quantity?: number; unit?: string; productRecord?: Product },
  prefix: string,
  issue: Issue,
): Promise<RecordUnits> {
  const units: RecordUnits = { lots: [], items: [] };
  const wantsLot = stage.units === 'lot';
  const wantsItems = stage.units === 'items';
  if (wantsItems && input.lot !== undefined && (!input.codes || input.codes.length === 0)) {
    issue(`${prefix}codes`, `“${stage.name.zh}”环节按单品编码记录，请填写 codes / stage "${stage.name.en}" records single items: list their codes`);
  }
  if (input.lot === undefined && (!input.codes || input.codes.length === 0)) {
    issue(wantsItems ? `${prefix}codes` : `${prefix}lot`, wantsItems
      ? `请填写单品编码 codes / list the item codes`
      : `请填写批次号 lot${wantsLot ? '' : '或单品编码 codes'} / name the lot${wantsLot ? '' : ' or the item codes'}`);
  }
  if (input.lot !== undefined && !wantsItems) {
    let lot: string | undefined;
    if (input.lot.includes(':')) {
      try {
        lot = parseUnitId(input.lot).canonical;
      } catch (err) {
        issue(`${prefix}lot`, reasonOf(err));
      }
    } else if (input.productRecord) lot = lotUnitId(input.productRecord, input.lot.trim());
    else issue(`${prefix}product`, `按批次号“${input.lot}”记录时须填写产品 / a lot number ("${input.lot}") needs its product`);
    const quantity = resolveQuantity(input, prefix, issue);
    if (lot) units.lots.push({ lot, ...quantity } satisfies LotQuantity);
  }
  if (wantsLot && input.codes && input.codes.length > 0) {
    issue(`${prefix}codes`, `“${stage.name.zh}”环节按批次记录，不接受单品编码 / stage "${stage.name.en}" records lots, not item codes`);
  }
  if (!wantsLot) {
    const scheme = stage.codeScheme === undefined ? undefined : findUnitIdScheme(stage.codeScheme);
    for (const [i, code] of (input.codes ?? []).entries()) {
      try {
        units.items.push(scheme ? scheme.parse(code) : parseUnitId(code).canonical);
      } catch (err) {
        issue(`${prefix}codes[${i}]`, reasonOf(err));
      }
    }
  }
  return units;
}

function resolveQuantity(input: { quantity?: number; unit?: string }, prefix: string, issue: Issue): { quantity?: number; uom?: string } {
  if (input.quantity === undefined) {
    issue(`${prefix}quantity`, `请填写批次数量 quantity / a lot is recorded with its quantity`);
    return {};
  }
  if (!(input.quantity > 0)) {
    issue(`${prefix}quantity`, `数量应大于0，实为${input.quantity} / quantity must be more than 0, not ${input.quantity}`);
    return {};
  }
  const unit = input.unit === undefined ? undefined : findUnit(input.unit);
  if (!unit) {
    issue(`${prefix}unit`, input.unit === undefined
      ? `请填写计量单位 unit，如 KGM（千克） / name the unit, such as KGM (kilogram)`
      : `计量单位“${input.unit}”未知，可用：${knownUnits()} / unknown unit "${input.unit}"; use a UN/CEFACT code such as KGM, TNE, LTR or H87`);
    return {};
  }
  return normaliseQuantity(input.quantity, unit);
}

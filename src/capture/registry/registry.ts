import { oversees, SEES_ALL, type Sight } from '../../domain/access/sight.js';
import { SYSTEM_ACTOR, type AuditActor } from '../../domain/audit/actor.js';
import { DomainError } from '../../domain/errors.js';
import { checkRegionCode } from '../../domain/ids/region.js';
import { parseGtin } from '../../domain/ids/gtin.js';
import { parseUnitId } from '../../domain/ids/unit-id.js';
import { checkUscc, checkUsccRegion } from '../../domain/ids/uscc.js';
import { nationalCatalogue } from '../../domain/sectors/catalogue.js';
import type { RecordIssue } from '../../domain/sectors/check-elements.js';
import { partySiteUri } from '../../domain/sectors/record-events.js';
import type { CatalogueEntry, CatalogueStore } from '../../store/catalogue-store.js';
import type { Party, PartyStore } from '../../store/party-store.js';
import type { Product, ProductStore } from '../../store/product-store.js';
import type { Quota, QuotaStore } from '../../store/quota-store.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Profiles } from '../records/profiles.js';

function refuse(issues: RecordIssue[]): DomainError {
  return new DomainError('invalid_record', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), { errors: issues });
}

/**
 * Registration of what records refer to: parties, products, the product catalogue and quotas. Each registration is
 * recorded in the audit trail with who made it (`actor`, the platform itself when absent).
 */
export function createRegistry(deps: { parties: PartyStore; products: ProductStore; catalogue: CatalogueStore; quotas: QuotaStore; profiles: Profiles; audit: AuditTrail; now: () => Date }) {
  return {
    /**
     * Registers a party (追溯主体) under its 统一社会信用代码. A code whose check character fails is refused unless an
     * administrator overrides it for a legacy code (`overrideCheckCharacter`), which is kept on the party.
     */
    async registerParty(input: { uscc: string; name: string; region: string; site?: string; sectors?: string[]; overrideCheckCharacter?: boolean }, actor: AuditActor = SYSTEM_ACTOR): Promise<{ party: Party; warnings: string[] }> {
      const issues: RecordIssue[] = [];
      const warnings: string[] = [];
      const checked = checkUscc(input.uscc);
      let code = input.uscc.trim().toUpperCase();
      if (!checked.ok) {
        if (checked.checkOnly && input.overrideCheckCharacter) warnings.push(checked.reason);
        else issues.push({ field: 'uscc', reason: checked.checkOnly ? `${checked.reason}；如为历史遗留代码，管理员可设置 overrideCheckCharacter: true 强制登记 / if this is a legacy code, an administrator may register it with overrideCheckCharacter: true` : checked.reason });
      } else {
        code = checked.uscc.code;
        const authority = checkUsccRegion(code);
        if (authority.severity === 'error') issues.push({ field: 'uscc', reason: authority.message });
        else if (authority.severity === 'warning') warnings.push(authority.message);
      }
      const region = checkRegionCode(input.region);
      if (!region.ok) issues.push({ field: 'region', reason: region.reason });
      let site = partySiteUri(code);
      if (input.site !== undefined) {
        try {
          site = parseUnitId(input.site).canonical;
        } catch (err) {
          issues.push({ field: 'site', reason: err instanceof Error ? err.message : String(err) });
        }
      }
      for (const [i, sector] of (input.sectors ?? []).entries()) {
        if (!(await deps.profiles.find(sector))) issues.push({ field: `sectors[${i}]`, reason: `没有“${sector}”行业 / there is no sector "${sector}"` });
      }
      if (issues.length > 0) throw refuse(issues);
      const party: Party = {
        uscc: code, name: input.name.trim(), region: region.ok ? region.region.code : input.region, site, sectors: input.sectors ?? [],
        checkOverridden: !checked.ok, registeredAt: deps.now().toISOString(),
      };
      if (!(await deps.parties.add(party))) throw new DomainError('already_registered', `统一社会信用代码${code}已登记 / ${code} is already registered`);
      await deps.audit.record(actor, 'party.register', party.uscc, { name: party.name, region: party.region, site: party.site, sectors: party.sectors, checkOverridden: party.checkOverridden });
      return { party, warnings };
    },

    /** Registers a product of a party under the party's own code and, if it has one, its GTIN. */
    async registerProduct(input: { party: string; code: string; name: string; catalogueEntry: string; gtin?: string }, actor: AuditActor = SYSTEM_ACTOR): Promise<Product> {
      const issues: RecordIssue[] = [];
      const party = await deps.parties.find(input.party.trim().toUpperCase());
      if (!party) issues.push({ field: 'party', reason: `追溯主体${input.party}未登记 / party ${input.party} is not registered` });
      const entry = await deps.catalogue.find(input.catalogueEntry);
      if (!entry) issues.push({ field: 'catalogueEntry', reason: `产品目录中没有“${input.catalogueEntry}” / the product catalogue has no entry "${input.catalogueEntry}"; see GET /api/v1/catalogue` });
      else if (entry.retiredIn !== undefined) issues.push({ field: 'catalogueEntry', reason: `目录条目“${entry.name.zh}”已于第${entry.retiredIn}版撤销 / catalogue entry "${entry.id}" was retired in version ${entry.retiredIn}` });
      let gtin: string | undefined;
      if (input.gtin !== undefined) {
        try {
          gtin = parseGtin(input.gtin).gtin14;
        } catch (err) {
          issues.push({ field: 'gtin', reason: err instanceof Error ? err.message : String(err) });
        }
      }
      if (!/^[^\s/]{1,64}$/u.test(input.code)) issues.push({ field: 'code', reason: `产品编码须为1至64个字符，不含空格和“/” / a product code has 1 to 64 characters without spaces or "/"` });
      if (issues.length > 0 || !party || !entry) throw refuse(issues);
      const product: Product = {
        productId: gtin ?? `${party.uscc}/${input.code}`, party: party.uscc, code: input.code, name: input.name.trim(), catalogueEntry: entry.id, sector: entry.sector,
        registeredAt: deps.now().toISOString(), ...(gtin ? { gtin } : {}),
      };
      if (!(await deps.products.add(product))) throw new DomainError('already_registered', `产品${product.productId}或编码${input.code}已登记 / product ${product.productId} or code ${input.code} of this party is already registered`);
      await deps.audit.record(actor, 'product.register', product.productId, { party: product.party, code: product.code, name: product.name, catalogueEntry: product.catalogueEntry });
      return product;
    },

    /** Adds the national entries of the built-in profiles that the catalogue lacks (at every start). */
    async ensureNationalCatalogue(): Promise<void> {
      const change = 'national key list of the built-in sector profiles';
      const version = await deps.catalogue.ensure(nationalCatalogue(await deps.profiles.latest()), change);
      if (version !== undefined) await deps.audit.record(SYSTEM_ACTOR, 'catalogue.ensure', `v${version}`, { version, change });
    },

    /** Adds a catalogue entry: national, or local to a region and compatible with a national entry of the same sector. */
    async addCatalogueEntry(input: { scope: string; sector: string; productKind: string; name: { zh: string; en: string }; list: 'key' | 'encouraged'; compatibleWith?: string }, actor: AuditActor = SYSTEM_ACTOR): Promise<{ entry: CatalogueEntry; version: number }> {
      const issues: RecordIssue[] = [];
      if (!(await deps.profiles.find(input.sector))) issues.push({ field: 'sector', reason: `没有“${input.sector}”行业 / there is no sector "${input.sector}"` });
      if (!/^[a-z][a-z0-9-]*$/.test(input.productKind)) issues.push({ field: 'productKind', reason: `产品类别标识须为小写字母、数字和连字符 / productKind is lower-case letters, digits and hyphens` });
      if (input.scope !== 'national') {
        const region = checkRegionCode(input.scope);
        if (!region.ok) issues.push({ field: 'scope', reason: region.reason });
        const national = input.compatibleWith === undefined ? undefined : await deps.catalogue.find(input.compatibleWith);
        if (!national || national.scope !== 'national' || national.sector !== input.sector) {
          issues.push({ field: 'compatibleWith', reason: `地方目录条目须对应同一行业的国家目录条目 / a local entry names the national entry of the same sector that it refines` });
        }
      }
      if (issues.length > 0) throw refuse(issues);
      const id = input.scope === 'national' ? `${input.sector}.${input.productKind}` : `${input.scope}.${input.sector}.${input.productKind}`;
      const entry = { id, scope: input.scope, sector: input.sector, productKind: input.productKind, name: input.name, list: input.list, ...(input.scope !== 'national' && input.compatibleWith ? { compatibleWith: input.compatibleWith } : {}) };
      const { added, version } = await deps.catalogue.add(entry, `add ${id}`);
      if (!added) throw new DomainError('already_registered', `目录条目“${id}”已存在 / catalogue entry "${id}" exists`);
      await deps.audit.record(actor, 'catalogue.add', id, { ...entry, version });
      return { entry: { ...entry, addedIn: version }, version };
    },

    async retireCatalogueEntry(id: string, actor: AuditActor = SYSTEM_ACTOR): Promise<number> {
      const version = await deps.catalogue.retire(id, `retire ${id}`);
      if (version === undefined) throw new DomainError('catalogue_entry_not_found', `目录中没有在用的条目“${id}” / the catalogue has no entry "${id}" in force`);
      await deps.audit.record(actor, 'catalogue.retire', id, { version });
      return version;
    },

    /** Registers an enterprise's output quota for a period, e.g. a year's rare-earth smelting-separation quota. */
    /** Registers a quota; `sight` is whoever sets it, which must oversee the party's region and the quota's sector. */
    async registerQuota(
      input: { party: string; reference: string; sector: string; periodStart: string; periodEnd: string; quantity: number; unit: string },
      actor: AuditActor = SYSTEM_ACTOR,
      sight: Sight = SEES_ALL,
    ): Promise<Quota> {
      const issues: RecordIssue[] = [];
      const party = await deps.parties.find(input.party);
      if (!party) issues.push({ field: 'party', reason: `追溯主体${input.party}未登记 / party ${input.party} is not registered` });
      else if (!oversees(sight, party.region, input.sector)) {
        throw new DomainError('forbidden', `${input.party}（${party.region}，${input.sector}）不在您的辖区或行业内 / ${input.party} (${party.region}, ${input.sector}) is outside your region or sectors`);
      }
      if (!(await deps.profiles.find(input.sector))) issues.push({ field: 'sector', reason: `没有“${input.sector}”行业 / there is no sector "${input.sector}"` });
      const start = Date.parse(input.periodStart);
      const end = Date.parse(input.periodEnd);
      if (Number.isNaN(start) || Number.isNaN(end) || end <= start) issues.push({ field: 'periodEnd', reason: `期间须为有效日期且结束晚于开始 / the period needs valid dates, its end after its start` });
      if (!(input.quantity > 0)) issues.push({ field: 'quantity', reason: `指标数量应大于0 / the quota must be more than 0` });
      if (issues.length > 0) throw refuse(issues);
      const quota: Quota = {
        party: input.party, reference: input.reference, sector: input.sector, periodStart: new Date(start).toISOString(), periodEnd: new Date(end).toISOString(),
        quantity: input.quantity, uom: input.unit, registeredAt: deps.now().toISOString(),
      };
      if (!(await deps.quotas.add(quota))) throw new DomainError('already_registered', `指标“${input.reference}”已登记 / quota "${input.reference}" is already registered for ${input.party}`);
      await deps.audit.record(actor, 'quota.register', `${quota.party}/${quota.reference}`, { ...quota });
      return quota;
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;

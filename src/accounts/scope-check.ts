import { ENTERPRISE_ROLES, isRole, ROLE_NAMES, type Role } from '../domain/access/roles.js';
import type { Principal, Scope } from '../domain/access/principal.js';
import { DomainError } from '../domain/errors.js';
import { checkRegionCode } from '../domain/ids/region.js';

/** A scope as a request writes it, before it is checked. */
export interface ScopeInput {
  role: string;
  enterprise?: string;
  region?: string;
  sectors?: string[];
}

/** What checking a scope looks up: whether a party is registered and which sectors exist. */
export interface ScopeLookups {
  isRegisteredParty: (uscc: string) => Promise<boolean>;
  sectorIds: () => Promise<string[]>;
}

/** The scope lookups over the party store and the sector profiles in force. */
export function scopeLookups(parties: { find: (uscc: string) => Promise<unknown> }, profiles: { latest: () => Promise<Array<{ id: string }>> }): ScopeLookups {
  return {
    isRegisteredParty: async (uscc) => (await parties.find(uscc)) !== undefined,
    sectorIds: async () => (await profiles.latest()).map((p) => p.id),
  };
}

function roleName(role: Role): string {
  return `${ROLE_NAMES[role].zh} / ${ROLE_NAMES[role].en}`;
}

/**
 * Checks the scope of a new user or token, and that `grantor` may hand it out: a platform administrator may grant
 * any role; an enterprise administrator only the enterprise roles of its own enterprise. Problems name the field.
 */
export async function checkGrantedScope(grantor: Principal, input: ScopeInput, lookups: ScopeLookups): Promise<Scope> {
  const { role } = input;
  if (!isRole(role)) {
    throw new DomainError('invalid_request', `未知角色“${role}” / unknown role "${role}"`, { errors: [{ field: 'role', reason: 'unknown role' }] });
  }
  if (grantor.role !== 'platform_admin') {
    const ownEnterprise = grantor.role === 'enterprise_admin' && ENTERPRISE_ROLES.includes(role) && input.enterprise === grantor.enterprise;
    if (!ownEnterprise) {
      throw new DomainError('forbidden', `企业管理员只能为本企业（${grantor.enterprise ?? ''}）授予企业角色 / an enterprise administrator may grant only enterprise roles of its own enterprise (${grantor.enterprise ?? ''})`);
    }
  }
  const problems: Array<{ field: string; reason: string }> = [];
  const scope: Scope = { role, sectors: [] };
  if (ENTERPRISE_ROLES.includes(role) || role === 'inspection_body') {
    if (input.enterprise) {
      if (await lookups.isRegisteredParty(input.enterprise)) scope.enterprise = input.enterprise;
      else problems.push({ field: 'enterprise', reason: `统一社会信用代码${input.enterprise}未登记为追溯主体 / ${input.enterprise} is not a registered party` });
    } else if (role !== 'inspection_body') {
      problems.push({ field: 'enterprise', reason: `${roleName(role)}须指定所属企业（统一社会信用代码） / needs the enterprise (USCC) it acts for` });
    }
  } else if (input.enterprise) {
    problems.push({ field: 'enterprise', reason: `${roleName(role)}不属于某一企业 / does not act for one enterprise` });
  }
  if (role === 'regulator') {
    const region = input.region ?? '';
    const check = checkRegionCode(region);
    if (!check.ok) problems.push({ field: 'region', reason: region === '' ? '监管部门须指定辖区（GB/T 2260行政区划代码） / a regulator needs its region (a GB/T 2260 code)' : check.reason });
    else scope.region = region;
    const known = new Set(await lookups.sectorIds());
    const unknown = (input.sectors ?? []).filter((s) => !known.has(s));
    if (unknown.length > 0) problems.push({ field: 'sectors', reason: `未知行业：${unknown.join('、')} / unknown sectors: ${unknown.join(', ')}; see GET /api/v1/sectors` });
    else scope.sectors = [...new Set(input.sectors ?? [])];
  } else if (input.region || (input.sectors?.length ?? 0) > 0) {
    problems.push({ field: input.region ? 'region' : 'sectors', reason: `只有监管部门有辖区和行业范围 / only a regulator has a region and sectors` });
  }
  if (problems.length > 0) {
    throw new DomainError('invalid_request', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { errors: problems });
  }
  return scope;
}

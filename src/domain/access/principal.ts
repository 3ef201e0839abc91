import { DomainError } from '../errors.js';
import { ENTERPRISE_ROLES, type Role } from './roles.js';

/** How a request proved who it is. */
export type PrincipalKind = 'user' | 'token' | 'anonymous';

/**
 * Whoever a request acts for, with the scope of its role: an enterprise (USCC) for enterprise roles, a region
 * (a GB/T 2260 code or prefix: 46 = Hainan, 4601 = Haikou) and sectors for regulators. An empty `sectors` list
 * means every sector.
 */
export interface Principal {
  kind: PrincipalKind;
  /** User id or token id; '' for the public. */
  id: string;
  name: string;
  role: Role | 'public';
  enterprise?: string;
  region?: string;
  sectors: string[];
  /** The token of the first start, named so in the audit log. */
  bootstrap?: boolean;
}

export const PUBLIC: Principal = Object.freeze({ kind: 'anonymous', id: '', name: 'public', role: 'public', sectors: [] }) as Principal;

/** The scope fields of a role, as stored with a user or a token. */
export interface Scope {
  role: Role;
  enterprise?: string;
  region?: string;
  sectors: string[];
}

/**
 * Refuses a write that an enterprise principal makes for another enterprise: an enterprise records, registers and
 * imports only under its own USCC. Other roles that may write at all are not tied to one enterprise.
 */
export function checkActsFor(principal: Principal, uscc: string, field: string): void {
  if (principal.role === 'public' || !ENTERPRISE_ROLES.includes(principal.role)) return;
  if (uscc.trim().toUpperCase() === principal.enterprise) return;
  throw new DomainError('forbidden', `${field}: 只能为本企业（${principal.enterprise ?? ''}）操作，不能代${uscc}操作 / you act for ${principal.enterprise ?? ''} only, not for ${uscc}`);
}

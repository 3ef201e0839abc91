import type { Role } from './roles.js';

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
}

export const PUBLIC: Principal = Object.freeze({ kind: 'anonymous', id: '', name: 'public', role: 'public', sectors: [] }) as Principal;

/** The scope fields of a role, as stored with a user or a token. */
export interface Scope {
  role: Role;
  enterprise?: string;
  region?: string;
  sectors: string[];
}

import type { Principal } from './principal.js';
import type { Role } from './roles.js';

/**
 * What a route needs, in one table: every route names one of these, and a role either has it or not. What a
 * permitted principal then sees or may write for (its enterprise, its region and sectors) is the scope's business.
 */
export const PERMISSIONS = {
  /** Anyone, signed in or not: the public query of a trace code, the catalogue, templates. */
  public: 'anyone',
  /** Any signed-in principal: reads, narrowed to what its scope may see. */
  read: ['platform_admin', 'regulator', 'enterprise_admin', 'enterprise_operator', 'inspection_body'],
  /** Recording what happened: EPCIS capture, stage records, bulk import, issuing trace codes and their labels. */
  record: ['platform_admin', 'enterprise_admin', 'enterprise_operator'],
  /** Attaching inspection and test results to the units an inspection body was asked to inspect. */
  inspect: ['platform_admin', 'inspection_body'],
  /** Asking an inspection body to inspect a unit (检验委托). */
  request_inspection: ['platform_admin', 'regulator', 'enterprise_admin', 'enterprise_operator'],
  /** An enterprise's own master data: its products. */
  register: ['platform_admin', 'enterprise_admin'],
  /** Oversight: alerts, quotas, the audit log. */
  supervise: ['platform_admin', 'regulator'],
  /** Accounts and machine tokens (an enterprise administrator manages those of its own enterprise). */
  manage_accounts: ['platform_admin', 'enterprise_admin'],
  /** The platform itself: parties, the catalogue, sector profiles, sweeps. */
  administer: ['platform_admin'],
} as const satisfies Record<string, 'anyone' | readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** Whether a principal's role carries a permission. */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  const allowed = PERMISSIONS[permission];
  if (allowed === 'anyone') return true;
  return principal.role !== 'public' && (allowed as readonly Role[]).includes(principal.role);
}

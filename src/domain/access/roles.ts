/**
 * Who may act on the platform. The public (anonymous) is not a role anyone is given: it is what a request without
 * credentials is.
 */
export const ROLES = ['platform_admin', 'regulator', 'enterprise_admin', 'enterprise_operator', 'inspection_body'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that act for one enterprise (追溯主体) and must name it. */
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_admin', 'enterprise_operator'];

/** Names of the roles as the web app and error messages show them. */
export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  platform_admin: { zh: '平台管理员', en: 'platform administrator' },
  regulator: { zh: '监管部门', en: 'regulator' },
  enterprise_admin: { zh: '企业管理员', en: 'enterprise administrator' },
  enterprise_operator: { zh: '企业操作员', en: 'enterprise operator' },
  inspection_body: { zh: '检验检测机构', en: 'inspection body' },
};

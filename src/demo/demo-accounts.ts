import { randomBytes } from 'node:crypto';
import type { Accounts } from '../accounts/accounts.js';
import type { Principal } from '../domain/access/principal.js';
import type { Role } from '../domain/access/roles.js';
import { drugChain } from './chains/drug.js';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  description: string;
}

/**
 * One login per kind of user, so that the demo can be seen as a regulator, an enterprise and an administrator see
 * it. The password is drawn at the first start and printed once, never a fixed one that a forgotten demo would keep.
 */
export async function createDemoAccounts(accounts: Accounts): Promise<DemoLogin[]> {
  const password = `demo-${randomBytes(6).toString('base64url')}`;
  const maker = drugChain.parties[0]?.uscc;
  if (!maker) throw new Error('the drug demo chain has no maker');
  const admin = await accounts.createFirstAdministrator({ username: 'admin', displayName: '平台管理员', password });
  const by: Principal = { kind: 'user', id: admin.userId, name: admin.username, role: 'platform_admin', sectors: [] };
  const logins: DemoLogin[] = [{ username: 'admin', password, role: 'platform_admin', description: '平台管理员 platform administrator' }];
  const others: Array<Omit<DemoLogin, 'password'> & { displayName: string; enterprise?: string; region?: string; sectors?: string[] }> = [
    { username: 'hainan-regulator', role: 'regulator', region: '460000', displayName: '海南省市场监管局', description: '监管部门（海南省，全部行业） regulator of Hainan, every sector' },
    { username: 'yelin-admin', role: 'enterprise_admin', enterprise: maker, displayName: '椰林制药 管理员', description: `企业管理员 enterprise administrator of ${maker}` },
    { username: 'yelin-clerk', role: 'enterprise_operator', enterprise: maker, displayName: '椰林制药 录入员', description: `企业操作员 operator of ${maker}` },
  ];
  for (const { description, ...user } of others) {
    await accounts.createUser(by, { ...user, password });
    logins.push({ username: user.username, password, role: user.role, description });
  }
  return logins;
}

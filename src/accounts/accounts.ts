import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { hashPassword, passwordProblem, verifyPassword } from '../domain/access/password.js';
import type { Principal, Scope } from '../domain/access/principal.js';
import { DomainError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { createRateWindowStore } from '../store/rate-window-store.js';
import { createSessionStore, type SessionStore } from '../store/session-store.js';
import { createTokenStore, type ApiToken, type TokenStore } from '../store/token-store.js';
import { createUserStore, type User, type UserStore } from '../store/user-store.js';
import { createLoginLimiter, type LoginLimiter } from './login-limiter.js';
import { checkGrantedScope, type ScopeInput, type ScopeLookups } from './scope-check.js';

/** How long a web session lasts from its login. */
export const SESSION_HOURS = 12;
const DEFAULT_TOKEN_DAYS = 365;
const MAX_TOKEN_DAYS = 3 * 366;
// A made-up hash to check against when the username is unknown, so that a wrong username takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

function principalOf(kind: 'user' | 'token', id: string, name: string, scope: Scope): Principal {
  return {
    kind, id, name, role: scope.role, sectors: scope.sectors,
    ...(scope.enterprise ? { enterprise: scope.enterprise } : {}),
    ...(scope.region ? { region: scope.region } : {}),
  };
}

/** The CSRF token of a session: derived from its secret, so that it need not be stored and dies with the session. */
export function csrfTokenOf(sessionSecret: string): string {
  return createHash('sha256').update(`csrf\u0000${sessionSecret}`).digest('base64url');
}

export function isCsrfToken(sessionSecret: string, sent: string): boolean {
  const expected = Buffer.from(csrfTokenOf(sessionSecret));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface NewUserInput extends ScopeInput {
  username: string;
  displayName: string;
  password: string;
}

export interface NewTokenInput extends ScopeInput {
  name: string;
  /** Days until the token expires; a year when absent. */
  expiresInDays?: number;
}

/**
 * Users, sessions and machine tokens: who a request is, and who may grant whom what. Secrets (passwords, session
 * cookies, tokens) are never stored or logged as such; a token's secret is returned once, when it is issued.
 */
export function createAccounts(deps: {
  users: UserStore;
  sessions: SessionStore;
  tokens: TokenStore;
  limiter: LoginLimiter;
  lookups: ScopeLookups;
  now: () => Date;
}) {
  const { users, sessions, tokens } = deps;

  /** Users and tokens a principal may manage: every one for a platform administrator, its enterprise's otherwise. */
  const manageable = (by: Principal): { enterprise?: string } => {
    if (by.role === 'platform_admin') return {};
    if (by.role === 'enterprise_admin' && by.enterprise) return { enterprise: by.enterprise };
    throw new DomainError('forbidden', '只有平台管理员和企业管理员可以管理账号 / only platform and enterprise administrators manage accounts');
  };
  const isManageable = (by: Principal, enterprise: string | undefined) => {
    const scope = manageable(by);
    return scope.enterprise === undefined || scope.enterprise === enterprise;
  };

  async function newUser(createdBy: string, scope: Scope, input: NewUserInput): Promise<User> {
    const username = input.username.trim();
    const problem = passwordProblem(input.password, { username });
    if (problem) throw new DomainError('invalid_request', `password: ${problem}`, { errors: [{ field: 'password', reason: problem }] });
    const userId = randomUUID();
    const added = await users.add({ userId, username, displayName: input.displayName.trim(), passwordHash: await hashPassword(input.password), createdBy, ...scope });
    if (!added) throw new DomainError('already_registered', `用户名“${username}”已被使用 / the username "${username}" is taken`);
    const user = await users.find(userId);
    if (!user) throw new Error(`user ${userId} was added but cannot be read back`);
    return user;
  }

  return {
    /**
     * Checks a username and password. Returns the new session's secret (for the cookie), its CSRF token and the
     * user. Failures are counted per account and per address; over the limit, `too_many_attempts` says how long to wait.
     */
    async login(input: { username: string; password: string; address: string }): Promise<{ secret: string; csrfToken: string; expiresAt: string; user: User }> {
      const wait = await deps.limiter.retryAfter(input.username, input.address);
      if (wait > 0) {
        throw new DomainError('too_many_attempts', `登录失败次数过多，请${Math.ceil(wait / 60)}分钟后再试 / too many failed logins; try again in ${wait} s`, { retryAfter: wait });
      }
      const found = await users.findWithPassword({ username: input.username.trim() });
      const ok = found ? await verifyPassword(input.password, found.passwordHash) : await verifyPassword(input.password, await (decoyHash ??= hashPassword(randomUUID())));
      if (!found || !ok || found.user.disabledAt) {
        await deps.limiter.failed(input.username, input.address);
        throw new DomainError('unauthorized', '用户名或密码不正确 / the username or password is wrong');
      }
      await deps.limiter.succeeded(input.username);
      const secret = randomBytes(32).toString('base64url');
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
      await sessions.add(secret, { userId: found.user.userId, createdAt: now.toISOString(), expiresAt, address: input.address });
      return { secret, csrfToken: csrfTokenOf(secret), expiresAt, user: found.user };
    },

    async logout(secret: string): Promise<void> {
      await sessions.remove(secret);
    },

    /** The principal of a session cookie, if the session is open and its user enabled. */
    async sessionPrincipal(secret: string): Promise<{ principal: Principal; user: User } | undefined> {
      const session = await sessions.find(secret);
      const user = session && (await users.find(session.userId));
      if (!user || user.disabledAt) return undefined;
      return { principal: principalOf('user', user.userId, user.username, user), user };
    },

    /** The principal of a bearer token, if it is known, not revoked and not expired. */
    async tokenPrincipal(secret: string): Promise<Principal | undefined> {
      const token = await tokens.find(secret);
      return token && { ...principalOf('token', token.tokenId, token.name, token), ...(token.bootstrap ? { bootstrap: true } : {}) };
    },

    async createUser(by: Principal, input: NewUserInput): Promise<User> {
      const scope = await checkGrantedScope(by, input, deps.lookups);
      return newUser(by.id || by.name, scope, input);
    },

    /** The first platform administrator, from the command line of the server's machine. */
    async createFirstAdministrator(input: Omit<NewUserInput, keyof ScopeInput>): Promise<User> {
      return newUser('cli', { role: 'platform_admin', sectors: [] }, { ...input, role: 'platform_admin' });
    },

    async listUsers(by: Principal): Promise<User[]> {
      return users.list(manageable(by));
    },

    async disableUser(by: Principal, userId: string): Promise<User> {
      const user = await users.find(userId);
      if (!user || !isManageable(by, user.enterprise)) throw new DomainError('user_not_found', `没有用户${userId} / there is no user ${userId}`);
      if (user.userId === by.id) throw new DomainError('invalid_request', '不能停用自己的账号 / you cannot disable your own account');
      await users.disable(userId);
      await sessions.removeForUser(userId);
      return (await users.find(userId)) ?? user;
    },

    /** A user changes its own password; every session of the user ends. */
    async changePassword(by: Principal, input: { currentPassword: string; newPassword: string }): Promise<void> {
      if (by.kind !== 'user') throw new DomainError('forbidden', '只有登录用户可以修改密码 / only a signed-in user has a password');
      const found = await users.findWithPassword({ userId: by.id });
      if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
        throw new DomainError('unauthorized', '当前密码不正确 / the current password is wrong');
      }
      const problem = passwordProblem(input.newPassword, { username: found.user.username });
      if (problem) throw new DomainError('invalid_request', `newPassword: ${problem}`, { errors: [{ field: 'newPassword', reason: problem }] });
      await users.setPassword(by.id, await hashPassword(input.newPassword));
      await sessions.removeForUser(by.id);
    },

    /** Issues a machine token: its secret is in the answer and nowhere else. */
    async issueToken(by: Principal, input: NewTokenInput): Promise<{ token: string; info: ApiToken }> {
      const scope = await checkGrantedScope(by, input, deps.lookups);
      const days = input.expiresInDays ?? DEFAULT_TOKEN_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
        const reason = `有效期应为1至${MAX_TOKEN_DAYS}天 / the expiry must be 1 to ${MAX_TOKEN_DAYS} days`;
        throw new DomainError('invalid_request', `expiresInDays: ${reason}`, { errors: [{ field: 'expiresInDays', reason }] });
      }
      const token = `zs_${randomBytes(24).toString('base64url')}`;
      const expiresAt = new Date(deps.now().getTime() + days * 86_400_000).toISOString();
      const tokenId = await tokens.add(token, { name: input.name.trim(), createdBy: by.id || by.name, expiresAt, ...scope });
      const info = await tokens.findById(tokenId);
      if (!info) throw new Error(`token ${tokenId} was added but cannot be read back`);
      return { token, info };
    },

    async listTokens(by: Principal): Promise<ApiToken[]> {
      return tokens.list(manageable(by));
    },

    async revokeToken(by: Principal, tokenId: string): Promise<ApiToken> {
      const token = await tokens.findById(tokenId);
      if (!token || !isManageable(by, token.enterprise)) throw new DomainError('token_not_found', `没有令牌${tokenId} / there is no token ${tokenId}`);
      await tokens.revoke(tokenId);
      return (await tokens.findById(tokenId)) ?? token;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;

/** The accounts of a database: its user, session and token stores, and the login limits counted in it. */
export function createAccountsOn(db: Db, deps: { now: () => Date; lookups: ScopeLookups }): Accounts {
  const { now } = deps;
  return createAccounts({
    users: createUserStore(db, { now }), sessions: createSessionStore(db, { now }), tokens: createTokenStore(db, { now }), limiter: createLoginLimiter({ windows: createRateWindowStore(db, { now }) }),
    lookups: deps.lookups, now,
  });
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerParty, usccOf } from '../../support/parties.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

const MAKER = usccOf('460100', 'MA5RD0A10');
const OTHER = usccOf('460200', 'MA5RD0B20');
const PASSWORD = 'correct horse 电池 staple';

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const header = [res.headers['set-cookie']].flat().find((c): c is string => typeof c === 'string' && c.startsWith('zhuisu_session='));
  if (!header) throw new Error('no session cookie was set');
  return header.split(';')[0] ?? '';
}

for (const dialect of testDialects()) {
  describe(`accounts, sessions and machine tokens (${dialect})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(dialect);
      await registerParty(t.app, t.auth, { uscc: MAKER, name: '海南椰林制药有限公司', region: '460100', sectors: ['drug'] });
      await registerParty(t.app, t.auth, { uscc: OTHER, name: '三亚某药业有限公司', region: '460200', sectors: ['drug'] });
    });
    afterEach(() => t.close());

    const asAdmin = (method: 'POST' | 'GET' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
      t.app.inject({ method, url, headers: t.auth, ...(payload ? { payload } : {}) });
    const createUser = (user: Record<string, unknown>, headers: Record<string, string> = t.auth) =>
      t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { displayName: '测试用户', password: PASSWORD, ...user } });
    const login = (username: string, password: string, remoteAddress = '10.0.0.1') =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password } });

    it('signs a user in with an HttpOnly, SameSite session cookie and never returns the password hash', async () => {
      expect((await createUser({ username: 'yelin-admin', role: 'enterprise_admin', enterprise: MAKER })).statusCode).toBe(201);
      const res = await login('yelin-admin', PASSWORD);
      expect(res.statusCode).toBe(200);
      const setCookie = String([res.headers['set-cookie']].flat()[0]);
      expect(setCookie).toMatch(/^zhuisu_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(res.body).not.toContain('scrypt');
      expect(res.json().user).toMatchObject({ username: 'yelin-admin', role: 'enterprise_admin', enterprise: MAKER });
      const who = await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: { cookie: cookieOf(res) } });
      expect(who.json()).toMatchObject({ kind: 'user', name: 'yelin-admin', role: 'enterprise_admin', enterprise: MAKER });
    });

    it('refuses a write made with the session cookie unless it carries the session’s CSRF token', async () => {
      await createUser({ username: 'yelin-admin', role: 'enterprise_admin', enterprise: MAKER });
      const session = await login('yelin-admin', PASSWORD);
      const cookie = cookieOf(session);
      const payload = { username: 'yelin-clerk', displayName: '录入员', password: PASSWORD, role: 'enterprise_operator', enterprise: MAKER };
      const forged = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie }, payload });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().detail).toContain('x-csrf-token');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie, 'x-csrf-token': 'x'.repeat(43) }, payload });
      expect(wrong.statusCode).toBe(403);
      const made = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie, 'x-csrf-token': session.json().csrfToken }, payload });
      expect(made.statusCode).toBe(201);
    });

    it('answers a wrong password and an unknown user alike, and limits failed logins per account with Retry-After', async () => {
      await createUser({ username: 'clerk', role: 'enterprise_operator', enterprise: MAKER });
      const unknown = await login('nobody', PASSWORD);
      const wrong = await login('clerk', 'not the password');
      expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
      expect(unknown.json().detail).toBe(wrong.json().detail);
      for (let i = 0; i < 4; i++) expect((await login('clerk', 'not the password', `10.0.1.${i}`)).statusCode).toBe(401);
      const limited = await login('clerk', PASSWORD, '10.0.2.1');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('too_many_attempts');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    });

    it('limits failed logins per client address across accounts', async () => {
      for (let i = 0; i < 20; i++) expect((await login(`guess${i}`, 'x', '10.9.9.9')).statusCode).toBe(401);
      await createUser({ username: 'clerk', role: 'enterprise_operator', enterprise: MAKER });
      expect((await login('clerk', PASSWORD, '10.9.9.9')).statusCode).toBe(429);
      expect((await login('clerk', PASSWORD, '10.9.9.10')).statusCode).toBe(200);
    });

    it('ends a session at logout and every session of a disabled user', async () => {
      const made = await createUser({ username: 'clerk', role: 'enterprise_operator', enterprise: MAKER });
      const first = await login('clerk', PASSWORD);
      const second = await login('clerk', PASSWORD);
      const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: cookieOf(first), 'x-csrf-token': first.json().csrfToken } });
      expect(out.statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: { cookie: cookieOf(first) } })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: { cookie: cookieOf(second) } })).statusCode).toBe(200);
      expect((await asAdmin('POST', `/api/v1/users/${made.json().userId}/disable`)).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: { cookie: cookieOf(second) } })).statusCode).toBe(401);
      expect((await login('clerk', PASSWORD)).statusCode).toBe(401);
    });

    it('refuses a short password, naming the field', async () => {
      const res = await createUser({ username: 'clerk', role: 'enterprise_operator', enterprise: MAKER, password: 'short' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'password', reason: '密码至少10个字符 / the password must have at least 10 characters' }]);
    });

    it('lets an enterprise administrator manage only its own enterprise’s users and tokens', async () => {
      await createUser({ username: 'yelin-admin', role: 'enterprise_admin', enterprise: MAKER });
      const session = await login('yelin-admin', PASSWORD);
      const headers = { cookie: cookieOf(session), 'x-csrf-token': session.json().csrfToken };
      const other = await createUser({ username: 'spy', role: 'enterprise_operator', enterprise: OTHER }, headers);
      expect(other.statusCode).toBe(403);
      const regulator = await createUser({ username: 'boss', role: 'regulator', region: '460000' }, headers);
      expect(regulator.statusCode).toBe(403);
      const tokenForOther = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'ERP', role: 'enterprise_operator', enterprise: OTHER } });
      expect(tokenForOther.statusCode).toBe(403);
      const own = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'ERP 出库接口', role: 'enterprise_operator', enterprise: MAKER } });
      expect(own.statusCode).toBe(201);
      await asAdmin('POST', '/api/v1/tokens', { name: 'Sanya ERP', role: 'enterprise_operator', enterprise: OTHER });
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers });
      expect(listed.json().map((tk: { name: string }) => tk.name)).toEqual(['ERP 出库接口']);
    });

    it('checks the scope of what it grants: a registered enterprise, a GB/T 2260 region and known sectors', async () => {
      const noEnterprise = await createUser({ username: 'a1', role: 'enterprise_operator' });
      expect(noEnterprise.json().errors.map((e: { field: string }) => e.field)).toEqual(['enterprise']);
      const unregistered = await createUser({ username: 'a2', role: 'enterprise_operator', enterprise: usccOf('460100', 'MA5RD0C30') });
      expect(unregistered.json().errors.map((e: { field: string }) => e.field)).toEqual(['enterprise']);
      const badRegulator = await createUser({ username: 'a3', role: 'regulator', region: '999999', sectors: ['drug', 'tobacco'] });
      expect(badRegulator.statusCode).toBe(400);
      expect(badRegulator.json().errors.map((e: { field: string }) => e.field)).toEqual(['region', 'sectors']);
      const regulator = await createUser({ username: 'a4', role: 'regulator', region: '460000', sectors: ['drug'] });
      expect(regulator.json()).toMatchObject({ role: 'regulator', region: '460000', sectors: ['drug'] });
    });

    it('shows a machine token once, keeps only its hash, and refuses it once revoked or expired', async () => {
      const issued = await asAdmin('POST', '/api/v1/tokens', { name: 'scale 3', role: 'enterprise_operator', enterprise: MAKER, expiresInDays: 30 });
      expect(issued.statusCode).toBe(201);
      const { token, info } = issued.json();
      expect(token).toMatch(/^zs_[A-Za-z0-9_-]{32}$/);
      expect(info).toMatchObject({ name: 'scale 3', role: 'enterprise_operator', enterprise: MAKER, bootstrap: false });
      const stored = await t.db.selectFrom('apiToken').selectAll().where('tokenId', '=', info.tokenId).executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(JSON.stringify((await asAdmin('GET', '/api/v1/tokens')).json())).not.toContain(token);
      const bearer = { authorization: `Bearer ${token}` };
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: bearer })).json()).toMatchObject({ kind: 'token', role: 'enterprise_operator', enterprise: MAKER });
      expect((await asAdmin('DELETE', `/api/v1/tokens/${info.tokenId}`)).json().revokedAt).toEqual(expect.any(String));
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: bearer })).statusCode).toBe(401);

      await t.db.insertInto('apiToken').values({
        tokenHash: 'f'.repeat(64), tokenId: 'expired-token-01', name: 'old', role: 'enterprise_operator', enterprise: MAKER, region: null, sectors: '[]',
        createdAt: '2025-01-01T00:00:00.000Z', createdBy: null, expiresAt: '2025-06-01T00:00:00.000Z', revokedAt: null, bootstrap: 0,
      }).execute();
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', headers: { authorization: 'Bearer zs_expired' } })).statusCode).toBe(401);
    });

    it('refuses a token expiry outside 1 to 1,098 days', async () => {
      const res = await asAdmin('POST', '/api/v1/tokens', { name: 'forever', role: 'enterprise_operator', enterprise: MAKER, expiresInDays: 100000 });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('expiresInDays');
    });

    it('tells the public to sign in and a signed-in role without the permission that it may not', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
      expect(anonymous.statusCode).toBe(401);
      await createUser({ username: 'clerk', role: 'enterprise_operator', enterprise: MAKER });
      const session = await login('clerk', PASSWORD);
      const denied = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: cookieOf(session) } });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().detail).toBe('企业操作员无权进行此操作 / the role enterprise operator may not do this (manage_accounts)');
    });
  });
}

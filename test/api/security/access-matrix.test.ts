import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../../src/domain/access/permissions.js';
import { ROLES, type Role } from '../../../src/domain/access/roles.js';
import { registerParty, usccOf } from '../../support/parties.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

// Requirement: every route lets in exactly the roles that PERMISSIONS gives its declared access. A role that has the
// permission gets past the door (whatever the dummy request then earns: 400, 404, 422, but never 401, 403 or 500);
// one that lacks it gets 403, and the anonymous public 401, both as application/problem+json.

const MAKER = usccOf('460100', 'MA5QA0001');
const PASSWORD = 'correct horse 电池 staple';
const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
// domain/access/principal.ts checkActsFor: an enterprise writing for another enterprise is refused by its scope, not its role.
const ACTS_FOR_ANOTHER = /只能为本企业（[0-9A-Z]*）操作，不能代.*操作 \/ you act for/;

type Who = Role | 'public';
const EVERYONE: readonly Who[] = ['public', ...ROLES];

/** The scope each role is given: the enterprise roles act for MAKER, the regulator oversees Hainan, every sector. */
const SCOPES: Record<Role, Record<string, unknown>> = {
  platform_admin: { role: 'platform_admin' },
  regulator: { role: 'regulator', region: '460000', sectors: [] },
  enterprise_admin: { role: 'enterprise_admin', enterprise: MAKER },
  enterprise_operator: { role: 'enterprise_operator', enterprise: MAKER },
  inspection_body: { role: 'inspection_body' },
};

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function methodOf(method: string): (typeof METHODS)[number] {
  const known = METHODS.find((m) => m === method);
  if (known === undefined) throw new Error(`a route with method ${method}`);
  return known;
}

/** Whether PERMISSIONS lets `who` through a route that declares `access`. */
function mayPass(access: Permission, who: Who): boolean {
  const allowed: 'anyone' | readonly string[] = PERMISSIONS[access];
  return allowed === 'anyone' || (who !== 'public' && allowed.includes(who));
}

/** The route's URL with each `:param` filled in; a party is always MAKER, so an enterprise role acts for its own. */
function urlOf(route: string): string {
  return route.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    if (name === 'uscc') return MAKER;
    if (name === 'productId') return encodeURIComponent(`${MAKER}/none`);
    return 'none';
  });
}

/**
 * What is wrong with one answer, or undefined. Two refusals after the door are not the door's: a write an enterprise
 * makes for another enterprise (403 naming the scope), and GET /auth/session for a caller with a machine token, which
 * has no session to show (401 saying so).
 */
function mismatchOf(res: LightMyRequestResponse, route: { method: string; url: string; access: Permission }, who: Who, credential: 'token' | 'session'): string | undefined {
  const status = res.statusCode;
  const hasBody = route.method !== 'HEAD';
  const problem: { code?: unknown; detail?: unknown } = hasBody && res.headers['content-type'] === PROBLEM_JSON ? res.json() : {};
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  const said = `${status} ${res.body.slice(0, 160)}`;
  if (mayPass(route.access, who)) {
    if (status >= 500) return `let in, then failed: ${said}`;
    if (status === 403 && ACTS_FOR_ANOTHER.test(detail)) return undefined;
    if (status === 401 && credential === 'token' && route.url === '/api/v1/auth/session') {
      return !hasBody || detail.includes('machine tokens have none') ? undefined : `refused the token: ${said}`;
    }
    if (status === 401 || status === 403) return `kept out though ${route.access} allows ${who}: ${said}`;
    return undefined;
  }
  const expected = who === 'public' ? { status: 401, code: 'unauthorized' } : { status: 403, code: 'forbidden' };
  if (status !== expected.status) return `expected ${expected.status}: ${said}`;
  if (res.headers['content-type'] !== PROBLEM_JSON) return `refused as ${String(res.headers['content-type'])}`;
  if (hasBody && problem.code !== expected.code) return `refused with code ${String(problem.code)}`;
  if (hasBody && who !== 'public' && !detail.endsWith(`(${route.access})`)) return `refused without naming ${route.access}: ${detail}`;
  return undefined;
}

/** The routes to walk: all but the documentation UI, with logout last so that a session lasts the whole walk. */
function routesToWalk(t: TestApp) {
  const routes = t.app.routeAccess.filter((r) => !r.url.startsWith('/docs'));
  const isLogout = (r: { url: string }) => r.url === '/api/v1/auth/logout';
  return [...routes.filter((r) => !isLogout(r)), ...routes.filter(isLogout)];
}

/** Sends every route as every principal with dummy parameters and `{}` as body; returns every mismatch. */
async function walk(t: TestApp, credentials: Map<Who, Record<string, string>>, credential: 'token' | 'session'): Promise<string[]> {
  const mismatches: string[] = [];
  for (const who of EVERYONE) {
    const headers = credentials.get(who);
    if (headers === undefined) throw new Error(`no ${credential} for ${who}`);
    for (const route of routesToWalk(t)) {
      const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
      const res = await t.app.inject({ method: methodOf(route.method), url: urlOf(route.url), headers, ...(hasBody ? { payload: {} } : {}) });
      const mismatch = mismatchOf(res, route, who, credential);
      if (mismatch !== undefined) mismatches.push(`${route.method} ${route.url} as ${who} (${route.access}): ${mismatch}`);
    }
  }
  return mismatches;
}

for (const dialect of testDialects()) {
  describe(`every route × every role (${dialect})`, () => {
    let t: TestApp;
    const tokens = new Map<Who, Record<string, string>>([['public', {}]]);
    const sessions = new Map<Who, Record<string, string>>([['public', {}]]);
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      await registerParty(t.app, t.auth, { uscc: MAKER, name: '海南某制药有限公司', region: '460100', sectors: ['drug'] });
      tokens.set('platform_admin', t.auth);
      for (const role of ROLES) {
        if (role !== 'platform_admin') {
          const issued = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.auth, payload: { name: `matrix ${role}`, ...SCOPES[role] } });
          expect(issued.statusCode, issued.body).toBe(201);
          tokens.set(role, { authorization: `Bearer ${issued.json().token}` });
        }
        const username = role.replaceAll('_', '-');
        const user = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: t.auth, payload: { username, displayName: role, password: PASSWORD, ...SCOPES[role] } });
        expect(user.statusCode, user.body).toBe(201);
        const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
        expect(login.statusCode, login.body).toBe(200);
        const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
        sessions.set(role, { cookie, 'x-csrf-token': login.json().csrfToken });
      }
    });
    afterAll(() => t.close());

    it('walks more than 40 routes, each with a permission of the table', () => {
      const routes = routesToWalk(t);
      expect(new Set(routes.map((r) => `${r.method} ${r.url}`)).size).toBeGreaterThan(40);
      expect(routes.filter((r) => !Object.hasOwn(PERMISSIONS, r.access))).toEqual([]);
    });

    it('lets each machine token through exactly the routes its role is permitted, and answers the rest 401 or 403', async () => {
      expect(await walk(t, tokens, 'token')).toEqual([]);
    });

    it('lets each signed-in user (session cookie and CSRF token) through exactly the routes its role is permitted', async () => {
      expect(await walk(t, sessions, 'session')).toEqual([]);
    });
  });
}

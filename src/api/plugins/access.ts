import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission, isPermission, type Permission } from '../../domain/access/permissions.js';
import { PUBLIC, type Principal } from '../../domain/access/principal.js';
import { ROLE_NAMES } from '../../domain/access/roles.js';
import type { AuditActor } from '../../domain/audit/actor.js';
import { DomainError } from '../../domain/errors.js';
import { isCsrfToken, type Accounts } from '../../accounts/accounts.js';
import type { User } from '../../store/user-store.js';

/** The cookie that carries a web session's secret. */
export const SESSION_COOKIE = 'zhuisu_session';
/** The header that carries a session's CSRF token on every write made with the session cookie. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs (domain/access/permissions.ts); a route without one stops the server at start. */
    access?: Permission;
  }
  interface FastifyInstance {
    /** Every route with what it needs, as declared: what the access tests walk. */
    routeAccess: Array<{ method: string; url: string; access: Permission }>;
  }
  interface FastifyRequest {
    /** Who the request acts for; the public when it carries no credentials. */
    principal: Principal;
    /** Who the audit log names for what this request changes. */
    actor: AuditActor;
    /** The open session the request came with: its cookie's secret and its user. */
    session: { secret: string; user: User } | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who a request is, and whether its route lets it in. A bearer token names a machine; the session cookie a person,
 * whose writes must also carry the session's CSRF token (another site can make a browser send the cookie, not read
 * the token). Every route must declare what it needs; one that declares nothing stops the server at start, so
 * nothing is open by accident. Routes of the documentation plugins are public.
 */
export const accessControl = fp(async (app: FastifyInstance, opts: { accounts: Accounts; publicPrefixes: string[] }) => {
  // Fastify refuses an object as a decorator's default (it would be shared by every request): each request sets its own.
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('actor', null as unknown as AuditActor);
  app.decorateRequest('session', undefined);

  const table: FastifyInstance['routeAccess'] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    const config = route.config ?? {};
    let access = config.access;
    if (access === undefined && opts.publicPrefixes.some((p) => route.url.startsWith(p))) {
      access = 'public';
      route.config = { ...config, access };
    }
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
    if (!isPermission(access)) throw new Error(`route ${String(route.method)} ${route.url} declares an unknown access "${String(access)}"`);
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access });
  });

  async function identify(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new DomainError('unauthorized', '请以 Authorization: Bearer <令牌> 发送令牌 / send the token as Authorization: Bearer <token>');
      const principal = await opts.accounts.tokenPrincipal(match[1]);
      if (!principal) throw new DomainError('unauthorized', '令牌无效、已吊销或已过期 / the bearer token is not known, revoked or expired');
      return principal;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return PUBLIC;
    const session = await opts.accounts.sessionPrincipal(secret);
    if (!session) return PUBLIC;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !isCsrfToken(secret, sent)) {
        throw new DomainError('forbidden', `以会话提交须带 ${CSRF_HEADER} 请求头（登录时返回） / a write with the session cookie needs the ${CSRF_HEADER} header given at login`);
      }
    }
    request.session = { secret, user: session.user };
    return session.principal;
  }

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    // Unknown routes (404) have no config; they need no identity.
    request.principal = access === undefined ? PUBLIC : await identify(request);
    request.actor = actorOf(request.principal, request.ip);
    if (access === undefined) return;
    if (hasPermission(request.principal, access)) return;
    if (request.principal.role === 'public') {
      throw new DomainError('unauthorized', '请先登录，或以 Authorization: Bearer <令牌> 发送机器令牌 / sign in, or send a machine token as Authorization: Bearer <token>');
    }
    const role = ROLE_NAMES[request.principal.role];
    throw new DomainError('forbidden', `${role.zh}无权进行此操作 / the role ${role.en} may not do this (${access})`);
  });
});

function actorOf(principal: Principal, address: string): AuditActor {
  const type = principal.kind === 'user' ? 'user' : principal.bootstrap ? 'bootstrap' : principal.kind === 'token' ? 'token' : 'system';
  return {
    type, id: principal.id || 'public', name: principal.name, address,
    ...(principal.enterprise ? { enterprise: principal.enterprise } : {}),
  };
}

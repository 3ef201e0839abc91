import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { TokenStore } from '../../store/token-store.js';

/** What a route needs: anyone, or an administrator's bearer token. */
export type Access = 'public' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/**
 * Every route must declare its access; one that declares nothing stops the server at start, so nothing is open
 * by accident. Routes of the documentation plugins are public.
 */
export const accessControl = fp(async (app: FastifyInstance, opts: { tokens: TokenStore; publicPrefixes: string[] }) => {
  app.addHook('onRoute', (route) => {
    const config = route.config ?? {};
    if (config.access) return;
    if (opts.publicPrefixes.some((p) => route.url.startsWith(p))) {
      route.config = { ...config, access: 'public' };
      return;
    }
    throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
  });

  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.access !== 'admin') return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError('unauthorized', 'send Authorization: Bearer <token>; the administrator token was printed at first start or set with ZHUISU_ADMIN_TOKEN');
    const token = await opts.tokens.find(match[1]);
    if (!token) throw new DomainError('unauthorized', 'the bearer token is not known or has been revoked');
    if (token.role !== 'admin') throw new DomainError('forbidden', 'this token may not write here');
  });
});

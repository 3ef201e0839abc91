import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../src/domain/access/permissions.js';
import { accessControl } from '../../../src/api/plugins/access.js';
import type { Accounts } from '../../../src/accounts/accounts.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';

describe('every route declares what it needs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('refuses to start with a route that declares nothing', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(accessControl, { accounts: {} as Accounts, publicPrefixes: [] });
    await expect(app.register(async (scoped) => {
      scoped.get('/forgotten', async () => 'open');
    }).ready()).rejects.toThrow('route GET /forgotten declares no access');
  });

  it('lists every route of the platform with a known permission', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(40);
    for (const route of t.app.routeAccess) expect(Object.keys(PERMISSIONS)).toContain(route.access);
    // The public reads are named here, so that opening a route to everyone is a visible change to this test.
    const open = t.app.routeAccess.filter((r) => r.access === 'public' && !r.url.startsWith('/docs')).map((r) => `${r.method} ${r.url}`).sort();
    expect(open).toEqual([
      'GET /',
      'GET /01/:gtin',
      'GET /01/:gtin/10/:lot',
      'GET /01/:gtin/21/:serial',
      'GET /api/v1/catalogue',
      'GET /api/v1/codes/:code',
      'GET /api/v1/products/:productId',
      'GET /api/v1/public/blacklist',
      'GET /api/v1/public/consumer-alerts',
      'GET /api/v1/public/recalls',
      'GET /api/v1/reports/:trackingNumber',
      'GET /api/v1/sectors',
      'GET /api/v1/sectors/:sector',
      'GET /api/v1/sectors/:sector/stages/:stage/template.csv',
      'GET /api/v1/sectors/:sector/stages/:stage/template.xlsx',
      'GET /api/v1/trace/:id',
      'GET /api/v1/trace/:id/export.csv',
      'GET /app',
      'GET /app/*',
      'GET /blacklist',
      'GET /consumer-alerts',
      'GET /epcis/v2/eventTypes',
      'GET /healthz',
      'GET /login',
      'GET /openapi.json',
      'GET /recalls',
      'GET /report',
      'GET /t/:code',
      'HEAD /',
      'HEAD /01/:gtin',
      'HEAD /01/:gtin/10/:lot',
      'HEAD /01/:gtin/21/:serial',
      'HEAD /api/v1/catalogue',
      'HEAD /api/v1/catalogue/',
      'HEAD /api/v1/codes/:code',
      'HEAD /api/v1/products/:productId',
      'HEAD /api/v1/public/blacklist',
      'HEAD /api/v1/public/consumer-alerts',
      'HEAD /api/v1/public/recalls',
      'HEAD /api/v1/reports/:trackingNumber',
      'HEAD /api/v1/sectors',
      'HEAD /api/v1/sectors/',
      'HEAD /api/v1/sectors/:sector',
      'HEAD /api/v1/sectors/:sector/stages/:stage/template.csv',
      'HEAD /api/v1/sectors/:sector/stages/:stage/template.xlsx',
      'HEAD /api/v1/trace/:id',
      'HEAD /api/v1/trace/:id/export.csv',
      'HEAD /app',
      'HEAD /app/*',
      'HEAD /blacklist',
      'HEAD /consumer-alerts',
      'HEAD /epcis/v2/eventTypes',
      'HEAD /healthz',
      'HEAD /login',
      'HEAD /openapi.json',
      'HEAD /recalls',
      'HEAD /report',
      'HEAD /t/:code',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/reports',
    ]);
  });

  it('answers 401 to the public on every route that is not public, before reading the request', async () => {
    const closed = t.app.routeAccess.filter((r) => r.access !== 'public');
    for (const route of closed) {
      const url = route.url.replace(/:[A-Za-z]+/g, 'x');
      const res = await t.app.inject({ method: route.method as 'GET', url, ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { payload: {} }) });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
    }
  });
});

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { webApp } from '../../../src/api/plugins/web-app.js';

describe('the web app on the API\'s port', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const builtApp = (page: string) => {
    const root = mkdtempSync(join(tmpdir(), 'zhuisu-web-'));
    dirs.push(root);
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), page);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    return root;
  };

  it('answers the page of a new build at once, without a restart', async () => {
    const root = builtApp('<!doctype html><script src="/assets/index-abc123.js"></script>');
    const app = Fastify();
    await app.register(webApp, { root });
    const first = await app.inject({ method: 'GET', url: '/login' });
    expect({ status: first.statusCode, cache: first.headers['cache-control'], body: first.body })
      .toEqual({ status: 200, cache: 'no-cache', body: '<!doctype html><script src="/assets/index-abc123.js"></script>' });

    writeFileSync(join(root, 'index.html'), '<!doctype html><script src="/assets/index-def456.js"></script>');
    utimesSync(join(root, 'index.html'), new Date(), new Date(Date.now() + 10_000));
    expect((await app.inject({ method: 'GET', url: '/app/codes' })).body).toBe('<!doctype html><script src="/assets/index-def456.js"></script>');
    await app.close();
  });

  it('serves hashed assets for a year and says how to build the app when it was not built', async () => {
    const root = builtApp('<!doctype html>');
    const app = Fastify();
    await app.register(webApp, { root });
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect({ status: asset.statusCode, cache: asset.headers['cache-control'] }).toEqual({ status: 200, cache: 'public, max-age=31536000, immutable' });
    await app.close();

    const bare = Fastify();
    await bare.register(webApp, { root: join(root, 'missing') });
    const page = await bare.inject({ method: 'GET', url: '/' });
    expect({ status: page.statusCode, body: page.body }).toEqual({ status: 404, body: '网页应用未构建：请运行 npm run build / the web app is not built: run npm run build' });
    await bare.close();
  });
});

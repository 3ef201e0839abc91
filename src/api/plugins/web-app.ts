import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The pages of the web app that a browser may open directly (bookmarks, links in e-mails, a refresh). */
export const WEB_APP_PAGES = ['/', '/login', '/app', '/app/*', '/report', '/recalls', '/consumer-alerts', '/blacklist'];

declare module 'fastify' {
  interface FastifyReply {
    /** Answers the web app's page (which then reads the API), or 404 when the app was not built. */
    sendAppShell(): FastifyReply;
  }
}

/**
 * The built web app (dist/web, `npm run build`) on the API's own port: hashed assets under /assets/ cached for a
 * year, the page itself never cached so that a new build shows at once. The public query paths (/t/…, /01/…)
 * answer this page to browsers through `reply.sendAppShell()`.
 */
export const webApp = fp(async (app: FastifyInstance, opts: { root: string | undefined }) => {
  const indexFile = opts.root === undefined ? undefined : join(opts.root, 'index.html');
  // Read again when a new build replaced it: the old page names hashed assets that the build deleted.
  let read: { mtimeMs: number; page: Buffer } | undefined;
  const appShell = (): Buffer | undefined => {
    const stat = indexFile ? statSync(indexFile, { throwIfNoEntry: false }) : undefined;
    if (!indexFile || !stat) return undefined;
    if (read?.mtimeMs !== stat.mtimeMs) read = { mtimeMs: stat.mtimeMs, page: readFileSync(indexFile) };
    return read.page;
  };
  const built = appShell() !== undefined;

  app.decorateReply('sendAppShell', function sendAppShell(this: FastifyReply) {
    const shell = appShell();
    if (!shell) {
      return this.status(404).type('text/plain; charset=utf-8').send('网页应用未构建：请运行 npm run build / the web app is not built: run npm run build');
    }
    return this.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell);
  });
  if (built && opts.root !== undefined) {
    await app.register(fastifyStatic, { root: join(opts.root, 'assets'), prefix: '/assets/', decorateReply: false, immutable: true, maxAge: '365d' });
  }
  for (const url of WEB_APP_PAGES) {
    app.get(url, { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) => reply.sendAppShell());
  }
});

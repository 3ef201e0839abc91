import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateWindow, RateWindowStore } from '../../store/rate-window-store.js';

type Route = { method?: unknown; url?: unknown };
type Answer = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** The plugin's callback from a window as it stands (none: nothing counted yet). */
function answer(counted: Promise<RateWindow | undefined>, callback: Answer): void {
  counted.then(
    (window) => callback(null, window ? { current: window.hits, ttl: window.msLeft } : { current: 0, ttl: 0 }),
    (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
  );
}

/**
 * @fastify/rate-limit's store, counting in the database instead of each process's memory: with several processes
 * (or machines) serving one database, a limit of 20 reports an hour is 20, not 20 per process. Each route counts
 * under its own method and URL, as the plugin's own store keeps one cache per route.
 */
export function databaseRateLimitStore(windows: RateWindowStore): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly scope: string;

    constructor(route?: Route) {
      this.scope = route?.url ? `rate:${String(route.method)} ${String(route.url)}` : 'rate:global';
    }

    incr(key: string, callback: Answer, timeWindow: number): void {
      answer(windows.hit(`${this.scope}:${key}`, timeWindow), callback);
    }

    read(key: string, callback: Answer): void {
      answer(windows.peek(`${this.scope}:${key}`), callback);
    }

    child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // At run time the plugin passes its merged options with the route under `routeInfo`; its typings say the route.
      return new DatabaseRateLimitStore((options as { routeInfo?: Route }).routeInfo ?? options);
    }
  }
  return DatabaseRateLimitStore;
}

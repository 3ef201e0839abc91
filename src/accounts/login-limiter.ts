import type { RateWindowStore } from '../store/rate-window-store.js';

/**
 * Failed logins counted per account and per client address over a window of 15 minutes from the first failure:
 * guessing one account's password stops after a few tries, and one address cannot walk through many accounts. The
 * counts are in the database, so that every process serving it shares them and a restart does not reset them.
 * (@fastify/rate-limit counts requests, not failures, and a clerk who mistypes once should not be locked out by her
 * own successful logins.)
 */
export function createLoginLimiter(opts: { windows: RateWindowStore; windowMs?: number; perAccount?: number; perAddress?: number }) {
  const windowMs = opts.windowMs ?? 15 * 60_000;
  const limits = { account: opts.perAccount ?? 5, address: opts.perAddress ?? 20 };
  const keys = (username: string, address: string) => ({ account: `login:user:${username.trim().toLowerCase()}`, address: `login:address:${address}` });

  return {
    /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
    async retryAfter(username: string, address: string): Promise<number> {
      const { account, address: from } = keys(username, address);
      let wait = 0;
      for (const [key, limit] of [[account, limits.account], [from, limits.address]] as const) {
        const window = await opts.windows.peek(key);
        if (window && window.hits >= limit) wait = Math.max(wait, Math.ceil(window.msLeft / 1000));
      }
      return wait;
    },
    async failed(username: string, address: string): Promise<void> {
      for (const key of Object.values(keys(username, address))) await opts.windows.hit(key, windowMs);
    },
    /** A successful login clears the account's count (not the address's). */
    async succeeded(username: string): Promise<void> {
      await opts.windows.clear(keys(username, '').account);
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

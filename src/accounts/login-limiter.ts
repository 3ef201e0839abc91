/**
 * Failed logins counted per account and per client address over a sliding window: guessing one account's password
 * stops after a few tries, and one address cannot walk through many accounts. Kept in memory: a restart forgets
 * the counts, which costs an attacker a restart of our server per few guesses. (@fastify/rate-limit counts
 * requests, not failures, and a clerk who mistypes once should not be locked out by her own successful logins.)
 */
export function createLoginLimiter(opts: { now: () => Date; windowMs?: number; perAccount?: number; perAddress?: number }) {
  const windowMs = opts.windowMs ?? 15 * 60_000;
  const limits = { account: opts.perAccount ?? 5, address: opts.perAddress ?? 20 };
  const failures = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const since = opts.now().getTime() - windowMs;
    const times = (failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };
  const keys = (username: string, address: string) => ({ account: `u:${username.toLowerCase()}`, address: `a:${address}` });

  return {
    /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
    retryAfter(username: string, address: string): number {
      const { account, address: from } = keys(username, address);
      let wait = 0;
      for (const [key, limit] of [[account, limits.account], [from, limits.address]] as const) {
        const times = recent(key);
        if (times.length >= limit) {
          const oldest = times[times.length - limit] ?? 0;
          wait = Math.max(wait, Math.ceil((oldest + windowMs - opts.now().getTime()) / 1000));
        }
      }
      return wait;
    },
    failed(username: string, address: string): void {
      const at = opts.now().getTime();
      for (const key of Object.values(keys(username, address))) failures.set(key, [...recent(key), at]);
    },
    /** A successful login clears the account's count (not the address's). */
    succeeded(username: string): void {
      failures.delete(keys(username, '').account);
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

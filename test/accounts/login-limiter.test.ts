import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from '../../src/accounts/login-limiter.js';

describe('failed login limits', () => {
  it('stops an account after five failures for the rest of the 15-minute window, whatever the address', () => {
    let now = Date.UTC(2026, 10, 23, 8, 0, 0);
    const limiter = createLoginLimiter({ now: () => new Date(now) });
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('clerk', `10.0.0.${i}`)).toBe(0);
      limiter.failed('clerk', `10.0.0.${i}`);
      now += 60_000;
    }
    expect(limiter.retryAfter('Clerk', '10.1.1.1')).toBe(600);
    now += 600_000;
    expect(limiter.retryAfter('clerk', '10.1.1.1')).toBe(0);
  });

  it('stops an address after twenty failures across accounts, and a success clears only the account', () => {
    const now = Date.UTC(2026, 10, 23, 8, 0, 0);
    const limiter = createLoginLimiter({ now: () => new Date(now) });
    for (let i = 0; i < 4; i++) limiter.failed('clerk', '10.0.0.1');
    limiter.succeeded('clerk');
    expect(limiter.retryAfter('clerk', '10.0.0.2')).toBe(0);
    for (let i = 0; i < 16; i++) limiter.failed(`user${i}`, '10.0.0.1');
    expect(limiter.retryAfter('someone', '10.0.0.1')).toBe(900);
    expect(limiter.retryAfter('someone', '10.0.0.3')).toBe(0);
  });
});

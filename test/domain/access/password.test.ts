import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../../src/domain/access/password.js';

describe('passwords', () => {
  it('stores scrypt with its parameters and a salt of its own for every password', async () => {
    const a = await hashPassword('correct horse 电池 staple');
    const b = await hashPassword('correct horse 电池 staple');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse 电池 staple', a)).toBe(true);
    expect(await verifyPassword('correct horse 电池 staplE', a)).toBe(false);
  });

  it('matches nothing against a malformed or tampered hash', async () => {
    const stored = await hashPassword('correct horse 电池 staple');
    expect(await verifyPassword('correct horse 电池 staple', stored.replace('scrypt$15', 'scrypt$30'))).toBe(false);
    expect(await verifyPassword('correct horse 电池 staple', 'sha256$abc')).toBe(false);
    expect(await verifyPassword('', '')).toBe(false);
  });

  it('refuses short passwords and passwords that contain the username', () => {
    expect(passwordProblem('123456789', { username: 'clerk' })).toBe('密码至少10个字符 / the password must have at least 10 characters');
    expect(passwordProblem('my-Clerk-password', { username: 'clerk' })).toBe('密码不能包含用户名 / the password must not contain the username');
    expect(passwordProblem('十个汉字的长密码就可以了', { username: 'clerk' })).toBeUndefined();
  });
});

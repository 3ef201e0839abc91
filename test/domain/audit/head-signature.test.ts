import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkHeadSignature, generateSigningKeys, headPayload, signHead, signingAlgorithmOf, type AuditHead } from '../../../src/domain/audit/head-signature.js';

const HEAD: AuditHead = { seq: 42, hash: 'ab'.repeat(32), algorithm: 'sm3', at: '2026-11-25T02:00:00.000Z', nodeCode: '460100', exportedAt: '2026-11-25T03:00:00.000Z' };

describe.each(['sm2', 'ed25519'] as const)('signed chain head (%s)', (algorithm) => {
  const keys = generateSigningKeys(algorithm);

  it('recognises its key pair after a round trip through PEM', () => {
    expect(signingAlgorithmOf(createPrivateKey(keys.privateKey))).toBe(algorithm);
  });

  it('signs a head that anyone can check with the public key', () => {
    const signed = signHead(HEAD, keys.privateKey);
    expect(signed.signature).toMatchObject({ algorithm, publicKey: keys.publicKey });
    expect(checkHeadSignature(signed)).toEqual({ ok: true, algorithm });
    expect(checkHeadSignature(signed, { trusted: keys.publicKey })).toEqual({ ok: true, algorithm });
  });

  it.each<[string, Partial<AuditHead>]>([
    ['seq', { seq: 41 }],
    ['hash', { hash: 'ac'.repeat(32) }],
    ['node', { nodeCode: '110000' }],
    ['export time', { exportedAt: '2026-11-26T03:00:00.000Z' }],
  ])('refuses a head whose %s was changed after signing', (_field, change) => {
    const signed = signHead(HEAD, keys.privateKey);
    expect(checkHeadSignature({ ...signed, ...change })).toEqual({ ok: false, reason: '签名与链头内容不符 / the signature does not match the head' });
  });

  it('refuses a head signed by another key than the trusted one, even when it carries that other key', () => {
    const other = generateSigningKeys(algorithm);
    const signed = signHead(HEAD, other.privateKey);
    expect(checkHeadSignature(signed)).toEqual({ ok: true, algorithm });
    expect(checkHeadSignature(signed, { trusted: keys.publicKey })).toEqual({ ok: false, reason: '签名公钥与所信任的公钥不同 / the head was signed with another key than the trusted one' });
  });
});

describe('chain head signing', () => {
  it('signs the head\'s fields as a JSON array in a fixed order', () => {
    expect(headPayload(HEAD)).toBe(`["zhuisu-audit-head/1",42,"${'ab'.repeat(32)}","sm3","2026-11-25T02:00:00.000Z","460100","2026-11-25T03:00:00.000Z"]`);
  });

  it('refuses an unsigned head and a key that is neither SM2 nor Ed25519', () => {
    expect(checkHeadSignature(HEAD)).toEqual({ ok: false, reason: '链头未签名 / the head is not signed' });
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signHead(HEAD, p256)).toThrow('the signing key is neither an SM2 nor an Ed25519 key');
  });
});

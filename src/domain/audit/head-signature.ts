import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { AuditAlgorithm } from './chain-hash.js';

/** The key types a node may sign its chain head with: SM2 (GB/T 32918) with SM3, or Ed25519. */
export type SigningAlgorithm = 'sm2' | 'ed25519';

/** The head of the chain as exported: the last entry's seq and hash, and where and when it was taken. */
export interface AuditHead {
  seq: number;
  hash: string;
  algorithm: AuditAlgorithm;
  /** When the head entry was written. */
  at: string;
  /** The node whose chain this is (ZHUISU_NODE_CODE). */
  nodeCode: string;
  exportedAt: string;
}

export interface HeadSignature {
  algorithm: SigningAlgorithm;
  /** Base64 of the signature over `headPayload(head)`. */
  value: string;
  /** The signer's public key, SPKI PEM. */
  publicKey: string;
}

export type SignedAuditHead = AuditHead & { signature?: HeadSignature };

/** The bytes that are signed: the head's fields as a JSON array in a fixed order. */
export function headPayload(head: AuditHead): string {
  return JSON.stringify(['zhuisu-audit-head/1', head.seq, head.hash, head.algorithm, head.at, head.nodeCode, head.exportedAt]);
}

// 1.2.156.10197.1.301, the SM2 curve, as DER: Node reads SM2 keys without naming their type.
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');

/** The signing algorithm of a key, or undefined for a key of another type. */
export function signingAlgorithmOf(key: KeyObject): SigningAlgorithm | undefined {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  if (pub.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (pub.asymmetricKeyType !== undefined && pub.asymmetricKeyType !== 'ec') return undefined;
  return pub.export({ type: 'spki', format: 'der' }).includes(SM2_CURVE_OID) ? 'sm2' : undefined;
}

// SM2 signs with SM3 (GM/T 0009); Ed25519 hashes inside the algorithm and takes no digest.
const digestOf = (algorithm: SigningAlgorithm): string | null => (algorithm === 'sm2' ? 'sm3' : null);

/** A new key pair of the node, as PKCS#8 and SPKI PEM. */
export function generateSigningKeys(algorithm: SigningAlgorithm): { privateKey: string; publicKey: string } {
  const pair = algorithm === 'sm2' ? generateKeyPairSync('ec', { namedCurve: 'SM2' }) : generateKeyPairSync('ed25519');
  return {
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Signs a head with the node's private key (PEM); throws for a key that is neither SM2 nor Ed25519. */
export function signHead(head: AuditHead, privateKeyPem: string): SignedAuditHead {
  const key = createPrivateKey(privateKeyPem);
  const algorithm = signingAlgorithmOf(key);
  if (!algorithm) throw new Error('the signing key is neither an SM2 nor an Ed25519 key');
  const value = sign(digestOf(algorithm), Buffer.from(headPayload(head), 'utf8'), key).toString('base64');
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return { ...head, signature: { algorithm, value, publicKey } };
}

/** The outcome of checking a signed head, with the reason in Chinese and English when it fails. */
export type HeadCheck = { ok: true; algorithm: SigningAlgorithm } | { ok: false; reason: string };

/**
 * Checks a head's signature against the public key it carries, and that key against `trusted` when given: the
 * carried key only shows the head is unchanged since it was signed; the trusted key shows who signed it.
 */
export function checkHeadSignature(head: SignedAuditHead, opts: { trusted?: string } = {}): HeadCheck {
  const { signature } = head;
  if (!signature) return { ok: false, reason: '链头未签名 / the head is not signed' };
  let key: KeyObject;
  try {
    key = createPublicKey(signature.publicKey);
  } catch {
    return { ok: false, reason: '签名所附公钥无法读取 / the public key of the signature cannot be read' };
  }
  const algorithm = signingAlgorithmOf(key);
  if (!algorithm || algorithm !== signature.algorithm) {
    return { ok: false, reason: `公钥不是${signature.algorithm}密钥 / the public key is not an ${signature.algorithm} key` };
  }
  if (opts.trusted !== undefined && !samePublicKey(key, opts.trusted)) {
    return { ok: false, reason: '签名公钥与所信任的公钥不同 / the head was signed with another key than the trusted one' };
  }
  const valid = verify(digestOf(algorithm), Buffer.from(headPayload(head), 'utf8'), key, Buffer.from(signature.value, 'base64'));
  return valid ? { ok: true, algorithm } : { ok: false, reason: '签名与链头内容不符 / the signature does not match the head' };
}

function samePublicKey(key: KeyObject, trustedPem: string): boolean {
  let trusted: KeyObject;
  try {
    trusted = createPublicKey(trustedPem);
  } catch {
    return false;
  }
  return key.export({ type: 'spki', format: 'der' }).equals(trusted.export({ type: 'spki', format: 'der' }));
}

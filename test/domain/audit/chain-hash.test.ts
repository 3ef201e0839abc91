import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/domain/audit/actor.js';
import { canonicalEntry, chainEntry, chainHash, detailsText, GENESIS_HASH, type UnchainedEntry } from '../../../src/domain/audit/chain-hash.js';

const ENTRY: UnchainedEntry = {
  seq: 2,
  at: '2026-11-25T02:00:00.000Z',
  actor: { type: 'token', id: 'tok-1', name: 'ERP', enterprise: '91460100MA5T0FXM3X', address: '10.0.0.7' },
  action: 'capture',
  subject: 'c-1',
  details: detailsText({ sent: 3, recordTime: '2026-11-25T02:00:00.000Z' }),
  algorithm: 'sm3',
  events: { firstSeq: 10, lastSeq: 12, count: 3, digest: 'ab'.repeat(32) },
};
const PREV = '5'.repeat(64);

describe('audit chain hash', () => {
  it('is the SM3 of GB/T 32905-2016, whose worked example "abc" hashes to 66c7f0f4…8f4ba8e0', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('writes an entry as a JSON array of its fields in a fixed order, details as stored text', () => {
    expect(canonicalEntry(ENTRY)).toBe(
      '["zhuisu-audit/1",2,"2026-11-25T02:00:00.000Z","token","tok-1","ERP","91460100MA5T0FXM3X","10.0.0.7","capture","c-1",'
      + '"{\\"recordTime\\":\\"2026-11-25T02:00:00.000Z\\",\\"sent\\":3}","sm3",10,12,3,"' + 'ab'.repeat(32) + '",null,null,null,null]',
    );
    expect(canonicalEntry({ ...ENTRY, actor: SYSTEM_ACTOR, events: undefined })).toBe(
      '["zhuisu-audit/1",2,"2026-11-25T02:00:00.000Z","system","zhuisu",null,null,null,"capture","c-1",'
      + '"{\\"recordTime\\":\\"2026-11-25T02:00:00.000Z\\",\\"sent\\":3}","sm3",null,null,null,null,null,null,null,null]',
    );
  });

  it('hashes the previous hash\'s bytes, then the entry, with the entry\'s algorithm', () => {
    for (const algorithm of ['sm3', 'sha256'] as const) {
      const expected = createHash(algorithm).update(Buffer.from(PREV, 'hex')).update(canonicalEntry({ ...ENTRY, algorithm })).digest('hex');
      expect(chainHash(PREV, { ...ENTRY, algorithm })).toBe(expected);
    }
    expect(chainHash(PREV, ENTRY)).not.toBe(chainHash(PREV, { ...ENTRY, algorithm: 'sha256' }));
    expect(chainEntry(GENESIS_HASH, ENTRY)).toEqual({ ...ENTRY, prevHash: GENESIS_HASH, hash: chainHash(GENESIS_HASH, ENTRY) });
  });

  it.each<[string, Partial<UnchainedEntry>]>([
    ['seq', { seq: 3 }],
    ['time', { at: '2026-11-25T02:00:00.001Z' }],
    ['actor id', { actor: { ...ENTRY.actor, id: 'tok-2' } }],
    ['client address', { actor: { ...ENTRY.actor, address: '10.0.0.8' } }],
    ['enterprise', { actor: { type: 'token', id: 'tok-1', name: 'ERP', address: '10.0.0.7' } }],
    ['action', { action: 'import' }],
    ['subject', { subject: 'c-2' }],
    ['details', { details: detailsText({ sent: 4, recordTime: '2026-11-25T02:00:00.000Z' }) }],
    ['event range', { events: { firstSeq: 10, lastSeq: 13, count: 3, digest: 'ab'.repeat(32) } }],
    ['event digest', { events: { firstSeq: 10, lastSeq: 12, count: 3, digest: 'ac'.repeat(32) } }],
  ])('changes when the %s changes', (_field, change) => {
    expect(chainHash(PREV, { ...ENTRY, ...change })).not.toBe(chainHash(PREV, ENTRY));
  });

  it('changes with the previous hash, so an entry cannot move in the chain', () => {
    expect(chainHash(GENESIS_HASH, ENTRY)).not.toBe(chainHash(PREV, ENTRY));
  });

  it('stores details with their keys sorted at every depth', () => {
    expect(detailsText({ b: 1, a: { d: [{ f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"e":2,"f":1}]},"b":1}');
  });
});

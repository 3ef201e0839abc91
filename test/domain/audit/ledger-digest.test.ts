import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLedgerDigest } from '../../../src/domain/audit/ledger-digest.js';
import { contentHashOfHashId, eventContentHash } from '../../../src/domain/event-hash.js';
import { eventHashId } from '../../../src/domain/event-hash.js';

const EVENT = {
  type: 'ObjectEvent', eventTime: '2026-05-01T00:00:00.000Z', eventTimeZoneOffset: '+08:00', action: 'ADD', bizStep: 'commissioning',
  epcList: ['urn:epc:id:sgtin:6901234.012345.1'], 'ex:temp': 4,
};
const NS = { ex: 'https://ns.example.com/' };

function digestOf(events: Array<[string, string]>, algorithm: 'sm3' | 'sha256' = 'sm3'): string {
  const digest = createLedgerDigest(algorithm);
  for (const [id, hash] of events) digest.addEvent(id, hash);
  return digest.digest();
}

describe('ledger digest', () => {
  it('takes an event\'s content hash from CBV 2.0, leaving out its eventID and recordTime', () => {
    const hashId = eventHashId(EVENT, NS);
    expect(eventContentHash(EVENT, NS)).toBe(contentHashOfHashId(hashId));
    expect(eventContentHash({ ...EVENT, eventID: 'urn:uuid:1', recordTime: '2026-05-02T00:00:00.000Z' }, NS)).toBe(contentHashOfHashId(hashId));
    expect(eventContentHash({ ...EVENT, bizStep: 'shipping' }, NS)).not.toBe(contentHashOfHashId(hashId));
  });

  it('hashes each event as its content hash and its JSON-quoted eventID, one line each, in order', () => {
    const h = 'ab'.repeat(32);
    expect(digestOf([['urn:uuid:1', h]])).toBe(createHash('sm3').update(`${h}"urn:uuid:1"\n`).digest('hex'));
    expect(digestOf([['urn:uuid:1', h]], 'sha256')).toBe(createHash('sha256').update(`${h}"urn:uuid:1"\n`).digest('hex'));
  });

  it('changes when events are reordered, dropped or renamed', () => {
    const a: [string, string] = ['urn:uuid:1', '1'.repeat(64)];
    const b: [string, string] = ['urn:uuid:2', '2'.repeat(64)];
    const both = digestOf([a, b]);
    expect(new Set([both, digestOf([b, a]), digestOf([a]), digestOf([a, ['urn:uuid:3', b[1]]])]).size).toBe(4);
  });

  it('does not let one eventID pass for two events', () => {
    const first: [string, string] = ['urn:x', '1'.repeat(64)];
    const second: [string, string] = ['urn:y', '2'.repeat(64)];
    const forged: [string, string] = [`urn:x"\n${'2'.repeat(64)}"urn:y`, '1'.repeat(64)];
    expect(digestOf([forged])).not.toBe(digestOf([first, second]));
  });

  it('counts what it took and hashes declarations by every column', () => {
    const digest = createLedgerDigest('sm3');
    const row = { eventId: 'urn:uuid:1', declarationTime: '2026-05-02T00:00:00.000Z', reason: null, recordTime: '2026-05-03T00:00:00.000Z', body: '{"reason":null}' };
    digest.addDeclaration(row);
    expect(digest.count).toBe(1);
    expect(digest.digest()).toBe(createHash('sm3').update(`${JSON.stringify(['urn:uuid:1', '2026-05-02T00:00:00.000Z', null, '2026-05-03T00:00:00.000Z', '{"reason":null}'])}\n`).digest('hex'));
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventKeyOf } from '../../src/store/event-rows.js';

describe('event keys', () => {
  it('takes the key of a CBV 2.0 hash id from the first 52 bits of its digest', () => {
    const id = 'ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0';
    expect(eventKeyOf(id)).toBe(0xdf7bb3c352fef);
  });

  it('hashes any other eventID to a whole number that JavaScript holds exactly', () => {
    const key = eventKeyOf('urn:uuid:6c0b7f0e-3a7d-4a55-9d7e-000000000001');
    expect(Number.isSafeInteger(key)).toBe(true);
    expect(key).toBe(eventKeyOf('urn:uuid:6c0b7f0e-3a7d-4a55-9d7e-000000000001'));
    expect(key).not.toBe(eventKeyOf('urn:uuid:6c0b7f0e-3a7d-4a55-9d7e-000000000002'));
  });

  it('keys an id that only looks like a hash id (upper-case or non-hex digits) by the SHA-256 of the id, as stored keys were made', () => {
    for (const id of [
      'ni:///sha-256;DF7BB3C352FEF055578554F09F5E2AA41782150CED7BD0B8AF24DD3CCB30BA69?ver=CBV2.0',
      'ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba6g?ver=CBV2.0',
      'ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.1',
    ]) {
      expect(eventKeyOf(id)).toBe(Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 13), 16));
    }
  });
});

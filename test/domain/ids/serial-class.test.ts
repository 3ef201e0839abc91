import { describe, expect, it } from 'vitest';
import { canonicalId } from '../../../src/domain/event.js';
import { toDigitalLink } from '../../../src/domain/ids/digital-link.js';
import { perSerialClass } from '../../../src/domain/ids/serial-class.js';
import { parseUnitId } from '../../../src/domain/ids/unit-id.js';

const ITEMS = [
  'urn:epc:id:sgtin:6924956.034001.1001157',
  'urn:epc:id:sgtin:6924956.034001.1001158',
  'urn:epc:id:sgtin:6924956.034001.A7b',
  'urn:epc:id:sgtin:6924956.034001.00000000000000000001',
  // Serials that are escaped, or too long, or a class that is wrong, take the full conversion.
  'urn:epc:id:sgtin:6924956.034001.98%22',
  'urn:epc:id:sgtin:6924956.034001.123456789012345678901',
  'urn:epc:id:sgtin:6924956.03400.5',
  'urn:epc:class:lgtin:6924956.034001.24010201349',
  'urn:epc:class:lgtin:6924956.034001.LOT-7',
  'urn:epc:id:sscc:6993280.0000000286',
  'https://id.gs1.org/01/06924956340017/21/1001159',
];

describe('perSerialClass', () => {
  it('gives every identifier the Digital Link that the full conversion gives', () => {
    const convert = (uri: string) => toDigitalLink(uri) ?? uri;
    const memoised = perSerialClass(convert);
    for (const uri of [...ITEMS, ...ITEMS]) expect(memoised(uri)).toBe(convert(uri));
    expect(memoised('urn:epc:id:sgtin:6924956.034001.1001160')).toBe('https://id.gs1.org/01/06924956340017/21/1001160');
  });

  it('gives every identifier the canonical id that parsing gives, and refuses what parsing refuses', () => {
    for (const uri of [...ITEMS, ...ITEMS]) {
      let expected: string;
      try {
        expected = parseUnitId(uri).canonical;
      } catch (err) {
        expect(() => canonicalId(uri)).toThrow((err as Error).message);
        continue;
      }
      expect(canonicalId(uri)).toBe(expected);
    }
  });

  it('converts a class once and appends the serials of its other items', () => {
    const seen: string[] = [];
    const memoised = perSerialClass((uri) => {
      seen.push(uri);
      return `converted:${uri.slice(uri.lastIndexOf(':') + 1)}`;
    });
    expect(memoised('urn:epc:id:sgtin:6924956.034001.1')).toBe('converted:6924956.034001.1');
    expect(memoised('urn:epc:id:sgtin:6924956.034001.2')).toBe('converted:6924956.034001.2');
    expect(memoised('urn:epc:id:sgtin:6924956.034002.3')).toBe('converted:6924956.034002.3');
    expect(seen).toEqual(['urn:epc:id:sgtin:6924956.034001.1', 'urn:epc:id:sgtin:6924956.034002.3']);
  });

  it('does not remember a class whose conversion fails, so each item is refused in its own words', () => {
    let calls = 0;
    const memoised = perSerialClass((uri) => {
      calls += 1;
      throw new Error(`bad ${uri}`);
    });
    expect(() => memoised('urn:epc:id:sgtin:6924956.03400.1')).toThrow('bad urn:epc:id:sgtin:6924956.03400.1');
    expect(() => memoised('urn:epc:id:sgtin:6924956.03400.2')).toThrow('bad urn:epc:id:sgtin:6924956.03400.2');
    expect(calls).toBe(2);
  });
});

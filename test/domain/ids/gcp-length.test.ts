import { describe, expect, it } from 'vitest';
import { DEFAULT_GCP_LENGTH, findGcpLength, gcpLength } from '../../../src/domain/ids/gcp-length.js';

describe('findGcpLength', () => {
  it.each([
    ['690', '690123456789', 7],
    ['691', '691234567890', 7],
    ['692', '692123456789', 8],
    ['693', '693123456789', 8],
    ['694', '694123456789', 8],
    ['699', '699123456789', 8],
  ])('gives the GS1 China company prefix length for prefix %s', (_prefix, digits, length) => {
    expect(findGcpLength(digits)).toBe(length);
  });

  it.each([
    ['0614141', '061414107346', 7],
    ['4012345', '4012345012345', 7],
    ['4000001', '400000198765', 7],
    ['0012345', '001234511111', 7],
    ['952001', '9520011012345', 6],
    ['95252084', '952520840001', 8],
    ['952005385', '952005385011', 9],
    ['415056789012', '4150567890120', 12],
    ['999999999999', '999999999999', 12],
  ])('gives the split the conformance EPC URIs use for prefix %s', (_prefix, digits, length) => {
    expect(findGcpLength(digits)).toBe(length);
  });

  it('prefers the longest matching prefix', () => {
    expect(findGcpLength('952001101234')).toBe(6);
    expect(findGcpLength('952000101234')).toBe(7);
  });

  it('has no entry for a prefix outside the table', () => {
    expect(findGcpLength('301234567890')).toBeUndefined();
  });

  it('has no entry for input shorter than every listed prefix', () => {
    expect(findGcpLength('69')).toBeUndefined();
  });
});

describe('gcpLength', () => {
  it('falls back to 7 digits for an unknown prefix', () => {
    expect(DEFAULT_GCP_LENGTH).toBe(7);
    expect(gcpLength('301234567890')).toBe(7);
  });

  it('uses the table when it has an entry', () => {
    expect(gcpLength('692123456789')).toBe(8);
  });
});
